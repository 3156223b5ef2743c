/**
 * The orchestrator: the one place that says in which order the stages run. The stage contracts are in
 * src/contracts.ts.
 *
 *   repair (src/text/repair) → dateline and credits (src/text/dateline) → sentences, tokens, POS
 *   (src/text/analyze) → per sentence: the rule source's reading of it (PETRARCH: words, comma phrases,
 *   discards) → actor mentions (an ActorSource: src/actors or src/petrarch) → the one sentence grammar:
 *   verb groups and clauses (src/grammar) → rules matched on clauses (a RuleSource) → event candidates
 *   (src/events/build) → refiners → records with dates, places, quantities (src/events/records) → quotes
 *   (src/attributes/quotes) → StoryResult
 *
 * A Coder is an instance built from its dictionaries and options, then frozen: no process-wide state.
 */
import { join } from 'node:path';
import type { ActorMention, DiscardRecord, EventRecord, Provenance, QuoteRecord, SentenceExplanation, Span, StoryInput, StoryResult } from './types.js';
import { mentionCode, type CodingSources, type Mention, type SentenceTokens, type Token } from './contracts.js';
import { createAnalyzer } from './text/analyze.js';
import { createRepairer, MAX_RUN } from './text/repair.js';
import { parseCredits, parseDateline } from './text/dateline.js';
import { defaultDictionariesDir } from './actors/dictionary.js';
import { loadCameoTable, type CameoTable } from './events/cameo.js';
import { createLemmatizer } from './events/lemma.js';
import { loadGrammar } from './events/grammar.js';
import { buildEvents } from './events/build.js';
import { createRecordMaker } from './events/records.js';
import { codesWithoutRule, grammarVerbs, retagVerbs } from './grammar/groups.js';
import { parseSentence } from './grammar/grammar.js';
import { createDateFinder } from './attributes/dates.js';
import { loadGazetteer, type Gazetteer } from './attributes/places.js';
import { findQuotes } from './attributes/quotes.js';
import { loadNativeRules, nativeSources } from './sources.js';
import { findPetrarchFiles, loadPetrarchDictionaries, petrarchDir, type PetrarchDictionaries } from './petrarch/dictionaries.js';
import { DEFAULT_PETRARCH_OPTIONS, type PetrarchOptions } from './petrarch/options.js';
import { formatProblem } from './petrarch/common.js';
import { petrarchSources } from './petrarch/source.js';

export interface CoderOptions {
  /**
   * Root of our own dictionaries (default: the package's dictionaries/), or `petrarch:DIR` for a
   * PETRARCH / TABARI dictionary set in DIR (see src/petrarch/dictionaries.ts).
   */
  dictionaries?: string;
  /** Code with PETRARCH / TABARI dictionaries already loaded (shared between instances), and their options. */
  petrarch?: { dictionaries: PetrarchDictionaries; options?: PetrarchOptions };
  /** Fill StoryResult.explain. */
  explain?: boolean;
  /** A gazetteer to share between coders (it is read-only); default: loaded from GeoNames data. */
  gazetteer?: Gazetteer;
  /** Sentences with more tokens than this are skipped with a warning (default 300). */
  maxSentenceTokens?: number;
  /** A story's text longer than this (characters) is refused: StoryTooLongError (default MAX_STORY_CHARS). */
  maxStoryChars?: number;
}

/**
 * The longest text coded as one story by default: some 2 s of coding here, whatever the text (a news
 * story is rarely past 50,000 characters; a 10 MB "story" of words would take ten seconds and more).
 */
export const MAX_STORY_CHARS = 2_000_000;

/** A story's text over the coder's limit: not coded, and said so (every caller reports it as the story's problem). */
export class StoryTooLongError extends Error {
  constructor(chars: number, max: number) {
    super(`text of ${chars.toLocaleString('en-US')} characters is longer than one story may be (${max.toLocaleString('en-US')}): not coded; split it into stories`);
    this.name = 'StoryTooLongError';
  }
}

export interface Coder {
  /** Codes one story. Throws StoryTooLongError for a text over maxStoryChars, and nothing else by design. */
  codeStory(input: StoryInput): StoryResult;
  /** What the coder was built from, with load times. */
  readonly info: {
    dictionaries: string;
    verbRules: number;
    verbLemmas: number;
    loadMs: number;
    petrarchLoadMs?: number;
    /** Problems found in PETRARCH dictionary files, `file:line: severity: message`. */
    dictionaryProblems?: readonly string[];
  };
}

/** News agencies and the press at work are never actors ("told reporters", "(Reuters)"). */
const NEVER_ACTORS = new Set(['Reuters', 'AP', 'AFP', 'Bloomberg', 'UPI', 'Interfax', 'ANSA', 'DPA', 'Kyodo', 'Yonhap', 'reporters', 'reporter', 'Reporters']);

export async function createCoder(options: CoderOptions = {}): Promise<Coder> {
  const t0 = performance.now();
  const petrDir = options.dictionaries !== undefined ? petrarchDir(options.dictionaries) : null;
  const petr = options.petrarch ?? (petrDir !== null ? { dictionaries: loadPetrarchDictionaries(findPetrarchFiles(petrDir)) } : null);
  const petrOptions: Readonly<PetrarchOptions> = Object.freeze({ ...DEFAULT_PETRARCH_OPTIONS, ...(petr?.options ?? {}) });
  const root = petr || options.dictionaries === undefined ? defaultDictionariesDir() : options.dictionaries;
  const cameo: CameoTable = loadCameoTable(join(root, 'cameo.tsv'));
  const grammar = loadGrammar(join(root, 'grammar.tsv'));
  // with PETRARCH dictionaries, our own verb rules and actors are not loaded: theirs take their place
  const verbRules = petr ? null : loadNativeRules(root, cameo);
  const lemmatizer = createLemmatizer(new Set([...(verbRules?.lemmas ?? []), ...grammarVerbs()]));
  const analyzer = createAnalyzer({ verbLemma: lemmatizer.verb });
  // dictionary phrases are tokenized as the stories will be
  const tokenize = (s: string): string[] => analyzer.analyze(s).tokens.filter((t) => t.pos !== 'SPACE').map((t) => t.text);
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const sources: CodingSources = petr
    ? petrarchSources(petr.dictionaries, petrOptions)
    : nativeSources(root, verbRules as NonNullable<typeof verbRules>, cameo, grammar, tokenize, gazetteer);
  const repairer = createRepairer({ extraWords: [...sources.properWords] });
  const records = createRecordMaker({ cameo, gazetteer, grammar, dates: createDateFinder(), strictCodes: !petr });
  const maxTokens = options.maxSentenceTokens ?? 300;
  const maxStoryChars = options.maxStoryChars ?? MAX_STORY_CHARS;
  /** Whether anything can code from token i: a source's verb or event noun, or a word the grammar codes by itself. */
  const canCode = (t: Token, i: number, tokens: readonly Token[]): boolean => codesWithoutRule(t) || sources.triggers(tokens, i);
  const info = Object.freeze({
    dictionaries: petr ? `petrarch:${petr.dictionaries.files.verbs}` : root,
    verbRules: verbRules ? verbRules.ruleCount : (petr?.dictionaries.compiled.counts.patterns ?? 0),
    verbLemmas: verbRules ? verbRules.lemmaCount : (petr?.dictionaries.compiled.counts.verbForms ?? 0),
    loadMs: Math.round(performance.now() - t0),
    ...(petr ? { petrarchLoadMs: petr.dictionaries.loadMs, dictionaryProblems: Object.freeze(petr.dictionaries.problems.map(formatProblem)) } : {}),
  });

  function codeStory(input: StoryInput): StoryResult {
    if (input.text.length > maxStoryChars) throw new StoryTooLongError(input.text.length, maxStoryChars);
    const warnings: string[] = [];
    const { text, repairs } = repairer.repair(input.text);
    const cuts = repairs.filter((r) => r.kind === 'cut').length;
    if (cuts > 0) warnings.push(`text with no white space for over ${MAX_RUN} characters: cut in ${cuts} places (repairs of kind "cut")`);
    const dateline = parseDateline(text);
    const credits = parseCredits(text);
    const { tokens, sentences } = analyzer.analyze(text);
    const blocked = blockedTokens(tokens, [dateline?.span, credits.span ?? undefined]);
    const datelineEntry = dateline?.place ? gazetteer.lookup(dateline.place) : null;
    const datelineCountry = datelineEntry?.country ?? (dateline?.place ? sources.countryOf(dateline.place) : null);
    const storyCountries = (): string[] => [...actorStory.countries];
    const actorStory = sources.actors.forStory({
      text,
      blocked: (i) => blocked[i] === 1,
      datelineCountry,
      date: input.date ? input.date.slice(0, 10) : null,
      places: (st) => placesOf(st),
    });
    // the places of a sentence's text, found once for the actors and the records
    const placeMemo = new Map<string, ReturnType<Gazetteer['findPlaces']>>();
    const placesIn = (t: string): ReturnType<Gazetteer['findPlaces']> => {
      let found = placeMemo.get(t);
      if (!found) placeMemo.set(t, (found = gazetteer.findPlaces(t, storyCountries())));
      return found;
    };
    const story = { input, text, datelineEntry, datelineCountry, storyCountries, placesIn };

    const events: EventRecord[] = [];
    const explain: SentenceExplanation[] = [];
    const allMentions: Mention[] = [];
    const discards: DiscardRecord[] = [];
    for (const s of sentences) {
      if (s.last - s.first > maxTokens) {
        warnings.push(`sentence ${s.index} has ${s.last - s.first} tokens (over ${maxTokens}): skipped`);
        continue;
      }
      const own: SentenceTokens = { index: s.index, tokens: tokens.slice(s.first, s.last) };
      const read = sources.read ? sources.read(own) : own;
      if ('discard' in read) {
        const d = read.discard;
        discards.push({ scope: d.scope, sentence: d.scope === 'story' ? null : s.index, phrase: d.phrase, rule: d.rule });
        if (d.scope === 'story') {
          events.length = 0;
          allMentions.length = 0;
          break;
        }
        continue;
      }
      const retagged = retagVerbs(read.tokens, sources.rules);
      const st: SentenceTokens = retagged === read.tokens ? read : { index: read.index, tokens: retagged };
      const mentions = actorStory.mentions(st);
      for (const m of mentions) allMentions.push(inStory(m, st));
      // a sentence with no word that a rule, an event noun or the grammar codes from codes nothing: its
      // actors count for the story, but it is not parsed (unless an explanation lists its verbs)
      if (!options.explain && !st.tokens.some(canCode)) continue;
      const g = parseSentence(st, mentions, sources.rules, () => placeMentions(st));
      const built = buildEvents({ g, rules: sources.rules, adjust: sources.adjust, grammar, trace: options.explain === true });
      let candidates = sources.nominal ? [...built.events, ...sources.nominal(g, built.events)] : built.events;
      const refined: { verb: number; rule: Provenance; why: string }[] = [];
      for (const r of sources.refiners) {
        const kept = r.refine(candidates, g);
        if (options.explain) for (const c of candidates) if (!kept.some((k) => k.verb === c.verb && k.code === c.code)) refined.push({ verb: c.verb, rule: c.rule, why: r.why });
        candidates = kept;
      }
      const made = records.make(candidates, g, s, story);
      events.push(...made.records);
      if (options.explain) {
        const verb = (v: number, matched: Provenance | null, why: string) => ({ at: v, text: st.tokens[v]?.text ?? '', lemma: st.tokens[v]?.lemma ?? '', matched, why });
        const verbs = [
          ...made.kept.map((e) => verb(e.verb, e.rule, `coded: ${e.why}`)),
          ...built.trace.map((d) => verb(d.verb, d.rule, d.why)),
          ...made.dropped.map((d) => verb(d.verb, d.rule, `dropped: ${d.why}`)),
          ...refined.map((d) => verb(d.verb, d.rule, `dropped: ${d.why}`)),
        ].sort((a, b) => a.at - b.at);
        explain.push({
          sentence: s.index,
          text: s.text,
          actors: mentions.map((m) => ({ text: m.text, code: mentionCode(m), rule: m.prov })),
          verbs: verbs.map(({ at: _at, ...v }) => v),
        });
      }
    }

    /** The places of a sentence as mentions of their countries, for rules whose target is where an actor goes. */
    function placeMentions(st: SentenceTokens): Mention[] {
      const placeRule = grammar.prov('grammar:place-target');
      return placesOf(st).map((p) => {
        const a = st.tokens[p.start] as Token;
        const b = st.tokens[p.end - 1] as Token;
        return {
          start: p.start, end: p.end, head: p.start, text: text.slice(a.start, b.end), span: { start: a.start, end: b.end }, root: p.country, country: p.country,
          sectors: [], person: null, personTokens: null, kind: 'named', plural: false, modifier: false, inPP: true, place: true, prov: placeRule, resolvedFrom: null,
        };
      });
    }

    /** Places a sentence names, as token positions of its SentenceTokens, with their countries. */
    function placesOf(st: SentenceTokens): { start: number; end: number; country: string }[] {
      const first = st.tokens[0];
      const last = st.tokens[st.tokens.length - 1];
      if (!first || !last) return [];
      const offset = first.start;
      const out: { start: number; end: number; country: string }[] = [];
      for (const p of placesIn(text.slice(first.start, last.end))) {
        const a = p.span.start + offset;
        const b = p.span.end + offset;
        const s0 = st.tokens.findIndex((t) => t.start >= a);
        let e0 = s0;
        while (e0 >= 0 && e0 < st.tokens.length && (st.tokens[e0] as Token).end <= b) e0++;
        if (s0 >= 0 && e0 > s0 && p.entry.country) out.push({ start: s0, end: e0, country: p.entry.country });
      }
      return out;
    }

    // quotes and their speakers
    const quotes: QuoteRecord[] = findQuotes(text, tokens, allMentions).map((q) => ({
      text: q.text,
      span: q.span,
      speaker: q.speaker ? { text: q.speaker.text, code: q.speaker.root || q.speaker.code ? mentionCode(q.speaker) : null } : null,
    }));

    const actorsByKey = new Map<string, ActorMention>();
    for (const m of allMentions) {
      if (!m.root && m.code === undefined) continue;
      const key = `${m.text}\u0000${mentionCode(m)}`;
      const a = actorsByKey.get(key) ?? { text: m.text, code: mentionCode(m), spans: [] };
      a.spans.push(m.span);
      actorsByKey.set(key, a);
    }
    return {
      doc: input.id,
      date: input.date,
      headline: input.headline ?? null,
      url: input.url ?? null,
      dateline: dateline ? { place: dateline.place, agency: dateline.agency } : null,
      credits: { reporters: credits.reporters, editors: credits.editors },
      text,
      repairs,
      sentences: sentences.map((s) => ({ index: s.index, span: s.span, text: s.text })),
      actors: [...actorsByKey.values()],
      quotes,
      events,
      ...(petr ? { discards } : {}),
      ...(options.explain ? { explain } : {}),
      warnings,
    };
  }

  return Object.freeze({ codeStory, info });
}

/** Tokens that can never be actors: the dateline and credits, news agencies, "reporters". */
function blockedTokens(tokens: readonly Token[], spans: readonly (Span | undefined)[]): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const c0 = t.text.charCodeAt(0);
    if ((c0 === 114 || (c0 >= 65 && c0 <= 90)) && NEVER_ACTORS.has(t.text)) mask[i] = 1; // 'r', A-Z
  }
  for (const span of spans) {
    if (!span) continue;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.end > span.end) break;
      if (t.start >= span.start) mask[i] = 1;
    }
  }
  return mask;
}

/** A sentence's mention with story token indices (for quotes and the story's actor list). */
function inStory(m: Mention, st: SentenceTokens): Mention {
  const a = st.tokens[m.start];
  const b = st.tokens[m.end - 1];
  const h = st.tokens[m.head];
  return { ...m, start: a ? a.i : m.start, end: b ? b.i + 1 : m.end, head: h ? h.i : m.head };
}
