/**
 * The orchestrator: the one place that says in which order the stages run.
 *
 *   repair (src/text/repair) → dateline and credits (src/text/dateline) → sentences, tokens, POS
 *   (src/text/analyze) → actor pieces and mentions (src/actors) → verb groups and rules (src/events)
 *   → attributes: dates, places, quantities, quotes (src/attributes) → EventRecord / StoryResult
 *
 * A Coder is an instance built from its dictionaries and options, then frozen: no process-wide state.
 */
import { join } from 'node:path';
import type {
  Provenance,
  ActorMention, ActorRef, EventRecord, Place, Quantity, QuoteRecord, SentenceExplanation, Span, StoryInput, StoryResult,
} from './types.js';
import { createAnalyzer, type Token } from './text/analyze.js';
import { createRepairer } from './text/repair.js';
import { parseCredits, parseDateline } from './text/dateline.js';
import { defaultDictionariesDir, loadActorDictionaries } from './actors/dictionary.js';
import { assembleMentions, compileActorLexicon, findPieces, mentionCode, StoryActors, type Mention } from './actors/recognize.js';
import { loadCameoTable, type CameoTable } from './events/cameo.js';
import { loadVerbRules, type VerbRules } from './events/rules.js';
import { loadNounClasses } from './events/classes.js';
import { codeSentence, grammarVerbs, type CodedEvent } from './events/code.js';
import { createLemmatizer } from './events/lemma.js';
import { loadGrammar } from './events/grammar.js';
import { createDateFinder, type DateMention } from './attributes/dates.js';
import { loadGazetteer, type Gazetteer } from './attributes/places.js';
import { findQuantities } from './attributes/quantities.js';
import { findQuotes } from './attributes/quotes.js';
import { findPetrarchFiles, loadPetrarchDictionaries, petrarchDir, type PetrarchDictionaries } from './petrarch/dictionaries.js';
import { DEFAULT_PETRARCH_OPTIONS, type PetrarchOptions } from './petrarch/options.js';
import { formatProblem } from './petrarch/common.js';
import { codePetrarchSentence, type PetrEvent } from './petrarch/code.js';
import type { DiscardRecord } from './types.js';

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
}

export interface Coder {
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
  // with PETRARCH dictionaries, our own verb rules and actors are not loaded: theirs take their place
  const verbs: VerbRules | null = petr ? null : loadVerbRules(join(root, 'verbs'), root, cameo, loadNounClasses(join(root, 'classes'), root));
  const grammar = loadGrammar(join(root, 'grammar.tsv'));
  const lemmatizer = createLemmatizer(new Set([...(verbs?.lemmas ?? []), ...grammarVerbs()]));
  const analyzer = createAnalyzer({ verbLemma: petr ? (lower) => lower : lemmatizer.verb });
  // dictionary phrases are tokenized as the stories will be
  const tokenize = (s: string): string[] => analyzer.analyze(s).tokens.filter((t) => t.pos !== 'SPACE').map((t) => t.text);
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const lexicon = petr
    ? null
    : compileActorLexicon(loadActorDictionaries(join(root, 'actors')), tokenize, (name) => (gazetteer.lookup(name)?.population ?? 0) >= 20000);
  const repairer = createRepairer({ extraWords: lexicon ? lexicon.properWords : petrarchWords(petr?.dictionaries ?? null) });
  const dates = createDateFinder();
  const maxTokens = options.maxSentenceTokens ?? 300;
  const info = Object.freeze({
    dictionaries: petr ? `petrarch:${petr.dictionaries.files.verbs}` : root,
    verbRules: verbs ? verbs.ruleCount : (petr?.dictionaries.compiled.counts.patterns ?? 0),
    verbLemmas: verbs ? verbs.lemmaCount : (petr?.dictionaries.compiled.counts.verbForms ?? 0),
    loadMs: Math.round(performance.now() - t0),
    ...(petr ? { petrarchLoadMs: petr.dictionaries.loadMs, dictionaryProblems: Object.freeze(petr.dictionaries.problems.map(formatProblem)) } : {}),
  });

  function codeStory(input: StoryInput): StoryResult {
    const warnings: string[] = [];
    const { text, repairs } = repairer.repair(input.text);
    const dateline = parseDateline(text);
    const credits = parseCredits(text);
    const blockedSpans: Span[] = [];
    if (dateline) blockedSpans.push(dateline.span);
    if (credits.span) blockedSpans.push(credits.span);
    const { tokens, sentences } = analyzer.analyze(text);
    // tokens that can never be actors: the dateline and credits, news agencies, "reporters"
    const blockedMask = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const c0 = t.text.charCodeAt(0);
      if ((c0 === 114 || (c0 >= 65 && c0 <= 90)) && NEVER_ACTORS.has(t.text)) blockedMask[i] = 1; // 'r', A-Z
    }
    for (const span of blockedSpans) {
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (t.end > span.end) break;
        if (t.start >= span.start) blockedMask[i] = 1;
      }
    }
    const blocked = (i: number): boolean => blockedMask[i] === 1;
    const datelineEntry = dateline?.place ? gazetteer.lookup(dateline.place) : null;
    const datelineCountry = datelineEntry?.country ?? (dateline?.place && lexicon ? lexicon.countryByName.get(dateline.place) ?? null : null);
    const story = new StoryActors(datelineCountry, grammar);
    const storyCountries = (): string[] => [...story.countries];

    const events: EventRecord[] = [];
    const explain: SentenceExplanation[] = [];
    const allMentions: Mention[] = [];
    const discards: DiscardRecord[] = [];
    const attributesOf = (s: (typeof sentences)[number]) => ({
      dateMentions: dates.find(s.text, input.date).map((d) => ({ ...d, span: { start: d.span.start + s.span.start, end: d.span.end + s.span.start } })),
      places: gazetteer.findPlaces(s.text, storyCountries()).map((p) => ({ ...p, span: { start: p.span.start + s.span.start, end: p.span.end + s.span.start } })),
      quantities: findQuantities(s.text).map((q) => ({ ...q, span: q.span ? { start: q.span.start + s.span.start, end: q.span.end + s.span.start } : undefined })),
    });
    for (const s of sentences) {
      if (s.last - s.first > maxTokens) {
        warnings.push(`sentence ${s.index} has ${s.last - s.first} tokens (over ${maxTokens}): skipped`);
        continue;
      }
      if (petr) {
        // PETRARCH / TABARI dictionaries: their actors, agents, verbs and patterns (src/petrarch/code.ts)
        const isoDate = input.date ? input.date.slice(0, 10) : null;
        const r = codePetrarchSentence(petr.dictionaries.compiled, petrOptions, { tokens, first: s.first, last: s.last, date: isoDate });
        if (r.discard) {
          discards.push({ scope: r.discard.scope, sentence: r.discard.scope === 'story' ? null : s.index, phrase: r.discard.phrase, rule: r.discard.rule });
          if (r.discard.scope === 'story') {
            events.length = 0;
            allMentions.length = 0;
            break;
          }
          continue;
        }
        const petrMentions = r.units.flatMap((u) => u.nps.map((np) => petrMention(np.codes.join('/'), r.wordTokens[np.s] ?? 0, (r.wordTokens[np.e - 1] ?? 0) + 1, np.prov)));
        allMentions.push(...petrMentions);
        if (r.events.length) {
          const a = attributesOf(s);
          for (const ev of r.events) events.push(...buildRecords(petrCoded(ev, s.first, s.last), s.index, s.text, a.dateMentions, a.places, a.quantities));
        }
        if (options.explain) {
          explain.push({
            sentence: s.index,
            text: s.text,
            actors: petrMentions.map((m) => ({ text: m.text, code: m.root ?? '---', rule: m.prov })),
            verbs: r.events.map((e) => ({ text: text.slice((tokens[e.verbTok] as Token).start, (tokens[e.verbEndTok - 1] as Token).end), lemma: (tokens[e.verbTok] as Token).lower, matched: e.rule, why: e.why })),
          });
        }
        continue;
      }
      if (!lexicon || !verbs) throw new Error('internal: no dictionaries');
      const pieces = findPieces(lexicon, tokens, s.first, s.last, blocked);
      let placeCountries: string[] | null = null;
      const sentencePlaces = (): string[] => (placeCountries ??= gazetteer.findPlaces(s.text, storyCountries()).map((p) => p.entry.country));
      const mentions = assembleMentions(lexicon, tokens, text, s.first, s.last, pieces, story, blocked, sentencePlaces);
      allMentions.push(...mentions);
      const { events: coded, trace } = codeSentence({ tokens, first: s.first, last: s.last, mentions, rules: verbs, grammar, trace: options.explain === true });
      if (coded.length) {
        const a = attributesOf(s);
        for (const ev of coded) events.push(...buildRecords(ev, s.index, s.text, a.dateMentions, a.places, a.quantities));
      }
      if (options.explain) {
        explain.push({
          sentence: s.index,
          text: s.text,
          actors: mentions.map((m) => ({ text: m.text, code: mentionCode(m), rule: m.prov })),
          verbs: trace.map((v) => ({ text: (tokens[v.verb] as Token).text, lemma: (tokens[v.verb] as Token).lemma, matched: v.rule, why: v.why })),
        });
      }
    }

    /** A mention standing for a PETRARCH actor phrase (its code is the whole root: "HOBGOV", "---GOV"). */
    function petrMention(code: string, start: number, end: number, prov: Provenance): Mention {
      const span = { start: (tokens[start] as Token).start, end: (tokens[end - 1] as Token).end };
      return {
        start, end, head: start, text: text.slice(span.start, span.end), span, root: code, country: null, sectors: [], person: null,
        personTokens: null, kind: 'named', plural: false, modifier: false, inPP: false, prov, resolvedFrom: null,
      };
    }

    function petrCoded(ev: PetrEvent, first: number, last: number): CodedEvent {
      const src = ev.sourceToks ?? { start: ev.verbTok, end: ev.verbTok + 1 };
      return {
        verb: ev.verbTok,
        verbEnd: ev.verbEndTok,
        code: ev.code,
        baseCode: ev.code,
        rule: ev.rule,
        sources: [petrMention(ev.source, src.start, src.end, ev.rule)],
        targets: ev.target !== null && ev.targetToks ? [petrMention(ev.target, ev.targetToks.start, ev.targetToks.end, ev.rule)] : [],
        negated: false,
        modality: ev.condition ? 'conditional' : 'asserted',
        condition: ev.condition,
        clause: { start: first, end: last },
        speechVerb: null,
        unattributed: false,
        why: ev.why,
      };
    }

    /** The one who speaks: the actor just before the speech verb ("the White House announced"), else just after ("said Morin"). */
    function speakerOf(verb: number): Mention | null {
      const sentence = (tokens[verb] as Token).sentence;
      let before: Mention | null = null;
      let after: Mention | null = null;
      for (const m of allMentions) {
        if ((tokens[m.start] as Token).sentence !== sentence) continue;
        if (m.end <= verb && verb - m.end <= 3) before = m;
        if (m.start > verb && m.start - verb <= 2 && !after) after = m;
      }
      return before ?? after;
    }

    function ref(m: Mention): ActorRef {
      return { code: mentionCode(m), text: m.text, country: m.country, sectors: [...m.sectors], name: m.person };
    }

    function buildRecords(ev: CodedEvent, sentence: number, sentenceText: string, dms: DateMention[], places: { span: Span; entry: Parameters<Gazetteer['toPlace']>[0] }[], qs: Quantity[]): EventRecord[] {
      const verbTok = tokens[ev.verb] as Token;
      const clauseSpan = { start: (tokens[ev.clause.start] as Token).start, end: (tokens[ev.clause.end - 1] as Token).end };
      const condSpan = ev.condition ? { start: (tokens[ev.condition.start] as Token).start, end: (tokens[ev.condition.end - 1] as Token).end } : null;
      const isCommitment = ev.modality !== 'asserted' && ev.modality !== 'reported';
      // dates: the one in the verb's clause; for commitments a future date there is the deadline;
      // else the date of the speech verb that reports it; else the story's date
      const inClause = dms.filter((d) => d.span.start >= clauseSpan.start && d.span.end <= (condSpan?.start ?? clauseSpan.end) + 0 && d.date);
      const mainClauseEnd = condSpan?.start ?? Math.max(clauseSpan.end, verbTok.end);
      const afterVerb = dms.filter((d) => d.span.start > verbTok.start && d.span.end <= mainClauseEnd && d.date);
      let deadline: string | null = null;
      let when: DateMention | null = null;
      if (isCommitment) {
        const future = afterVerb.find((d) => input.date === null || (d.date ?? '') > input.date.slice(0, (d.date ?? '').length) || (d.date ?? '') >= input.date.slice(0, 7));
        if (future) deadline = future.date;
      }
      when = inClause.find((d) => d.date !== deadline) ?? null;
      if (!when && ev.speechVerb !== null) {
        const sv = tokens[ev.speechVerb] as Token;
        const svClause = dms.filter((d) => d.date && d.date !== deadline && Math.abs(d.span.start - sv.start) < 40);
        when = svClause[0] ?? null;
      }
      if (!when) when = dms.find((d) => d.date && d.date !== deadline && d.span.end <= verbTok.start && d.span.start >= clauseSpan.start - 60) ?? null;
      // places: one in the event's clause (or condition), else the dateline's place, marked so
      const near = places.find((p) => p.span.start >= clauseSpan.start && p.span.end <= (condSpan?.end ?? clauseSpan.end)) ?? places.find((p) => p.span.start > verbTok.start) ?? places[0];
      let place: Place | null = near ? gazetteer.toPlace(near.entry, false) : null;
      if (!place && datelineEntry) place = gazetteer.toPlace(datelineEntry, true);
      const quantities = qs.filter((q) => !q.span || (q.span.start >= clauseSpan.start - 80 && q.span.end <= (condSpan?.end ?? clauseSpan.end + 80)));
      const code = ev.condition && deadline && ev.code.startsWith('13') ? '139' : ev.code;
      const { cameo: cameoInfo, plover } = petr ? cameo.infoOrRaw(code) : cameo.info(code);
      const speakerMention = ev.speechVerb !== null ? speakerOf(ev.speechVerb) : null;
      const records: EventRecord[] = [];
      // violence with no perpetrator named: an unidentified armed actor (UAF) of the place where it happened
      const sources: ActorRef[] = ev.sources.filter((m) => m.root).map(ref);
      if (ev.unattributed) {
        const country = near?.entry.country ?? datelineCountry;
        if (!country) return [];
        const prov = grammar.prov('grammar:unattributed-violence');
        sources.push({ code: `${country}UAF`, text: `(unidentified, ${prov.id} @ ${prov.file}:${prov.line})`, country, sectors: ['UAF'], name: null });
      }
      for (const source of sources) {
        const targets: (Mention | null)[] = ev.targets.filter((t) => t.root).length ? ev.targets.filter((t) => t.root) : [null];
        for (const tgt of targets) {
          records.push({
            doc: input.id,
            sentence,
            text: sentenceText,
            date: when?.date ?? input.date,
            date_text: when?.text ?? null,
            source,
            target: tgt ? ref(tgt) : null,
            cameo: cameoInfo,
            plover,
            place,
            quantities: quantities.map(({ span: _span, ...q }) => q),
            condition: condSpan ? text.slice(condSpan.start, condSpan.end).trim() : null,
            deadline,
            negated: ev.negated,
            modality: ev.modality === 'asserted' && speakerMention ? 'reported' : ev.modality,
            speaker: speakerMention && !ev.sources.includes(speakerMention) ? ref(speakerMention) : null,
            rule: ev.rule,
            verb: { text: text.slice(verbTok.start, (tokens[ev.verbEnd - 1] as Token).end), span: { start: verbTok.start, end: (tokens[ev.verbEnd - 1] as Token).end } },
          });
        }
      }
      return records;
    }

    // quotes and their speakers
    const quotes: QuoteRecord[] = findQuotes(text, tokens, allMentions).map((q) => ({
      text: q.text,
      span: q.span,
      speaker: q.speaker ? { text: q.speaker.text, code: q.speaker.root ? mentionCode(q.speaker) : null } : null,
    }));

    const actorsByKey = new Map<string, ActorMention>();
    for (const m of allMentions) {
      if (!m.root) continue;
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

/** The words of a PETRARCH dictionary set's actor phrases, which repair must never split. */
function petrarchWords(d: PetrarchDictionaries | null): string[] {
  if (!d) return [];
  const out = new Set<string>();
  for (const list of d.compiled.actors.values()) for (const ph of list) for (const w of ph.words) if (w.length > 3) out.add(w);
  return [...out];
}
