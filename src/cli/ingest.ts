/**
 * `wirecoder ingest` and `wirecoder stats`: the embedded store from the command line.
 *
 *   wirecoder ingest PATH... [--db FILE] [--input FMT] [--date D] [--dictionaries DIR] [--limit N] [--workers N] [--budget S]
 *   wirecoder stats [--db FILE] [--json]
 *
 * ingest: exit 0 all read and stored; 1 some input had a problem (reported as `wirecoder: FILE:LINE: ...`,
 * the rest stored); 2 fatal (the database cannot be opened or written, the coder cannot be loaded).
 * Progress goes to stderr: a bar on a terminal, else a plain line every second or every 100 stories.
 * stats: exit 0; 2 when the database does not exist or cannot be read.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { MultiBar, Presets } from 'cli-progress';
import type { SingleBar } from 'cli-progress';
import type { Coder } from '../coder.js';
import type { InputFormat } from '../ingest/index.js';
import { coderFingerprint } from '../store/fingerprint.js';
import { CoderLoadError, ingest } from '../store/ingest.js';
import { createCoderPool, defaultThreads, inProcess } from '../pool/pool.js';
import type { PoolOptions, StoryCoder } from '../pool/pool.js';
import type { IngestProgress, IngestSummary } from '../store/ingest.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { EventStore, StoreStats } from '../store/types.js';
import type { Io } from './main.js';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_FATAL = 2;

/** The database file when --db is not given: wirecoder.db in the working directory. */
export const DEFAULT_DB = 'wirecoder.db';

export interface IngestCommandOptions {
  db?: string;
  input: InputFormat;
  date: string | null;
  dictionaries?: string;
  /** At most N stories; null or 0: all. */
  limit: number | null;
  /** Stories per transaction (default 64). */
  batchSize?: number;
  /** Use this coder instead of loading one (tests, embedding); it codes in this thread. */
  coder?: Coder;
  /** Coding threads (default: one per core); 0 codes in this thread (no budget then). */
  workers?: number;
  /** Longest one story codes on a thread, ms (default DEFAULT_STORY_BUDGET_MS); past it: stopped, reported, not stored. */
  budgetMs?: number;
  /** Fingerprint of `coder` (default: computed from the dictionaries). */
  fingerprint?: string;
  /** Force the progress display: a bar (tty) or plain lines; default: a bar when stderr is a terminal. */
  progress?: 'bar' | 'lines' | 'none';
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

function counts(p: IngestProgress): string {
  return `stored ${p.stored}, unchanged ${p.unchanged}, recoded ${p.recoded}, problems ${p.problems}`;
}

/** `ingest: 500/2000 stories (stored 480, unchanged 0, recoded 0, problems 2), 95 stories/s` */
export function progressLine(p: IngestProgress): string {
  const done = p.total === null ? `${p.done}` : `${p.done}/${p.total}`;
  return `ingest: ${done} stories (${counts(p)}), ${Math.round(p.rate)} stories/s`;
}

interface ProgressView {
  update(p: IngestProgress): void;
  /** A message line (problem, warning) that must not be garbled by the bar. */
  log(line: string): void;
  stop(): void;
}

function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

function plainProgress(io: Io): ProgressView {
  let lastAt = performance.now();
  let lastDone = 0;
  return {
    update(p) {
      const now = performance.now();
      if (now - lastAt < 1000 && p.done - lastDone < 100) return;
      lastAt = now;
      lastDone = p.done;
      io.stderr.write(progressLine(p) + '\n');
    },
    log(line) {
      io.stderr.write(line + '\n');
    },
    stop() {},
  };
}

function barProgress(io: Io, total: number | null): ProgressView {
  const known = total !== null && total > 0;
  const multi = new MultiBar(
    {
      stream: io.stderr,
      format: known
        ? 'ingest [{bar}] {value}/{total} | {rate} stories/s | ETA {eta_formatted} | {counts}'
        : 'ingest {value} stories | {rate} stories/s | {counts}',
      barsize: 20,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 200,
      fps: 5,
    },
    Presets.shades_classic,
  );
  let bar: SingleBar | null = null;
  return {
    update(p) {
      const payload = { rate: Math.round(p.rate), counts: counts(p) };
      if (bar === null) bar = multi.create(known ? (total as number) : 0, p.done, payload);
      else bar.update(p.done, payload);
    },
    log(line) {
      multi.log(line + '\n');
    },
    stop() {
      multi.stop();
    },
  };
}

/** Errors (lines skipped) in a PETRARCH dictionary set; nothing for our own dictionaries. */
async function petrarchErrors(dictionaries: string): Promise<string[]> {
  const { petrarchDir, findPetrarchFiles, loadPetrarchDictionaries } = await import('../petrarch/dictionaries.js');
  const dir = petrarchDir(dictionaries);
  if (dir === null) return [];
  const { formatProblem } = await import('../petrarch/common.js');
  return loadPetrarchDictionaries(findPetrarchFiles(dir)).problems.filter((p) => p.severity === 'error').map(formatProblem);
}

/** `wirecoder ingest`: read, code what is new, store. Returns the exit code. */
export async function runIngest(inputs: readonly string[], options: IngestCommandOptions, io: Io): Promise<number> {
  const err = (line: string): void => {
    io.stderr.write(`wirecoder: ${line}\n`);
  };
  const cwd = io.cwd ?? process.cwd();
  const dbPath = resolve(cwd, options.db ?? DEFAULT_DB);
  let fingerprint: string;
  try {
    fingerprint = options.fingerprint ?? coderFingerprint(options.dictionaries ?? (await import('../actors/dictionary.js')).defaultDictionariesDir());
  } catch (e) {
    err(`ingest: cannot read the dictionaries: ${message(e)}`);
    return EXIT_FATAL;
  }
  let store: EventStore;
  try {
    store = openSqliteStore(dbPath);
  } catch (e) {
    err(`ingest: ${message(e)}`);
    return EXIT_FATAL;
  }
  const loadCoder = async (): Promise<Coder> => {
    if (options.coder !== undefined) return options.coder;
    const coderOptions: { dictionaries?: string } = {};
    if (options.dictionaries !== undefined) coderOptions.dictionaries = options.dictionaries;
    const coder = await (await import('../coder.js')).createCoder(coderOptions);
    for (const p of coder.info.dictionaryProblems ?? []) if (p.includes(': error: ')) err(p);
    return coder;
  };
  const workers = options.coder !== undefined ? 0 : (options.workers ?? defaultThreads());
  let storyCoder: StoryCoder;
  if (workers === 0) storyCoder = inProcess(loadCoder);
  else {
    const poolOptions: PoolOptions = { threads: workers };
    if (options.dictionaries !== undefined) poolOptions.dictionaries = options.dictionaries;
    if (options.budgetMs !== undefined) poolOptions.budgetMs = options.budgetMs;
    storyCoder = createCoderPool(poolOptions);
    // the workers' coders do not print: dictionary errors of a PETRARCH set are read here once
    if (options.dictionaries !== undefined) for (const p of await petrarchErrors(options.dictionaries)) err(p);
  }
  const mode = options.progress ?? (isTty(io.stderr) ? 'bar' : 'lines');
  let view: ProgressView | null = null;
  const log = (line: string): void => {
    if (view !== null) view.log(`wirecoder: ${line}`);
    else err(line);
  };
  let summary: IngestSummary;
  try {
    summary = await ingest([...inputs], {
      store,
      coder: storyCoder,
      fingerprint,
      input: options.input,
      date: options.date,
      limit: options.limit ?? 0,
      batchSize: options.batchSize ?? 64,
      stdin: io.stdin,
      onProgress: (p) => {
        if (mode === 'none') return;
        view ??= mode === 'bar' ? barProgress(io, p.total) : plainProgress(io);
        view.update(p);
      },
      onProblem: (m) => log(m),
      onWarning: (m) => log(`warning: ${m}`),
    });
  } catch (e) {
    (view as ProgressView | null)?.stop();
    err(e instanceof CoderLoadError ? `ingest: error: ${e.message}` : `ingest: error: ${dbPath}: ${message(e)}`);
    closeQuietly(store);
    return EXIT_FATAL;
  } finally {
    await storyCoder.close();
  }
  (view as ProgressView | null)?.stop();
  let held = '';
  try {
    store.setMeta('last_ingest', new Date().toISOString());
    store.setMeta('coder', fingerprint);
    const s = store.stats();
    held = `; ${options.db ?? DEFAULT_DB} holds ${int(s.stories)} stories, ${int(s.events)} events`;
    store.close();
  } catch (e) {
    err(`ingest: error: ${dbPath}: ${message(e)}`);
    closeQuietly(store);
    return EXIT_FATAL;
  }
  const seconds = summary.elapsedMs / 1000;
  io.stderr.write(`ingest: done: ${summary.done} stories (${counts(summary)}) in ${seconds.toFixed(1)} s, ${Math.round(summary.rate)} stories/s${held}\n`);
  return summary.problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function closeQuietly(store: EventStore): void {
  try {
    store.close();
  } catch {
    // already failing: the first error is the one reported
  }
}

/** The stats as a small table. */
export function statsTable(s: StoreStats): string {
  const rows: [string, number][] = [
    ['stories', s.stories],
    ['sentences', s.sentences],
    ['actors', s.actors],
    ['mentions', s.mentions],
    ['events', s.events],
    ['quotes', s.quotes],
    ['commitments', s.commitments],
  ];
  const quadNames: Record<string, string> = {
    '1': 'quad 1 verbal cooperation',
    '2': 'quad 2 material cooperation',
    '3': 'quad 3 verbal conflict',
    '4': 'quad 4 material conflict',
    none: 'quad none (codes outside CAMEO)',
  };
  for (const key of ['1', '2', '3', '4', 'none']) rows.push([`  ${quadNames[key] ?? key}`, s.quad[key] ?? 0]);
  for (const [key, n] of Object.entries(s.quad)) if (!(key in quadNames)) rows.push([`  quad ${key}`, n]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const numWidth = Math.max(...rows.map(([, n]) => int(n).length));
  return rows.map(([k, n]) => `${k.padEnd(width)}  ${int(n).padStart(numWidth)}`).join('\n') + '\n';
}

/** `wirecoder stats`: counts of an existing database. */
export async function runStats(options: { db?: string; json: boolean }, io: Io): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const dbPath = resolve(cwd, options.db ?? DEFAULT_DB);
  if (!existsSync(dbPath)) {
    io.stderr.write(`wirecoder: stats: no database at ${dbPath} (create it with wirecoder ingest, or give --db FILE)\n`);
    return EXIT_FATAL;
  }
  let stats: StoreStats;
  try {
    const store = openSqliteStore(dbPath, { readonly: true });
    try {
      stats = store.stats();
    } finally {
      store.close();
    }
  } catch (e) {
    io.stderr.write(`wirecoder: stats: ${message(e)}\n`);
    return EXIT_FATAL;
  }
  io.stdout.write(options.json ? JSON.stringify(stats) + '\n' : statsTable(stats));
  return EXIT_OK;
}
