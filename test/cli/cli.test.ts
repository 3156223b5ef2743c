import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REUTERS_SAMPLE, removeDir, reutersFile, tempDir, writeTree } from '../ingest/fixtures.js';
import { lines, runCli } from './run.js';
import { repoRoot } from '../helpers.js';

const EVENT_FIELDS = [
  'doc', 'sentence', 'text', 'date', 'date_text', 'source', 'target', 'cameo', 'plover', 'place', 'quantities',
  'condition', 'deadline', 'negated', 'modality', 'speaker', 'rule', 'verb',
];

// Each spawn loads the coder: run them side by side.
describe('wirecoder CLI (spawned)', { concurrency: true }, () => {
  test('empty standard input, an empty file, an empty directory: no output, exit 0, and a word saying so', async () => {
    const r = await runCli(['code']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'wirecoder: no stories in standard input\n');
    const dash = await runCli(['code', '-', '--format', 'tsv'], { stdin: '\n \n' });
    assert.deepEqual([dash.code, dash.stdout, dash.stderr], [0, '', 'wirecoder: no stories in standard input\n']);
    const dir = await tempDir();
    try {
      await writeTree(dir, { 'empty.txt': '', 'sub/blank.txt': '  \n' });
      const files = await runCli(['code', join(dir, 'empty.txt'), join(dir, 'sub')]);
      assert.deepEqual([files.code, files.stdout], [0, '']);
      assert.equal(files.stderr, `wirecoder: no stories in ${join(dir, 'empty.txt')}, ${join(dir, 'sub')}\n`);
    } finally {
      await removeDir(dir);
    }
  });

  test('--version prints the package version; help works without any dictionaries to load', async () => {
    const pkg: unknown = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : '';
    assert.match(version, /^\d+\.\d+\.\d+/);
    const r = await runCli(['--version']);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, `${version}\n`, '']);
    // the dictionaries named are not there: help must not need them
    const help = await runCli(['code', '--help', '--dictionaries', '/no/such/dictionaries']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /--format/);
  });

  test('usage errors exit 2; --help exits 0', async () => {
    const date = await runCli(['code', '--date', '2008-02-30']);
    assert.equal(date.code, 2);
    assert.match(date.stderr, /--date/);
    const format = await runCli(['code', '--format', 'xml']);
    assert.equal(format.code, 2);
    const help = await runCli(['code', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--format/);
  });

  test('a missing input is reported with its name, exit 1', async () => {
    const r = await runCli(['code', '/no/such/story.txt']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'wirecoder: /no/such/story.txt: no such file or directory\n');
  });

  test('directory with good, nested, Reuters, binary and invalid UTF-8 files: bad ones reported, the rest coded, exit 1', async () => {
    const dir = await tempDir();
    try {
      await writeTree(dir, {
        'a-good.txt': 'Freedonia and Sylvania signed a trade agreement on Monday.',
        'b-binary.txt': Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x02]),
        'c-latin1.txt': Buffer.from('First line.\nCaf\xe9 owners protested.\n', 'latin1'),
        'd/nested/e-deep.txt': 'Sylvania accused Freedonia of violating the border.',
        'f-wire-idUSX0000120080304': REUTERS_SAMPLE,
        '.hidden.txt': 'should not be read',
      });
      const r = await runCli(['code', dir, '--format', 'json', '--date', '2008-02-08']);
      assert.equal(r.code, 1, r.stderr);
      const errs = lines(r.stderr).filter((l) => !l.startsWith('wirecoder: warning:'));
      assert.deepEqual(errs, [
        `wirecoder: ${join(dir, 'b-binary.txt')}: binary file (contains NUL bytes), skipped`,
        `wirecoder: ${join(dir, 'c-latin1.txt')}:2: invalid UTF-8, skipped`,
      ]);
      const docs = lines(r.stdout).map((l) => JSON.parse(l) as { doc: string; date: string | null; headline: string | null });
      assert.deepEqual(docs.map((d) => d.doc), ['a-good', 'e-deep', 'f-wire-idUSX0000120080304']);
      assert.equal(docs[0]?.date, '2008-02-08');
      assert.equal(docs[2]?.date, '2008-03-04', 'Reuters header date wins over --date');
      assert.equal(docs[2]?.headline, 'Freedonia and Sylvania agree to talks on river dispute');
    } finally {
      await removeDir(dir);
    }
  });

  test('JSON Lines on stdin: broken line reported as -:LINE, other records coded; jsonl output well-formed', async () => {
    const input = [
      '{"id":"r1","text":"Freedonia sent troops into Sylvania on Tuesday.","date":"2008-05-06"}',
      '{"id":"r2","text":"broken',
      '{"id":"r3","text":"Sylvania condemned the attack.","date":"2008-05-07"}',
      '{"text":"no id"}',
    ].join('\n');
    const json = await runCli(['code', '--input', 'jsonl', '--format', 'json'], { stdin: input });
    assert.equal(json.code, 1);
    const errs = lines(json.stderr).filter((l) => !l.startsWith('wirecoder: warning:'));
    assert.equal(errs.length, 2);
    assert.match(errs[0] ?? '', /^wirecoder: -:2: invalid JSON/);
    assert.match(errs[1] ?? '', /^wirecoder: -:4: record has no "id"/);
    assert.deepEqual(lines(json.stdout).map((l) => (JSON.parse(l) as { doc: string }).doc), ['r1', 'r3']);

    const jsonl = await runCli(['code', '-', '--format', 'jsonl'], { stdin: input });
    assert.equal(jsonl.code, 1);
    for (const l of lines(jsonl.stdout)) {
      const e = JSON.parse(l) as Record<string, unknown>;
      assert.deepEqual(Object.keys(e), EVENT_FIELDS);
      assert.ok(e['doc'] === 'r1' || e['doc'] === 'r3');
    }
  });

  test('--output FILE with tsv: header then rows in the file, nothing on stdout', async () => {
    const dir = await tempDir();
    try {
      await writeTree(dir, { 's.txt': 'Freedonia and Sylvania signed a peace agreement on Monday.' });
      const outFile = join(dir, 'out.tsv');
      const r = await runCli(['code', join(dir, 's.txt'), '--format', 'tsv', '--date', '2008-02-11', '--output', outFile]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.ok(existsSync(outFile));
      const rows = lines(readFileSync(outFile, 'utf8'));
      assert.equal(rows[0], 'date\tsource\ttarget\tcameo\tdoc\tsentence\tgoldstein\tquad\tplover\trule');
      for (const row of rows.slice(1)) {
        const cells = row.split('\t');
        assert.equal(cells.length, 10);
        assert.equal(cells[0], '20080211');
        assert.equal(cells[4], 's');
      }
      const bad = await runCli(['code', join(dir, 's.txt'), '--output', join(dir, 'no', 'such', 'dir', 'x')]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /cannot write/);
    } finally {
      await removeDir(dir);
    }
  });

  test('table format ends with totals', async () => {
    const r = await runCli(['code', '-', '--format', 'table'], { stdin: 'Freedonia and Sylvania signed a trade agreement on Monday.' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}date +source → target/);
    assert.match(r.stdout, /▸ stdin · no date/);
    assert.match(r.stdout, /\n1 story, 1 sentence, \d+ events?\n$/);
  });

  test('bench --json on a small invented corpus: last line has exactly the agreed keys', async () => {
    const dir = await tempDir();
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 4; i += 1) {
        files[`2008010${i + 1}/story-${i}-idUSX${i}`] = reutersFile({
          headline: `Story ${i}`,
          date: `Tue Jan ${i + 1}, 2008 9:00am EST`,
          url: `http://example.com/${i}`,
          body: 'FREEDONIA CITY (Reuters) - Freedonia and Sylvania met on Monday. They agreed to hold more talks. Officials said the talks went well.',
        });
      }
      await writeTree(dir, files);
      const r = await runCli(['bench', dir, '--limit', '3', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const last = lines(r.stdout).at(-1) ?? '';
      const obj = JSON.parse(last) as Record<string, number>;
      assert.deepEqual(Object.keys(obj), ['stories', 'sentences', 'seconds', 'sentencesPerSecond', 'peakRssMB', 'floorSentencesPerSecond', 'ratio']);
      assert.equal(obj['stories'], 3);
      for (const v of Object.values(obj)) assert.equal(typeof v, 'number');
      assert.ok((obj['floorSentencesPerSecond'] ?? 0) > 0);
      assert.ok((obj['peakRssMB'] ?? 0) > 10);
      const missing = await runCli(['bench', join(dir, 'nope')]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no corpus/);
    } finally {
      await removeDir(dir);
    }
  });
});

test('the prepare step does not rebuild a dist/ newer than its sources (npx wirecoder in this repository runs it)', async () => {
  const { spawnSync } = await import('node:child_process');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'prepare.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /dist\/ is newer than its sources: not rebuilt/);
  assert.ok(performance.now() - t0 < 5_000);
});

test('a 10 MB line is refused by name in well under 3 s, the other stories coded (exit 1)', async () => {
  const dir = await tempDir();
  try {
    await writeTree(dir, { 'huge.txt': 'Canada said it would pull 2,500 troops out of Kandahar. '.repeat(190_000), 'fine.txt': 'Canada sent troops to Kandahar on Monday.\n' });
    const t0 = performance.now();
    const r = await runCli(['code', dir, '--format', 'tsv', '--date', '2008-03-04']);
    const ms = performance.now() - t0;
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /huge\.txt: coding "huge" failed: text of 10,640,000 characters is longer than one story may be \(2,000,000\): not coded; split it into stories/);
    assert.match(r.stdout, /Kandahar|CAN/);
    assert.ok(ms < 6_000, `${ms} ms with the coder's start`);
  } finally {
    await removeDir(dir);
  }
});
