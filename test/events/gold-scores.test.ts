// Scores on the gold sets in ../shared with the project's scorer (third-party data, read in place).
// These guard against regressions; the thresholds are the acceptance figures of the coding issue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, shared } from '../helpers.js';

function score(gold: string, by?: string): { typesF1: number; eventsF1: number; eventsP: number; eventsR: number; out: string } {
  const pred = execFileSync(process.execPath, [join(repoRoot, 'bin', 'wirecoder.js'), 'code', '--format', 'jsonl', gold], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const file = join(mkdtempSync(join(tmpdir(), 'wirecoder-score-')), 'pred.jsonl');
  writeFileSync(file, pred);
  const args = [shared('tools', 'score-events.mjs'), '--gold', gold, '--pred', file, ...(by ? ['--by', by] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const types = /types alone: precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)/.exec(out);
  const events = /events \(.*\): precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)/.exec(out);
  assert.ok(types && events, out);
  return { typesF1: Number(types[3]), eventsF1: Number(events[3]), eventsP: Number(events[1]), eventsR: Number(events[2]), out };
}

test('PLOVER dev set: event F1 >= 0.55 and types-alone F1 >= 0.70', (t) => {
  const s = score(shared('gold', 'plover-gsr-dev.jsonl'));
  t.diagnostic(s.out.trim());
  assert.ok(s.typesF1 >= 0.7, `types-alone F1 ${s.typesF1}`);
  assert.ok(s.eventsF1 >= 0.55, `event F1 ${s.eventsF1}`);
});

test('seed story by CAMEO root: precision >= 0.5, at least 3 of its 4 gold events', (t) => {
  const s = score(shared('gold', 'seed.jsonl'), 'root');
  t.diagnostic(s.out.trim());
  assert.ok(s.eventsP >= 0.5, `precision ${s.eventsP}`);
  // the scorer lets the first gold event take every matching prediction; the third gold event (the same
  // dyad and a subset of the same types) can then never be matched, so 3 of 4 is the ceiling
  assert.ok(s.eventsR >= 0.75, `recall ${s.eventsR}`);
});
