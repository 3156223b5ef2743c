/**
 * Export of any event query as CSV or JSON Lines, streamed: the store is read page by page (keyset
 * pagination, each page its own short query), so a large export neither holds the database busy between
 * pages nor builds the whole answer in memory, and other requests are served in between.
 */
import { Readable } from 'node:stream';
import type { EventFilter, EventStore, StoredEvent } from '../store/types.js';

export type ExportFormat = 'csv' | 'jsonl';

const PAGE = 1000;

/** Flat CSV columns, GDELT-like names where GDELT has the field. */
const COLUMNS: readonly [string, (e: StoredEvent) => string | number | boolean | null][] = [
  ['event_id', (e) => e.id],
  ['story_id', (e) => e.story],
  ['date', (e) => e.date],
  ['date_text', (e) => e.date_text],
  ['source_code', (e) => e.source.code],
  ['source_text', (e) => e.source.text],
  ['source_country', (e) => e.source.country],
  ['target_code', (e) => e.target?.code ?? null],
  ['target_text', (e) => e.target?.text ?? null],
  ['target_country', (e) => e.target?.country ?? null],
  ['cameo', (e) => e.cameo.code],
  ['cameo_root', (e) => e.cameo.root],
  ['quad_class', (e) => e.cameo.quad],
  ['goldstein', (e) => e.cameo.goldstein],
  ['plover_type', (e) => e.plover.type],
  ['plover_mode', (e) => e.plover.mode],
  ['place', (e) => e.place?.name ?? null],
  ['place_country', (e) => e.place?.country ?? null],
  ['lat', (e) => e.place?.lat ?? null],
  ['lon', (e) => e.place?.lon ?? null],
  ['quantities', (e) => e.quantities.map((q) => `${q.value} ${q.unit}`).join('; ')],
  ['condition', (e) => e.condition],
  ['deadline', (e) => e.deadline],
  ['negated', (e) => e.negated],
  ['modality', (e) => e.modality],
  ['speaker', (e) => e.speaker?.code ?? null],
  ['verb', (e) => e.verb.text],
  ['rule', (e) => e.rule.id],
  ['rule_file', (e) => `${e.rule.file}:${e.rule.line}`],
  ['sentence', (e) => e.text],
  ['headline', (e) => e.headline],
];

/**
 * One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula (= + - @ at the
 * start) gets a leading apostrophe; numbers are written as numbers.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return COLUMNS.map(([name]) => name).join(',') + '\r\n';
}

export function csvRow(e: StoredEvent): string {
  return COLUMNS.map(([, get]) => csvCell(get(e))).join(',') + '\r\n';
}

/** The export as a stream of text chunks (one chunk per page); stops after `max` events. */
export function exportStream(store: EventStore, filter: EventFilter, format: ExportFormat, max: number): Readable {
  async function* chunks(): AsyncGenerator<string> {
    if (format === 'csv') yield csvHeader();
    let cursor: string | null = null;
    let left = max;
    while (left > 0) {
      const page: { events: (StoredEvent | string)[]; next: string | null } = format === 'csv' ? store.queryEvents(filter, { limit: Math.min(PAGE, left), cursor }) : store.queryEventsJson(filter, { limit: Math.min(PAGE, left), cursor });
      left -= page.events.length;
      let out = '';
      for (const e of page.events) out += typeof e === 'string' ? e + '\n' : csvRow(e);
      if (out.length > 0) yield out;
      if (page.next === null) break;
      cursor = page.next;
      // let other requests in between pages
      await new Promise((r) => setImmediate(r));
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
