/**
 * Reader for TABARI / PETRARCH actor dictionaries (Phoenix.Countries.actors.txt,
 * the validation suite's actor file, ...). Format, as the files use it:
 *
 *   AFGHANISTAN_  [AFG]                 an entry: a name, then zero or more codes in [...]
 *   +AFGHAN_                            a synonym of the entry above
 *   MOHAMMAD_ZAHIR_SHAH_  # comment     an entry whose codes follow on their own lines
 *   	[AFGELI 320101-331108]           a code valid between two dates (inclusive)
 *   	[HOB < 950601]                   valid before a date
 *   	[HOBREB > 990816]                valid from a date on
 *   	[AFGELI]                         the default code (used when no dated code applies)
 *   JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI]     several codes on one line
 *
 * Names: words joined by `_` must be consecutive, words separated by a blank need not be; a trailing
 * `_` means the last word is matched exactly (not as a stem). Codes `[---]` mean "known, not coded".
 * Dates are `YYMMDD` (00–30 → 20xx) or `YYYYMMDD`. Comments: `#` to end of line, `<!-- ... -->`.
 */
import { basename } from 'node:path';
import type { Provenance } from '../types.js';
import { dictLines, normalizeDate, parseDictDate, phraseWords, ProblemSink, readDictionaryText, type PetrProblem } from './common.js';

export interface PetrName {
  /** The name as written (without a leading `+`), e.g. `MAZAR-I-SHARIF_`. */
  text: string;
  /** Upper-case words, `_` and blanks both separating. */
  words: string[];
  /** Words joined by `_` must be adjacent: `joined[i]` is true when words[i] is glued to words[i-1]. */
  joined: boolean[];
  /** A trailing `_`: the last word must match exactly (TABARI), not as a stem. */
  exact: boolean;
  line: number;
}

export type CodeValidity =
  | { kind: 'default' }
  | { kind: 'before'; date: string }
  | { kind: 'from'; date: string }
  | { kind: 'range'; from: string; to: string };

export interface DatedCode {
  /** The actor code as written, e.g. `AFGGOV`; `---` is the null code. */
  code: string;
  validity: CodeValidity;
  /** The bracket as written, e.g. `[AFGGOV 331108-730717]`. */
  raw: string;
  line: number;
}

export interface PetrActorEntry {
  /** First name is the entry's own line; the rest are its `+` synonyms, in file order. */
  names: PetrName[];
  codes: DatedCode[];
  prov: Provenance;
}

export interface PetrActorDictionary {
  file: string;
  entries: PetrActorEntry[];
  problems: PetrProblem[];
}

const CODE_RE = /^[A-Za-z0-9/+#-]+$/;
const DATE_RE = /^\d{6}(?:\d{2})?$/;

/** Parses the inside of one `[...]` bracket. Returns null (and reports) when unusable. */
function parseCodeBracket(inner: string, raw: string, line: number, sink: ProblemSink): DatedCode | null {
  const s = inner.trim();
  if (s === '') {
    sink.error(line, `empty code ${raw}`);
    return null;
  }
  const m = /^(\S+)(?:\s+(.*))?$/.exec(s);
  const code = m?.[1] ?? '';
  const rest = (m?.[2] ?? '').trim();
  if (/^[<>]?\d/.test(code)) {
    sink.error(line, `code block ${raw} has a date but no actor code`);
    return null;
  }
  if (/[A-Za-z]\d{6}/.test(code)) {
    sink.error(line, `code block ${raw}: code and date run together`);
    return null;
  }
  if (!CODE_RE.test(code)) {
    sink.error(line, `bad actor code "${code}" in ${raw}`);
    return null;
  }
  if (code !== code.toUpperCase()) sink.warn(line, `lower-case actor code "${code}" in ${raw}`);
  if (rest === '') return { code, validity: { kind: 'default' }, raw, line };
  const bad = (why: string): null => {
    sink.error(line, `bad date restriction in ${raw}: ${why} (expected "<DATE", ">DATE" or "DATE-DATE", dates YYMMDD or YYYYMMDD)`);
    return null;
  };
  const cmp = /^([<>])\s*(\S+)$/.exec(rest);
  if (cmp) {
    const d = DATE_RE.test(cmp[2] ?? '') ? parseDictDate(cmp[2] ?? '') : null;
    if (!d) return bad(`"${cmp[2] ?? ''}" is not a date`);
    return { code, validity: cmp[1] === '<' ? { kind: 'before', date: d } : { kind: 'from', date: d }, raw, line };
  }
  const range = /^(\S+)\s*-\s*(\S+)$/.exec(rest);
  if (range) {
    const a = DATE_RE.test(range[1] ?? '') ? parseDictDate(range[1] ?? '') : null;
    const b = DATE_RE.test(range[2] ?? '') ? parseDictDate(range[2] ?? '') : null;
    if (!a) return bad(`"${range[1] ?? ''}" is not a date`);
    if (!b) return bad(`"${range[2] ?? ''}" is not a date`);
    if (b < a) sink.warn(line, `date range in ${raw} ends before it starts`);
    return { code, validity: { kind: 'range', from: a, to: b }, raw, line };
  }
  return bad(`"${rest}"`);
}

/** Splits `text` into the name part and its `[...]` code brackets. */
function splitCodes(text: string, line: number, sink: ProblemSink): { name: string; codes: DatedCode[] } {
  const codes: DatedCode[] = [];
  const open = text.indexOf('[');
  const name = (open < 0 ? text : text.slice(0, open)).trim();
  if (open < 0) return { name, codes };
  let rest = text.slice(open);
  while (rest !== '') {
    if (!rest.startsWith('[')) {
      sink.warn(line, `text "${rest}" after the codes ignored`);
      break;
    }
    const close = rest.indexOf(']');
    if (close < 0) {
      sink.error(line, `unterminated code bracket "${rest}"`);
      break;
    }
    const raw = rest.slice(0, close + 1);
    const c = parseCodeBracket(raw.slice(1, -1), raw, line, sink);
    if (c) codes.push(c);
    rest = rest.slice(close + 1).trim();
  }
  return { name, codes };
}

export function parseName(text: string, line: number): PetrName {
  const exact = text.endsWith('_');
  const words: string[] = [];
  const joined: boolean[] = [];
  for (const chunk of text.split(/\s+/).filter((c) => c !== '')) {
    const parts = chunk.split('_').filter((p) => p !== '');
    parts.forEach((p, k) => {
      words.push(p.toUpperCase());
      joined.push(k > 0);
    });
  }
  return { text, words, joined, exact, line };
}

/** Parses the text of an actor dictionary. Pure; `file` names it in provenance and problems. */
export function parseActors(text: string, file: string): PetrActorDictionary {
  const sink = new ProblemSink(file);
  const entries: PetrActorEntry[] = [];
  let current: PetrActorEntry | null = null;
  const finish = (): void => {
    if (current && current.codes.length === 0) sink.warn(current.prov.line, `actor "${current.names[0]?.text ?? ''}" has no code`);
  };
  for (const l of dictLines(text, { hash: true, semicolon: false })) {
    if (l.text.startsWith('[')) {
      const { codes } = splitCodes(l.text, l.line, sink);
      if (!current) {
        sink.error(l.line, `code ${l.text} before any actor name`);
        continue;
      }
      current.codes.push(...codes);
      continue;
    }
    if (l.text.startsWith('+')) {
      const { name, codes } = splitCodes(l.text.slice(1), l.line, sink);
      if (!current) {
        sink.error(l.line, `synonym "+${name}" before any actor name`);
        continue;
      }
      if (phraseWords(name).length === 0) {
        sink.error(l.line, 'empty synonym "+"');
        continue;
      }
      if (codes.length) sink.warn(l.line, `codes on a synonym line are added to the entry "${current.names[0]?.text ?? ''}"`);
      current.names.push(parseName(name, l.line));
      current.codes.push(...codes);
      continue;
    }
    finish();
    const { name, codes } = splitCodes(l.text, l.line, sink);
    if (phraseWords(name).length === 0) {
      sink.error(l.line, `no actor name before the code "${l.text}"`);
      current = null;
      continue;
    }
    const first = parseName(name, l.line);
    current = { names: [first], codes, prov: { id: `actor:${first.words.join('_')}`, file, line: l.line } };
    entries.push(current);
  }
  finish();
  return { file, entries, problems: sink.problems };
}

export function loadActors(path: string, file: string = basename(path)): PetrActorDictionary {
  const { text, problems } = readDictionaryText(path, file);
  const d = parseActors(text, file);
  return { ...d, problems: [...problems, ...d.problems] };
}

function applies(v: CodeValidity, iso: string): boolean {
  switch (v.kind) {
    case 'default':
      return false;
    case 'before':
      return iso < v.date;
    case 'from':
      return iso >= v.date;
    case 'range':
      return iso >= v.from && iso <= v.to;
  }
}

/**
 * The code of an entry on a date: the first dated code (in file order) whose period holds the date,
 * else the first undated (default) code, else null (the actor has no code then: e.g. a code valid only
 * before a date, asked after it). Periods: `DATE-DATE` includes both ends, `<DATE` is strictly before,
 * `>DATE` is from that day on, so `[X <d]` and `[Y >d]` share no day and leave none out.
 * With no date (null), the default code, else the first code.
 */
export function codeAt(entry: Pick<PetrActorEntry, 'codes'>, date: string | Date | null): string | null {
  const def = entry.codes.find((c) => c.validity.kind === 'default');
  if (date === null) return (def ?? entry.codes[0])?.code ?? null;
  const iso = normalizeDate(date);
  if (iso === null) throw new RangeError(`codeAt: not a date: ${String(date)}`);
  for (const c of entry.codes) if (applies(c.validity, iso)) return c.code;
  return def?.code ?? null;
}
