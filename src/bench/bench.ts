/**
 * Throughput benchmark: our coder against a floor measured in the same run on the same texts.
 *
 * Protocol: stories are read into memory first (bounded by `limit`), so file I/O is not timed; the coder
 * and wink-nlp are created before timing. Both are warmed up untimed on the first few stories. Then, block
 * by block of 200 stories (alternating which goes first, so that machine drift hits both alike), the
 * FLOOR runs over the texts — wink-nlp alone with the stages the coder uses (WINK_PIPE: sentences, POS):
 * readDoc, every token's POS read in one bulk call, sentences counted — and OURS — coder.codeStory on
 * every story, sentences counted from StoryResult.sentences. Everything
 * runs on one thread (one core). The ratio is ours/floor in sentences per second (1.0 = as fast as
 * tokenising and tagging alone; below 1 = slower); each side counts its own sentences.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { performance } from 'node:perf_hooks';
import type { Coder } from '../coder.js';
import { isInputProblem, readInputs } from '../ingest/index.js';
import type { StoryInput } from '../types.js';
import { WINK_PIPE } from '../text/analyze.js';

export interface BenchOptions {
  /** Directory (or file) of stories, Reuters format (read with input auto). */
  dir: string;
  /** At most this many stories (null: all). */
  limit: number | null;
  dictionaries?: string;
  /** Progress lines (e.g. to stderr); default silent. */
  log?: (line: string) => void;
  /** Stories used to warm up both sides before timing (default 50). */
  warmup?: number;
}

export interface PassResult {
  sentences: number;
  seconds: number;
}

export interface BenchResult {
  stories: number;
  sentences: number;
  seconds: number;
  sentencesPerSecond: number;
  peakRssMB: number;
  floorSentencesPerSecond: number;
  ratio: number;
  /** Extra detail, not part of the --json line. */
  detail: {
    problems: number;
    characters: number;
    events: number;
    floorSentences: number;
    floorTokens: number;
    floorSeconds: number;
    loadSeconds: number;
  };
}

/** Reads up to `limit` stories into memory; problems are counted (and logged), not fatal. */
export async function loadStories(
  dir: string,
  limit: number | null,
  log: (line: string) => void = () => {},
): Promise<{ stories: StoryInput[]; problems: number }> {
  const stories: StoryInput[] = [];
  let problems = 0;
  for await (const item of readInputs([dir], { input: 'auto' })) {
    if (isInputProblem(item)) {
      problems += 1;
      log(`wirecoder: ${item.file}${item.line === undefined ? '' : `:${item.line}`}: ${item.message}`);
      continue;
    }
    stories.push(item);
    if (limit !== null && stories.length >= limit) break;
  }
  return { stories, problems };
}

type Nlp = ReturnType<typeof winkNLP>;

/** Stories per block of the interleaved floor/ours measurement. */
const BLOCK = 200;

/** The floor: wink-nlp alone — tokenise, tag, read every token's POS (in one bulk call, its fastest way), count sentences. */
export function floorPass(nlp: Nlp, texts: readonly string[]): PassResult & { tokens: number } {
  const its = nlp.its;
  let sentences = 0;
  let tokens = 0;
  let sink = 0;
  const t0 = performance.now();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    const pos = doc.tokens().out(its.pos) as string[];
    tokens += pos.length;
    for (const p of pos) sink += p.length;
    sentences += doc.sentences().length();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (sink < 0) throw new Error('unreachable'); // keeps the POS reads observable
  return { sentences, tokens, seconds };
}

/** Ours: the full coder on each story. */
export function coderPass(coder: Coder, stories: readonly StoryInput[]): PassResult & { events: number } {
  let sentences = 0;
  let events = 0;
  const t0 = performance.now();
  for (const story of stories) {
    const r = coder.codeStory(story);
    sentences += r.sentences.length;
    events += r.events.length;
  }
  return { sentences, events, seconds: (performance.now() - t0) / 1000 };
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const { stories, problems } = await loadStories(options.dir, options.limit, log);
  const loadSeconds = (performance.now() - t0) / 1000;
  const texts = stories.map((s) => s.text);
  const characters = texts.reduce((n, t) => n + t.length, 0);
  log(`bench: ${stories.length} stories (${(characters / 1e6).toFixed(1)} M chars) read in ${loadSeconds.toFixed(2)} s`);

  const coderOptions = options.dictionaries === undefined ? {} : { dictionaries: options.dictionaries };
  const { createCoder } = await import('../coder.js');
  const coder = await createCoder(coderOptions);
  const nlp = winkNLP(model, [...WINK_PIPE]);

  const warm = Math.min(options.warmup ?? 50, stories.length);
  floorPass(nlp, texts.slice(0, warm));
  coderPass(coder, stories.slice(0, warm));

  // interleaved in blocks, alternating which goes first, so that both see the same machine: a shared
  // host's speed drifts by tens of percent within a minute, which a floor-then-ours run turns into noise
  log(`bench: floor (wink-nlp readDoc + POS) and ours, interleaved in blocks of ${BLOCK} stories ...`);
  const floor = { sentences: 0, tokens: 0, seconds: 0 };
  const ours = { sentences: 0, events: 0, seconds: 0 };
  for (let b = 0, k = 0; b < stories.length; b += BLOCK, k++) {
    const block = stories.slice(b, b + BLOCK);
    const blockTexts = texts.slice(b, b + BLOCK);
    const runFloor = (): void => {
      const f = floorPass(nlp, blockTexts);
      floor.sentences += f.sentences;
      floor.tokens += f.tokens;
      floor.seconds += f.seconds;
    };
    const runOurs = (): void => {
      const o = coderPass(coder, block);
      ours.sentences += o.sentences;
      ours.events += o.events;
      ours.seconds += o.seconds;
    };
    if (k % 2 === 0) {
      runFloor();
      runOurs();
    } else {
      runOurs();
      runFloor();
    }
  }
  log(`bench: floor ${floor.sentences} sentences in ${floor.seconds.toFixed(3)} s; ours ${ours.sentences} in ${ours.seconds.toFixed(3)} s`);

  const sps = ours.seconds > 0 ? ours.sentences / ours.seconds : 0;
  const floorSps = floor.seconds > 0 ? floor.sentences / floor.seconds : 0;
  return {
    stories: stories.length,
    sentences: ours.sentences,
    seconds: round(ours.seconds, 3),
    sentencesPerSecond: round(sps, 1),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
    floorSentencesPerSecond: round(floorSps, 1),
    ratio: floorSps > 0 ? round(sps / floorSps, 3) : 0,
    detail: {
      problems,
      characters,
      events: ours.events,
      floorSentences: floor.sentences,
      floorTokens: floor.tokens,
      floorSeconds: round(floor.seconds, 3),
      loadSeconds: round(loadSeconds, 3),
    },
  };
}

/** The exact --json line: these keys, in this order. */
export function benchJson(r: BenchResult): string {
  return JSON.stringify({
    stories: r.stories,
    sentences: r.sentences,
    seconds: r.seconds,
    sentencesPerSecond: r.sentencesPerSecond,
    peakRssMB: r.peakRssMB,
    floorSentencesPerSecond: r.floorSentencesPerSecond,
    ratio: r.ratio,
  });
}

/** Human-readable report. */
export function benchReport(r: BenchResult): string {
  const d = r.detail;
  const timeRatio = r.seconds > 0 ? d.floorSeconds / r.seconds : 0;
  const rows: [string, string][] = [
    ['stories', String(r.stories)],
    ['sentences', `${r.sentences}   (floor counted ${d.floorSentences}; ${d.floorTokens} tokens)`],
    ['events', String(d.events)],
    ['seconds', `${r.seconds.toFixed(3)}   (floor ${d.floorSeconds.toFixed(3)}; reading ${d.loadSeconds.toFixed(2)} s, not timed)`],
    ['sentences/s', r.sentencesPerSecond.toFixed(1)],
    ['floor sentences/s', `${r.floorSentencesPerSecond.toFixed(1)}   (wink-nlp readDoc + POS, same texts, same run)`],
    ['ratio ours/floor', `${r.ratio.toFixed(3)}   (time floor/ours ${timeRatio.toFixed(3)})`],
    ['peak RSS MB', r.peakRssMB.toFixed(1)],
  ];
  if (d.problems > 0) rows.push(['input problems', String(d.problems)]);
  return rows.map(([k, v]) => `${k.padEnd(18)} ${v}`).join('\n') + '\n';
}
