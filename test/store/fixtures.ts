/** Invented coded stories for store tests: varied actors, codes, dates and places, from a seeded generator. */
import type { Coder } from '../../src/coder.js';
import type { ActorRef, EventRecord, Place, StoryInput, StoryResult } from '../../src/types.js';
import type { StoredEvent, StoryToStore } from '../../src/store/types.js';
import { storyHash } from '../../src/store/fingerprint.js';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS: readonly ActorRef[] = [
  { code: 'CAN', text: 'Canada', country: 'CAN', sectors: [], name: null },
  { code: 'CANGOV', text: 'the Canadian government', country: 'CAN', sectors: ['GOV'], name: null },
  { code: 'CANMIL', text: 'Canadian troops', country: 'CAN', sectors: ['MIL'], name: null },
  { code: 'CANGOVMIL', text: 'Defence Minister Anita Laurier', country: 'CAN', sectors: ['GOV', 'MIL'], name: 'Anita Laurier' },
  { code: 'USA', text: 'the United States', country: 'USA', sectors: [], name: null },
  { code: 'USAGOV', text: 'Washington', country: 'USA', sectors: ['GOV'], name: null },
  { code: 'IGOWSTNAT', text: 'NATO', country: null, sectors: [], name: null },
  { code: 'IRQ', text: 'Iraq', country: 'IRQ', sectors: [], name: null },
  { code: 'IRQMIL', text: 'Iraqi soldiers', country: 'IRQ', sectors: ['MIL'], name: null },
  { code: 'BEL', text: 'Belgium', country: 'BEL', sectors: [], name: null },
  { code: 'FJI', text: 'Fiji', country: 'FJI', sectors: [], name: null },
];

const CODES: readonly { code: string; quad: number | null; goldstein: number | null; plover: string | null }[] = [
  { code: '040', quad: 1, goldstein: 1, plover: 'CONSULT' },
  { code: '043', quad: 1, goldstein: 2.8, plover: 'CONSULT' },
  { code: '036', quad: 1, goldstein: 4, plover: 'AGREE' },
  { code: '057', quad: 1, goldstein: 8, plover: 'AGREE' },
  { code: '100', quad: 3, goldstein: -5, plover: 'REQUEST' },
  { code: '130', quad: 3, goldstein: -4.4, plover: 'THREATEN' },
  { code: '139', quad: 3, goldstein: -7, plover: 'THREATEN' },
  { code: '0871', quad: 2, goldstein: 9, plover: 'RETREAT' },
  { code: '190', quad: 4, goldstein: -10, plover: 'FIGHT' },
  { code: '193', quad: 4, goldstein: -10, plover: 'FIGHT' },
  { code: '999', quad: null, goldstein: null, plover: null },
];

export const PLACES: readonly Place[] = [
  { name: 'Mosul', country: 'IRQ', lat: 36.335, lon: 43.11889, geonames: 99072, from_dateline: false },
  { name: 'Baghdad', country: 'IRQ', lat: 33.34058, lon: 44.40088, geonames: 98182, from_dateline: true },
  { name: 'Brussels', country: 'BEL', lat: 50.85045, lon: 4.34878, geonames: 2800866, from_dateline: false },
  { name: 'Ottawa', country: 'CAN', lat: 45.41117, lon: -75.69812, geonames: 6094817, from_dateline: false },
  { name: 'Suva', country: 'FJI', lat: -18.14161, lon: 178.44149, geonames: 2198148, from_dateline: false },
  { name: 'Taveuni', country: 'FJI', lat: -16.85, lon: -179.95, geonames: null, from_dateline: false },
  { name: 'Longyearbyen', country: 'SJM', lat: 78.22334, lon: 15.64689, geonames: 2729907, from_dateline: false },
];

const WORDS = ['talks', 'river', 'ultimatum', 'border', 'troops', 'ceasefire', 'envoy', 'summit', 'sanctions', 'pipeline'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An invented coded story; the same (seed, n) gives the same story. */
export function inventedStory(r: () => number, n: number): { input: StoryInput; result: StoryResult } {
  const month = 1 + Math.floor(r() * 6);
  const day = 1 + Math.floor(r() * 28);
  const storyDate = r() < 0.1 ? null : `2008-${pad(month)}-${pad(day)}`;
  const words = [pick(r, WORDS), pick(r, WORDS), pick(r, WORDS)];
  const sentences = [`Story ${n} is about ${words[0]} and ${words[1]}.`, `Officials discussed the ${words[2]} on Tuesday.`, `Nothing else happened here, said story ${n}.`];
  const text = sentences.join('\n');
  const spans: { index: number; span: { start: number; end: number }; text: string }[] = [];
  let at = 0;
  sentences.forEach((s, i) => {
    spans.push({ index: i, span: { start: at, end: at + s.length }, text: s });
    at += s.length + 1;
  });
  const headline = `Headline ${n}: ${words[0]}`;
  const input: StoryInput = { id: `story-${n}`, text, date: storyDate, headline, url: `https://example.org/${n}`, origin: { file: `file-${n}.txt` } };
  const events: EventRecord[] = [];
  const count = Math.floor(r() * 5);
  for (let i = 0; i < count; i++) {
    const c = pick(r, CODES);
    const sentence = Math.floor(r() * 3);
    const sp = spans[sentence] as (typeof spans)[number];
    const eventDate = r() < 0.3 ? null : `2008-${pad(month)}-${pad(Math.max(1, day - Math.floor(r() * 3)))}`;
    const target = r() < 0.2 ? null : pick(r, ACTORS);
    events.push({
      doc: input.id,
      sentence,
      text: sp.text,
      date: eventDate,
      date_text: eventDate === null ? null : 'on Tuesday',
      source: { ...pick(r, ACTORS) },
      target: target === null ? null : { ...target },
      cameo: { code: c.code, root: c.code.slice(0, 2), quad: c.quad, goldstein: c.goldstein },
      plover: { type: c.plover, mode: c.plover === 'THREATEN' ? 'relations' : null },
      place: r() < 0.2 ? null : { ...pick(r, PLACES) },
      quantities: r() < 0.3 ? [{ value: 100 * (1 + Math.floor(r() * 9)), unit: 'troops', text: 'some troops' }] : [],
      condition: c.code === '139' ? 'unless its allies send troops' : null,
      deadline: c.code === '139' ? '2008-06' : null,
      negated: r() < 0.05,
      modality: c.code.startsWith('13') ? 'conditional' : 'asserted',
      speaker: r() < 0.2 ? { ...pick(r, ACTORS) } : null,
      rule: { id: `rule.${i}`, file: 'verbs/invented.txt', line: 10 + i },
      verb: { text: 'discussed', span: { start: sp.span.start, end: sp.span.start + 5 } },
    });
  }
  const result: StoryResult = {
    doc: input.id,
    date: storyDate,
    headline,
    url: input.url ?? null,
    dateline: r() < 0.5 ? { place: 'OTTAWA', agency: 'Reuters' } : null,
    credits: { reporters: ['Ann Example'], editors: [] },
    text,
    repairs: [],
    sentences: spans,
    actors: [{ text: 'Story', code: 'CAN', spans: [{ start: 0, end: 5 }] }],
    quotes: n % 3 === 0 ? [{ text: 'Nothing else happened here', span: { start: spans[2]?.span.start ?? 0, end: (spans[2]?.span.start ?? 0) + 26 }, speaker: null }] : [],
    events,
    warnings: [],
  };
  return { input, result };
}

/** `count` invented stories ready to store. */
export function inventedStories(seed: number, count: number, first = 0): StoryToStore[] {
  const r = rng(seed);
  const out: StoryToStore[] = [];
  for (let n = first; n < first + count; n++) {
    const { input, result } = inventedStory(r, n);
    out.push({ hash: storyHash(input), origin: input.origin.file, result });
  }
  return out;
}

/** The coded record of a stored event (without its store identity). */
export function recordOf(e: StoredEvent): EventRecord {
  const { id: _id, story: _story, headline: _headline, ...record } = e;
  return record;
}

/** A coder that returns a fixed-shape result for any input, counting calls; throws for ids in `failOn`. */
export function countingCoder(failOn: ReadonlySet<string> = new Set()): Coder & { calls: number } {
  const coder = {
    calls: 0,
    info: { dictionaries: 'test', verbRules: 0, verbLemmas: 0, loadMs: 0 },
    codeStory(input: StoryInput): StoryResult {
      coder.calls += 1;
      if (failOn.has(input.id)) throw new Error(`cannot code ${input.id}`);
      const text = input.text;
      return {
        doc: input.id,
        date: input.date,
        headline: input.headline ?? null,
        url: input.url ?? null,
        dateline: null,
        credits: { reporters: [], editors: [] },
        text,
        repairs: [],
        sentences: [{ index: 0, span: { start: 0, end: text.length }, text }],
        actors: [],
        quotes: [],
        events: [
          {
            doc: input.id, sentence: 0, text, date: input.date, date_text: null,
            source: { code: 'FRD', text: 'Freedonia', country: 'FRD', sectors: [], name: null }, target: null,
            cameo: { code: '040', root: '04', quad: 1, goldstein: 1 }, plover: { type: 'CONSULT', mode: null }, place: null,
            quantities: [], condition: null, deadline: null, negated: false, modality: 'asserted', speaker: null,
            rule: { id: 'r', file: 'f', line: 1 }, verb: { text: 'x', span: { start: 0, end: 1 } },
          },
        ],
        warnings: [],
      };
    },
  };
  return coder;
}
