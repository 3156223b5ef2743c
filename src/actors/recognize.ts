/**
 * Actor recognition, in the chrono-node shape: parsers propose pieces (dictionary phrases found in the
 * tokens), refiners assemble them into noun-phrase mentions (country + sector agents + a person's name),
 * and the story context resolves what the sentence leaves open (pronouns, surnames, bare agents).
 *
 * Everything is compiled once per coder from the dictionaries; a story's state (people met so far, the
 * last actors mentioned) lives in a StoryActors object made per story.
 */
import type { Provenance } from '../types.js';
import type { Mention, Token } from '../contracts.js';
import type { ActorDictionaries } from './dictionary.js';
import type { Grammar } from '../events/grammar.js';

/** A dictionary phrase found in the tokens. */
export interface Piece {
  kind: 'country' | 'demonym' | 'capital' | 'org' | 'leader' | 'metonym' | 'agent';
  start: number; // token index
  end: number; // token index, exclusive
  /** Country or organisation code (null for agents). */
  code: string | null;
  /** Sector for agents and metonyms ("GOV"). */
  sector: string | null;
  role: 'title' | 'group' | 'institution' | null;
  plural: boolean;
  prov: Provenance;
}

export type { Mention } from '../contracts.js';
export { mentionCode } from '../contracts.js';

interface Phrase {
  words: string[];
  piece: Omit<Piece, 'start' | 'end'>;
}

interface PhraseIndex {
  /** First word → phrases starting with it, longest first. */
  byFirst: Map<string, Phrase[]>;
}

export interface ActorLexicon {
  /** Proper phrases, matched case-sensitively on token text. */
  proper: PhraseIndex;
  /** Agent phrases, matched on lower-cased token text. */
  common: PhraseIndex;
  /** Country codes by name/alias, for the gazetteer and the dateline. */
  countryByName: Map<string, string>;
  countryCodes: Set<string>;
  /** Every proper word of the dictionaries (for the repairer's lexicon). */
  properWords: Set<string>;
  /** Lower-cased first words of all phrases: one lookup per token tells whether any phrase may start there. */
  firstWords: Set<string>;
}

export type Tokenize = (text: string) => string[];

function addPhrase(index: PhraseIndex, words: string[], piece: Omit<Piece, 'start' | 'end'>): void {
  const first = words[0];
  if (first === undefined) return;
  const list = index.byFirst.get(first) ?? [];
  list.push({ words, piece });
  list.sort((a, b) => b.words.length - a.words.length);
  index.byFirst.set(first, list);
}

const PLURAL_AGENT = /(s|men|people|police|folk)$/;

/** Compiles the dictionaries into phrase indexes; `tokenize` must split like the analyzer does. */
export function compileActorLexicon(dicts: ActorDictionaries, tokenize: Tokenize, isPlaceName: (name: string) => boolean = () => false): ActorLexicon {
  const proper: PhraseIndex = { byFirst: new Map() };
  const common: PhraseIndex = { byFirst: new Map() };
  const countryByName = new Map<string, string>();
  const countryCodes = new Set<string>();
  const properWords = new Set<string>();
  const addProper = (text: string, piece: Omit<Piece, 'start' | 'end'>): void => {
    const words = tokenize(text);
    for (const w of words) if (/^[A-Z]/.test(w)) properWords.add(w);
    addPhrase(proper, words, piece);
  };
  for (const c of dicts.countries) {
    countryCodes.add(c.code);
    const base = { code: c.code, sector: null, role: null, plural: false, prov: c.prov };
    for (const n of [c.name, ...c.aliases]) {
      addProper(n, { ...base, kind: 'country' });
      countryByName.set(n, c.code);
    }
    for (const d of c.demonyms) addProper(d, { ...base, kind: 'demonym', plural: /s$/.test(d) });
    for (const cap of c.capitals) addProper(cap, { ...base, kind: 'capital', sector: 'GOV' });
    for (const m of c.metonyms) addProper(m.text, { ...base, kind: 'metonym', sector: m.sector });
    for (const l of c.leaders) addProper(l, { ...base, kind: 'leader', sector: 'GOV' });
  }
  // a leader's surname alone ("Putin said") when it is long enough and no other leader shares it
  const surnames = new Map<string, { code: string; prov: Provenance } | null>();
  for (const c of dicts.countries) {
    for (const l of c.leaders) {
      const parts = l.split(/\s+/);
      const last = parts[parts.length - 1] ?? '';
      if (parts.length < 2 || last.length < 5 || !/^[A-Z][a-z]/.test(last)) continue;
      const seen = surnames.get(last);
      // two leaders of the same country may share a surname (the Bushes); of different countries not
      surnames.set(last, seen === undefined ? { code: c.code, prov: c.prov } : seen && seen.code === c.code ? seen : null);
    }
  }
  for (const [surname, owner] of surnames) {
    // "Lagos" is a city before it is Ricardo Lagos
    if (!owner || proper.byFirst.has(surname) || isPlaceName(surname)) continue;
    addProper(surname, { kind: 'leader', code: owner.code, sector: 'GOV', role: null, plural: false, prov: owner.prov });
  }
  for (const o of dicts.organizations) {
    for (const n of o.names) addProper(n, { kind: 'org', code: o.code, sector: null, role: null, plural: false, prov: o.prov });
  }
  for (const a of dicts.agents) {
    for (const w of a.words) {
      const words = tokenize(w).map((x) => x.toLowerCase());
      addPhrase(common, words, { kind: 'agent', code: null, sector: a.sector, role: a.role, plural: PLURAL_AGENT.test(w), prov: a.prov });
    }
  }
  const firstWords = new Set<string>([...proper.byFirst.keys()].map((w) => w.toLowerCase()));
  for (const w of common.byFirst.keys()) firstWords.add(w);
  return { proper, common, countryByName, countryCodes, properWords, firstWords };
}

function matchAt(index: PhraseIndex, tokens: readonly Token[], i: number, end: number, lower: boolean): Phrase | null {
  const t = tokens[i];
  if (!t) return null;
  const list = index.byFirst.get(lower ? t.lower : t.text);
  if (!list) return null;
  for (const p of list) {
    if (i + p.words.length > end) continue;
    let ok = true;
    for (let k = 1; k < p.words.length; k++) {
      const tk = tokens[i + k] as Token;
      if ((lower ? tk.lower : tk.text) !== p.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return null;
}

/**
 * Questions the actor stage asks of every token, answered by the word alone (its form: text, lower-case
 * form, part of speech), so that a coder may ask each once per word form (src/text/forms.ts).
 */
export interface ActorWordTests {
  /**
   * Whether a dictionary phrase may start at the token: no phrase starts with punctuation, a number or a
   * function word ("the Ukraine" is also "Ukraine"), nor with a word no phrase starts with.
   */
  mayStart(t: Token): boolean;
  /** Whether the token is a personal pronoun or "the" (which may begin "the country"). */
  mayRefer(t: Token): boolean;
}

/** The word tests of a lexicon, asked each time (a coder wraps them in per-form memos). */
export function actorWordTests(lex: ActorLexicon): ActorWordTests {
  return {
    mayStart: (t) => !NEVER_STARTS.has(t.pos) && lex.firstWords.has(t.lower),
    mayRefer: (t) => t.lower === 'the' || PRONOUNS.has(t.lower),
  };
}

/** Parser: dictionary pieces of the tokens [first, last), longest match, proper names before agents. */
export function findPieces(
  lex: ActorLexicon,
  tokens: readonly Token[],
  first: number,
  last: number,
  blocked: (i: number) => boolean,
  words: ActorWordTests = actorWordTests(lex),
): Piece[] {
  const out: Piece[] = [];
  let i = first;
  while (i < last) {
    if (!words.mayStart(tokens[i] as Token) || blocked(i)) {
      i++;
      continue;
    }
    const c0 = (tokens[i] as Token).text.charCodeAt(0);
    // agents start with a letter
    let p = matchAt(lex.proper, tokens, i, last, false) ?? (c0 >= 65 ? matchAt(lex.common, tokens, i, last, true) : null);
    // a one-word agent used as an adjective or verb is not an agent ("official contact", "police the border")
    if (p && p.piece.kind === 'agent' && p.words.length === 1 && !AGENT_POS.has((tokens[i] as Token).pos)) p = null;
    // a name inside a hyphenated place name is not an actor ("Port-au-Prince": not the African Union), but
    // "pro-Iran", "anti-U.S." are
    if (p && i > first) {
      const h = tokens[i - 1] as Token;
      const w = tokens[i - 2];
      if (h.text === '-' && h.start === (tokens[i] as Token).start - 1 && w && w.end === h.start && /^[A-Za-z]/.test(w.text) && !HYPHEN_PREFIXES.has(w.lower)) p = null;
    }
    // a country's name inside another name is not the country: a company or a place ("US Airways",
    // "Niger Delta", "Kenya Airways") or a person ("Samuel Israel", "Jordan Henderson")
    if (p && (p.piece.kind === 'country' || p.piece.kind === 'capital' || p.piece.kind === 'demonym') && insideName(tokens, i, i + p.words.length, first, last, p.piece.kind, out[out.length - 1]?.end === i)) p = null;
    if (p) {
      // an all-caps proper match inside normal text is fine ("NATO"); a lower-case proper word is not
      const d = p.piece; // fields listed, not spread: one object shape for every piece
      out.push({ kind: d.kind, start: i, end: i + p.words.length, code: d.code, sector: d.sector, role: d.role, plural: d.plural, prov: d.prov });
      i += p.words.length;
    } else i++;
  }
  return out;
}

/** Words after a place's name that make it the name of a company, a body of water or a region. */
const NAME_SUFFIXES = new Set([
  'Airways', 'Airlines', 'Air', 'Aviation', 'Delta', 'Basin', 'River', 'Valley', 'Sea', 'Lake', 'Street', 'Avenue', 'Corp', 'Corporation',
  'Inc', 'Ltd', 'Limited', 'Plc', 'Group', 'Holdings', 'Motors', 'Steel', 'Telecom', 'Telekom', 'Petroleum', 'Oil', 'Energy', 'Post', 'Times',
  'Journal', 'Express', 'Railways', 'Railway', 'Mobile', 'Bancorp', 'Financial', 'Insurance', 'Mining', 'Power',
  'Electric', 'Gas', 'Cement', 'Tobacco', 'Brewery', 'Breweries', 'Foods', 'Pharmaceuticals', 'Securities', 'Capital', 'Partners', 'Fund',
  'Index', 'Stock', 'Exchange', 'Cup', 'Open', 'Grand', 'Prix', 'Tech', 'Herald', 'Tribune', 'Gazette', 'Daily', 'Television', 'Broadcasting',
]);
const CALENDAR = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * Whether the name at [s, e) is part of a longer proper name: a company or place suffix after it, or a
 * person's name (a capitalised given name before it that no dictionary knows). A capitalised word after
 * a country's name is too often a body of that country ("Montenegro Assembly") to be read as a surname.
 */
function insideName(tokens: readonly Token[], s: number, e: number, first: number, last: number, kind: Piece['kind'], afterPiece: boolean): boolean {
  const next = tokens[e];
  if (next && e < last && NAME_SUFFIXES.has(next.text)) return true;
  if (kind !== 'country') return false;
  const unknownName = (t: Token | undefined): boolean => !!t && !afterPiece && t.pos === 'PROPN' && /^[A-Z][a-z]+$/.test(t.text) && !CALENDAR.test(t.text);
  // "Samuel Israel": a given name before, not at the sentence's start after a title
  const prev = tokens[s - 1];
  if (s - 1 >= first && unknownName(prev) && !(s - 2 >= first && /^(of|in|to|and|with|from)$/.test(tokens[s - 2]?.lower ?? ''))) return true;
  return false;
}

/** Agent words that are also abstract nouns: actors only in a political construction. */
const ABSTRACT_AGENTS = new Set(['opposition']);
/** Counting words that are people only when people follow ("thousands of protesters", not "thousands of jobs"). */
const COUNT_WORDS = new Set(['thousands', 'hundreds', 'dozens', 'tens of thousands', 'hundreds of thousands', 'scores']);
/** Prefixes before a hyphen that leave the name after them an actor ("pro-Iran", "anti-U.S."). */
const HYPHEN_PREFIXES = new Set(['pro', 'anti', 'non', 'ex', 'post', 'pre', 'neo', 'pan', 'mid', 'all', 'cross', 'trans', 'intra', 'inter', 'anglo', 'franco', 'sino', 'indo', 'afro', 'euro', 'russo', 'greco', 'judeo', 'arab']);
const NEVER_STARTS = new Set(['PUNCT', 'SPACE', 'NUM', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'DET', 'SYM', 'PRON']);
const AGENT_POS = new Set(['NOUN', 'PROPN', 'X']);
/** "the capital Kabul", "city of Basra": a capital named after these is a place. */
/** Nouns that, after "the", stand for the last country named. */
const COUNTRY_DESCRIPTIONS = new Set(['country', 'nation', 'kingdom', 'republic']);
const PLACE_NOUNS = new Set(['of', 'capital', 'city', 'town', 'port']);
/** Words that end a clause: a country after one of them is not the agent's. */
const CLAUSE_WORDS = new Set([';', ':', 'that', 'which', 'who', 'because', 'while', 'after', 'before', 'if', 'unless', 'when', 'but', 'until', 'since', 'whether']);
/** Words between an actor and its own place ("police in Mumbai", "the mayor of Nablus"). */
const OWN_PLACE_LINKS = new Set(['in', 'of', 'from', 'at']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout']);
const NP_FILLER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const DETERMINERS = new Set(['the', 'a', 'an', 'other', 'some', 'two', 'three', 'both', 'several', 'many', 'all', 'senior', 'top']);
/** Personal pronouns that can stand for an actor (a Map: arbitrary words are looked up). */
const PRONOUNS = new Map<string, { plural: boolean; person: boolean; possessive: boolean }>([
  ['it', { plural: false, person: false, possessive: false }],
  ['its', { plural: false, person: false, possessive: true }],
  ['they', { plural: true, person: false, possessive: false }],
  ['them', { plural: true, person: false, possessive: false }],
  ['their', { plural: true, person: false, possessive: true }],
  ['he', { plural: false, person: true, possessive: false }],
  ['him', { plural: false, person: true, possessive: false }],
  ['his', { plural: false, person: true, possessive: true }],
  ['she', { plural: false, person: true, possessive: false }],
  ['her', { plural: false, person: true, possessive: true }],
]);

/** Nouns that do not head an actor's noun phrase ("Nigeria today", "France Monday"). */
const NOT_NP_HEAD = new Set(['today', 'yesterday', 'tonight', 'tomorrow', 'morning', 'evening', 'week', 'month', 'year', 'time', 'officials']);


/** Per-story memory: people by name, and the actors mentioned so far (for pronouns and bare agents). */
export class StoryActors {
  /** People met in the story, by the first word of a name they go by: longest names first. */
  readonly people = new Map<string, { words: string[]; mention: Mention }[]>();
  readonly history: Mention[] = [];
  /** Countries of the story's actors so far, in order of first mention. */
  readonly countries = new Set<string>();
  constructor(
    readonly datelineCountry: string | null,
    readonly grammar: Grammar,
  ) {}

  addPerson(words: string[], mention: Mention): void {
    const first = words[0];
    if (!first) return;
    const list = this.people.get(first) ?? [];
    list.push({ words, mention });
    list.sort((a, b) => b.words.length - a.words.length);
    this.people.set(first, list);
  }

  lastWhere(pred: (m: Mention) => boolean, before = this.history.length): Mention | null {
    for (let k = before - 1; k >= 0; k--) {
      const m = this.history[k] as Mention;
      if (m.root && pred(m)) return m;
    }
    return null;
  }
}

function isCapitalised(t: Token | undefined): boolean {
  // a name after a title may be tagged as anything ("Lt. Gen. Prosper Avril": "Prosper" as a verb)
  return !!t && /^[A-Z][a-z]/.test(t.text) && !CALENDAR.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X' || t.pos === 'VERB');
}

function makeMention(tokens: readonly Token[], text: string, start: number, head: number, end: number, fields: Partial<Mention> & Pick<Mention, 'root' | 'kind' | 'prov'>): Mention {
  const a = tokens[start] as Token;
  const b = tokens[end - 1] as Token;
  return {
    start,
    end,
    head,
    text: text.slice(a.start, b.end),
    span: { start: a.start, end: b.end },
    country: null,
    sectors: [],
    person: null,
    personTokens: null,
    plural: false,
    resolvedFrom: null,
    modifier: false,
    inPP: (tokens[start - 1] as Token | undefined)?.pos === 'ADP',
    ...fields,
  };
}

/**
 * Refiner: assembles the pieces of one sentence into mentions, adds pronouns and known people, and
 * resolves agents without a country from the story context. Mentions come back in text order.
 */
export function assembleMentions(
  lex: ActorLexicon,
  tokens: readonly Token[],
  text: string,
  first: number,
  last: number,
  pieces: readonly Piece[],
  story: StoryActors,
  blocked: (i: number) => boolean,
  /** The places named in the sentence, as token ranges (computed only when a bare agent needs one). */
  sentencePlaces: () => readonly { start: number; end: number; country: string }[] = () => [],
  words: ActorWordTests = actorWordTests(lex),
): Mention[] {
  const mentions: Mention[] = [];
  const pieceAt = new Map<number, Piece>();
  for (const p of pieces) pieceAt.set(p.start, p);
  const used = new Set<Piece>();
  let k = 0;
  while (k < pieces.length) {
    const p = pieces[k] as Piece;
    if (used.has(p)) {
      k++;
      continue;
    }
    // a noun phrase: the piece and the pieces joined to it by NP filler ("Canada's minority government",
    // "Canadian Defence Ministry spokesman", "government of Canada")
    const group: Piece[] = [p];
    let end = p.end;
    let next = k + 1;
    while (next < pieces.length) {
      const q = pieces[next] as Piece;
      if (q.start - end > 2) break;
      const gap = tokens.slice(end, q.start);
      const lastOf = group[group.length - 1] as Piece;
      const joinable =
        gap.length <= 2 &&
        gap.every((t) => NP_FILLER_POS.has(t.pos) || t.text === "'s" || t.text === '’s' || t.text === '-') &&
        !gap.some((t) => t.text === ',') &&
        (q.kind === 'agent' || (lastOf.kind === 'agent' && gap.length === 0 && q.kind !== 'org' && q.kind !== 'country'));
      const ofJoin = gap.length === 1 && gap[0]?.lower === 'of' && lastOf.kind === 'agent' && (q.kind === 'country' || q.kind === 'org') && group.every((g) => g.kind === 'agent');
      if (!joinable && !ofJoin) break;
      group.push(q);
      end = q.end;
      next++;
    }
    for (const g of group) used.add(g);
    k = next;

    const named = group.find((g) => g.kind !== 'agent');
    const agents = group.filter((g) => g.kind === 'agent');
    let start = group[0]?.start ?? p.start;
    // the determiner before the phrase belongs to the mention (for pattern matching)
    const head = start;
    while (start > first && DETERMINERS.has((tokens[start - 1] as Token).lower)) start--;
    // "NATO-led", "U.S.-backed": a modifier, not an actor; but "Vietnamese-led forces" are that country's
    const after = tokens[end];
    if (after && after.text === '-' && named && agents.length === 0) {
      const led = tokens[end + 1];
      const head = pieces[k];
      if (led && /^(led|backed|sponsored|supported|allied)$/.test(led.lower) && head && head.kind === 'agent' && head.start === end + 2) {
        used.add(head);
        k++;
        const m2 = makeMention(tokens, text, group[0]?.start ?? p.start, group[0]?.start ?? p.start, head.end, {
          root: named.code, country: named.code && lex.countryCodes.has(named.code) ? named.code : null, sectors: unitSectors([head.sector]), kind: 'named', plural: head.plural, prov: named.prov,
        });
        mentions.push(m2);
      }
      continue;
    }
    // a capital in a place phrase ("summit in Bucharest") is a place, not the government
    const before = tokens[head - 1];
    if (named && named.kind === 'capital' && agents.length === 0 && before && (PLACE_PREPS.has(before.lower) || PLACE_NOUNS.has(before.lower))) continue;
    // a demonym before a noun that is not an agent ("Lebanese positions", "a Kenyan village") stands for
    // its country; before a capitalised name it is part of another name ("Afghan Taliban" is matched whole)
    // a title followed by a capitalised name: a person ("Defence Minister Peter MacKay")
    let person: string | null = null;
    let personTokens: { start: number; end: number } | null = null;
    if (agents.some((a) => a.role === 'title')) {
      let e = end;
      while (e < last && e - end < 4 && isCapitalised(tokens[e]) && !pieceAt.has(e) && !blocked(e)) e++;
      if (e > end) {
        person = text.slice((tokens[end] as Token).start, (tokens[e - 1] as Token).end);
        personTokens = { start: end, end: e };
        end = e;
      }
    }
    // "Turkish warplanes", "Lebanese positions": the noun heading the phrase belongs to the mention
    if (named && agents.length === 0 && named.kind !== 'capital') {
      let e = end;
      while (e < last && e - end < 2 && (tokens[e] as Token).pos === 'NOUN' && !pieceAt.has(e) && /^[a-z]/.test((tokens[e] as Token).text) && !NOT_NP_HEAD.has((tokens[e] as Token).lower)) e++;
      // "Iraqi Kurds", "Bosnian Serbs": a people named after the demonym belongs to the first one's mention
      const nxt = pieceAt.get(e);
      if (e === end && named.kind === 'demonym' && nxt && nxt.kind === 'demonym' && nxt.plural) {
        used.add(nxt);
        e = nxt.end;
      } else if (e === end && named.kind === 'demonym' && /^[A-Z][a-z]+s$/.test(tokens[e]?.text ?? '') && tokens[e]?.pos === 'PROPN' && !pieceAt.has(e)) e++;
      end = e;
    }
    // "opposition" alone is the party only as "the opposition" or after a country's name; not the
    // abstract noun ("opposition to the plan", "expressed opposition", "labor opposition")
    if (!named && agents.length === 1 && ABSTRACT_AGENTS.has((tokens[p.start] as Token).lower) && end === p.start + 1) {
      const b = tokens[p.start - 1];
      const a = tokens[end];
      const political = (b?.lower === 'the' && !(a && /^(to|from|of|among|within|in)$/.test(a.lower))) || false;
      if (!political) continue;
    }
    // "hundreds of homes", "thousands of jobs": a number of things, not people (but "thousands of Iraqi Kurds")
    if (!named && agents.length === 1 && COUNT_WORDS.has(text.slice((tokens[p.start] as Token).start, (tokens[end - 1] as Token).end).toLowerCase()) && tokens[end]?.lower === 'of') {
      let q = end + 1;
      while (q < last && (tokens[q]?.pos === 'DET' || tokens[q]?.pos === 'ADJ' || tokens[q]?.pos === 'NUM')) q++;
      if (!pieceAt.has(q)) continue;
    }
    const sectors = unitSectors(agents.map((a) => a.sector));
    if (named?.sector && !sectors.length) sectors.push(...unitSectors([named.sector]));
    const leader = group.find((g) => g.kind === 'leader');
    if (!person && leader) {
      person = text.slice((tokens[leader.start] as Token).start, (tokens[leader.end - 1] as Token).end);
      personTokens = { start: leader.start, end: leader.end };
    }
    const root = named?.code ?? null;
    const plural = agents.some((a) => a.plural) || (named?.plural ?? false);
    const m = makeMention(tokens, text, start, head, end, {
      root,
      country: root && lex.countryCodes.has(root) ? root : null,
      sectors,
      person,
      personTokens,
      kind: person ? 'person' : named ? 'named' : 'agent',
      plural,
      prov: (named ?? p).prov,
    });
    if (!named && !person && agents.length > 0 && agents.every((a) => a.role === 'title')) m.titleOnly = true;
    // "Canada's requirements": the possessive modifies a noun that is not an actor
    if (agents.length === 0 && (tokens[end]?.text === "'s" || tokens[end]?.text === '’s')) m.modifier = true;
    mentions.push(m);
  }

  // pronouns and people already met in the story (surnames)
  let cursor = 0; // mentions are in text order: the first one that ends after i
  for (let i = first; i < last; i++) {
    while (cursor < mentions.length && (mentions[cursor] as Mention).end <= i) cursor++;
    const cur = mentions[cursor];
    if (cur && i >= cur.start && i < cur.end) continue;
    const t = tokens[i] as Token;
    if (!words.mayRefer(t) && (story.people.size === 0 || !story.people.has(t.text))) continue;
    // "the country", "the kingdom": a description of the last country named
    if (t.lower === 'the' && COUNTRY_DESCRIPTIONS.has(tokens[i + 1]?.lower ?? '') && i + 1 < last) {
      const d = makeMention(tokens, text, i, i + 1, i + 2, { root: null, kind: 'pronoun', plural: false, person: null, prov: story.grammar.prov('description:the-country') });
      d.description = true;
      mentions.push(d);
      i += 1;
      continue;
    }
    const pr = PRONOUNS.get(t.lower);
    if (!pr && !story.people.has(t.text)) continue;
    if (blocked(i)) continue;
    if (pr && (t.pos === 'PRON' || t.pos === 'DET')) {
      let end = i + 1;
      const sectors: string[] = [];
      // "its soldiers": a possessive pronoun heading an agent phrase
      const nxt = pieces.find((p) => p.start === i + 1 && p.kind === 'agent');
      if (pr.possessive && nxt) {
        end = nxt.end;
        if (nxt.sector) sectors.push(nxt.sector);
        const existing = mentions.findIndex((m) => m.head === nxt.start);
        if (existing >= 0) mentions.splice(existing, 1);
      } else if (pr.possessive) continue; // "its message": not an actor
      mentions.push(makeMention(tokens, text, i, i, end, { root: null, kind: 'pronoun', plural: pr.plural, person: null, sectors, prov: story.grammar.prov(`pronoun:${t.lower}`) }));
      i = end - 1;
      continue;
    }
    const known = story.people.get(t.text);
    if (known) {
      // the longest name of the story's people that starts here ("Peter MacKay", "MacKay")
      for (const person of known) {
        const n = person.words.length;
        if (i + n > last) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = (tokens[i + k] as Token).text === person.words[k];
        if (!ok) continue;
        const src = person.mention;
        mentions.push(makeMention(tokens, text, i, i, i + n, { root: src.root, country: src.country, sectors: [...src.sectors], person: src.person, kind: 'person', prov: src.prov, resolvedFrom: src.text }));
        i += n - 1;
        break;
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  // "Hungarian and Romanian officials": a bare demonym coordinated with a demonym + agent shares its agents
  for (let k = mentions.length - 2; k >= 0; k--) {
    const a = mentions[k] as Mention;
    const b = mentions[k + 1] as Mention;
    const gap = b.start - a.end;
    const joiner = tokens[a.end];
    if (a.kind === 'named' && a.sectors.length === 0 && a.end === a.head + 1 && b.sectors.length > 0 && b.kind !== 'pronoun' && gap >= 1 && gap <= 2 && joiner && (joiner.lower === 'and' || joiner.lower === 'or' || joiner.text === ',') && pieces.some((p) => p.start === a.head && p.kind === 'demonym')) {
      a.sectors = [...b.sectors];
      a.plural = b.plural;
    }
  }

  // context: pronouns, and agents with no country
  for (const m of mentions) {
    if (m.root) continue;
    if (m.description) {
      const src = [...mentions].reverse().find((o) => o.end <= m.start && o.root && o.kind === 'named' && o.country) ?? story.lastWhere((o) => o.kind === 'named' && o.country !== null);
      if (src) resolveFrom(m, src, [], 'description:the-country', story.grammar);
      continue;
    }
    // "the minister", "the president": the last person of the story who holds such an office
    const title = (tokens[m.start] as Token).lower === 'the' && m.kind === 'agent' && m.titleOnly;
    if (title) {
      const person = story.lastWhere((o) => o.kind === 'person' && o.sectors.some((x) => m.sectors.includes(x)));
      if (person) {
        resolveFrom(m, person, person.sectors, 'description:the-title', story.grammar);
        m.person = person.person;
        m.kind = 'person';
        continue;
      }
    }
    if (m.kind === 'pronoun') {
      const pr = PRONOUNS.get((tokens[m.start] as Token).lower);
      const personal = pr?.person ?? false;
      const fits = (o: Mention): boolean => !!o.root && (personal ? o.kind === 'person' : o.kind !== 'person' && (pr?.plural || !o.plural));
      const earlier = [...mentions].reverse().filter((o) => o.end <= m.start && fits(o));
      // "they" prefers a plural actor ("rebels ... rejected a plan, and said they ...")
      // ... and "they" a subject over the object of a verb ("Gunmen killed two soldiers when they attacked")
      const objectOfVerb = (o: Mention): boolean => {
        let k = o.start - 1;
        while (k >= first && ((tokens[k] as Token).pos === 'NUM' || (tokens[k] as Token).pos === 'DET')) k--;
        return (tokens[k] as Token | undefined)?.pos === 'VERB';
      };
      const subjectLike = (o: Mention): boolean => !o.inPP && !o.modifier && !objectOfVerb(o);
      const inSentence =
        (pr?.plural ? earlier.find((o) => o.plural && subjectLike(o)) : undefined) ??
        (pr?.plural ? earlier.find((o) => o.plural && !o.inPP && !o.modifier) : undefined) ?? earlier.find((o) => !o.inPP && !o.modifier) ?? earlier[0];
      const storyFits = (o: Mention): boolean => (personal ? o.kind === 'person' : o.kind !== 'person' && (pr?.plural ? true : !o.plural || o.kind === 'named'));
      // in earlier sentences, prefer an actor that is not the object of a preposition ("to Paris")
      const src = inSentence ?? story.lastWhere((o) => storyFits(o) && !o.inPP && !o.modifier) ?? story.lastWhere(storyFits);
      if (src) resolveFrom(m, src, personal ? src.sectors : m.sectors.length ? m.sectors : src.sectors, `pronoun:${(tokens[m.start] as Token).lower}`, story.grammar);
      continue;
    }
    // a bare agent ("senior officials", "the minister", "police"): the nearest country before it in the
    // sentence, else after it, else the story's last country, else the dateline's country
    // an actor's own place first: "police in Mumbai", "the mayor of Nablus", "demonstrators in Baghdad"
    const link = tokens[m.end];
    if (link && OWN_PLACE_LINKS.has(link.lower)) {
      let at = m.end + 1;
      if (tokens[at]?.lower === 'the') at++;
      const country = mentions.find((o) => o.head === at || o.start === at)?.country ?? sentencePlaces().find((p) => p.start === at)?.country ?? null;
      if (country) {
        m.root = country;
        m.country = country;
        m.resolvedFrom = 'place';
        m.prov = story.grammar.prov('context:own-place');
        continue;
      }
    }
    // a person the dictionaries do not know does not take a neighbouring word's country ("Senator Barack
    // Obama" beside "Morocco"); only the one country the sentence names, else a place named in it, else
    // the role alone
    if (m.kind === 'person' && !m.resolvedFrom) {
      const named = new Set(mentions.filter((o) => o !== m && o.country && o.kind !== 'pronoun').map((o) => o.country as string));
      const only = named.size === 1 ? [...named][0] : undefined;
      const place = named.size === 0 ? sentencePlaces()[0]?.country : undefined;
      const country = only ?? place;
      if (country) {
        m.root = country;
        m.country = country;
        m.resolvedFrom = only ? 'sentence' : 'place';
        m.prov = story.grammar.prov(only ? 'context:only-country' : 'context:place-in-sentence');
      } else if (named.size === 0 && story.datelineCountry) {
        // a sentence that names no country: the dateline's ("WASHINGTON - Senator Dodd said ...")
        m.root = story.datelineCountry;
        m.country = story.datelineCountry;
        m.resolvedFrom = 'dateline';
        m.prov = story.grammar.prov('context:dateline');
      }
      continue;
    }
    const befores = [...mentions].reverse().filter((o) => o.end <= m.start && o.country);
    const before = befores.find((o) => !o.inPP) ?? befores[0];
    // a country after the agent counts only in its own clause ("officials said that China ..." is not China's)
    // ... and not as the object of a verb ("the companies want Iran to ...": not Iran's companies)
    const objectOfVerb = (o: Mention): boolean => {
      let k = o.start - 1;
      while (k > m.end && (tokens[k] as Token).pos === 'DET') k--;
      return k >= m.end && (tokens[k] as Token).pos === 'VERB';
    };
    const after = mentions.find((o) => o.start >= m.end && o.country && !tokens.slice(m.end, o.start).some((t) => CLAUSE_WORDS.has(t.lower)) && !objectOfVerb(o));
    const sentenceSrc = before ?? after;
    const place = sentenceSrc ? undefined : sentencePlaces()[0]?.country;
    const src = sentenceSrc ?? (place ? undefined : story.lastWhere((o) => o.country !== null));
    if (src) resolveFrom(m, src, m.sectors, before ? 'context:sentence-before' : after ? 'context:sentence-after' : 'context:story', story.grammar);
    else if (place) {
      m.root = place;
      m.country = place;
      m.resolvedFrom = 'place';
      m.prov = story.grammar.prov('context:place-in-sentence');
    } else if (story.datelineCountry) {
      m.root = story.datelineCountry;
      m.country = story.datelineCountry;
      m.resolvedFrom = 'dateline';
      m.prov = story.grammar.prov('context:dateline');
    }
  }
  for (const m of mentions) {
    if (m.kind === 'person' && m.person && m.root && !m.resolvedFrom) {
      const range = m.personTokens ?? { start: m.start, end: m.end };
      const words = tokens.slice(range.start, range.end).map((x) => x.text);
      story.addPerson(words, m);
      const surname = words[words.length - 1];
      if (surname && words.length > 1) story.addPerson([surname], m);
    }
    story.history.push(m);
    if (m.country) story.countries.add(m.country);
  }
  return mentions;
}

/** Compound sectors split into CAMEO's 3-letter units, each once, in order ("GOVMIL" + "GOV" → GOV, MIL). */
function unitSectors(list: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const s of list) for (const u of (s ?? '').match(/[A-Z]{3}/g) ?? []) if (!out.includes(u)) out.push(u);
  return out;
}

function resolveFrom(m: Mention, src: Mention, sectors: string[], rule: string, grammar: Grammar): void {
  m.root = src.root;
  m.country = src.country;
  m.sectors = [...sectors];
  if (src.kind === 'person' && m.kind === 'pronoun') m.person = src.person;
  m.resolvedFrom = src.text;
  m.prov = grammar.prov(rule);
}
