#!/usr/bin/env node
// The blind corpus set: sentences drawn with a fixed seed from political stories of the 2008 Reuters
// corpus in ../shared (read in place, never copied), annotated by the team with the PLOVER manual and
// the CAMEO codebook before anyone looked at the coder's output on them.
//
//   node scripts/blind.mjs draw [--n 340] [--seed 20081]    writes the record skeletons (expected: null)
//                                                          to test/gold/corpus-blind.jsonl; refuses to
//                                                          overwrite a file that holds annotations
//   node scripts/blind.mjs text [--from K] [--to K]         prints each record's story context and sentence
//                                                          (for annotating)
//   node scripts/blind.mjs input OUT.jsonl                   writes coder input: for each record the story
//                                                          up to and including its sentence
//   node scripts/blind.mjs score [--by plover|root] [--min-p X] [--min-r X]
//                                                          codes the set with bin/wirecoder.js, keeps the
//                                                          events of each record's own sentence, scores
//                                                          them with ../shared/tools/score-events.mjs
//
// A record: {"id", "file" (corpus path), "start", "end" (character offsets of the sentence in the
// file), "sha" (first 12 hex of the sentence's sha256, to notice a changed corpus), "date", "expected"
// (the events, [] for none), "note"?}. Gold is never edited to match output: an annotation mistake is
// fixed with a note saying what changed and why.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, shuffle } from './seeded.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'reuters-2008');
const goldFile = join(root, 'test', 'gold', 'corpus-blind.jsonl');
const scorer = resolve(root, '..', 'shared', 'tools', 'score-events.mjs');

const [cmd, ...rest] = process.argv.slice(2);
const opt = (name, dflt) => {
  const k = rest.indexOf(`--${name}`);
  return k >= 0 ? rest[k + 1] : dflt;
};

// A story is political when its slug or headline names politics, conflict, diplomacy or a state actor,
// and its slug is not one of the corpus's business series.
const POLITICAL = new Set(
  ('politics election elections voters parliament war troops military army soldiers nato summit sanctions protest ' +
    'protests attack attacks bomb bombing killed rebels militants taliban insurgents police nuclear diplomacy ' +
    'treaty iraq iran afghanistan pakistan israel israeli palestinian palestinians gaza hamas lebanon syria korea ' +
    'georgia ossetia kenya zimbabwe sudan darfur somalia congo tibet taiwan kosovo serbia cuba colombia myanmar ' +
    'thailand putin medvedev mugabe musharraf bhutto terrorism terror coup opposition referendum embassy envoy ' +
    'refugees pirates piracy hostage hostages')
    .split(' '),
);
const BUSINESS = new Set(
  ('results markets stocks stock shares earnings profit bonds futures oil prices retail retailsales sales autos autosales ' +
    'housing mortgages banks bank fed ipo bid merger deal fund funds outlook column instantview factbox ceo cfo economy ' +
    'financial bailout tarp lehman aig citigroup fannie freddie gm ford chrysler')
    .split(' '),
);

function readStory(rel) {
  const raw = readFileSync(join(corpus, rel), 'utf8');
  const lines = raw.split('\n');
  const headline = (lines[0] ?? '').replace(/^-- /, '');
  const dateLine = (lines[2] ?? '').replace(/^-- /, '');
  const d = new Date(dateLine.replace(/(\d{1,2}:\d{2}[ap]m) E[SD]T$/, '').trim());
  const date = Number.isNaN(d.getTime()) ? null : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  // the body starts after the four header lines, a blank line, a line of one space and a blank line
  let bodyStart = 0;
  for (let k = 0, seen = 0; k < raw.length && seen < 7; k++) if (raw[k] === '\n') (seen++, (bodyStart = k + 1));
  return { raw, headline, date, bodyStart };
}

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|No|vs|U\.S|U\.N|U\.K|E\.U)|\b[A-Z])\.$/;

/** Sentences of a body as [start, end) offsets in `raw`: ends at . ! ? (with closing quotes) before a capital. */
function sentences(raw, from) {
  const out = [];
  let s = from;
  while (s < raw.length && /\s/.test(raw[s])) s++;
  const re = /[.!?]["”’)]*(?=\s+["“‘(]?[A-Z0-9])|\n\s*\n|$/g;
  re.lastIndex = s;
  let m;
  while ((m = re.exec(raw)) !== null) {
    const end = m.index + m[0].length;
    const piece = raw.slice(s, end);
    if (m[0] !== '' && /[.!?]/.test(m[0][0]) && ABBREV.test(raw.slice(Math.max(s, m.index - 6), m.index + 1))) {
      if (re.lastIndex === m.index) re.lastIndex++;
      continue;
    }
    if (piece.trim()) out.push([s, s + piece.trimEnd().length]);
    s = end;
    while (s < raw.length && /\s/.test(raw[s])) s++;
    if (m[0] === '' || s >= raw.length) break;
    re.lastIndex = s;
  }
  return out;
}

const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);
const words = (text) => text.toLowerCase().match(/[a-z]+/g) ?? [];

function draw() {
  const n = Number(opt('n', '340'));
  const seed = Number(opt('seed', '20081'));
  if (existsSync(goldFile) && readFileSync(goldFile, 'utf8').includes('"expected": [')) {
    console.error(`${goldFile} holds annotations: not overwritten`);
    process.exit(2);
  }
  const files = [];
  for (const day of readdirSync(corpus).sort()) for (const f of readdirSync(join(corpus, day)).sort()) files.push(`${day}/${f}`);
  const political = files.filter((rel) => {
    const slug = rel.split('/')[1].replace(/-id[A-Z0-9]+$/, '').split('-');
    if (slug.some((w) => BUSINESS.has(w))) return false;
    const { headline } = readStory(rel);
    return slug.some((w) => POLITICAL.has(w)) || words(headline).some((w) => POLITICAL.has(w));
  });
  const random = rng(seed);
  // Fisher-Yates over the sorted list: the order depends on the seed alone
  shuffle(political, random);
  const out = [];
  for (const rel of political) {
    if (out.length >= n) break;
    const { raw, date, bodyStart } = readStory(rel);
    const cands = sentences(raw, bodyStart).filter(([a, b]) => {
      const w = raw.slice(a, b).split(/\s+/).length;
      return w >= 8 && w <= 70 && !/^\(?(Reporting|Editing|Additional reporting|Writing)/.test(raw.slice(a, b));
    });
    if (!cands.length) continue;
    // two sentences of a story at most (the corpus has few political stories)
    for (let pick = 0; pick < 2 && cands.length && out.length < n; pick++) {
      const [[start, end]] = cands.splice(Math.floor(random() * cands.length), 1);
      out.push({ id: `blind-${String(out.length + 1).padStart(3, '0')}`, file: rel, start, end, sha: sha(raw.slice(start, end)), date, expected: null });
    }
  }
  writeFileSync(goldFile, out.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${political.length} political stories; ${out.length} sentences drawn (seed ${seed}) into ${goldFile}`);
}

function records() {
  return readFileSync(goldFile, 'utf8').split('\n').filter((l) => l.trim()).map((l, k) => {
    const r = JSON.parse(l);
    const { raw, headline, bodyStart } = readStory(r.file);
    const text = raw.slice(r.start, r.end);
    if (sha(text) !== r.sha) throw new Error(`${goldFile}:${k + 1}: ${r.file} changed (sentence hash differs)`);
    return { ...r, text, raw, headline, bodyStart };
  });
}

function showText() {
  const from = Number(opt('from', '1'));
  const to = Number(opt('to', '100000'));
  for (const r of records()) {
    const k = Number(r.id.slice(6));
    if (k < from || k > to) continue;
    const before = r.raw.slice(r.bodyStart, r.start).replace(/\s+/g, ' ').trim();
    console.log(`### ${r.id}  ${r.file}  (${r.date})\nheadline: ${r.headline}\ncontext: ${before.length > 700 ? '…' + before.slice(-700) : before}\nSENTENCE: ${r.text.replace(/\s+/g, ' ')}\n`);
  }
}

/** Coder input: the story up to the end of the record's sentence (so pronouns and context resolve as in the story). */
function writeInput(out) {
  const recs = records();
  writeFileSync(out, recs.map((r) => JSON.stringify({ id: r.id, text: r.raw.slice(r.bodyStart, r.end), date: r.date })).join('\n') + '\n');
  return recs;
}

function score() {
  const dir = mkdtempSync(join(tmpdir(), 'wirecoder-blind-'));
  const input = join(dir, 'input.jsonl');
  const recs = writeInput(input);
  const pending = recs.filter((r) => !Array.isArray(r.expected));
  if (pending.length) {
    console.error(`${pending.length} records are not annotated yet (first: ${pending[0].id})`);
    process.exit(2);
  }
  const out = execFileSync(process.execPath, [join(root, 'bin', 'wirecoder.js'), 'code', '--format', 'jsonl', '--input', 'jsonl', input], { encoding: 'utf8', maxBuffer: 256 << 20 });
  // only the events of the record's own sentence: its text lies inside the event's sentence or holds it
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const byId = new Map(recs.map((r) => [r.id, norm(r.text)]));
  const kept = out.split('\n').filter((l) => l.trim()).filter((l) => {
    const ev = JSON.parse(l);
    const target = byId.get(ev.doc) ?? '';
    const s = norm(ev.text ?? '');
    return s.length > 0 && (target.includes(s) || s.includes(target) || (s.length > 40 && target.includes(s.slice(-40))));
  });
  const pred = join(dir, 'pred.jsonl');
  writeFileSync(pred, kept.join('\n') + (kept.length ? '\n' : ''));
  const gold = join(dir, 'gold.jsonl');
  writeFileSync(gold, recs.map((r) => JSON.stringify({ id: r.id, expected: r.expected })).join('\n') + '\n');
  const args = [scorer, '--gold', gold, '--pred', pred, '--by', opt('by', 'plover')];
  if (rest.includes('--verbose')) args.push('--verbose', '1');
  const res = execFileSync(process.execPath, args, { encoding: 'utf8' });
  process.stdout.write(res);
  if (rest.includes('--pred')) console.log(`predictions: ${pred}`);
  const ev = /events \(.*\): precision ([\d.]+) recall ([\d.]+)/.exec(res);
  const minP = Number(opt('min-p', '0'));
  const minR = Number(opt('min-r', '0'));
  if (ev && (Number(ev[1]) < minP || Number(ev[2]) < minR)) process.exit(1);
}

if (cmd === 'draw') draw();
else if (cmd === 'text') showText();
else if (cmd === 'input') writeInput(rest[0] ?? join(tmpdir(), 'blind-input.jsonl'));
else if (cmd === 'score') score();
else {
  console.error('usage: node scripts/blind.mjs draw|text|input OUT|score');
  process.exit(2);
}
