/**
 * Shared pieces of the TABARI / PETRARCH dictionary readers: problems, comment stripping, file
 * reading and the dictionaries' date stamps.
 *
 * The readers never throw on a bad line: they collect a `PetrProblem` naming file and 1-based line
 * and go on. `severity: 'error'` means the line (or the construct) was skipped; `'warning'` means it
 * was kept, read the way PETRARCH/TABARI would have read it.
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8 } from '../ingest/decode.js';

export interface PetrProblem {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** `file:line: severity: message`, the form every problem is printed in. */
export function formatProblem(p: PetrProblem): string {
  return `${p.file}:${p.line}: ${p.severity}: ${p.message}`;
}

export class ProblemSink {
  readonly problems: PetrProblem[] = [];
  constructor(readonly file: string) {}
  error(line: number, message: string): void {
    this.problems.push({ file: this.file, line, severity: 'error', message });
  }
  warn(line: number, message: string): void {
    this.problems.push({ file: this.file, line, severity: 'warning', message });
  }
}

/** One meaningful line of a dictionary file, comments removed. */
export interface DictLine {
  /** 1-based line number in the file. */
  line: number;
  /** The text with comments removed and surrounding white space trimmed (never empty). */
  text: string;
  /** The comment that followed the text, if any (without its marker), trimmed. */
  comment: string;
  /** True when the raw line began with white space (TABARI code lines are often indented). */
  indented: boolean;
}

export interface CommentStyle {
  /** `#` starts a comment anywhere on a line (PETRARCH files). TABARI verb files use `[###]` codes, so not there. */
  hash: boolean;
  /** `;` starts a comment anywhere on a line (TABARI files). */
  semicolon: boolean;
}

/**
 * Splits a file into its meaningful lines. Removes, as PETRARCH's `read_FIN_line` does: XML comments
 * `<!-- ... -->` (also spanning lines, and the legacy `<! -- ... -->`), any line beginning `<!`,
 * `#` (outside `[...]`) and `;` comments per `style`, `\r`, and blank lines.
 */
export function dictLines(text: string, style: CommentStyle): DictLine[] {
  const out: DictLine[] = [];
  const lines = text.split('\n');
  let inXml = false;
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i] ?? '';
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    let s = raw;
    if (inXml) {
      const end = s.indexOf('-->');
      if (end < 0) continue;
      inXml = false;
      s = s.slice(end + 3);
    }
    if (s.startsWith('<!')) {
      const end = s.indexOf('-->');
      if (end < 0) inXml = true;
      continue;
    }
    // inline XML comments (one line)
    for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--')) {
      const end = s.indexOf('-->', open + 4);
      if (end < 0) {
        inXml = true;
        s = s.slice(0, open);
        break;
      }
      s = s.slice(0, open) + ' ' + s.slice(end + 3);
    }
    let cut = -1;
    if (style.hash) cut = hashCommentAt(s);
    if (style.semicolon) {
      const sc = s.indexOf(';');
      if (sc >= 0 && (cut < 0 || sc < cut)) cut = sc;
    }
    let comment = '';
    if (cut >= 0) {
      comment = s.slice(cut + 1).trim();
      s = s.slice(0, cut);
    }
    const body = s.trim();
    if (body === '') continue;
    out.push({ line: i + 1, text: body, comment, indented: /^\s/.test(s) });
  }
  return out;
}

/**
 * Where a `#` comment starts: the first `#` outside `[...]`, so that a TABARI code `[###]` survives
 * (PETRARCH itself cut there and read the code as `[`). -1 when none.
 */
function hashCommentAt(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '#' && depth === 0) return i;
  }
  return -1;
}

/**
 * Reads a dictionary file as UTF-8. Invalid UTF-8 is tolerated (decoded with replacement characters)
 * and reported as a warning at the first bad line: the production Phoenix country file has a few
 * such bytes, and PETRARCH read it.
 */
export function readDictionaryText(path: string, file: string): { text: string; problems: PetrProblem[] } {
  const bytes = readFileSync(path);
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { text: decoded.text, problems: [] };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  return {
    text,
    problems: [{ file, line: decoded.line ?? 1, severity: 'warning', message: `${decoded.message.replace(/, skipped$/, '')}: bad bytes read as U+FFFD` }],
  };
}

/** Words of a TABARI phrase: separated by blanks or underscores, empty pieces dropped. */
export function phraseWords(text: string): string[] {
  return text.split(/[\s_]+/).filter((w) => w !== '');
}

/**
 * A TABARI/PETRARCH date stamp: `YYMMDD` (years 00–30 are 20xx, later ones 19xx, as in PETRARCH's
 * `dstr_to_ordate`) or `YYYYMMDD`. Returns the ISO date, or null when it is not a valid calendar date.
 */
export function parseDictDate(s: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    rest = s.slice(4);
  } else if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = s.slice(2);
  } else {
    return null;
  }
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  if (m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/** Normalises a date argument (`YYYY-MM-DD`, `YYYYMMDD`, `YYMMDD` or a Date) to ISO `YYYY-MM-DD`. */
export function normalizeDate(date: string | Date): string | null {
  if (date instanceof Date) return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return parseDictDate(date.replace(/-/g, ''));
  return parseDictDate(date);
}
