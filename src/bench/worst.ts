/**
 * `npm run bench:worst`: coding time per KB of pathological inputs against normal wire text, in the same
 * run (a ratio that survives a noisy machine).
 *
 *   1. the baseline: corpus stories (default ../shared/corpus/reuters-2008, the first --limit of them)
 *      coded one by one, time per KB of their text;
 *   2. each pathological input (written here, --kb KB each; default 1024) coded as one story, twice (the
 *      faster run counts): one long line of words, no spaces at all, all capitals, one endless sentence,
 *      thousands of quotes, deep brackets, deep HTML (read as text), a line per word, digits only;
 *   3. prints ms per KB and the ratio to the corpus for each, and the worst ratio (aim ≤ 5).
 *
 * Options: --corpus DIR --limit N --kb KB --json. Exit 0 always once it ran (it measures, it does not judge);
 * 2 when it could not start.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCoder } from '../coder.js';
import type { Coder } from '../coder.js';
import type { StoryInput } from '../types.js';
import { loadStories } from './bench.js';
import { worstInputs } from './inputs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Milliseconds to code one story. */
function timeOne(coder: Coder, story: StoryInput): number {
  const t = performance.now();
  coder.codeStory(story);
  return performance.now() - t;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: resolve(root, '..', 'shared', 'corpus', 'reuters-2008') },
      limit: { type: 'string', default: '2000' },
      kb: { type: 'string', default: '1024' },
      json: { type: 'boolean', default: false },
    },
  });
  const limit = Number(values.limit);
  const kb = Number(values.kb);
  if (!Number.isInteger(limit) || limit <= 0 || !Number.isFinite(kb) || kb <= 0) throw new Error('--limit and --kb take positive numbers');
  if (!existsSync(values.corpus)) throw new Error(`no corpus at ${values.corpus} (give --corpus DIR)`);
  const coder = await createCoder({});
  const { stories } = await loadStories(values.corpus, limit);
  if (stories.length === 0) throw new Error(`no stories in ${values.corpus}`);
  // warm up, then the baseline
  for (const s of stories.slice(0, 50)) coder.codeStory(s);
  let ms = 0;
  let chars = 0;
  for (const s of stories) {
    ms += timeOne(coder, s);
    chars += s.text.length;
  }
  const corpusPerKb = ms / (chars / 1024);
  const rows = worstInputs(Math.round(kb * 1024)).map(({ name, text }) => {
    const story: StoryInput = { id: `worst:${name}`, text, date: '2008-02-21', origin: { file: `worst:${name}` } };
    const best = Math.min(timeOne(coder, story), timeOne(coder, story));
    const perKb = best / (text.length / 1024);
    return { name, kb: Math.round(text.length / 1024), ms: Math.round(best), msPerKb: perKb, ratio: perKb / corpusPerKb };
  });
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  if (values.json) {
    process.stdout.write(
      JSON.stringify({
        corpus: { stories: stories.length, kb: Math.round(chars / 1024), ms_per_kb: round(corpusPerKb, 4) },
        inputs: rows.map((r) => ({ name: r.name, kb: r.kb, ms: r.ms, ms_per_kb: round(r.msPerKb, 4), ratio: round(r.ratio, 2) })),
        worst: { name: worst.name, ratio: round(worst.ratio, 2) },
      }) + '\n',
    );
  } else {
    const lines = [
      `corpus baseline: ${stories.length} stories, ${Math.round(chars / 1024)} KB, ${corpusPerKb.toFixed(3)} ms/KB`,
      ...rows.map((r) => `${r.name.padEnd(24)} ${String(r.kb).padStart(6)} KB  ${String(r.ms).padStart(6)} ms  ${r.msPerKb.toFixed(3)} ms/KB  ${r.ratio.toFixed(2)}× the corpus`),
      `worst: ${worst.name}, ${worst.ratio.toFixed(2)}× the corpus's time per KB (aim ≤ 5)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench:worst: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
