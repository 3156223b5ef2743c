/**
 * `wirecoder ingest` and `wirecoder stats`, spawned as a user runs them; the acceptance test ingests 2,000
 * stories of the Reuters corpus twice into one database, and into another kills the run with SIGKILL 20 times
 * at random moments (seeded; KILL_SEED replays a run, KILL_TRACE prints what each kill left) and runs it
 * again: both databases must end up the same.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreStats } from '../../src/store/types.js';
import { removeDir, tempDir, writeTree } from '../ingest/fixtures.js';
import { rng } from '../store/fixtures.js';
import { repoRoot, shared } from '../helpers.js';
import { lines, runCli } from './run.js';

const corpus = shared('corpus', 'reuters-2008');
const haveCorpus = existsSync(corpus);
const STORIES = 2000;

let dir: string;
before(async () => {
  dir = await tempDir();
});
after(async () => {
  await removeDir(dir);
});

function statsOf(stdout: string): StoreStats {
  return JSON.parse(stdout) as StoreStats;
}

describe('ingest and stats on small inputs', { concurrency: true }, () => {
  test('stats of a missing database: exit 2, naming the file, and no file is created', async () => {
    const r = await runCli(['stats', '--db', join(dir, 'none.db')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^wirecoder: stats: no database at .*none\.db/);
    assert.equal(existsSync(join(dir, 'none.db')), false);
    const cwd = await runCli(['stats'], { cwd: dir });
    assert.equal(cwd.code, 2);
    assert.match(cwd.stderr, /wirecoder\.db/);
  });

  test('examples and a bad file: stored, the bad one named, exit 1; stats as a table and as JSON; again: unchanged', async () => {
    const inputs = join(dir, 'small');
    await writeTree(inputs, { 'bad.txt': Uint8Array.from([0x00, 0x01, 0x02]) });
    const db = join(dir, 'small.db');
    const r = await runCli(['ingest', join(repoRoot, 'examples'), inputs, '--db', db]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    const err = lines(r.stderr);
    assert.ok(err.includes(`wirecoder: ${join(inputs, 'bad.txt')}: binary file (contains NUL bytes), skipped`), r.stderr);
    assert.match(err[err.length - 1] ?? '', /^ingest: done: 5 stories \(stored 5, unchanged 0, recoded 0, problems 1\) in [\d.]+ s, \d+ stories\/s; .*small\.db holds 5 stories, \d+ events$/);
    const json = await runCli(['stats', '--db', db, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const stats = statsOf(json.stdout);
    assert.equal(stats.stories, 5, 'four text stories and an HTML page');
    assert.ok(stats.events > 5 && stats.commitments >= 1 && stats.quotes >= 1, json.stdout);
    assert.deepEqual(Object.keys(stats.quad).sort(), ['1', '2', '3', '4', 'none']);
    const table = await runCli(['stats', '--db', db]);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /^stories +5$/m);
    assert.match(table.stdout, new RegExp(`^events +${stats.events}$`, 'm'));
    const again = await runCli(['ingest', join(repoRoot, 'examples'), '--db', db]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /stored 0, unchanged 5, recoded 0, problems 0/);
  });

  test('usage errors exit 2', async () => {
    const none = await runCli(['ingest']);
    assert.equal(none.code, 2);
    const date = await runCli(['ingest', 'x', '--date', 'soon']);
    assert.equal(date.code, 2);
    const db = await runCli(['ingest', join(repoRoot, 'examples'), '--db', join(dir, 'no', 'such', 'dir', 'x.db')]);
    assert.equal(db.code, 2);
    assert.match(db.stderr, /wirecoder: ingest: .*x\.db: cannot open the database/);
  });
});

/** Runs ingest and kills it with SIGKILL after `delayMs` (if it is still running then). */
function ingestAndKill(db: string, delayMs: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'wirecoder.js'), 'ingest', corpus, '--db', db, '--limit', String(STORIES)], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let all = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      all += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ signal, code, stderr: all });
    });
  });
}

const KILLS = 20;
/** Kill moments are drawn from [0, KILL_WINDOW_MS) after the start: loading, reading, coding, writing. */
const KILL_WINDOW_MS = 4500;

describe('acceptance: 2,000 Reuters stories', () => {
  test(
    'twice into A: identical stats; into B killed with SIGKILL 20 times at random moments, then run again: the same stats as A',
    { skip: haveCorpus ? false : `no corpus at ${corpus}: acceptance test skipped` },
    async () => {
      const a = join(dir, 'A.db');
      const b = join(dir, 'B.db');
      const first = await runCli(['ingest', corpus, '--db', a, '--limit', String(STORIES)]);
      assert.ok(first.code === 0 || first.code === 1, first.stderr);
      const progress = lines(first.stderr).filter((l) => /^ingest: \d+\/2000 stories/.test(l));
      assert.ok(progress.length >= 5, `plain progress lines on a pipe:\n${first.stderr}`);
      const done = /^ingest: done: 2000 stories \(stored (\d+), unchanged (\d+), recoded 0, problems (\d+)\)/m.exec(first.stderr);
      assert.ok(done, first.stderr);
      const statsA = statsOf((await runCli(['stats', '--db', a, '--json'])).stdout);
      assert.equal(statsA.stories, Number(done[1]));
      assert.ok(statsA.stories > 1900 && statsA.events > 0, JSON.stringify(statsA));

      const second = await runCli(['ingest', corpus, '--db', a, '--limit', String(STORIES)]);
      assert.equal(second.code, first.code, second.stderr);
      assert.match(second.stderr, new RegExp(`^ingest: done: 2000 stories \\(stored 0, unchanged ${2000 - Number(done[3])}, recoded 0,`, 'm'));
      assert.deepEqual(statsOf((await runCli(['stats', '--db', a, '--json'])).stdout), statsA, 'ingesting again changes nothing');

      const seed = Number(process.env['KILL_SEED'] ?? 20261206);
      const next = rng(seed); // the kill moments from a seed, so that a failing run can be replayed
      let midWrite = 0; // kills that landed after this run had stored stories and before it was done
      let stored = 0;
      const moments: number[] = [];
      for (let k = 0; k < KILLS; k++) {
        const at = Math.floor(next() * KILL_WINDOW_MS);
        moments.push(at);
        const run = await ingestAndKill(b, at);
        const where = `kill ${k + 1} of ${KILLS} at ${at} ms (KILL_SEED=${seed})`;
        if (run.signal !== 'SIGKILL') assert.ok(run.code === 0 || run.code === 1, `${where}: ended by itself with ${run.code}:\n${run.stderr}`);
        if (!existsSync(b)) continue; // killed before the database was created
        const st = await runCli(['stats', '--db', b, '--json']);
        assert.equal(st.code, 0, `${where}: the database opens after the kill:\n${st.stderr}`);
        const now = statsOf(st.stdout).stories;
        assert.ok(now >= stored && now <= statsA.stories, `${where}: ${now} stories stored (before: ${stored}; uninterrupted: ${statsA.stories})`);
        if (run.signal === 'SIGKILL' && now > stored && now < statsA.stories) midWrite++;
        stored = now;
        if (process.env['KILL_TRACE']) console.error(where, now);
      }
      assert.ok(midWrite >= 3, `only ${midWrite} kills landed while stories were being stored (moments ${moments.join(', ')} ms)`);
      const partial = { stories: stored };

      const resumed = await runCli(['ingest', corpus, '--db', b, '--limit', String(STORIES)]);
      assert.equal(resumed.code, first.code, resumed.stderr);
      const again = /^ingest: done: 2000 stories \(stored (\d+), unchanged (\d+), recoded 0, problems \d+\)/m.exec(resumed.stderr);
      assert.ok(again, resumed.stderr);
      assert.equal(Number(again[1]), statsA.stories - partial.stories, 'only what the killed run had not stored is coded');
      assert.deepEqual(statsOf((await runCli(['stats', '--db', b, '--json'])).stdout), statsA, 'B after the kill and the rerun equals A');
    },
  );
});
