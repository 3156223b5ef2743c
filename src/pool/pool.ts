/**
 * Coding on worker threads (piscina), so that ingest uses every core and the server's event loop never
 * codes. Each worker holds its own coder (no shared state; coding a story does not depend on what a
 * worker coded before), built from the same options, so results are those of an in-process coder.
 *
 * `StoryCoder` is what ingest and the server need: code a batch, one result per story in order. It is
 * made either from a pool (`createCoderPool`) or from a coder in this thread (`inProcess`).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Coder } from '../coder.js';
import type { StoryInput, StoryResult } from '../types.js';

export type WorkerResult = { ok: true; result: StoryResult } | { ok: false; error: string };

export interface PoolCoderOptions {
  /** As CoderOptions.dictionaries. */
  dictionaries?: string;
}

export interface StoryCoder {
  /** Codes the stories; one result per story, in order. Rejects only when no coder can be built. */
  code(stories: readonly StoryInput[]): Promise<WorkerResult[]>;
  /** Threads coding (1 for an in-process coder). */
  readonly threads: number;
  close(): Promise<void>;
}

/** A coder of this thread as a StoryCoder (tests, one-core machines, `--workers 0`). */
export function inProcess(load: () => Promise<Coder>): StoryCoder {
  let loading: Promise<Coder> | null = null;
  return {
    threads: 1,
    async code(stories) {
      if (loading === null) loading = load();
      const c = await loading;
      return stories.map((s): WorkerResult => {
        try {
          return { ok: true, result: c.codeStory(s) };
        } catch (e) {
          return { ok: false, error: e instanceof Error ? e.message : String(e) };
        }
      });
    },
    async close() {},
  };
}

/** Default number of coding threads: every core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A pool of `threads` coder workers. A batch is cut into one slice per thread; workers start when the
 * first batch arrives and each loads its coder once (a second or two, in parallel).
 */
export function createCoderPool(options: PoolCoderOptions & { threads?: number } = {}): StoryCoder {
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const workerOptions: PoolCoderOptions = {};
  if (options.dictionaries !== undefined) workerOptions.dictionaries = options.dictionaries;
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: workerOptions,
    // the coder makes many short-lived objects (see bin/wirecoder.js)
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  return {
    threads,
    async code(stories) {
      if (stories.length === 0) return [];
      const size = Math.ceil(stories.length / threads);
      const slices: StoryInput[][] = [];
      for (let i = 0; i < stories.length; i += size) slices.push(stories.slice(i, i + size));
      const done = await Promise.all(slices.map((slice) => pool.run(slice) as Promise<WorkerResult[]>));
      return done.flat();
    },
    async close() {
      await pool.destroy();
    },
  };
}
