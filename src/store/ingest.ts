/**
 * Reading, coding and storing stories in batches.
 *
 * Each batch is one store transaction (EventStore.putStories), and a story already stored by the same
 * coder (same content hash, same fingerprint) is not coded again. So a run stopped at any moment (even by
 * `kill -9`) loses at most the batch it was working on, and running it again codes exactly what is
 * missing: no story lost, none stored twice.
 */
import type { Coder } from '../coder.js';
import { inputEntries, isInputProblem, isInputWarning, isJsonlName, problemLocation, readInputBatches } from '../ingest/index.js';
import type { InputFormat } from '../ingest/index.js';
import { inProcess } from '../pool/pool.js';
import type { CodingFailure, StoryCoder, WorkerResult } from '../pool/pool.js';
import type { StoryInput } from '../types.js';
import { storyHash } from './fingerprint.js';
import type { EventStore, PutOutcome, StoryToStore } from './types.js';

export interface IngestProgress {
  /** Stories handled so far (coded and stored, found unchanged, or failed). */
  done: number;
  /** Stories expected, when that could be counted cheaply up front; else null. */
  total: number | null;
  stored: number;
  unchanged: number;
  recoded: number;
  /** Input problems and stories that failed to code. */
  problems: number;
  /** Stories handled per second so far. */
  rate: number;
}

export interface IngestSummary extends IngestProgress {
  /** Stories that failed to code (included in problems). */
  failed: number;
  elapsedMs: number;
}

export interface IngestOptions {
  store: EventStore;
  /**
   * The coder, a function loading it (called once, only when a story needs coding), or a StoryCoder
   * (src/pool/pool.ts: coding on worker threads).
   */
  coder: Coder | (() => Promise<Coder>) | StoryCoder;
  /** Fingerprint of that coder (coderFingerprint). */
  fingerprint: string;
  input?: InputFormat;
  /** Date of stories that carry none. */
  date?: string | null;
  /** At most this many stories (in reading order); 0 or absent: all. */
  limit?: number;
  /** Stories per transaction (default 64). */
  batchSize?: number;
  /** Standard input, for "-" (default process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Called after each batch is stored. */
  onProgress?(p: IngestProgress): void;
  /** An input problem or a story that failed to code: "FILE:LINE: message". */
  onProblem?(message: string): void;
  /** A warning about an input that was still read (e.g. an invalid date replaced): "FILE:LINE: message". */
  onWarning?(message: string): void;
}

/** The coder could not be loaded: nothing more can be coded. */
function isStoryCoder(c: IngestOptions['coder']): c is StoryCoder {
  return typeof c === 'object' && 'threads' in c && typeof (c as StoryCoder).code === 'function';
}

export class CoderLoadError extends Error {
  override name = 'CoderLoadError';
}

/** A story's fate; a failed one says why (`busy`: no coding thread was free in time, post it again). */
export type StoryOutcome = { id: string; outcome: PutOutcome | 'failed'; error?: string; reason?: CodingFailure };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}


/** What to do with each story of a batch: already stored by this coder, a repeat of an earlier one in the batch, or code it. */
type Plan = { kind: 'unchanged' } | { kind: 'repeat'; of: number } | { kind: 'code' };

function planBatch(hashes: readonly string[], store: EventStore, fingerprint: string): Plan[] {
  const known = store.coderOf([...new Set(hashes)]);
  const first = new Map<string, number>();
  return hashes.map((h, i): Plan => {
    if (known.get(h) === fingerprint) return { kind: 'unchanged' };
    const earlier = first.get(h);
    if (earlier !== undefined) return { kind: 'repeat', of: earlier };
    first.set(h, i);
    return { kind: 'code' };
  });
}

/** A batch on its way: read, planned, and being coded (on the coder's threads). */
interface Batch {
  stories: readonly StoryInput[];
  hashes: readonly string[];
  plan: readonly Plan[];
  /** Indexes of the stories being coded, and their results (in that order). */
  toCode: readonly number[];
  coding: Promise<WorkerResult[]>;
}

/** Plans a batch and starts coding what is new; storing it is `storeBatch`. */
function startBatch(stories: readonly StoryInput[], store: EventStore, coder: StoryCoder, fingerprint: string): Batch {
  const hashes = stories.map(storyHash);
  const plan = planBatch(hashes, store, fingerprint);
  const toCode: number[] = [];
  plan.forEach((p, i) => {
    if (p.kind === 'code') toCode.push(i);
  });
  const coding = toCode.length === 0 ? Promise.resolve([]) : coder.code(toCode.map((i) => stories[i] as StoryInput));
  coding.catch(() => undefined); // awaited (and reported) by storeBatch
  return { stories, hashes, plan, toCode, coding };
}

/** Waits for a batch's coding and stores it in one transaction; an outcome per story. */
async function storeBatch(batch: Batch, store: EventStore, fingerprint: string): Promise<StoryOutcome[]> {
  const { stories, hashes, plan, toCode } = batch;
  let coded: WorkerResult[];
  try {
    coded = await batch.coding;
  } catch (e) {
    throw new CoderLoadError(`cannot load the coder: ${message(e)}`);
  }
  const out: StoryOutcome[] = stories.map((_, i) => ({ id: hashes[i] as string, outcome: 'unchanged' }));
  const toStore: StoryToStore[] = [];
  const storedAt: number[] = [];
  toCode.forEach((i, k) => {
    const r = coded[k];
    if (r === undefined || !r.ok) {
      out[i] = r === undefined ? { id: hashes[i] as string, outcome: 'failed', error: 'not coded', reason: 'error' } : { id: hashes[i] as string, outcome: 'failed', error: r.error, reason: r.reason };
      return;
    }
    toStore.push({ hash: hashes[i] as string, origin: problemLocation((stories[i] as StoryInput).origin), result: r.result });
    storedAt.push(i);
  });
  const outcomes = store.putStories(toStore, fingerprint);
  outcomes.forEach((o, k) => {
    const i = storedAt[k] as number;
    out[i] = { id: hashes[i] as string, outcome: o };
  });
  // a repeat shares the fate of its first: unchanged once that is stored, failed if it failed
  plan.forEach((p, i) => {
    if (p.kind !== 'repeat') return;
    const first = out[p.of] as StoryOutcome;
    out[i] = first.outcome === 'failed' ? { ...first } : { id: first.id, outcome: 'unchanged' };
  });
  return out;
}

/**
 * Codes and stores stories already read and validated (POST /api/stories): one transaction; a story
 * stored by this coder is not coded again. One result per input, in order, with the story's public id.
 */
export async function ingestStories(stories: StoryInput[], store: EventStore, coder: StoryCoder, fingerprint: string): Promise<StoryOutcome[]> {
  return storeBatch(startBatch(stories, store, coder, fingerprint), store, fingerprint);
}

/**
 * The number of stories the inputs hold, when counting is cheap: files and directories of one-story
 * files (walked as the readers walk them). Null for standard input, JSON Lines (one story a line) and
 * pipes. Stops counting at `limit` (> 0). An unreadable input counts as nothing (the readers report it).
 */
export function countStories(inputs: readonly string[], input: InputFormat = 'auto', limit = 0): number | null {
  if (input === 'jsonl') return null;
  let n = 0;
  for (const entry of inputEntries(inputs)) {
    if (entry.kind === 'stdin') return null;
    if (entry.kind === 'problem') continue;
    if (!entry.regular || (input === 'auto' && isJsonlName(entry.path))) return null;
    n += 1;
    if (limit > 0 && n >= limit) return limit;
  }
  return n;
}

/**
 * Reads the inputs (files, directories, "-"), codes the stories not yet stored by this coder and stores
 * them, one transaction per batch. Problems are reported and counted; they do not stop the run. Throws
 * CoderLoadError when the coder cannot be loaded, and whatever the store throws (the batches stored
 * before stay stored).
 */
export async function ingest(inputs: string[], options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const { store, fingerprint } = options;
  const batchSize = Math.max(1, options.batchSize ?? 64);
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : 0;
  const total = countStories(inputs, options.input ?? 'auto', limit);
  const counts = { done: 0, stored: 0, unchanged: 0, recoded: 0, problems: 0, failed: 0 };
  const rate = (): number => {
    const s = (performance.now() - t0) / 1000;
    return s > 0 ? counts.done / s : 0;
  };
  const progress = (): IngestProgress => ({
    done: counts.done, total, stored: counts.stored, unchanged: counts.unchanged, recoded: counts.recoded, problems: counts.problems, rate: rate(),
  });

  const given = options.coder;
  const storyCoder: StoryCoder = isStoryCoder(given) ? given : inProcess(typeof given === 'function' ? given : async () => given);

  // Two batches in flight: while the coder's threads code one, this thread stores the one before it.
  // A story repeated across the two is coded twice but stored once (putStories finds it unchanged).
  let pending: StoryInput[] = [];
  let coding: Batch | null = null;
  const finish = async (): Promise<void> => {
    if (coding === null) return;
    const batch: Batch = coding;
    coding = null;
    const results = await storeBatch(batch, store, fingerprint);
    const stories = batch.stories;
    results.forEach((r, i) => {
      if (r.outcome === 'failed') {
        const input = stories[i] as StoryInput;
        counts.failed += 1;
        counts.problems += 1;
        options.onProblem?.(`${problemLocation(input.origin)}: coding "${input.id}" failed: ${r.error ?? 'unknown error'}`);
      } else counts[r.outcome] += 1;
    });
    counts.done += stories.length;
    options.onProgress?.(progress());
  };
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const next = startBatch(pending, store, storyCoder, fingerprint);
    pending = [];
    await finish();
    coding = next;
  };

  let read = 0;
  const readOptions: { input: InputFormat; date: string | null; stdin?: AsyncIterable<Uint8Array | string> } = {
    input: options.input ?? 'auto',
    date: options.date ?? null,
  };
  if (options.stdin !== undefined) readOptions.stdin = options.stdin;
  reading: for await (const batch of readInputBatches(inputs.length === 0 ? ['-'] : inputs, readOptions)) {
    for (const item of batch) {
      if (isInputProblem(item)) {
        if (isInputWarning(item)) options.onWarning?.(`${problemLocation(item)}: ${item.message}`);
        else {
          counts.problems += 1;
          options.onProblem?.(`${problemLocation(item)}: ${item.message}`);
        }
        continue;
      }
      read += 1;
      pending.push(item);
      if (pending.length >= batchSize) await flush();
      if (limit > 0 && read >= limit) break reading;
    }
  }
  await flush();
  await finish();
  const elapsedMs = performance.now() - t0;
  return { ...progress(), failed: counts.failed, elapsedMs };
}
