/** ingest(): batches, skipping what is stored, problems, one story for one content, re-coding; ingestStories(). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inProcess } from '../../src/pool/pool.js';
import { countStories, ingest, ingestStories } from '../../src/store/ingest.js';
import type { IngestProgress } from '../../src/store/ingest.js';
import { storyHash } from '../../src/store/fingerprint.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { StoryInput } from '../../src/types.js';
import { removeDir, reutersFile, tempDir, writeTree } from '../ingest/fixtures.js';
import { countingCoder } from './fixtures.js';

let dir: string;
before(async () => {
  dir = await tempDir();
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 25; i++) files[`in/d${i % 3}/s${String(i).padStart(2, '0')}.txt`] = `Story number ${i}: Freedonia met Sylvania.`;
  // the same story twice, under other names and folders
  files['in/d0/copy-of-s01.txt'] = 'Story number 1: Freedonia met Sylvania.';
  files['in/zz/again.txt'] = 'Story number 1: Freedonia met Sylvania.';
  files['in/d1/binary.txt'] = Uint8Array.from([0x7f, 0x45, 0x00, 0x01]);
  files['in/.hidden.txt'] = 'not read';
  files['other/a.txt'] = 'Another story.';
  files['lines.jsonl'] = '{"id":"j1","text":"Story from a line.","date":"2008-01-02"}\n{"id":"j2","text":"broken\n{"id":"j3","text":"Story number 1: Freedonia met Sylvania."}\n';
  files['wire'] = reutersFile({ headline: 'Headline', date: 'Tue Mar 4, 2008 11:05am EST', url: 'http://example.org/x', body: 'Body text.' });
  await writeTree(dir, files);
});
after(async () => {
  await removeDir(dir);
});

test('countStories: files of directories, without hidden entries; null for JSON Lines and stdin; capped by a limit', () => {
  assert.equal(countStories([join(dir, 'in')]), 28);
  assert.equal(countStories([join(dir, 'in'), join(dir, 'other', 'a.txt'), join(dir, 'wire')]), 30);
  assert.equal(countStories([join(dir, 'in')], 'auto', 10), 10);
  assert.equal(countStories([join(dir, 'lines.jsonl')]), null);
  assert.equal(countStories([dir]), null, 'a directory holding JSON Lines');
  assert.equal(countStories(['-']), null);
  assert.equal(countStories([join(dir, 'in')], 'jsonl'), null);
  assert.equal(countStories([join(dir, 'nothing-here')]), 0);
});

test('ingest: stores each story once, reports problems by file, skips stored stories without coding them', async () => {
  const store = openSqliteStore(join(dir, 'a.db'));
  const coder = countingCoder(new Set(['s07']));
  const problems: string[] = [];
  const progress: IngestProgress[] = [];
  const summary = await ingest([join(dir, 'in'), join(dir, 'lines.jsonl')], {
    store,
    coder,
    fingerprint: 'A',
    batchSize: 4,
    onProblem: (m) => problems.push(m),
    onProgress: (p) => progress.push(p),
  });
  // 25 + 2 copies in in/, 2 good records in lines.jsonl (j3 is again story 1)
  assert.equal(summary.done, 29);
  assert.equal(summary.total, null, 'JSON Lines: not counted up front');
  assert.equal(summary.failed, 1);
  assert.equal(summary.stored, 25 - 1 + 1, 'one failed, one from the JSON Lines');
  assert.equal(summary.unchanged, 3, 'the three copies of story 1');
  assert.equal(summary.problems, 3, 'binary file, broken line, failed story');
  assert.equal(coder.calls, 26, 'each distinct story coded once');
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.ok(problems.includes(`${join(dir, 'in', 'd1', 'binary.txt')}: binary file (contains NUL bytes), skipped`), problems.join('\n'));
  assert.ok(problems.includes(`${join(dir, 'in', 'd1', 's07.txt')}: coding "s07" failed: cannot code s07`), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith(`${join(dir, 'lines.jsonl')}:2: `)), problems.join('\n'));
  assert.ok(progress.length >= 7);
  assert.deepEqual(progress.map((p) => p.done), [...progress.map((p) => p.done)].sort((a, b) => a - b));
  assert.equal(store.stats().stories, 25);
  const one = store.getStory(storyHash({ id: 'x', text: 'Story number 1: Freedonia met Sylvania.', date: null, origin: { file: 'x' } }));
  assert.ok(one);
  assert.equal(one.origin, join(dir, 'in', 'd0', 'copy-of-s01.txt'), 'the first copy read is the one stored');

  // again: nothing coded (the loader is never called), the failed story tried again
  let loads = 0;
  const again = countingCoder();
  const second = await ingest([join(dir, 'in'), join(dir, 'lines.jsonl')], {
    store,
    coder: async () => {
      loads += 1;
      return again;
    },
    fingerprint: 'A',
    batchSize: 4,
  });
  assert.equal(again.calls, 1, 'only the story that failed before');
  assert.equal(loads, 1);
  assert.deepEqual([second.stored, second.unchanged, second.recoded, second.failed], [1, 28, 0, 0]);
  assert.equal(store.stats().stories, 26);

  let loadedForNothing = false;
  const third = await ingest([join(dir, 'in')], {
    store,
    coder: async () => {
      loadedForNothing = true;
      return again;
    },
    fingerprint: 'A',
  });
  assert.equal(loadedForNothing, false, 'nothing to code: the coder is never loaded');
  assert.equal(third.total, 28);
  assert.equal(third.unchanged, 27);

  // a new coder fingerprint: everything re-coded in place, no story added
  const before = store.stats();
  const recode = await ingest([join(dir, 'in')], { store, coder: countingCoder(), fingerprint: 'B' });
  assert.deepEqual([recode.stored, recode.recoded, recode.unchanged], [0, 25, 2], "25 distinct stories in in/, story 1 three times");
  assert.deepEqual(store.stats(), before);
  store.close();
});

test('ingest: --limit counts stories in reading order; --date fills undated stories', async () => {
  const store = openSqliteStore(join(dir, 'limit.db'));
  const seen: StoryInput[] = [];
  const coder = countingCoder();
  const code = coder.codeStory.bind(coder);
  coder.codeStory = (input) => {
    seen.push(input);
    return code(input);
  };
  const summary = await ingest([join(dir, 'in')], { store, coder, fingerprint: 'A', limit: 5, date: '2008-05-06', batchSize: 2 });
  assert.equal(summary.done, 5);
  assert.equal(summary.total, 5);
  assert.deepEqual(seen.map((s) => s.id), ['copy-of-s01', 's00', 's03', 's06', 's09']);
  assert.ok(seen.every((s) => s.date === '2008-05-06'));
  store.close();
});

test('ingest: a coder that cannot load stops the run with CoderLoadError; stored batches stay', async () => {
  const store = openSqliteStore(join(dir, 'noload.db'));
  await assert.rejects(
    ingest([join(dir, 'in')], { store, coder: async () => Promise.reject(new Error('dictionaries broken')), fingerprint: 'A' }),
    (e: unknown) => e instanceof Error && e.name === 'CoderLoadError' && /dictionaries broken/.test(e.message),
  );
  assert.equal(store.stats().stories, 0);
  store.close();
});

test('ingestStories: per story id and outcome, in order; repeats and failures', async () => {
  const store = openSqliteStore(join(dir, 'api.db'));
  const mk = (id: string, text: string): StoryInput => ({ id, text, date: '2008-01-01', origin: { file: 'POST /api/stories', line: 1 } });
  const stories = [mk('a', 'One.'), mk('b', 'Two.'), mk('a2', 'One.'), mk('bad', 'Three.')];
  const coder = countingCoder(new Set(['bad']));
  const r1 = await ingestStories(stories, store, inProcess(async () => coder), 'A');
  assert.deepEqual(r1.map((r) => r.outcome), ['stored', 'stored', 'unchanged', 'failed']);
  assert.deepEqual(r1.map((r) => r.id), stories.map(storyHash));
  assert.equal(r1[3]?.error, 'cannot code bad');
  assert.equal(coder.calls, 3);
  const r2 = await ingestStories(stories, store, inProcess(async () => coder), 'A');
  assert.deepEqual(r2.map((r) => r.outcome), ['unchanged', 'unchanged', 'unchanged', 'failed']);
  const r3 = await ingestStories(stories.slice(0, 2), store, inProcess(async () => countingCoder()), 'B');
  assert.deepEqual(r3.map((r) => r.outcome), ['recoded', 'recoded']);
  assert.deepEqual(await ingestStories([], store, inProcess(async () => coder), 'A'), []);
  assert.equal(store.stats().stories, 2);
  store.close();
});
