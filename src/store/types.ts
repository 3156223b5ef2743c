/**
 * The storage interface: what the ingest command and the HTTP API need from a store, and nothing about
 * how it keeps things. `src/store/sqlite.ts` is the embedded default; a PostgreSQL store can implement
 * the same interface later without touching the coder, the CLI or the API.
 *
 * These shapes are also the API's JSON (src/server/) and what the web app reads (web/src/api.ts imports
 * them as types only).
 */
import type { ActorRef, EventRecord, Modality, Place, Quantity, QuoteRecord, Repair, Span } from '../types.js';

/** What a highlighted span of story text is. */
export type AnnotationKind = 'actor' | 'verb' | 'date' | 'place' | 'quantity' | 'quote';

/** A span of the (repaired) story text with what it is: the web app highlights these. */
export interface Annotation {
  kind: AnnotationKind;
  start: number;
  end: number;
  /** Actor code, CAMEO code of the verb's event, ISO date, place country, quantity value+unit, speaker. */
  label: string;
  /** Index into the story's events for verb spans (and the actors of an event), else null. */
  event: number | null;
}

/** A promise of action: a threat, a pledge or a demand, with what it is about. */
export type CommitmentKind = 'threat' | 'pledge' | 'demand';

export interface Commitment {
  kind: CommitmentKind;
  /** Index of the event it was made from, in the story's events. */
  event: number;
  actor: ActorRef;
  /** Who is threatened, promised, or asked. */
  target: ActorRef | null;
  /** CAMEO code of the commitment event and the verb that made it ("withdraw"). */
  cameo: string;
  action: string;
  quantities: Quantity[];
  condition: string | null;
  deadline: string | null;
  modality: Modality;
  sentence: number;
}

/** An input story about to be stored: what the readers give, plus its content hash. */
export interface StoryKey {
  /** sha256 (hex) of the input's identity: text, headline, date, url. The public story id. */
  hash: string;
}

/** A stored event: the coded record plus its store identity. */
export interface StoredEvent extends EventRecord {
  /** Store-wide event id (stable while the story is not re-coded). */
  id: number;
  /** Public id of its story (the content hash). */
  story: string;
  headline: string | null;
}

/** What every coded story shows, stored or not: its text, sentences, events, highlights, quotes, commitments. */
export interface StoryView<E extends EventRecord> {
  doc: string;
  headline: string | null;
  date: string | null;
  text: string;
  sentences: { index: number; span: Span; text: string }[];
  events: E[];
  annotations: Annotation[];
  quotes: QuoteRecord[];
  commitments: Commitment[];
  warnings: string[];
}

export interface StoredStory extends StoryView<StoredEvent> {
  id: string;
  url: string | null;
  dateline: { place: string | null; agency: string | null } | null;
  credits: { reporters: string[]; editors: string[] };
  origin: string;
  /** Fingerprint of the coder (version + dictionaries) that coded it. */
  coder: string;
  coded_at: string;
}

/**
 * Event filters, all optional and combined with AND. Actor codes match by prefix ("CAN" matches
 * "CANGOV"); `country` matches either side's country; dates are ISO days, inclusive.
 */
export interface EventFilter {
  source?: string;
  target?: string;
  /** An actor code prefix on either side. */
  actor?: string;
  /** ISO alpha-3 country of the source or the target. */
  country?: string;
  /** CAMEO code prefix ("13" = all threats, "139" exactly and its children). */
  cameo?: string;
  /** CAMEO root, two digits. */
  root?: string;
  plover?: string;
  quad?: 1 | 2 | 3 | 4;
  from?: string;
  to?: string;
  /** ISO alpha-3 country of the event's place. */
  placeCountry?: string;
  /** Events whose place lies within radiusKm of (lat, lon). */
  near?: { lat: number; lon: number; radiusKm: number };
  /** Full-text query over story headlines and text (words, all must occur). */
  q?: string;
  /** Public id of one story. */
  story?: string;
}

export interface EventPage {
  events: StoredEvent[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null;
}

export interface StoreStats {
  stories: number;
  sentences: number;
  /** Distinct actor codes seen in events and mentions. */
  actors: number;
  mentions: number;
  events: number;
  quotes: number;
  commitments: number;
  /** Events per QuadClass ("1".."4"; "none" for codes outside the CAMEO table). */
  quad: Record<string, number>;
}

/** Events per month and QuadClass. */
export interface MonthlyRow {
  month: string;
  quad: number | null;
  events: number;
  goldstein: number | null;
}

export interface DyadRow {
  source: string;
  target: string;
  events: number;
  goldstein: number | null;
}

export interface PlaceRow {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  /** One story that has an event there (the newest), to open from the map. */
  story: string;
}

/** What storing one coded story did. */
export type PutOutcome = 'stored' | 'unchanged' | 'recoded';

/** A coded story ready to store: the coder's result with the input's identity and where it came from. */
export interface StoryToStore {
  hash: string;
  origin: string;
  result: import('../types.js').StoryResult;
}

export interface EventStore {
  /** Which of these hashes are stored, and with which coder fingerprint. */
  coderOf(hashes: readonly string[]): Map<string, string>;
  /**
   * Stores coded stories in one transaction: a new hash is inserted; a known hash coded by another
   * fingerprint has its coded data replaced; a known hash with the same fingerprint is left alone.
   */
  putStories(stories: readonly StoryToStore[], coder: string): PutOutcome[];
  getStory(id: string): StoredStory | null;
  queryEvents(filter: EventFilter, page: { limit: number; cursor: string | null }): EventPage;
  /**
   * The same page with each event already serialized as the JSON of a StoredEvent: what the API sends
   * (a store may keep events serialized, so a page costs no parse and no stringify).
   */
  queryEventsJson(filter: EventFilter, page: { limit: number; cursor: string | null }): { events: string[]; next: string | null };
  monthly(filter: EventFilter): MonthlyRow[];
  topDyads(filter: EventFilter, limit: number): DyadRow[];
  /**
   * Goldstein per month for one dyad within the filter: source → target as code prefixes (CAN covers
   * CANGOV), or with `exact` those two codes only (one edge of the dyad network).
   */
  dyadGoldstein(filter: EventFilter, source: string, target: string, match?: 'prefix' | 'exact'): MonthlyRow[];
  places(filter: EventFilter, limit: number): PlaceRow[];
  commitments(filter: EventFilter, limit: number): (Commitment & { story: string; headline: string | null; date: string | null })[];
  stats(): StoreStats;
  /** A value kept with the store (e.g. the generated write token). */
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  close(): void;
}

export type { Place };

/** A text coded without storing it (POST /api/code): the coder's result with highlights and commitments. */
export interface CodedText extends StoryView<EventRecord> {
  repairs: Repair[];
}

/** A filter value or cursor the store cannot use: the API answers 400 with this message. */
export class InvalidQueryError extends Error {
  override name = 'InvalidQueryError';
}
