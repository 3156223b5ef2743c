import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryInput } from '../../src/types.js';
import { isInputProblem, isInputWarning, readJsonl, splitLines } from '../../src/ingest/index.js';
import { collect, fakeStdin } from './fixtures.js';

const opts = { fallbackDate: null, maxLineBytes: 1024 };

test('splitLines handles chunk boundaries, CRLF, a missing final newline and multibyte characters', async () => {
  const text = 'alpha\r\nbéta — ok\n\nlast';
  for (const size of [1, 2, 3, 5, 100]) {
    const lines = [];
    for await (const l of splitLines(fakeStdin(text, size), 1024)) lines.push({ line: l.line, text: Buffer.from(l.bytes).toString('utf8') });
    assert.deepEqual(lines, [
      { line: 1, text: 'alpha' },
      { line: 2, text: 'béta — ok' },
      { line: 3, text: '' },
      { line: 4, text: 'last' },
    ], `chunk size ${size}`);
  }
});

test('splitLines flags over-long lines without keeping them and goes on', async () => {
  const text = 'short\n' + 'x'.repeat(5000) + '\nafter\n' + 'y'.repeat(3000);
  const lines = [];
  for await (const l of splitLines(fakeStdin(text, 256), 1000)) lines.push([l.line, l.tooLong, l.bytes.length]);
  assert.deepEqual(lines, [[1, false, 5], [2, true, 0], [3, false, 5], [4, true, 0]]);
});

test('readJsonl reads records; a broken line is a problem with file:line and the others are still read', async () => {
  const input = [
    '{"id":"a","text":"First story.","date":"2008-02-11","headline":"H","extra":[1,2]}',
    '',
    '{"id":"b","text":"Second',
    '{"id":7,"text":"Third."}',
    '   ',
    '{"text":"no id"}',
    '{"id":"c"}',
    '[1,2]',
    '{"id":"d","text":"Fourth."}',
  ].join('\n');
  const items = await collect(readJsonl(fakeStdin(input, 13), 'in.jsonl', opts));
  const stories = items.filter((i): i is StoryInput => !isInputProblem(i));
  const problems = items.filter(isInputProblem);
  assert.deepEqual(stories.map((s) => s.id), ['a', '7', 'd']);
  assert.deepEqual(stories[0], {
    id: 'a', text: 'First story.', date: '2008-02-11', headline: 'H', url: null, origin: { file: 'in.jsonl', line: 1 },
  });
  assert.deepEqual(stories[2]?.origin, { file: 'in.jsonl', line: 9 });
  assert.deepEqual(problems.map((p) => [p.file, p.line]), [['in.jsonl', 3], ['in.jsonl', 6], ['in.jsonl', 7], ['in.jsonl', 8]]);
  assert.match(problems[0]?.message ?? '', /invalid JSON/);
  assert.match(problems[1]?.message ?? '', /no "id"/);
  assert.match(problems[2]?.message ?? '', /no "text"/);
  assert.match(problems[3]?.message ?? '', /not a JSON object/);
});

test('readJsonl dates: record date, else fallback; an invalid date is a warning and the fallback is used', async () => {
  const input = [
    '{"id":"a","text":"x","date":"2008-02-30"}',
    '{"id":"b","text":"x"}',
    '{"id":"c","text":"x","date":"2008-03-01T10:00:00Z"}',
    '{"id":"d","text":"x","date":null}',
    '{"id":"e","text":"x","date":20080301}',
  ].join('\n');
  const items = await collect(readJsonl(fakeStdin(input), '-', { fallbackDate: '2008-01-15', maxLineBytes: 1024 }));
  const warnings = items.filter(isInputWarning);
  assert.deepEqual(warnings.map((w) => w.line), [1, 5]);
  const stories = items.filter((i): i is StoryInput => !isInputProblem(i));
  assert.deepEqual(stories.map((s) => [s.id, s.date]), [['a', '2008-01-15'], ['b', '2008-01-15'], ['c', '2008-03-01'], ['d', '2008-01-15'], ['e', '2008-01-15']]);
  const noFallback = await collect(readJsonl(fakeStdin('{"id":"a","text":"x"}'), '-', opts));
  assert.equal((noFallback[0] as StoryInput).date, null);
});

test('readJsonl: invalid UTF-8 or NUL on one line, a BOM, CRLF lines', async () => {
  const bytes = Buffer.concat([
    Buffer.from('\uFEFF{"id":"a","text":"x"}\r\n'),
    Buffer.from('{"id":"b","text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n'),
    Buffer.from('{"id":"c","text":"\u0000"}\n'.replace('\\u0000', '\u0000')),
    Buffer.from('{"id":"d","text":"multi\\nline"}\r\n'),
  ]);
  const items = await collect(readJsonl(fakeStdin(bytes, 5), 'f.jsonl', opts));
  assert.deepEqual(items.map((i) => (isInputProblem(i) ? `problem ${i.line}` : i.id)), ['a', 'problem 2', 'problem 3', 'd']);
  assert.equal((items[3] as StoryInput).text, 'multi\nline');
});

test('readJsonl: a line over the limit is one problem', async () => {
  const input = '{"id":"a","text":"' + 'z'.repeat(4000) + '"}\n{"id":"b","text":"ok"}\n';
  const items = await collect(readJsonl(fakeStdin(input, 512), 'big.jsonl', { fallbackDate: null, maxLineBytes: 1000 }));
  assert.equal(items.length, 2);
  assert.ok(isInputProblem(items[0]!));
  assert.match((items[0] as { message: string }).message, /longer than 1000 bytes/);
  assert.equal((items[1] as StoryInput).id, 'b');
});
