/** `wirecoder code --dictionaries petrarch:DIR`: codes with PETRARCH files; malformed lines are named, not fatal. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeDir, tempDir } from '../ingest/fixtures.js';
import { lines, runCli } from './run.js';

const VERBS = `--- MEET [031:031] ---
MEET {MET MEETS MEETING}
- * ( UNCLOSED [041]
- * NO CODE HERE
--- ATTACK [190] ---
ATTACK
`;
const ACTORS = `FREEDONIA [FRE]
SYLVANIA [SYL]
BROKEN [AB 99999999]
`;

describe('code --dictionaries petrarch:DIR', () => {
  test('codes with the PETRARCH files and names each malformed line by file and line', async () => {
    const dir = await tempDir();
    try {
      await writeFile(join(dir, 'test.verbs.txt'), VERBS);
      await writeFile(join(dir, 'test.actors.txt'), ACTORS);
      const r = await runCli(['code', '-', '--dictionaries', `petrarch:${dir}`, '--format', 'tsv', '--date', '2001-01-01'], { stdin: 'Freedonia attacked Sylvania on Monday.\n' });
      assert.equal(r.code, 0);
      const rows = lines(r.stdout).slice(1).map((l) => l.split('\t').slice(1, 4).join(' '));
      assert.deepEqual(rows, ['FRE SYL 190']);
      const errs = lines(r.stderr);
      assert.ok(errs.some((l) => l.startsWith('wirecoder: test.verbs.txt:3: error:') && l.includes('")"')), r.stderr);
      assert.ok(errs.some((l) => l.startsWith('wirecoder: test.verbs.txt:4: error:') && l.includes('no [CODE]')), r.stderr);
      assert.ok(errs.some((l) => l.startsWith('wirecoder: test.actors.txt:3: error:')), r.stderr);
    } finally {
      await removeDir(dir);
    }
  });

  test('--explain reports how long the dictionaries took to load', async () => {
    const dir = await tempDir();
    try {
      await writeFile(join(dir, 'test.verbs.txt'), VERBS);
      await writeFile(join(dir, 'test.actors.txt'), ACTORS);
      const r = await runCli(['code', '-', '--dictionaries', `petrarch:${dir}`, '--format', 'jsonl', '--explain'], { stdin: 'Freedonia attacked Sylvania.\n' });
      assert.match(r.stderr, /PETRARCH dictionaries read and compiled in \d+ ms/);
    } finally {
      await removeDir(dir);
    }
  });

  test('a directory with no verb file is an error naming it', async () => {
    const dir = await tempDir();
    try {
      const r = await runCli(['code', '-', '--dictionaries', `petrarch:${dir}`], { stdin: 'Freedonia attacked Sylvania.\n' });
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /no verb dictionary/);
    } finally {
      await removeDir(dir);
    }
  });
});
