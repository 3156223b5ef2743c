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
  assert.equal(results[1]?.ok === false && results[1].reason, 'error');
  assert.equal(results[2]?.ok, true);
  assert.deepEqual(results[0], results[2]);
});

/** A long story: the examples `copies` times over (300: some 180 KB, a few hundred ms of coding). */
function longStory(copies = 300): StoryInput {
  const text = Array.from({ length: copies }, (_, k) => stories[k % stories.length]?.text ?? '').join('\n\n');
  return { id: 'long', text, date: '2008-01-01', origin: { file: 'test' } };
}

test('a story over the time budget is stopped and fails with reason "budget"; the pool goes on coding', async () => {
  const tight = createCoderPool({ threads: 1, budgetMs: 1000 });
  try {
    await tight.ready();
    const first = stories[0];
    assert.ok(first !== undefined);
    const t0 = performance.now();
    const results = await tight.code([first, longStory(3000), first]);
    const ms = performance.now() - t0;
    assert.equal(results[0]?.ok, true, JSON.stringify(results[0]).slice(0, 200));
    const over = results[1];
    assert.ok(over !== undefined && !over.ok && over.reason === 'budget', JSON.stringify(over).slice(0, 200));
    assert.match(over.error, /longer than the 1 s budget/);
    // the thread was replaced: the story after it is coded, exactly as before
    assert.deepEqual(results[2], results[0]);
    assert.ok(ms < 10_000, `${ms} ms`);
    // the long story alone, with a budget it fits in, is coded
    const roomy = createCoderPool({ threads: 1, budgetMs: 60_000 });
    try {
      const [r] = await roomy.code([longStory()]);
      assert.equal(r?.ok, true);
    } finally {
      await roomy.close();
    }
  } finally {
    await tight.close();
  }
});

test('a story that cannot get a thread within the longest wait fails with reason "busy"; the pool says how loaded it is', async () => {
  const small = createCoderPool({ threads: 1, maxWaitMs: 40 });
  try {
    await small.ready();
    const first = stories[0];
    assert.ok(first !== undefined);
    const pending = small.code([longStory(), first, first]);
    await new Promise((r) => setTimeout(r, 5));
    const load = small.load();
    assert.equal(load.running + load.waiting, 3, JSON.stringify(load));
    const results = await pending;
    assert.equal(results[0]?.ok, true);
    for (const r of results.slice(1)) {
      assert.ok(r !== undefined && !r.ok && r.reason === 'busy', JSON.stringify(r).slice(0, 200));
      assert.match(r.error, /coding threads are busy .*try again later/);
    }
    // with the measured speed the pool refuses at once what would wait too long, and takes what would not
    const t0 = performance.now();
    const again = await small.code([longStory(), longStory()]);
    assert.equal(again[0]?.ok, true);
    assert.equal(again[1]?.ok === false && again[1].reason, 'busy');
    assert.deepEqual(small.load(), { running: 0, waiting: 0, waitingChars: 0, estimatedWaitMs: 0 });
    assert.ok(performance.now() - t0 < 10_000);
  } finally {
    await small.close();
  }
});
