#!/usr/bin/env node
// The noise figure: events per story, and material-conflict events (QuadClass 4: CAMEO roots 15-20) per
// 1,000 business stories, over 2,000 stories of the 2008 Reuters corpus in ../shared drawn with a fixed
// seed. Business stories are told by their slug and headline (markets, results, companies, the economy);
// almost nothing in them is political violence, so what codes as such there is noise.
//
//   node scripts/noise.mjs [--n 2000] [--seed 7] [--list] [-- CODER ARGS...]
//
// --list prints each material-conflict event found in a business story (sentence, codes, rule). Arguments
// after "--" go to `wirecoder code` (e.g. `-- --dictionaries petrarch:DIR`).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, shuffle } from './seeded.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'reuters-2008');
const argv = process.argv.slice(2);
const dd = argv.indexOf('--');
const own = dd >= 0 ? argv.slice(0, dd) : argv;
const coderArgs = dd >= 0 ? argv.slice(dd + 1) : [];
const opt = (name, dflt) => {
  const k = own.indexOf(`--${name}`);
  return k >= 0 ? own[k + 1] : dflt;
};
const n = Number(opt('n', '2000'));
const seed = Number(opt('seed', '7'));

const BUSINESS = new Set(
  ('results earnings profit profits revenue sales retail retailsales stocks stock shares markets market bonds futures ' +
    'oil gold prices price ipo bid merger mergers takeover buyout deal acquisition fund funds hedge bank banks banking ' +
    'fed rates economy economic jobs jobless housing mortgages mortgage credit debt autos autosales outlook analysts ' +
    'ceo cfo dividend forecast quarterly quarter dollar yen euro currency currencies treasury treasuries investors ' +
    'businesspro insurers insurance airline airlines lehman aig citigroup fannie freddie gm ford chrysler toyota ' +
    'microsoft google yahoo apple bailout tarp subprime inflation gdp exports imports trade')
    .split(' '),
);
const words = (s) => s.toLowerCase().match(/[a-z]+/g) ?? [];

const files = [];
for (const day of readdirSync(corpus).sort()) for (const f of readdirSync(join(corpus, day)).sort()) files.push(join(corpus, day, f));
const random = rng(seed);
shuffle(files, random);
const chosen = files.slice(0, n);
const isBusiness = new Map();
for (const f of chosen) {
  const slug = f.split('/').pop().replace(/-id[A-Z0-9]+$/, '').split('-');
  const headline = readFileSync(f, 'utf8').split('\n', 1)[0] ?? '';
  isBusiness.set(f, slug.some((w) => BUSINESS.has(w)) || words(headline).some((w) => BUSINESS.has(w)));
}

const out = execFileSync(process.execPath, [join(root, 'bin', 'wirecoder.js'), 'code', '--format', 'jsonl', ...coderArgs, ...chosen], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
  stdio: ['ignore', 'pipe', 'ignore'],
});
const events = out.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
// the coder names a story by its file name without the directory
const byName = new Map(chosen.map((f) => [f.split('/').pop(), f]));
let business = 0;
for (const v of isBusiness.values()) if (v) business++;
let quad4Business = 0;
let quad4 = 0;
const listed = [];
for (const ev of events) {
  const root2 = Number(String(ev.cameo?.code ?? '').slice(0, 2));
  if (!(root2 >= 15 && root2 <= 20)) continue;
  quad4++;
  const f = byName.get(String(ev.doc)) ?? byName.get(String(ev.doc).replace(/\.[a-z]+$/, ''));
  if (f && isBusiness.get(f)) {
    quad4Business++;
    listed.push(`${ev.cameo.code} ${ev.source?.code ?? '-'}>${ev.target?.code ?? '-'} [${ev.rule?.file}:${ev.rule?.line}] ${String(ev.text).slice(0, 160)}`);
  }
}
console.log(`stories ${chosen.length} (seed ${seed}), business stories ${business}`);
console.log(`events ${events.length}: ${(events.length / chosen.length).toFixed(3)} per story`);
console.log(`material-conflict events ${quad4}; in business stories ${quad4Business}: ${((quad4Business / Math.max(1, business)) * 1000).toFixed(1)} per 1,000 business stories`);
if (own.includes('--list')) for (const l of listed) console.log('  ' + l);
