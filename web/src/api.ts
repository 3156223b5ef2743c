/**
 * The wirecoder HTTP API as the web app uses it. The shapes are the store's own types (imported as
 * types only); the server answers errors as `{statusCode, error, message}`.
 */
import type {
  Commitment,
  CodedText,
  DyadRow,
  EventPage,
  MonthlyRow,
  PlaceRow,
  StoreStats,
  StoredStory,
} from '../../src/store/types.js';

export type { Annotation, Commitment, CodedText, DyadRow, MonthlyRow, PlaceRow, StoreStats, StoredEvent, StoredStory } from '../../src/store/types.js';
export type { ActorRef, EventRecord, Quantity } from '../../src/types.js';

export type CommitmentRow = Commitment & { story: string; headline: string | null; date: string | null };

/** An error answer of the API, or a failure to reach it. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(body: unknown): body is { statusCode: number; error: string; message: string } {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b['message'] === 'string';
}

/** API paths are relative to the page, so the app also works when served under a prefix. */
export function apiUrl(path: string, params?: URLSearchParams): string {
  const query = params !== undefined && params.toString() !== '' ? `?${params.toString()}` : '';
  return `api/${path}${query}`;
}

async function request<T>(path: string, params: URLSearchParams | undefined, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    res = await fetch(apiUrl(path, params), { ...init, headers });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'Network error', `cannot reach the wirecoder server (${err instanceof Error ? err.message : String(err)})`);
  }
  let body: unknown = null;
  const text = await res.text();
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    if (isErrorBody(body)) throw new ApiError(res.status, body.error ?? res.statusText, body.message);
    throw new ApiError(res.status, res.statusText, `the server answered ${res.status} ${res.statusText}`);
  }
  if (body === null) throw new ApiError(res.status, 'Bad answer', 'the server answer is not JSON');
  return body as T;
}

function withParams(filters: URLSearchParams, extra: Record<string, string>): URLSearchParams {
  const p = new URLSearchParams(filters);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

export const PAGE_SIZE = 50;

export const api = {
  stats: (signal?: AbortSignal) => request<StoreStats>('stats', undefined, { signal: signal ?? null }),
  events: (filters: URLSearchParams, cursor: string | null, signal?: AbortSignal) =>
    request<EventPage>('events', withParams(filters, cursor === null ? { limit: String(PAGE_SIZE) } : { limit: String(PAGE_SIZE), cursor }), { signal: signal ?? null }),
  monthly: (filters: URLSearchParams, signal?: AbortSignal) =>
    request<{ rows: MonthlyRow[] }>('aggregates/monthly', filters, { signal: signal ?? null }),
  dyads: (filters: URLSearchParams, signal?: AbortSignal) =>
    request<{ rows: DyadRow[] }>('aggregates/dyads', withParams(filters, { limit: '40' }), { signal: signal ?? null }),
  /** Goldstein per month for one dyad within the other filters (the dyad's codes replace source and target). */
  goldstein: (filters: URLSearchParams, dyad: { source: string; target: string }, signal?: AbortSignal) =>
    request<{ rows: MonthlyRow[] }>('aggregates/goldstein', withParams(filters, { source: dyad.source, target: dyad.target, match: 'exact' }), { signal: signal ?? null }),
  places: (filters: URLSearchParams, signal?: AbortSignal) =>
    request<{ rows: PlaceRow[] }>('places', withParams(filters, { limit: '500' }), { signal: signal ?? null }),
  commitments: (filters: URLSearchParams, signal?: AbortSignal) =>
    request<{ rows: CommitmentRow[] }>('commitments', withParams(filters, { limit: '50' }), { signal: signal ?? null }),
  story: (id: string, signal?: AbortSignal) => request<StoredStory>(`stories/${encodeURIComponent(id)}`, undefined, { signal: signal ?? null }),
  code: (body: { text: string; date?: string; headline?: string }, signal?: AbortSignal) =>
    request<CodedText>('code', undefined, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: signal ?? null,
    }),
  exportUrl: (filters: URLSearchParams, format: 'csv' | 'jsonl') => apiUrl('events/export', withParams(filters, { format })),
};

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.status > 0 ? `${err.status} ${err.error}: ${err.message}` : err.message;
  return err instanceof Error ? err.message : String(err);
}
