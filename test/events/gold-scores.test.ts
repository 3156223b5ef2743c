// Scores on the gold sets with the project's scorer (../shared/tools/score-events.mjs): the dev half of the
// PLOVER gold standard and the seed in ../shared (third-party data, read in place), and our own sets in
// test/gold (the blind corpus set, read from ../shared's corpus; the synthetic sets, both halves). They
// are floors against regressions, set a little under what the coder scores, never targets: no rule is
// written for one of their sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, shared } from '../helpers.js';

interface Score {
  typesF1: number;
  eventsF1: number;
  eventsP: number;
  eventsR: number;
  out: string;
}

function parse(out: string): Score {
  const types = /types alone: precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)/.exec(out);
  const events = /events \(.*\): precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)/.exec(out);
  assert.ok(types && events, out);
  return { typesF1: Number(types[3]), eventsF1: Number(events[3]), eventsP: Number(events[1]), eventsR: Number(events[2]), out };
}

function score(gold: string, by?: string): Score {
  const pred = execFileSync(process.execPath, [join(repoRoot, 'bin', 'wirecoder.js'), 'code', '--format', 'jsonl', gold], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const file = join(mkdtempSync(join(tmpdir(), 'wirecoder-score-')), 'pred.jsonl');
  writeFileSync(file, pred);
  const args = [shared('tools', 'score-events.mjs'), '--gold', gold, '--pred', file, ...(by ? ['--by', by] : [])];
  return parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
}

const script = (name: string, ...args: string[]): string =>
  execFileSync(process.execPath, [join(repoRoot, 'scripts', name), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

test('PLOVER dev set: event F1 >= 0.65 and types-alone F1 >= 0.83', (t) => {
  const s = score(shared('gold', 'plover-gsr-dev.jsonl'));
  t.diagnostic(s.out.trim());
  assert.ok(s.typesF1 >= 0.83, `types-alone F1 ${s.typesF1}`);
  assert.ok(s.eventsF1 >= 0.65, `event F1 ${s.eventsF1}`);
});

test('seed story by CAMEO root: precision >= 0.8, all 4 gold events', (t) => {
  const s = score(shared('gold', 'seed.jsonl'), 'root');
  t.diagnostic(s.out.trim());
  assert.ok(s.eventsP >= 0.8, `precision ${s.eventsP}`);
  assert.ok(s.eventsR >= 1, `recall ${s.eventsR}`);
});

test('blind corpus set (test/gold/corpus-blind.jsonl): event precision >= 0.35, recall >= 0.09', (t) => {
  const s = parse(script('blind.mjs', 'score'));
  t.diagnostic(s.out.trim());
  assert.ok(s.eventsP >= 0.35, `precision ${s.eventsP}`);
  assert.ok(s.eventsR >= 0.09, `recall ${s.eventsR}`);
});

for (const [set, split, types, events] of [
  ['synthetic-cameo', 'dev', 0.72, 0.5],
  ['synthetic-cameo', 'heldout', 0.7, 0.48],
  ['synthetic-snippets', 'dev', 0.74, 0.56],
  ['synthetic-snippets', 'heldout', 0.75, 0.53],
] as const) {
  test(`${set} (${split}): types-alone F1 >= ${types}, event F1 >= ${events}`, (t) => {
    const s = parse(script('score-set.mjs', join(repoRoot, 'test', 'gold', `${set}.jsonl`), '--split', split));
    t.diagnostic(s.out.trim());
    assert.ok(s.typesF1 >= types, `types-alone F1 ${s.typesF1}`);
    assert.ok(s.eventsF1 >= events, `event F1 ${s.eventsF1}`);
  });
}

test('disasters and accidents code nothing (synthetic snippets: at most 2 of 60)', () => {
  const out = script('score-set.mjs', join(repoRoot, 'test', 'gold', 'synthetic-snippets.jsonl'), '--topic', 'disaster', '--no-event-report');
  const m = /records expecting no event: (\d+); of them coding something: (\d+)/.exec(out);
  assert.ok(m, out);
  assert.equal(Number(m[1]), 60);
  assert.ok(Number(m[2]) <= 2, out);
});

test('noise: material-conflict events in business stories of the 2008 corpus stay under 40 per 1,000', (t) => {
  const out = script('noise.mjs');
  t.diagnostic(out.trim());
  const m = /: ([\d.]+) per 1,000 business stories/.exec(out);
  assert.ok(m, out);
  assert.ok(Number(m[1]) < 40, out);
});
