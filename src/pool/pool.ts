/**
 * Coding on worker threads (piscina), so that ingest uses every core and the server's event loop never
 * codes. Each worker holds its own coder (no shared state; coding a story does not depend on what a
 * worker coded before), built from the same options, so results are those of an in-process coder.
 *
 * `StoryCoder` is what ingest and the server need: code a batch, one result per story in order, or do
 * another job of src/pool/jobs.ts on each of several inputs. It is made either from a pool
 * (`createCoderPool`) or from a coder in this thread (`inProcess`).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Coder } from '../coder.js';
import type { StoryInput, StoryResult } from '../types.js';
import { inputChars, jobs, type JobInput, type JobName, type JobOutput } from './jobs.js';
import type { Task } from './worker.js';

/**
 * Why a story was not coded: the coder threw (`error`), it ran past the pool's time budget and its
 * thread was stopped (`budget`), or no thread took it within the pool's longest wait (`busy`: try later).
 */
export type CodingFailure = 'error' | 'budget' | 'busy';

export type Failure = { ok: false; error: string; reason: CodingFailure };
export type WorkerResult = { ok: true; result: StoryResult } | Failure;
/** A job's outcome on one input. */
export type JobResult<T> = { ok: true; value: T } | Failure;

export interface PoolCoderOptions {
  /** As CoderOptions.dictionaries. */
  dictionaries?: string;
}

export interface CodeCallOptions {
  /** For this call, the longest a story may wait for a thread (ms), instead of the pool's (PoolOptions.maxWaitMs). */
  maxWaitMs?: number;
}

export interface StoryCoder {
  /**
   * Codes the stories; one result per story, in order. Rejects only when no coder can be built. A coder
   * of this thread has no budget and no wait: `call` is for pools.
   */
  code(stories: readonly StoryInput[], call?: CodeCallOptions): Promise<WorkerResult[]>;
  /**
   * The wait a new input of `chars` characters would have before a thread takes it, in ms, by the
   * pool's estimate (0 for a coder of this thread, which never waits).
   */
  expectedWait(chars: number): number;
  /** Does `job` on each input; one outcome per input, in order. Budgets and waits as `code`. */
  run<K extends JobName>(job: K, inputs: readonly JobInput<K>[], call?: CodeCallOptions): Promise<JobResult<JobOutput<K>>[]>;
  /** Threads coding (1 for an in-process coder). */
  readonly threads: number;
  close(): Promise<void>;
}

/** `code` made from `run`: a story's outcome as a WorkerResult. */
function asStoryResults(results: JobResult<StoryResult>[]): WorkerResult[] {
  return results.map((r) => (r.ok ? { ok: true, result: r.value } : r));
}

/** A coder of this thread as a StoryCoder (tests, one-core machines, `--workers 0`). */
export function inProcess(load: () => Promise<Coder>): StoryCoder {
  let loading: Promise<Coder> | null = null;
  const run = async <K extends JobName>(job: K, inputs: readonly JobInput<K>[]): Promise<JobResult<JobOutput<K>>[]> => {
    if (loading === null) loading = load();
    const c = await loading;
    const f = jobs[job] as (coder: Coder, input: JobInput<K>) => JobOutput<K>;
    return inputs.map((input): JobResult<JobOutput<K>> => {
      try {
        return { ok: true, value: f(c, input) };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e), reason: 'error' };
      }
    });
  };
  return {
    threads: 1,
    run,
    expectedWait: () => 0,
    async code(stories) {
      return asStoryResults(await run('code', stories));
    },
    async close() {},
  };
}

/** Default number of coding threads: every core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Default number of a server's coding threads: every core but one, which answers requests. */
export function defaultServerThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Longest a story codes on a pool thread by default (ms): five times the longest story of the 2008 corpus at 1 MB. */
export const DEFAULT_STORY_BUDGET_MS = 5_000;

export interface PoolOptions extends PoolCoderOptions {
  /** Coding threads (default: every core). */
  threads?: number;
  /**
   * Longest one story may code, in ms, from when a thread takes it (default DEFAULT_STORY_BUDGET_MS).
   * Past it the thread is stopped and replaced, and the story fails with reason `budget`.
   */
  budgetMs?: number;
  /**
   * Longest a story may wait for a thread, in ms (default: as long as it takes). A story that would wait
   * longer, by the pool's estimate from the work ahead of it, fails at once with reason `busy`; one still
   * waiting when the time is up fails then.
   */
  maxWaitMs?: number;
}

/** What a pool is doing: stories coding, stories waiting and the characters they hold, the estimated wait for a new story (ms). */
export interface PoolLoad {
  running: number;
  waiting: number;
  waitingChars: number;
  estimatedWaitMs: number;
}

/** A pool's StoryCoder, which can also say how loaded it is. */
export interface CoderPool extends StoryCoder {
  load(): PoolLoad;
  /** Resolves when every thread has loaded its coder (stories given before wait for it). */
  ready(): Promise<void>;
}

interface Waiting {
  task: Task;
  chars: number;
  done: (r: JobResult<unknown>) => void;
  timer: NodeJS.Timeout | null;
}

/**
 * A pool of `threads` coder workers, each story a task of its own so that each has a time budget. The
 * pool hands a thread at most one story at a time (the budget's clock starts when the thread takes it;
 * the others wait here, in order), loads every thread's coder before the first story (and a replaced
 * thread's before its next one), and stops a thread whose story runs over budget (piscina's abort
 * terminates the thread; a new one is started).
 */
export function createCoderPool(options: PoolOptions = {}): CoderPool {
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const budgetMs = options.budgetMs ?? DEFAULT_STORY_BUDGET_MS;
  const poolMaxWaitMs = options.maxWaitMs ?? Infinity;
  const workerOptions: PoolCoderOptions = {};
  if (options.dictionaries !== undefined) workerOptions.dictionaries = options.dictionaries;
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    workerData: workerOptions,
    // the coder makes many short-lived objects (see bin/wirecoder.js)
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const queue: Waiting[] = [];
  let queuedChars = 0;
  let busy = 0; // threads holding a task (a story or a coder load)
  let running = 0;
  let closed = false;
  /** Milliseconds of coding per character, as measured (an average that follows the recent stories). */
  let msPerChar = 0;

  const estimateWait = (extraChars: number): number => {
    if (busy < threads && queue.length === 0) return 0;
    return ((queuedChars + extraChars) * msPerChar) / threads;
  };

  /** A thread's coder is loaded by an empty task (the worker builds its coder once, at its first task). */
  const warm = (): Promise<void> => {
    busy++;
    return pool.run(null).catch(() => {}).finally(() => {
      busy--;
      pump();
    });
  };

  const start = (w: Waiting): void => {
    busy++;
    running++;
    const controller = new AbortController();
    const t0 = performance.now();
    const timer = setTimeout(() => controller.abort(), budgetMs);
    (pool.run(w.task, { signal: controller.signal }) as Promise<JobResult<unknown>>).then(
      (r) => {
        const chars = w.chars;
        if (chars > 0) msPerChar = msPerChar === 0 ? (performance.now() - t0) / chars : 0.9 * msPerChar + (0.1 * (performance.now() - t0)) / chars;
        return r;
      },
      (e: unknown): JobResult<unknown> => {
        if (controller.signal.aborted) {
          if (!closed) void warm(); // the stopped thread's replacement loads its coder before its next story
          return { ok: false, reason: 'budget', error: `coding took longer than the ${budgetMs / 1000} s budget for one story: stopped` };
        }
        return { ok: false, reason: 'error', error: e instanceof Error ? e.message : String(e) };
      },
    ).then((r) => {
      clearTimeout(timer);
      busy--;
      running--;
      w.done(r);
      pump();
    });
  };

  const pump = (): void => {
    while (busy < threads) {
      const w = queue.shift();
      if (w === undefined) return;
      queuedChars -= w.chars;
      if (w.timer !== null) clearTimeout(w.timer);
      start(w);
    }
  };

  const busyResult = (waitMs: number): Failure => ({
    ok: false,
    reason: 'busy',
    error: `all ${threads} coding threads are busy (about ${Math.ceil(waitMs / 1000)} s of work waiting): try again later`,
  });

  const submit = (task: Task, chars: number, maxWaitMs: number): Promise<JobResult<unknown>> =>
    new Promise((done) => {
      if (closed) return done({ ok: false, reason: 'error', error: 'the coding pool is closed' });
      const estimate = estimateWait(chars);
      if (estimate > maxWaitMs) return done(busyResult(estimate));
      const w: Waiting = { task, chars, done, timer: null };
      if (Number.isFinite(maxWaitMs)) {
        w.timer = setTimeout(() => {
          const k = queue.indexOf(w);
          if (k < 0) return;
          queue.splice(k, 1);
          queuedChars -= chars;
          done(busyResult(estimateWait(0)));
        }, maxWaitMs);
      }
      queue.push(w);
      queuedChars += chars;
      pump();
    });

  const run = async <K extends JobName>(job: K, inputs: readonly JobInput<K>[], call?: CodeCallOptions): Promise<JobResult<JobOutput<K>>[]> => {
    const maxWaitMs = call?.maxWaitMs ?? poolMaxWaitMs;
    // what a worker sends back for job K is K's output (worker.ts runs jobs[K] on the input)
    return Promise.all(inputs.map((input) => submit({ job, input }, inputChars(input), maxWaitMs) as Promise<JobResult<JobOutput<K>>>));
  };

  const loaded = Promise.all(Array.from({ length: threads }, warm)).then(() => {});
  return {
    ready: () => loaded,
    expectedWait: (chars) => estimateWait(chars),
    threads,
    run,
    async code(stories, call) {
      return asStoryResults(await run('code', stories, call));
    },
    load() {
      return { running, waiting: queue.length, waitingChars: queuedChars, estimatedWaitMs: Math.round(estimateWait(0)) };
    },
    async close() {
      closed = true;
      for (const w of queue.splice(0)) {
        if (w.timer !== null) clearTimeout(w.timer);
        w.done({ ok: false, reason: 'error', error: 'the coding pool is closed' });
      }
      queuedChars = 0;
      await pool.destroy();
    },
  };
}
