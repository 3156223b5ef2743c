/**
 * Coding on worker threads gives exactly what a coder of this thread gives, story by story and in
 * order, whichever worker codes which story; a story that cannot be coded fails alone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createCoder } from '../../src/coder.js';
import type { Coder } from '../../src/coder.js';
import { readInputs } from '../../src/ingest/index.js';
import { createCoderPool, inProcess } from '../../src/pool/pool.js';
import type { StoryCoder } from '../../src/pool/pool.js';
import type { StoryInput } from '../../src/types.js';
import { repoRoot } from '../helpers.js';

let coder: Coder;
let pool: StoryCoder;
const stories: StoryInput[] = [];

before(async () => {
  coder = await createCoder();
  pool = createCoderPool({ threads: 2 });
  for await (const item of readInputs([join(repoRoot, 'examples')])) if ('text' in item) stories.push(item);
});

after(async () => {
  await pool.close();
});

test('a pool of two workers codes the example stories exactly as this thread does', async () => {
  assert.ok(stories.length >= 4);
  // twice over, in two orders: a worker's earlier stories change nothing
  const batch = [...stories, ...[...stories].reverse()];
  const pooled = await pool.code(batch);
  const here = await inProcess(async () => coder).code(batch);
  assert.equal(pooled.length, batch.length);
  assert.deepEqual(pooled, here);
  for (const r of pooled) assert.ok(r.ok);
  assert.ok(pooled.some((r) => r.ok && r.result.events.length > 0));
});

test('a story the coder rejects fails alone; the others of the batch are coded', async () => {
  const bad = { id: 'bad', text: 42, date: null, origin: { file: 'test' } } as unknown as StoryInput;
  const first = stories[0];
  assert.ok(first !== undefined);
  const results = await pool.code([first, bad, first]);
  assert.equal(results.length, 3);
  assert.equal(results[0]?.ok, true);
  assert.equal(results[1]?.ok, false);
  assert.equal(results[2]?.ok, true);
  assert.deepEqual(results[0], results[2]);
});
