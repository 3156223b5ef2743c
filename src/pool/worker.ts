/**
 * A coder worker (piscina): builds its own coder once, from the options the pool passed as workerData,
 * and codes batches of stories. A story that fails to code comes back as its error message; the others
 * of the batch are still coded.
 */
import { workerData } from 'node:worker_threads';
import { createCoder } from '../coder.js';
import type { Coder } from '../coder.js';
import type { StoryInput, StoryResult } from '../types.js';
import type { PoolCoderOptions, WorkerResult } from './pool.js';

const options = (workerData ?? {}) as PoolCoderOptions;
let loading: Promise<Coder> | null = null;

function coder(): Promise<Coder> {
  if (loading === null) loading = createCoder(options.dictionaries !== undefined ? { dictionaries: options.dictionaries } : {});
  return loading;
}

export default async function codeBatch(stories: StoryInput[]): Promise<WorkerResult[]> {
  const c = await coder();
  return stories.map((s): WorkerResult => {
    try {
      const result: StoryResult = c.codeStory(s);
      return { ok: true, result };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  });
}
