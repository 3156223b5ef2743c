// Golden file for whole stories: the project's own example stories (examples/, written for this project)
// coded end to end must give exactly the events in examples.jsonl. A change that alters them must update
// the golden file on purpose (regenerate, then read the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import type { EventRecord } from '../../src/types.js';

const brief = (e: EventRecord): Record<string, unknown> => ({
  doc: e.doc, sentence: e.sentence, source: e.source.code, target: e.target?.code ?? null, cameo: e.cameo.code, plover: e.plover.type,
  date: e.date, deadline: e.deadline, place: e.place?.name ?? null, condition: e.condition, modality: e.modality, rule: e.rule.id,
});

test('the example stories code to the golden events', () => {
  const out = execFileSync(process.execPath, [join(repoRoot, 'bin', 'wirecoder.js'), 'code', join(repoRoot, 'examples'), '--format', 'jsonl'], { encoding: 'utf8' });
  const got = out.trim().split('\n').map((l) => brief(JSON.parse(l) as EventRecord));
  const want = readFileSync(join(repoRoot, 'test', 'golden', 'examples.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(got, want);
  assert.ok(!got.some((e) => e['doc'] === '004_no_events'), 'the market story codes nothing');
});
