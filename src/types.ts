/**
 * Shared data shapes of the pipeline. Every stage reads and writes these; nothing here has behaviour.
 * Offsets are UTF-16 code-unit offsets into the *repaired* story text unless said otherwise.
 */

/** Where a rule or dictionary entry came from: every annotation records why. */
export interface Provenance {
  id: string;
  file: string;
  line: number;
}

/** One input story (or sentence) as read by src/ingest. */
export interface StoryInput {
  /** Record id, or the file's name without its extension. */
  id: string;
  text: string;
  /** ISO date YYYY-MM-DD of the story, when known (record field, Reuters header, or --date). */
  date: string | null;
  headline?: string | null;
  url?: string | null;
  /** Where it was read from, for error messages: file path (or "-") and 1-based line when relevant. */
  origin: { file: string; line?: number };
}

/** A problem with one input: reported, the rest still processed. */
export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

export interface Repair {
  /** What the damaged text read. */
  from: string;
  /** What it reads now. */
  to: string;
  /** Offset of `from` in the original text. */
  offset: number;
  /** cut: a run of characters with no white space too long to analyse whole (src/text/repair.ts MAX_RUN). */
  kind: 'split' | 'unwrap' | 'ticker' | 'space' | 'cut';
}

export interface Span {
  start: number;
  end: number;
}

export interface Dateline {
  place: string | null;
  agency: string | null;
  span: Span;
}

export interface Credits {
  reporters: string[];
  editors: string[];
  span: Span | null;
}

export interface Place {
  name: string;
  /** ISO alpha-3 country code (CAMEO style). */
  country: string | null;
  lat: number;
  lon: number;
  geonames: number | null;
  from_dateline: boolean;
}

export interface Quantity {
  value: number;
  unit: string;
  text: string;
  span?: Span;
}

export interface ActorRef {
  /** CAMEO-style actor code: country/IGO root plus sectors, e.g. "CANGOV", "IGOWSTNAT". */
  code: string;
  /** Text of the mention that yielded it (after coreference, the mention in this sentence). */
  text: string;
  /** Country (ISO alpha-3) when the actor belongs to one; null for IGOs and unknown. */
  country: string | null;
  sectors: string[];
  /** The person's name when the actor is a named person. */
  name?: string | null;
}

export interface CameoInfo {
  code: string;
  root: string;
  /** GDELT QuadClass 1–4; null for a code that is not in the CAMEO table (a dictionary's own code). */
  quad: number | null;
  goldstein: number | null;
}

export interface PloverInfo {
  type: string | null;
  mode: string | null;
}

export type Modality = 'asserted' | 'future' | 'intended' | 'hypothetical' | 'conditional' | 'reported' | 'demanded';

export interface EventRecord {
  doc: string;
  sentence: number;
  text: string;
  date: string | null;
  date_text: string | null;
  source: ActorRef;
  target: ActorRef | null;
  cameo: CameoInfo;
  plover: PloverInfo;
  place: Place | null;
  quantities: Quantity[];
  condition: string | null;
  deadline: string | null;
  negated: boolean;
  modality: Modality;
  speaker: ActorRef | null;
  rule: Provenance;
  /** The verb phrase that matched, with its span in the story text. */
  verb: { text: string; span: Span };
}

export interface QuoteRecord {
  text: string;
  span: Span;
  speaker: { text: string; code: string | null } | null;
}

export interface ActorMention {
  text: string;
  code: string;
  spans: Span[];
}

/** A PETRARCH discard phrase that matched: the sentence (or, for a story discard, the whole story) is not coded. */
export interface DiscardRecord {
  scope: 'story' | 'sentence';
  sentence: number | null;
  phrase: string;
  rule: Provenance;
}

export interface StoryResult {
  doc: string;
  date: string | null;
  headline: string | null;
  url: string | null;
  dateline: { place: string | null; agency: string | null } | null;
  credits: { reporters: string[]; editors: string[] };
  text: string;
  repairs: Repair[];
  sentences: { index: number; span: Span; text: string }[];
  actors: ActorMention[];
  quotes: QuoteRecord[];
  events: EventRecord[];
  explain?: SentenceExplanation[];
  /** PETRARCH discard phrases that matched (coding with PETRARCH dictionaries only). */
  discards?: DiscardRecord[];
  warnings: string[];
}

export interface SentenceExplanation {
  sentence: number;
  text: string;
  actors: { text: string; code: string; rule: Provenance }[];
  verbs: { text: string; lemma: string; matched: Provenance | null; why: string }[];
}
