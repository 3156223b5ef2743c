import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputProblem, StoryInput } from '../../src/types.js';
import { isInputProblem, readInputs } from '../../src/ingest/index.js';
import { REUTERS_SAMPLE, collect, fakeStdin, removeDir, reutersFile, tempDir, writeTree } from './fixtures.js';

const stories = (items: unknown[]): StoryInput[] => items.filter((i): i is StoryInput => typeof i === 'object' && i !== null && 'text' in i);
const problems = (items: unknown[]): InputProblem[] => items.filter((i): i is InputProblem => typeof i === 'object' && i !== null && !('text' in i));

test('plain text file: one story, id without extension, --date as date', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, { 'talks.txt': 'Freedonia sent envoys to Sylvania.\r\nThey met on Friday.\n' });
    const items = await collect(readInputs([join(dir, 'talks.txt')], { date: '2008-02-08' }));
    assert.deepEqual(items, [{
      id: 'talks', text: 'Freedonia sent envoys to Sylvania.\nThey met on Friday.\n', date: '2008-02-08',
      headline: null, url: null, origin: { file: join(dir, 'talks.txt') },
    }]);
    const noDate = await collect(readInputs([join(dir, 'talks.txt')]));
    assert.equal((noDate[0] as StoryInput).date, null, 'never today');
  } finally {
    await removeDir(dir);
  }
});

test('Reuters file detected by content: whole file name as id, headline, url, header date', async () => {
  const dir = await tempDir();
  try {
    const name = 'freedonia-sylvania.talks-idUSX0000120080304';
    await writeTree(dir, { [name]: REUTERS_SAMPLE });
    const items = await collect(readInputs([join(dir, name)], { date: '1999-09-09' }));
    assert.equal(items.length, 1);
    const s = items[0] as StoryInput;
    assert.equal(s.id, name);
    assert.equal(s.date, '2008-03-04');
    assert.equal(s.headline, 'Freedonia and Sylvania agree to talks on river dispute');
    assert.match(s.url ?? '', /^http:\/\/www\.example\.com\//);
    assert.ok(s.text.startsWith('FREEDONIA CITY'));
    // Forced text: the header stays in the text.
    const asText = await collect(readInputs([join(dir, name)], { input: 'text' }));
    assert.ok((asText[0] as StoryInput).text.startsWith('-- Freedonia'));
  } finally {
    await removeDir(dir);
  }
});

test('Reuters header-only file yields a story with empty text, not a problem; empty file yields nothing', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, {
      'a-idUSX1': reutersFile({ headline: 'Only a headline', date: 'Wed Sep 24, 2008 11:50am EDT', url: 'http://example.com/a', body: '' }),
      'b-idUSX2': '',
      'c.txt': '  \n\n',
    });
    const items = await collect(readInputs([dir]));
    assert.equal(problems(items).length, 0);
    assert.deepEqual(stories(items).map((s) => [s.id, s.text, s.headline, s.date]), [['a-idUSX1', '', 'Only a headline', '2008-09-24']]);
  } finally {
    await removeDir(dir);
  }
});

test('forced --input reuters on a non-Reuters file is a problem', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, { 'x.txt': 'Not a wire file.' });
    const items = await collect(readInputs([join(dir, 'x.txt')], { input: 'reuters' }));
    assert.equal(items.length, 1);
    assert.match(problems(items)[0]?.message ?? '', /not in Reuters format/);
  } finally {
    await removeDir(dir);
  }
});

test('directory: recursive, sorted, hidden files and folders skipped, .jsonl read as JSON Lines', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, {
      'b.txt': 'Story b.',
      'a/z.txt': 'Story z.',
      'a/deeper/y.txt': 'Story y.',
      'a/records.jsonl': '{"id":"r1","text":"Record one."}\n{"id":"r2","text":"Record two."}\n',
      '.hidden.txt': 'secret',
      '.git/config.txt': 'secret',
      'c/.DS_Store': 'junk',
      'Capital.txt': 'Story C.',
    });
    const items = await collect(readInputs([dir]));
    assert.equal(problems(items).length, 0);
    assert.deepEqual(stories(items).map((s) => s.id), ['Capital', 'y', 'r1', 'r2', 'z', 'b']);
    const r2 = stories(items).find((s) => s.id === 'r2');
    assert.deepEqual(r2?.origin, { file: join(dir, 'a', 'records.jsonl'), line: 2 });
  } finally {
    await removeDir(dir);
  }
});

test('binary, invalid UTF-8, too large and missing inputs are problems naming the file; the rest is read', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, {
      '1-good.txt': 'Good story.',
      '2-binary.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      '3-latin1.txt': Buffer.from('Line one.\nCaf\xe9 society.\n', 'latin1'),
      '4-big.txt': 'word '.repeat(400),
      '5-good.txt': 'Another good story.',
    });
    const missing = join(dir, 'missing.txt');
    const items = await collect(readInputs([dir, missing], { maxFileBytes: 1000 }));
    assert.deepEqual(stories(items).map((s) => s.id), ['1-good', '5-good']);
    const ps = problems(items);
    assert.equal(ps.length, 4);
    assert.equal(ps[0]?.file, join(dir, '2-binary.txt'));
    assert.match(ps[0]?.message ?? '', /binary/);
    assert.equal(ps[1]?.file, join(dir, '3-latin1.txt'));
    assert.equal(ps[1]?.line, 2);
    assert.match(ps[1]?.message ?? '', /invalid UTF-8/);
    assert.equal(ps[2]?.file, join(dir, '4-big.txt'));
    assert.match(ps[2]?.message ?? '', /too large/);
    assert.equal(ps[3]?.file, missing);
    assert.match(ps[3]?.message ?? '', /no such file/);
  } finally {
    await removeDir(dir);
  }
});

test('a file that cannot be read is a problem naming it (a dangling link as root, a locked file otherwise)', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, { 'ok.txt': 'Story ok.', 'locked.txt': 'x' });
    // root reads any file, so an unreadable input is made the way root meets one: a link to nothing
    await symlink(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    await chmod(join(dir, 'locked.txt'), 0o000);
    const items = await collect(readInputs([join(dir, 'dangling.txt'), join(dir, 'locked.txt'), join(dir, 'ok.txt')]));
    const dangling = problems(items).find((p) => p.file === join(dir, 'dangling.txt'));
    assert.ok(dangling, 'the dangling link is a problem');
    assert.match(dangling.message, /no such file|cannot|not found/i);
    if (process.getuid?.() !== 0) assert.ok(problems(items).some((p) => p.file === join(dir, 'locked.txt') && /permission denied/i.test(p.message)));
    assert.deepEqual(stories(items).map((x) => x.id).filter((id) => id === 'ok'), ['ok'], 'the other inputs are still read');
  } finally {
    await removeDir(dir);
  }
});

test('symbolic-link loops are walked once', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, { 'sub/a.txt': 'Story a.' });
    await symlink(dir, join(dir, 'sub', 'loop'));
    const items = await collect(readInputs([dir]));
    assert.deepEqual(stories(items).map((s) => s.id), ['a']);
  } finally {
    await removeDir(dir);
  }
});

test('stdin: plain text, Reuters, JSON Lines sniffed or forced, empty', async () => {
  const text = await collect(readInputs(['-'], { stdin: fakeStdin('Envoys met in the capital.\n') }));
  assert.deepEqual(text.map((s) => [(s as StoryInput).id, (s as StoryInput).origin.file]), [['stdin', '-']]);
  const reuters = await collect(readInputs([], { stdin: fakeStdin(REUTERS_SAMPLE) }));
  assert.equal((reuters[0] as StoryInput).date, '2008-03-04');
  const jsonl = await collect(readInputs(['-'], { stdin: fakeStdin('\n  {"id":"a","text":"x"}\n{"id":"b","text":"y"}\n', 3) }));
  assert.deepEqual(jsonl.map((s) => [(s as StoryInput).id, (s as StoryInput).origin.line]), [['a', 2], ['b', 3]]);
  const forced = await collect(readInputs(['-'], { input: 'jsonl', stdin: fakeStdin('not json\n{"id":"b","text":"y"}') }));
  assert.equal(problems(forced)[0]?.line, 1);
  assert.equal(stories(forced)[0]?.id, 'b');
  assert.deepEqual(await collect(readInputs(['-'], { stdin: fakeStdin('') })), []);
  assert.deepEqual(await collect(readInputs(['-'], { stdin: fakeStdin(' \n\n') })), []);
  // "-" twice reads stdin once.
  const twice = await collect(readInputs(['-', '-'], { stdin: fakeStdin('Once.') }));
  assert.equal(twice.length, 1);
  const binary = await collect(readInputs(['-'], { stdin: fakeStdin(Uint8Array.from([0x41, 0, 0x42])) }));
  assert.equal(problems(binary)[0]?.file, '-');
});

test('type guard separates stories from problems', async () => {
  const items = await collect(readInputs(['-'], { input: 'jsonl', stdin: fakeStdin('{"id":"a","text":""}\n{oops\n') }));
  assert.deepEqual(items.map(isInputProblem), [false, true]);
  assert.equal((items[0] as StoryInput).text, '', 'an empty text is still a record');
});
