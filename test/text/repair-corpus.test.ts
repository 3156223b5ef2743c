/**
 * Acceptance test on real text: Reuters 2008 bodies are hard-wrapped at 60 columns, the lines joined
 * again WITHOUT the space (the seed's damage), and repaired. At least 95% of the joins must get their
 * space back, with fewer than 1 false split per 10,000 untouched words.
 *
 * What counts: a join is recovered when a space comes back exactly there. A space inserted anywhere else
 * is either a FALSE SPLIT — inside an untouched word (a chunk of the damaged text that holds no join: the
 * denominator's words) — or a MISPLACED split — inside a merged chunk, at the wrong place ("its|old" for
 * "it|sold"); a misplaced split leaves its join unrecovered, so recall already counts it, and it is
 * reported on its own line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Repair } from '../../src/types.js';
import { createRepairer } from '../../src/text/repair.js';
import { loadCorpusStories, wrap } from './corpus.js';

const STORIES = 300;
const WIDTH = 60;

/** Offsets (in the damaged text) where a split/space repair inserted a space. */
function insertions(repairs: Repair[]): Set<number> {
  const out = new Set<number>();
  for (const r of repairs) {
    if (r.kind !== 'split' && r.kind !== 'space') continue;
    let i = 0;
    for (let j = 0; j < r.to.length; j++) {
      if (i < r.from.length && r.to[j] === r.from[i]) i++;
      else if (r.to[j] === ' ') out.add(r.offset + i);
    }
  }
  return out;
}

interface Measured { recall: number; falsePer10k: number; misplacedPerJoin: number; summary: string }

function measure(): Measured {
  const started = Date.now();
  const repairer = createRepairer();
  const stories = loadCorpusStories(STORIES);
  assert.equal(stories.length, STORIES);
  let joins = 0;
  let recovered = 0;
  let falseSplits = 0;
  let misplaced = 0;
  let words = 0;
  let unrecoverable = 0;
  const missed: string[] = [];
  const falses: string[] = [];
  for (const story of stories) {
    const joinAt: number[] = [];
    const paragraphs: string[] = [];
    let offset = 0;
    for (const p of story.paragraphs) {
      const lines = wrap(p, WIDTH);
      let para = '';
      lines.forEach((l, k) => {
        if (k > 0) joinAt.push(offset + para.length);
        para += l;
      });
      paragraphs.push(para);
      offset += para.length + 1;
      words += p.split(' ').length;
    }
    const damaged = paragraphs.join('\n');
    const { repairs } = repairer.repair(damaged);
    const ins = insertions(repairs);
    const tickers = repairs.filter((r) => r.kind === 'ticker').map((r) => [r.offset, r.offset + r.from.length] as const);
    const joinSet = new Set(joinAt);
    for (const j of joinAt) {
      if (tickers.some(([s, e]) => j >= s && j <= e)) continue;
      // Not damage a repairer can or should see: a space before closing punctuation ("Evans )"),
      // after an opening bracket, or between two numbers ("-2.8 3" in a table reads "-2.83").
      const before = damaged[j - 1] ?? '';
      const after = damaged[j] ?? '';
      if (/[,;:.)\]!?]/.test(after) || /[([]/.test(before) || (/[0-9]/.test(before) && /[-+0-9.$]/.test(after))) {
        unrecoverable++;
        continue;
      }
      joins++;
      if (ins.has(j)) recovered++;
      else if (missed.length < 400) missed.push(damaged.slice(Math.max(0, j - 15), j) + '|' + damaged.slice(j, j + 15));
    }
    for (const p of ins) {
      if (joinSet.has(p)) continue;
      // the chunk of the damaged text around p: does it hold a join (a merged chunk) or not (an untouched word)?
      let a = p;
      while (a > 0 && !/\s/.test(damaged[a - 1] ?? ' ')) a--;
      let b = p;
      while (b < damaged.length && !/\s/.test(damaged[b] ?? ' ')) b++;
      if (joinAt.some((j) => j > a && j < b)) {
        misplaced++;
        continue;
      }
      falseSplits++;
      falses.push(`${story.file.split('/').pop()}: ${damaged.slice(Math.max(0, p - 25), p)}|${damaged.slice(p, p + 25)}`);
    }
  }
  const untouched = words - 2 * joins;
  const recall = recovered / joins;
  const falsePer10k = (falseSplits / untouched) * 10000;
  const misplacedPerJoin = misplaced / joins;
  const ms = Date.now() - started;
  const summary = `stories=${stories.length} joins=${joins} (+${unrecoverable} not recoverable by construction) recovered=${recovered} recall=${(recall * 100).toFixed(2)}% ` +
    `untouchedWords=${untouched} falseSplits=${falseSplits} (${falsePer10k.toFixed(2)} per 10k untouched words) ` +
    `misplaced=${misplaced} (splits inside merged chunks at the wrong place, ${(misplacedPerJoin * 100).toFixed(2)}% of joins) time=${ms}ms`;
  console.log(summary);
  if (process.env['REPAIR_DEBUG']) {
    console.log('MISSED\n' + missed.join('\n'));
    console.log('FALSE\n' + falses.join('\n'));
  }
  return { recall, falsePer10k, misplacedPerJoin, summary };
}

let measured: Measured | null = null;
const get = (): Measured => (measured ??= measure());

test('corpus: at least 95% of the joins come back, false splits under 1 per 10,000 untouched words', (t) => {
  const m = get();
  t.diagnostic(m.summary);
  assert.ok(m.recall >= 0.95, `recall ${m.recall}`);
  assert.ok(m.falsePer10k < 1, `false splits per 10k untouched words ${m.falsePer10k}`);
  // regression floor for the wrong-place splits inside merged chunks (0.23% of joins here, 0.47% on stories 300-1000, when written)
  assert.ok(m.misplacedPerJoin < 0.01, `misplaced splits per join ${m.misplacedPerJoin}`);
});
