/**
 * Date mentions in wire text, resolved against the story date.
 *
 * chrono-node (casual English) does the heavy lifting; a few custom parsers and a refiner fix what it gets
 * wrong for news text:
 *  - weeks: "this week", "earlier this week", "later this week", "last/past/previous week", "next week",
 *    "this/last/next weekend" → a day range (weeks run Monday..Sunday). "earlier this week" is the range
 *    Monday..reference day; `date` is its first day, `end` its last; precision 'day' (read the range as
 *    approximate: the exact day is not known).
 *  - "next February" → the next February strictly after the reference month (2009-02 for a February 2008
 *    story; chrono gives 2008-02); "last March" → the most recent March strictly before; "this March".
 *  - years after a preposition: "in 2009", "since 1999", "by 2010", "mid-2008" → "YYYY", precision 'year'
 *    (a bare "2008" without a preposition is not taken: too many quantities look like years).
 *  - "(by) the end of the year/month/week" → YYYY-12 (month, modifier 'late') / YYYY-MM late / Fri..Sun.
 *  - modifiers: "early/mid/late/end of/beginning of" just before a mention set `modifier` and widen the span.
 *  - weekdays without "last/next/this" are resolved past-leaning (the most recent such day, the reference
 *    day itself when it matches) unless the clause before them carries a future marker ("will", "plans",
 *    "is to", "expected", "next", ...), then forward-leaning. chrono's own choice (closest day) is replaced.
 *  - month/day without a year: chrono's closest-year choice, moved forward when the clause is future.
 * False positives removed: "last day"/"the day"/"next day" (relative to something other than the story
 * date), hyphen compounds ("two-day", "Monday-Friday" keeps nothing odd), lowercase month names ("troops
 * march"), bare month names without a preceding preposition/modifier ("May" as a modal verb at sentence
 * start, "March" as a noun/verb), abbreviated bare months/weekdays ("Sun", "Sat", "Mar"), slash dates
 * without a year ("9/11"), time-only expressions ("at 3 pm", "now", "the past 24 hours").
 *
 * With `reference === null`, text is parsed against two far-apart dummy references; a mention whose value
 * differs between them is relative and gets `date: null` (the machine's clock is never used).
 *
 * Speed: chrono runs only on windows (±40 chars) around hits of a cheap prefilter regex; text without any
 * date word returns [] after one regex scan.
 */
import * as chrono from 'chrono-node';
import type { ParsingContext, ParsingResult, Parser, Refiner } from 'chrono-node';
import type { Span } from '../types.js';

export interface DateMention {
  text: string;
  /** Offsets in the given text. */
  span: Span;
  /** YYYY-MM-DD (precision day), YYYY-MM (month) or YYYY (year); null when relative and no reference date. */
  date: string | null;
  /** Last day/month/year of a range ("April 2-4", "earlier this week"), same format as `date`; else null. */
  end: string | null;
  precision: 'day' | 'month' | 'year';
  modifier: 'early' | 'mid' | 'late' | null;
}

export interface DateFinder {
  /** Date mentions in `text`, in text order. `reference` is the story date YYYY-MM-DD, or null. */
  find(text: string, reference: string | null): DateMention[];
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const MONTH_ALT = MONTHS.join('|');

/**
 * Cheap prefilter: month and weekday names (capitalised), relative words, 4-digit years 1900-2099 and slash
 * dates. A text without a hit has no date mention. Not global: safe to share.
 */
export const DATE_PREFILTER =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Ww]eek|[Mm]onth|[Yy]ear|[Dd]ays?\b|[Mm]orning|[Aa]fternoon|[Ee]vening|(?:19|20)\d\d\b|\d{1,2}\/\d{1,2}\/\d{2,4})/;
const DATE_PREFILTER_G = new RegExp(DATE_PREFILTER.source, 'g');

/** True when `text` may contain a date mention (one regex test). */
export function mayContainDate(text: string): boolean {
  return DATE_PREFILTER.test(text);
}

/* ------------------------------------------------------------------ calendar helpers (all UTC) */

interface Ymd { y: number; m: number; d: number }

function parseIsoDate(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

function fromUtc(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function addDays(a: Ymd, n: number): Ymd {
  return fromUtc(new Date(Date.UTC(a.y, a.m - 1, a.d + n)));
}

/** 0 = Sunday .. 6 = Saturday. */
function weekdayOf(a: Ymd): number {
  return new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay();
}

/** Monday of the (Monday..Sunday) week containing a. */
function mondayOf(a: Ymd): Ymd {
  const wd = weekdayOf(a);
  return addDays(a, -((wd + 6) % 7));
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

function refOf(context: ParsingContext): Ymd {
  return fromUtc(context.reference.instant);
}

function ymdComponents(a: Ymd): { year: number; month: number; day: number } {
  return { year: a.y, month: a.m, day: a.d };
}

/* ------------------------------------------------------------------ custom chrono parsers */

const TAG = 'wirecoder/';

/** "this week", "earlier this week", "later this week", "last week", "next week", "... weekend". */
function weekParser(): Parser {
  return {
    pattern: () =>
      /(?<![\w-])(?:(earlier|later)\s+(?:this|in\s+the)\s+week|(this|last|past|previous|next|coming)\s+(week|weekend))(?![\w-])/i,
    extract: (context, match) => {
      const ref = refOf(context);
      const monday = mondayOf(ref);
      const rel = (match[1] ?? match[2] ?? '').toLowerCase();
      const unit = (match[3] ?? 'week').toLowerCase();
      let first: Ymd;
      let last: Ymd;
      if (rel === 'earlier') {
        first = monday;
        last = ref;
      } else if (rel === 'later') {
        first = ref;
        last = addDays(monday, 6);
      } else {
        const shift = rel === 'last' || rel === 'past' || rel === 'previous' ? -7 : rel === 'next' ? 7 : 0;
        let start = addDays(monday, shift);
        if (rel === 'coming' && ymdKey(ref) >= ymdKey(addDays(monday, unit === 'weekend' ? 5 : 0))) {
          // "the coming week/weekend" once it has started means the next one
          start = addDays(monday, 7);
        }
        first = unit === 'weekend' ? addDays(start, 5) : start;
        last = addDays(start, 6);
      }
      const index = match.index ?? 0;
      return context
        .createParsingResult(index, match[0], ymdComponents(first), ymdComponents(last))
        .addTag(TAG + 'week');
    },
  };
}

function ymdKey(a: Ymd): number {
  return a.y * 10000 + a.m * 100 + a.d;
}

/** "next February", "last March", "this April", "coming May", "past June". */
function relativeMonthParser(): Parser {
  return {
    pattern: () => new RegExp(`(?<![\\w-])(next|last|this|coming|past)\\s+(${MONTH_ALT})(?![\\w-])(?!\\s+\\d)`),
    extract: (context, match) => {
      const ref = refOf(context);
      const rel = (match[1] ?? '').toLowerCase();
      const month = MONTHS.indexOf((match[2] ?? '') as (typeof MONTHS)[number]) + 1;
      if (month <= 0) return null;
      let year = ref.y;
      if (rel === 'next' || rel === 'coming') year = month > ref.m ? ref.y : ref.y + 1;
      else if (rel === 'last' || rel === 'past') year = month < ref.m ? ref.y : ref.y - 1;
      const index = match.index ?? 0;
      return context.createParsingResult(index, match[0], { year, month }).addTag(TAG + 'month');
    },
  };
}

/** Nouns that make a "preposition + 4-digit number" a quantity, not a year ("for 2000 troops"). */
const COUNT_NOUN = String.raw`(?:troops|soldiers|people|men|women|children|members|tons|tonnes|dollars|euros|pounds|yen|km|miles|kilometres|kilometers|metres|meters|feet|barrels|jobs|workers|refugees|houses|homes|civilians|police|policemen|acres|hectares|votes|seats|units|cars|vehicles|shares|points|cases|deaths|dead|prisoners|militants|rebels|fighters|marines|personnel|staff|employees|residents|families|protesters|demonstrators|supporters|votes|copies|pages|words|hours|minutes|percent|per\s+cent|[a-z]+s\b)`;

/**
 * "in 2009", "since 1999", "by 2010", "mid-2008", "early 2007", "the end of 2008". The preposition is part of
 * the mention (chrono drops results made of digits only); early/mid/late/end of/beginning of set the modifier.
 */
function yearParser(): Parser {
  return {
    pattern: () =>
      new RegExp(
        String.raw`(?<![\w-])([Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Tt]hroughout|[Dd]uring|[Bb]efore|[Aa]fter|[Ff]rom|[Bb]etween|to|[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of|(?:the\s+)?middle\s+of|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+|-)((?:19|20)\d\d)(?![\w%/-]|[,.]\d|\s+${COUNT_NOUN})`,
      ),
    extract: (context, match) => {
      const year = Number(match[2]);
      const word = (match[1] ?? '').toLowerCase();
      const index = match.index ?? 0;
      const result = context.createParsingResult(index, match[0], { year }).addTag(TAG + 'year');
      if (word === 'early' || /beginning|start/.test(word)) result.addTag(TAG + 'early');
      else if (word === 'mid' || /middle/.test(word)) result.addTag(TAG + 'mid');
      else if (word === 'late' || /end/.test(word)) result.addTag(TAG + 'late');
      return result;
    },
  };
}

/** "between 2005 and 2007", "from 2001 to 2003", "2001-2003" after from/between: a year range. */
function yearRangeParser(): Parser {
  return {
    pattern: () =>
      /(?<![\w-])(?:[Bb]etween|[Ff]rom)\s+((?:19|20)\d\d)\s*(?:and|to|-|\u2013)\s*((?:19|20)\d\d)(?![\w%/-]|[,.]\d)/,
    extract: (context, match) => {
      const index = match.index ?? 0;
      return context
        .createParsingResult(index, match[0], { year: Number(match[1]) }, { year: Number(match[2]) })
        .addTag(TAG + 'year');
    },
  };
}

/** "the end of the year" / "end of this month" / "the end of next week". */
function endOfPeriodParser(): Parser {
  return {
    pattern: () => /(?<![\w-])(?:the\s+)?end\s+of\s+(the|this|next|last)\s+(year|month|week)(?![\w-])/i,
    extract: (context, match) => {
      const ref = refOf(context);
      const rel = (match[1] ?? '').toLowerCase();
      const unit = (match[2] ?? '').toLowerCase();
      const shift = rel === 'next' ? 1 : rel === 'last' ? -1 : 0;
      const index = match.index ?? 0;
      let result: ParsingResult;
      if (unit === 'year') {
        result = context.createParsingResult(index, match[0], { year: ref.y + shift, month: 12 });
      } else if (unit === 'month') {
        const t = new Date(Date.UTC(ref.y, ref.m - 1 + shift, 1));
        result = context.createParsingResult(index, match[0], { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1 });
      } else {
        const monday = addDays(mondayOf(ref), 7 * shift);
        result = context.createParsingResult(
          index,
          match[0],
          ymdComponents(addDays(monday, 4)),
          ymdComponents(addDays(monday, 6)),
        );
      }
      return result.addTag(TAG + 'end-of').addTag(TAG + 'late');
    },
  };
}

/** Runs first: results of the custom parsers win over chrono's overlapping ones ("this week"). */
function preferOwnRefiner(): Refiner {
  return {
    refine: (_context, results) => {
      const own = results.filter((r) => [...r.tags()].some((t) => t.startsWith(TAG)));
      if (own.length === 0) return results;
      return results.filter((r) => {
        if (own.includes(r)) return true;
        const s = r.index;
        const e = r.index + r.text.length;
        return !own.some((o) => o.index < e && s < o.index + o.text.length);
      });
    },
  };
}

/* ------------------------------------------------------------------ filters and resolution */

const MODIFIER_BEFORE =
  /\b(early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of|(?:the\s+)?middle\s+of)(?:\s+|-)$/i;
const PREPOSITION_BEFORE =
  /\b(?:in|since|by|until|till|through|throughout|during|before|after|from|to|of|on|between|and|or|early|mid|late|end|beginning|start|middle|last|next|this|that|coming|past|each|every|for|around|about|as|at|late|until)[\s-]+$/i;
const FUTURE_MARKER =
  /\b(?:will|shall|won't|'ll|would|is\s+to|are\s+to|was\s+to|were\s+to|due|plans?|planned|planning|scheduled|expected|expects|intends?|set\s+to|upcoming|next|coming|to\s+be\s+held|to\s+meet|to\s+hold|to\s+visit|to\s+vote|to\s+travel|to\s+start|to\s+begin|going\s+to)\b/i;
const MONTH_WORD = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?/gi;
const FULL_WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b|\bweekends?\b/;
const SUB_DAY_UNITS = /\b(?:hours?|minutes?|seconds?|hrs?|mins?)\b/i;
const DAY_WORD = /\bday\b/i;
const DURATION =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several|couple\s+of)\s+(?:years?|months?|weeks?|days?)\b/i;

/** The clause before `index`: back to the last sentence/clause break, at most 120 characters. */
function clauseBefore(text: string, index: number): string {
  const from = Math.max(0, index - 120);
  const before = text.slice(from, index);
  const cut = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf(', '),
    before.lastIndexOf('; '),
    before.lastIndexOf('"'),
    before.lastIndexOf('\u201d'),
    before.lastIndexOf('\u201c'),
    before.lastIndexOf('\n'),
  );
  return cut >= 0 ? before.slice(cut + 1) : before;
}

function isFutureContext(text: string, index: number): boolean {
  return FUTURE_MARKER.test(clauseBefore(text, index));
}

/** Should this chrono result be dropped as a false positive? (`start`/`end` are offsets in `text`.) */
function isFalsePositive(r: ParsingResult, text: string, start: number, end: number): boolean {
  const t = r.text;
  const tags = r.tags();
  const s = r.start;
  if (tags.has('casualReference/now')) return true;
  if (tags.has('result/relativeDateAndTime') || SUB_DAY_UNITS.test(t)) return true;
  // durations ("a year earlier", "next five years", "in six years"): only "<n> <units> ago" is a date
  if (DURATION.test(t) && !/\bago\b/i.test(t)) return true;
  // "in the week", "the year": not anchored on the story date
  if (/^(?:in\s+)?the\s+(?:week|month|year)$/i.test(t)) return true;
  // bare "morning"/"afternoon" ("in morning trade") is not a date; "this morning" is
  // "last day", "the day", "next day", "the day after": relative to something other than the story date
  if (DAY_WORD.test(t) && !/\d/.test(t) && !/\b(?:to|yester)day\b/i.test(t) && !FULL_WEEKDAY.test(t)) return true;
  // hyphen compounds: "two-day", "year-long", "March-based"
  const prev = text.charAt(start - 1);
  const next = text.charAt(end);
  if (prev === '-' && !/\bmid-$/i.test(text.slice(Math.max(0, start - 4), start))) return true;
  if (next === '-' && /[A-Za-z]/.test(text.charAt(end + 1))) return true;
  if (/[A-Za-z0-9]/.test(prev) || /[A-Za-z]/.test(next)) return true;
  const dateCertain = s.isCertain('day') || s.isCertain('month') || s.isCertain('year') || s.isCertain('weekday');
  const ownTag = [...tags].some((x) => x.startsWith(TAG));
  if (!dateCertain && !ownTag) {
    // time only ("at 3 pm"), or casual times ("this morning", "tonight") that mean the reference day
    if (!/^(?:this|that|last|tomorrow|yesterday)\b/i.test(t)) return true;
    return !(tags.has('casualReference/morning') || tags.has('casualReference/afternoon') ||
      tags.has('casualReference/evening') || tags.has('casualReference/tonight') || tags.has('casualReference/night'));
  }
  if (ownTag) return false;
  // month names must be capitalised ("troops march"), bare months need a preposition/modifier before them
  const monthWords = [...t.matchAll(MONTH_WORD)];
  for (const mw of monthWords) {
    const w = mw[0];
    if (w.charAt(0) !== w.charAt(0).toUpperCase()) return true;
  }
  const isSlash = tags.has('parser/SlashDateFormatParser') || /^\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*$/.test(t);
  if (isSlash && !s.isCertain('year')) return true;
  if (s.isCertain('month') && !s.isCertain('day') && !s.isCertain('year') && monthWords.length > 0) {
    const full = monthWords.every((mw) => MONTHS.some((m) => m === mw[0]));
    if (!full) return true;
    if (!/^(?:the\s+)?end\s+of/i.test(t) && !PREPOSITION_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return true;
  }
  if (s.isCertain('weekday') && !s.isCertain('day') && !FULL_WEEKDAY.test(t)) return true;
  // a lone number that chrono read as a day ("the 9th")
  if (!s.isCertain('month') && !s.isCertain('weekday') && !s.isCertain('year') && s.isCertain('day') &&
      !/[A-Za-z]{3}/.test(t.replace(/\b(?:on|the|st|nd|rd|th)\b/gi, ''))) return true;
  return false;
}

type Precision = DateMention['precision'];

interface Resolved {
  start: number;
  end: number;
  date: string;
  endDate: string | null;
  precision: Precision;
  modifier: DateMention['modifier'];
}

function formatAt(y: number, m: number, d: number, precision: Precision): string {
  if (precision === 'year') return pad4(y);
  if (precision === 'month') return pad4(y) + '-' + pad2(m);
  return pad4(y) + '-' + pad2(m) + '-' + pad2(d);
}

/** Turn one chrono result into a mention (or null when it is dropped). Offsets are in `text`. */
function resolve(r: ParsingResult, text: string, offset: number, ref: Ymd): Resolved | null {
  let start = offset + r.index;
  const end = start + r.text.length;
  // chrono keeps trailing punctuation in some results ("March,"): trim it (not the dot of "Feb.")
  let endTrim = end;
  for (;;) {
    const c = text.charAt(endTrim - 1);
    if (endTrim <= start) break;
    if (/[\s,;:]/.test(c)) endTrim--;
    else if (c === '.' && !/\b(?:Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec)\.$/.test(text.slice(start, endTrim))) endTrim--;
    else break;
  }
  if (isFalsePositive(r, text, start, endTrim)) return null;
  const s = r.start;
  const tags = r.tags();
  let modifier: DateMention['modifier'] = tags.has(TAG + 'late') ? 'late' : tags.has(TAG + 'early') ? 'early' : tags.has(TAG + 'mid') ? 'mid' : null;
  let precision: Precision;
  let y = s.get('year') ?? ref.y;
  let m = s.get('month') ?? 1;
  let d = s.get('day') ?? 1;
  const endOfInText = /^(?:the\s+)?end\s+of\b/i.test(r.text);

  if (s.isCertain('weekday') && !s.isCertain('day')) {
    // weekday without a date: resolve ourselves (past-leaning unless the clause is about the future)
    const target = s.get('weekday') ?? 0;
    const refWd = weekdayOf(ref);
    let delta: number;
    if (/\b(?:last|past|previous)\b/i.test(r.text)) delta = -(((refWd - target + 7) % 7) || 7);
    else if (/\bnext\b/i.test(r.text)) delta = ((target - refWd + 7) % 7) || 7;
    else if (/\bthis\b/i.test(r.text) || isFutureContext(text, start)) delta = (target - refWd + 7) % 7;
    else delta = -((refWd - target + 7) % 7);
    const day = addDays(ref, delta);
    y = day.y;
    m = day.m;
    d = day.d;
    precision = 'day';
  } else if (s.isCertain('day') && !endOfInText) {
    precision = 'day';
  } else if (s.isCertain('month')) {
    precision = 'month';
    if (endOfInText) modifier = 'late';
  } else if (s.isCertain('year')) {
    precision = 'year';
  } else {
    // casual times ("this morning", "tonight"): the reference day
    y = s.get('year') ?? ref.y;
    m = s.get('month') ?? ref.m;
    d = s.get('day') ?? ref.d;
    precision = 'day';
  }
  // month (and day) without a year in a future clause: the next occurrence, not the closest one
  let yearShift = 0;
  if (s.isCertain('month') && !s.isCertain('year') && ![...tags].some((t) => t.startsWith(TAG)) && isFutureContext(text, start)) {
    const key = y * 10000 + m * 100 + (precision === 'day' ? d : 31);
    if (key < ymdKey(ref)) yearShift = 1;
    y += yearShift;
  }
  // modifier words just before the mention widen the span
  const before = text.slice(Math.max(0, start - 24), start);
  const mm = MODIFIER_BEFORE.exec(before);
  if (mm && mm[1] !== undefined) {
    const word = mm[1].toLowerCase();
    modifier = word === 'early' || /beginning|start/.test(word) ? 'early' : word === 'mid' || /middle/.test(word) ? 'mid' : 'late';
    start -= mm[0].length;
  }
  let endDate: string | null = null;
  if (r.end) {
    const e = r.end;
    const ey = (e.get('year') ?? y - yearShift) + (e.isCertain('year') ? 0 : yearShift);
    endDate = formatAt(ey, e.get('month') ?? m, e.get('day') ?? d, precision);
    if (endDate === formatAt(y, m, d, precision)) endDate = null;
  }
  return { start, end: endTrim, date: formatAt(y, m, d, precision), endDate, precision, modifier };
}

/* ------------------------------------------------------------------ the finder */

const DROPPED_PARSERS: ReadonlySet<string> = new Set([
  'ENTimeExpressionParser',
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENSlashMonthFormatParser',
]);

const NULL_REF_A: Ymd = { y: 2001, m: 6, d: 13 };
const NULL_REF_B: Ymd = { y: 2013, m: 11, d: 23 };
const WINDOW = 40;

/** Windows of text around prefilter hits, merged, snapped to whitespace. */
function windows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(DATE_PREFILTER_G)) { // matchAll copies the expression: no shared lastIndex
    const hitStart = m.index ?? 0;
    let a = Math.max(0, hitStart - WINDOW);
    let b = Math.min(text.length, hitStart + m[0].length + WINDOW);
    while (a > 0 && !/\s/.test(text.charAt(a - 1))) a--;
    while (b < text.length && !/\s/.test(text.charAt(b))) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function createDateFinder(): DateFinder {
  const parser = chrono.casual.clone();
  // durations and clock times are not event dates ("for the first time in six years", "at 3 pm") and cost
  // a third of chrono's time: drop those parsers
  parser.parsers = parser.parsers.filter((p) => !DROPPED_PARSERS.has(p.constructor.name));
  parser.parsers.push(weekParser(), relativeMonthParser(), yearRangeParser(), yearParser(), endOfPeriodParser());
  parser.refiners.unshift(preferOwnRefiner());

  function run(text: string, ref: Ymd): Resolved[] {
    const instant = new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12));
    const out: Resolved[] = [];
    for (const [a, b] of windows(text)) {
      const results = parser.parse(text.slice(a, b), { instant, timezone: 0 }) as ParsingResult[];
      for (const r of results) {
        const res = resolve(r, text, a, ref);
        if (res) out.push(res);
      }
    }
    return out;
  }

  return {
    find(text: string, reference: string | null): DateMention[] {
      if (!DATE_PREFILTER.test(text)) return [];
      const ref = reference === null ? null : parseIsoDate(reference);
      const toMention = (r: Resolved, date: string | null, end: string | null): DateMention => ({
        text: text.slice(r.start, r.end),
        span: { start: r.start, end: r.end },
        date,
        end,
        precision: r.precision,
        modifier: r.modifier,
      });
      if (ref) return run(text, ref).map((r) => toMention(r, r.date, r.endDate));
      // no (valid) reference: relative mentions are those whose value depends on the reference
      const a = run(text, NULL_REF_A);
      const b = run(text, NULL_REF_B);
      return a.map((ra) => {
        const rb = b.find((x) => x.start === ra.start && x.end === ra.end);
        const fixed = rb !== undefined && rb.date === ra.date && rb.endDate === ra.endDate;
        return toMention(ra, fixed ? ra.date : null, fixed ? ra.endDate : null);
      });
    },
  };
}

/** Weekday names, Sunday first (exported for callers that print dates). */
