/**
 * The stage contracts of the pipeline, beside the orchestrator (src/coder.ts) that orders the stages:
 *
 *   Token          what the analyzer makes of the text (src/text/analyze.ts)
 *   SentenceTokens the tokens of one sentence as the grammar reads them (a rule source may rewrite them)
 *   Mention        an actor phrase, from an ActorSource (ours: src/actors; PETRARCH's: src/petrarch)
 *   Clause         a verb group with its roles, from the one sentence grammar (src/grammar)
 *   RuleSource     matches clauses against rules (ours: src/events/native.ts; PETRARCH: src/petrarch)
 *   EventCandidate what a matched clause yields, before the refiners (src/events/refine.ts) and the
 *                  attributes (dates, places, quantities) make records of it
 *
 * Parsers propose, refiners merge and filter (the chrono-node shape). Nothing here has behaviour.
 */
import type { Modality, Provenance, Span } from './types.js';

/** A token of the story text. */
export interface Token {
  /** Index in the story's token array. */
  i: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  sentence: number;
  /**
   * The token's word form in the analyzer that made it: one number per spelling and part of speech
   * (its lower-case form and lemma follow from those), or -1 for a token no analyzer made as it is (a
   * rule source's joined word, a retagged verb, a test's). Per-form memos (src/text/forms.ts) key on it.
   */
  form: number;
}

/**
 * One sentence's tokens as the grammar and the sources read them: positions 0..tokens.length-1 (each
 * token keeps its story index in `i` and its character offsets). Usually the story's own tokens of the
 * sentence; a rule source may rewrite them (PETRARCH joins hyphenated words and drops comma phrases).
 */
export interface SentenceTokens {
  readonly index: number;
  readonly tokens: readonly Token[];
}

/** An actor phrase in a sentence (token positions of its SentenceTokens). */
export interface Mention {
  start: number;
  end: number; // exclusive
  /** Where the actor words begin (after determiners). */
  head: number;
  text: string;
  span: Span;
  /** Root: a country code, an IGO/organisation code, or null when unresolved (a bare role: "police"). */
  root: string | null;
  /** The country the actor belongs to (ISO alpha-3, or a dictionary's own country code); null for IGOs and unknown. */
  country: string | null;
  sectors: string[];
  person: string | null;
  /** Token range of the person's name inside the mention, when there is one. */
  personTokens: { start: number; end: number } | null;
  kind: 'named' | 'agent' | 'pronoun' | 'person';
  plural: boolean;
  /** "Canada's requirements": a possessive modifier of a noun that is not an actor; never a source or target. */
  modifier: boolean;
  /** The mention is the object of a preposition ("to Paris", "in Afghanistan"). */
  inPP: boolean;
  /** "the country": a description standing for the last country named. */
  description?: boolean;
  /** A title with no name and no country ("the minister"). */
  titleOnly?: boolean;
  /** A source's own full actor code, kept as its dictionary wrote it (PETRARCH: "ARNGOV", "NGOSYL"). */
  code?: string;
  /** A capital or city standing as a place the actor goes to or acts on ("arrived in Amman"). */
  place?: boolean;
  /** How the root was found: the dictionary entry, or the context rule that supplied it. */
  prov: Provenance;
  resolvedFrom: string | null;
}

/** The CAMEO-style code of a mention: the root and its sectors ("CANGOV", "---COP", "IGOWSTNAT"). */
export function mentionCode(m: Mention): string {
  if (m.code !== undefined) return m.code;
  const root = m.root ?? '---';
  if (root.startsWith('IGO') || m.sectors.length === 0) return root;
  return root + m.sectors.filter((s) => !root.endsWith(s)).join('');
}

/** A verb group: the verb with its auxiliaries, negation, modality, voice, and the verb that governs it. */
export interface VerbGroup {
  /** Position of the head verb. */
  verb: number;
  /** Where the group begins (auxiliaries, negation, "to" and control words included). */
  groupStart: number;
  negated: boolean;
  modality: Modality;
  passive: boolean;
  /** A control verb that has rules and governs this one ("agreed to meet"): it codes the event. */
  governedBy: number | null;
  /** "tried to", "failed to", "has yet to": what the verb states did not (or not yet) happen. */
  unrealised: 'tried' | 'failed' | 'yet' | null;
  /** A governing verb with no rules of its own ("continued to send"): it does not block this one. */
  carrier: number | null;
}

/** What opens a verb's clause, when it changes what the clause states. */
export type ClauseFrame =
  /** "if", "unless": a condition, not an event that happened */
  | 'condition'
  /** what is demanded, urged, asked, proposed ("demanded that Israel ease", "calls for X to resign") */
  | 'demand'
  /** what is claimed, alleged, denied ("X claimed that Y attacked") */
  | 'claim'
  /** a relative clause on a noun that is not an actor ("a resolution that aims to") */
  | 'relative'
  /** weighed, not done ("how to attack", "considered sending troops") */
  | 'question'
  | null;

/** A clause: one verb group with its roles, as the grammar finds them (roles are found when first asked for). */
export interface Clause {
  group: VerbGroup;
  /** Token range of the clause around the verb (bounded by clause words and commas). */
  extent: { start: number; end: number };
  frame: ClauseFrame;
  /** The verb that frames it, when there is one (the "claimed" of "claimed that Y attacked"). */
  framedBy: number | null;
  /** The speech verb ("said", "told") whose complement holds this clause. */
  reportedBy: number | null;
  /** The earlier verb this one is coordinated with ("condemned the attack and promised aid"). */
  coordinatedWith: number | null;
  /** The subject: an actor group before the verb, or the subject of the verb it continues. */
  subject(): Mention[];
  /** A passive's "by" agent. */
  byAgent(): Mention[];
  /** The first actor group after the verb in its clause that is not a passive's "by" agent. */
  object(): Mention[];
  /** The first such actor group after the verb up to the next comma, across clause words (TABARI's target). */
  nextActor(): Mention[];
  /** The condition clause after the verb ("unless ...", "if ... not"), when there is one. */
  condition(): { start: number; end: number; word: string } | null;
}

/** The grammar's reading of one sentence. */
export interface SentenceGrammar {
  readonly sentence: SentenceTokens;
  readonly mentions: readonly Mention[];
  /** The clauses of the sentence's verb groups, in text order. */
  readonly clauses: readonly Clause[];
  clauseAt(verb: number): Clause | undefined;
  /** The mention covering a position, if any. */
  mentionOver(i: number): Mention | undefined;
  /**
   * A place named at a position ("arrived in Amman"): never a subject or an object, but a rule's target
   * slot may take it (a city or capital an actor goes to or acts on stands for its country).
   */
  placeAt(i: number): Mention | undefined;
  /** A mention and the mentions coordinated with it ("the United States and Jordan"). */
  groupOf(m: Mention): Mention[];
}

/** What a rule source says of a clause. */
export type RuleMatch =
  | { kind: 'none'; why: string }
  /** A null rule: recognised, codes nothing ("declined to comment"). */
  | { kind: 'null'; rule: Provenance; why: string }
  | {
      kind: 'code';
      code: string;
      /** The reverse event's code of a paired rule (`[A:B]`), when there is one. */
      secondary: string | null;
      rule: Provenance;
      /** Where the verb phrase ends (its particles included). */
      verbEnd: number;
      /** Roles the rule itself fixed (slots of its pattern), which override the grammar's. */
      source: Mention[] | null;
      target: Mention[] | null;
      /** A compound slot: the event is among its members (before the verb) or they are the target. */
      compound: Mention[] | null;
      /**
       * With no target slot filled, where the target is looked for: the first actor after the verb in its
       * clause, up to the next comma (TABARI), or nowhere.
       */
      targetAfter: 'clause' | 'segment' | null;
      /** A general rule that matched nothing specific (the verb's default). */
      general: boolean;
      why: string;
    };

/** A source of rules: ours (src/events/native.ts) or PETRARCH/TABARI dictionaries (src/petrarch). */
export interface RuleSource {
  /** Whether a verb token has rules at all (a governing verb with rules codes in place of the verb it governs). */
  hasRules(t: Token): boolean;
  /** Matches a clause's verb (and the words around it) against the rules. */
  match(clause: Clause, g: SentenceGrammar): RuleMatch;
}

/** An event found in a sentence, before refiners and attributes. */
export interface EventCandidate {
  verb: number;
  verbEnd: number;
  code: string;
  baseCode: string;
  rule: Provenance;
  sources: Mention[];
  targets: Mention[];
  negated: boolean;
  modality: Modality;
  /** Token range of the condition clause ("unless ...") when there is one. */
  condition: { start: number; end: number } | null;
  /** Token range of the verb's clause. */
  clause: { start: number; end: number };
  /** Speech verb whose complement this event is in, if any. */
  speechVerb: number | null;
  /**
   * Violence or coercion told with no one doing it ("a roadside bomb killed two soldiers", "three
   * activists were arrested"): `sources` is empty and the event is coded with an unknown source.
   */
  unattributed: boolean;
  /** An arrest, trial or investigation told with no one doing it: the source is the authorities of where it happened. */
  authorities?: boolean;
  /** Coded with an unidentified source of this role (CVL: the people of a protest no one is named for) of where it happened. */
  roleSource?: string;
  /** Coded with the unknown source "---" (PETRARCH without require_dyad). */
  unknownSource?: boolean;
  /** The sources are a compound and the event is among its members ("Freedonia and Sylvania renewed ties"). */
  pairwise?: boolean;
  why: string;
}

/** Why a coded clause did not become an event (for --format explain). */
export interface DroppedEvent {
  verb: number;
  rule: Provenance | null;
  why: string;
}

/** Places named in a sentence, as token ranges with their country (from the gazetteer). */
export interface SentencePlace {
  start: number;
  end: number;
  country: string;
}

export interface ActorStoryContext {
  /** The story's repaired text. */
  text: string;
  /** Story tokens that can never be actors (dateline, credits, news agencies), by story index. */
  blocked: (storyIndex: number) => boolean;
  datelineCountry: string | null;
  /** The story's date (ISO), for actor codes that hold between dates. */
  date: string | null;
  /** Places of a sentence (found when first asked for). */
  places: (st: SentenceTokens) => readonly SentencePlace[];
}

export interface StoryActorSource {
  mentions(st: SentenceTokens): Mention[];
  /** Countries of the story's actors so far, in order of first mention. */
  readonly countries: ReadonlySet<string>;
}

/** A source of actors: ours (src/actors/source.ts) or PETRARCH/TABARI dictionaries (src/petrarch/source.ts). */
export interface ActorSource {
  forStory(ctx: ActorStoryContext): StoryActorSource;
}


/**
 * The CAMEO code of a rule's act as its verb group tells it: ours turns intentions into 03x, threats
 * into 13x, negated cooperation into 12x (src/events/build.ts adjustCode); TABARI's codes the verb as
 * its dictionary says and makes only a promised forceful act on a condition a threat.
 */
export type CodeAdjuster = (code: string, modality: Modality, negated: boolean, conditional: boolean) => string | null;

/**
 * Refines a sentence's event candidates: merges, filters (PETRARCH's first-verb policy, require_dyad).
 * A candidate it leaves out is reported in --format explain with `why`.
 */
export interface EventRefiner {
  why: string;
  refine(events: EventCandidate[], g: SentenceGrammar): EventCandidate[];
}

/** A discard phrase that matched: the sentence (or the whole story) is not coded. */
export interface Discard {
  scope: 'story' | 'sentence';
  phrase: string;
  rule: Provenance;
}

/** Everything a dictionary set brings to the pipeline: actors, rules, its reading of sentences, refiners. */
export interface CodingSources {
  actors: ActorSource;
  rules: RuleSource;
  /**
   * The sentence as this source's rules read it (PETRARCH: hyphenated words joined, comma phrases
   * dropped), or a discard; without it, the story's own tokens of the sentence.
   */
  read?(st: SentenceTokens): SentenceTokens | { discard: Discard };
  /** Events written as nouns that no verb's event holds (ours: src/events/nominal.ts). */
  nominal?(g: SentenceGrammar, coded: readonly EventCandidate[]): EventCandidate[];
  /** What a verb group's modality, negation and condition make of a rule's code (null: not coded). */
  adjust: CodeAdjuster;
  /** Applied in order to each sentence's candidates. */
  refiners: readonly EventRefiner[];
  /**
   * Whether something this source codes can start at token i of a sentence (retagged): a verb that may
   * head a verb group (src/grammar/groups.ts mayHeadGroup) with a rule that could match the words after
   * it, an event noun. False only where nothing can code from this token. A sentence with no such token
   * (and no word the grammar codes by itself, src/grammar/groups.ts codesWithoutRule) codes nothing;
   * unless an explanation is asked for, it is not parsed.
   */
  triggers(tokens: readonly Token[], i: number): boolean;
  /** Words repair must never split (the dictionaries' proper names). */
  properWords: Iterable<string>;
  /** Country code of a name (for the dateline), when the dictionaries know it. */
  countryOf(name: string): string | null;
}
