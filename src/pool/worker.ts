/**
 * A coder worker (piscina): builds its own coder once, from the options the pool passed as workerData,
 * and does one job (src/pool/jobs.ts) on one input per task; a task with no job only loads the coder. A
 * job that throws comes back as its error message.
 */
import { workerData } from 'node:worker_threads';
import { createCoder } from '../coder.js';
import type { Coder } from '../coder.js';
import { jobs, type JobName } from './jobs.js';
import type { JobResult, PoolCoderOptions } from './pool.js';

const options = (workerData ?? {}) as PoolCoderOptions;
let loading: Promise<Coder> | null = null;

function coder(): Promise<Coder> {
  if (loading === null) loading = createCoder(options.dictionaries !== undefined ? { dictionaries: options.dictionaries } : {});
  return loading;
}

export interface Task {
  job: JobName;
  input: unknown;
}

export default async function runTask(task: Task | null): Promise<JobResult<unknown> | null> {
  const c = await coder();
  if (task === null) return null;
  try {
    // the input is the job's own: the pool sent it with the job's name
    const value: unknown = (jobs[task.job] as (coder: Coder, input: unknown) => unknown)(c, task.input);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), reason: 'error' };
  }
}
