#!/usr/bin/env node
// Scores the coder on a gold set of our own (test/gold/*.jsonl records with their text), or on one split
// of it, with ../shared/tools/score-events.mjs.
//
//   node scripts/score-set.mjs GOLD.jsonl [--split dev|heldout] [--by plover|root|cameo] [--topic T]
//                              [--no-event-report] [-- CODER ARGS...]
//
// --no-event-report also prints how many records that expect no event (disasters, business) coded one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dd = argv.indexOf('--');
const own = dd >= 0 ? argv.slice(0, dd) : argv;
const coderArgs = dd >= 0 ? argv.slice(dd + 1) : [];
const opt = (name) => {
  const k = own.indexOf(`--${name}`);
  return k >= 0 ? own[k + 1] : undefined;
};
const goldPath = own[0];
if (!goldPath) {
  console.error('usage: score-set.mjs GOLD.jsonl [--split dev|heldout] [--by plover|root|cameo] [--topic T] [-- CODER ARGS]');
  process.exit(2);
}
const split = opt('split');
const topic = opt('topic');
const recs = readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  .filter((r) => (!split || r.split === split) && (!topic || r.topic === topic));
const dir = mkdtempSync(join(tmpdir(), 'wirecoder-set-'));
const gold = join(dir, 'gold.jsonl');
writeFileSync(gold, recs.map((r) => JSON.stringify({ id: r.id, text: r.text, date: r.date ?? null, expected: r.expected })).join('\n') + '\n');
const out = execFileSync(process.execPath, [join(root, 'bin', 'wirecoder.js'), 'code', '--format', 'jsonl', '--input', 'jsonl', ...coderArgs, gold], {
  encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'],
});
const pred = join(dir, 'pred.jsonl');
writeFileSync(pred, out);
const args = [resolve(root, '..', 'shared', 'tools', 'score-events.mjs'), '--gold', gold, '--pred', pred];
const by = opt('by');
if (by) args.push('--by', by);
if (own.includes('--verbose')) args.push('--verbose', '1');
process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
if (own.includes('--no-event-report')) {
  const coded = new Set(out.split('\n').filter((l) => l.trim()).map((l) => String(JSON.parse(l).doc)));
  const empty = recs.filter((r) => !r.expected.length);
  console.log(`records expecting no event: ${empty.length}; of them coding something: ${empty.filter((r) => coded.has(String(r.id))).length}`);
}
if (own.includes('--pred')) console.log(`predictions: ${pred}`);
