/**
 * Quantities in wire text: "2,500 Canadian troops" → {value: 2500, unit: 'troops'}.
 *
 * Numbers: digits with thousands separators and decimals ("2,500", "1.5"), scale words ("1.5 million",
 * "$3bn", "5 mln"), currency signs and words ("$5 million" → USD, "3 billion euros" → EUR, "£2m" → GBP),
 * number words ("two", "twenty-five", "a dozen", "a hundred", "two thousand"), and vague plurals read as
 * order-of-magnitude lower bounds: "dozens of" 24, "hundreds of" 200, "thousands of" 2000, "tens of
 * thousands of" 20000, "hundreds of thousands of" 200000, "millions of" 2000000.
 *
 * Unit: the currency when there is one, "percent" for %/percent/per cent, "troops" for "N-strong", else the
 * head noun after the number, lowercased, skipping capitalised words (nationalities, acronyms,
 * "NATO-led"), hyphenated modifiers and a few adjectives ("extra", "more", "armed", ...); "tonnes" → "tons".
 * Without a noun (the next word is a function word or a verb such as "were") nothing is reported.
 *
 * Skipped: years (1900-2099 without separators after a preposition or without a noun), day numbers next to a
 * month name ("April 2-4", "3 March"), ranges' first numbers ("2-4"), clock times ("3 pm", "10:30"),
 * hyphenated compounds ("two-day", "27-nation"), labels ("Resolution 1701", "Article 5", "No. 2").
 */
import type { Quantity } from '../types.js';

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, a: 1, an: 1, dozen: 12,
};
const SCALE: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mln: 1e6, m: 1e6,
  k: 1e3,
};
const VAGUE: Readonly<Record<string, number>> = {
  dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9,
  'tens of thousands': 20000, 'hundreds of thousands': 200000, 'tens of millions': 2e7,
  'hundreds of millions': 2e8,
};
const CURRENCY_SIGN: Readonly<Record<string, string>> = { '$': 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORD: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', yen: 'JPY',
  yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB',
  rubles: 'RUB', francs: 'CHF', franc: 'CHF', shekels: 'ILS', shekel: 'ILS', riyals: 'SAR', dinars: 'IQD',
  afghanis: 'AFN', rand: 'ZAR', won: 'KRW', pesos: 'MXN',
};
const UNIT_ALIAS: Readonly<Record<string, string>> = {
  tonnes: 'tons', tonne: 'tons', ton: 'tons', '%': 'percent', pct: 'percent',
};
/** Words between a number and its noun that are skipped. */
const SKIP_ADJ = new Set([
  'extra', 'more', 'additional', 'other', 'new', 'armed', 'foreign', 'international', 'fresh', 'further',
  'such', 'unarmed', 'regular', 'allied', 'coalition', 'elite', 'special', 'combat', 'active', 'former',
  'young', 'old', 'local', 'innocent', 'suspected', 'alleged', 'reported', 'registered', 'displaced', 'or',
  'so', 'odd', 'plus', 'metric', 'square', 'cubic', 'major', 'small', 'large', 'big', 'senior', 'top',
  'military', 'civilian', 'police', 'air', 'ground', 'army', 'navy', 'peacekeeping', 'security',
]);
/** Head-noun candidates that are really function words or verbs: no quantity then. */
const NOT_NOUN = new Set([
  'the', 'a', 'an', 'to', 'in', 'on', 'at', 'of', 'for', 'and', 'but', 'was', 'were', 'is', 'are', 'had',
  'have', 'has', 'be', 'been', 'by', 'from', 'with', 'as', 'that', 'which', 'who', 'this', 'these', 'those',
  'it', 'its', 'their', 'his', 'her', 'than', 'into', 'per', 'over', 'under', 'about', 'up', 'down', 'out',
  'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'do', 'does', 'said', 'say', 'says',
  'they', 'we', 'he', 'she', 'you', 'i', 'not', 'after', 'before', 'since', 'until', 'while', 'when',
  'where', 'if', 'because', 'all', 'each', 'both', 'also', 'only', 'just', 'still', 'last', 'next', 'first',
  'times', 'time', 'am', 'pm', 'gmt', 'est', 'edt', 'bst', 'cet', 'utc', 'year', 'years', 'yesterday',
  'today', 'against', 'among', 'between', 'during', 'including', 'through', 'like', 'then', 'there', 'here',
  'being', 'either', 'neither', 'nor', 'what', 'whose', 'whom', 'how', 'why', 'one', 'ones', 'percent',
]);
const MONTH_RE = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$/;
const MONTH_AFTER_RE = /^\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/;
const LABEL_BEFORE_RE =
  /\b(?:Article|Resolution|Flight|Route|Highway|Camp|No\.?|Number|Room|Section|Chapter|Paragraph|Phase|Level|Category|Grade|Division|Brigade|Battalion|Regiment|Squadron|Unit|Block|Gate|Platform|Channel|Page|Item|Rule|Law|Act|Vol\.?|Volume|Chapter|Figure|Table|Apollo|Windows|Boeing|Airbus|version|Part|Stage|Term|Year|Class|Type|Model|Mark|Mk|Pier|Terminal|Bus|Bay|Lot|Track|Line|Exit|Km|km|Kilometre|kilometre|Mile|mile)\s+$/;
const YEAR_PREP_RE = /\b(?:in|since|by|until|till|of|from|to|during|before|after|early|mid|late|through|between|and|or|the|for|than)[\s-]+$/i;

/**
 * Parse a number phrase: "2,500", "1.5", "1.5 million", "$3bn" (sign ignored), "two", "twenty-five",
 * "a dozen", "two thousand", "hundreds of". Returns null when it is not a number.
 */
export function parseNumber(s: string): number | null {
  const t = s.trim().replace(/^(?:US\$|[$€£¥])\s?/, '').toLowerCase();
  if (t === '') return null;
  const vague = VAGUE[t.replace(/\s+of$/, '')];
  if (vague !== undefined) return vague;
  const m = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s*(hundred|thousand|million|billion|trillion|bn|mln|m|k))?$/.exec(t);
  if (m && m[1] !== undefined) {
    const base = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(base)) return null;
    const scale = m[2] !== undefined ? SCALE[m[2]] ?? 1 : 1;
    return scale === 1 ? base : roundScaled(base * scale);
  }
  // number words: "twenty-five", "a dozen", "two hundred", "three thousand", "a million"
  const words = t.split(/[\s-]+/);
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'and') continue;
    const small = SMALL[w];
    if (small !== undefined) {
      if (w === 'dozen') current = (current || 1) * 12;
      else current += small;
      seen = true;
      continue;
    }
    const scale = SCALE[w];
    if (scale !== undefined && w.length > 1 && w !== 'bn' && w !== 'mln') {
      if (!seen) return null;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      continue;
    }
    return null;
  }
  return seen ? total + current : null;
}

/** Avoid 1.1 * 1e6 = 1100000.0000000002. */
function roundScaled(v: number): number {
  return Number(v.toPrecision(15));
}

const NUMBER_WORD = String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`;
/** Digits (with sign, scale), number words, vague plurals. Group 1: digit form; group 2: word form; group 3: vague. */
const QUANTITY_RE = new RegExp(
  String.raw`(?<![\w.,$€£¥/:-])((?:US\$|[$€£¥])\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mln|m|k)\b)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion|trillion)\b|\s*(?:bn|mln)\b)?|\d+(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion|trillion)\b|\s*(?:bn|mln)\b)?)` +
    String.raw`|\b((?:${NUMBER_WORD}(?:-(?:one|two|three|four|five|six|seven|eight|nine)\b)?|an?(?=\s+(?:dozen|hundred|thousand|million|billion)\b))(?:\s+(?:dozen|hundred|thousand|million|billion|trillion)\b)*)(?![\w-])` +
    String.raw`|\b((?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)\s+of\b`,
  'gi',
);
const PERCENT_AFTER = /^\s*(?:%|percent\b|per\s+cent\b|pct\b)/i;
const STRONG_AFTER = /^-strong\b/i;

interface Token {
  word: string;
  start: number;
  end: number;
}

/** The words after `pos` (letters, hyphens, apostrophes), up to a punctuation mark. */
function wordsAfter(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  const re = /\s*([A-Za-z][A-Za-z'’-]*|[^\sA-Za-z])/y;
  re.lastIndex = pos;
  while (out.length < max) {
    const m = re.exec(text);
    if (!m || m[1] === undefined) break;
    const w = m[1];
    if (!/^[A-Za-z]/.test(w)) break;
    const start = (m.index ?? 0) + m[0].length - w.length;
    out.push({ word: w, start, end: start + w.length });
  }
  return out;
}

export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const digitForm = m[1];
    const wordForm = m[2];
    const vagueForm = m[3];
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 40);
    let value: number | null;
    let currency: string | null = null;
    if (digitForm !== undefined) {
      const sign = /^(US\$|[$€£¥])/.exec(digitForm);
      if (sign && sign[1] !== undefined) currency = CURRENCY_SIGN[sign[1]] ?? null;
      if (/^\d/.test(digitForm) && /\d$/.test(digitForm)) {
        // dates, ranges, times, labels, years
        if (MONTH_RE.test(before.trimEnd()) && /\s$/.test(before)) continue;
        if (MONTH_AFTER_RE.test(after)) continue;
        if (/^[-–]\d/.test(after) || /^:\d/.test(after)) continue;
        if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|EST\b|EDT\b|BST\b|CET\b|UTC\b|local\s+time\b|hours?\s+GMT)/i.test(after)) continue;
        if (LABEL_BEFORE_RE.test(before)) continue;
        if (/^(?:19|20)\d\d$/.test(digitForm)) {
          if (YEAR_PREP_RE.test(before) || !/^\s+[a-z]/.test(after) || /^\s+(?:and|to|or|the|a|an|in|on|at|for|of|was|were|is|are|when|as|with|after|before)\b/.test(after)) continue;
        }
      }
      value = parseNumber(digitForm);
    } else if (wordForm !== undefined) {
      if (/^-[A-Za-z]/.test(after)) continue; // "two-day", "one-sided"
      if (/^(?:a|an|one)$/i.test(wordForm)) continue; // too vague alone ("one of the")
      value = parseNumber(wordForm);
    } else if (vagueForm !== undefined) {
      value = parseNumber(vagueForm);
    } else {
      continue;
    }
    if (value === null) continue;
    // hyphenated compounds of digit forms: "27-nation", "two-day"; "-strong" means a force
    const rest = text.slice(end);
    let unit: string | null = currency;
    if (STRONG_AFTER.test(rest)) {
      unit = 'troops';
      end += '-strong'.length;
    } else if (/^-[A-Za-z]/.test(rest)) {
      continue;
    }
    if (unit === null) {
      const pct = PERCENT_AFTER.exec(rest);
      if (pct) {
        unit = 'percent';
        end += pct[0].length;
      }
    }
    if (unit === null) {
      // head noun, skipping capitalised words, hyphenated modifiers and adjectives
      const words = wordsAfter(text, end, 5);
      let i = 0;
      if (words[0]?.word.toLowerCase() === 'of' && vagueForm === undefined) {
        // "two of the", "1,000 of them": no unit
        continue;
      }
      let found: Token | null = null;
      for (; i < words.length; i++) {
        const tok = words[i];
        if (tok === undefined) break;
        const w = tok.word;
        const lower = w.toLowerCase();
        const cur = CURRENCY_WORD[lower];
        if (cur !== undefined && /^[a-z]/.test(w)) {
          currency = cur;
          found = tok;
          break;
        }
        if (SKIP_ADJ.has(lower)) {
          // an adjective-like word is the noun when nothing noun-like follows ("hundreds of police.")
          const next = words[i + 1];
          if (next !== undefined && !NOT_NOUN.has(next.word.toLowerCase())) continue;
          found = tok;
          break;
        }
        if (/^[A-Z]/.test(w) || (w.includes('-') && i + 1 < words.length)) continue;
        found = tok;
        break;
      }
      if (found === null) continue;
      const lower = found.word.toLowerCase().replace(/['’]s?$/, '');
      if (currency !== null && CURRENCY_WORD[lower] !== undefined) {
        unit = currency;
        end = found.end;
      } else {
        if (NOT_NOUN.has(lower) || /ly$/.test(lower)) continue;
        unit = UNIT_ALIAS[lower] ?? lower;
        end = found.end;
      }
    }
    out.push({ value, unit, text: text.slice(start, end), span: { start, end } });
  }
  return out;
}
