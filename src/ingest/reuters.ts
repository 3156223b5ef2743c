/**
 * The Reuters dump format (one story per file):
 *
 *   -- Headline
 *   -- By  Reporter Name        (may be just "-- ")
 *   -- Mon Feb 11, 2008 2:54pm EST
 *   -- http://www.reuters.com/article/...
 *   (blank line, a line of one space, blank line)
 *   body ...
 *
 * Detected by content: the first line starts with "-- ".
 */
import type { StoryInput } from '../types.js';

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

export interface ReutersStory {
  headline: string | null;
  byline: string | null;
  date: string | null;
  url: string | null;
  body: string;
}

/** True when the text (BOM already removed) starts like a Reuters dump file. */
export function isReutersFormat(text: string): boolean {
  return text.startsWith('-- ');
}

/** "Mon Feb 11, 2008 2:54pm EST" → "2008-02-11"; null when it does not read like that. */
export function parseReutersDate(line: string): string | null {
  const m = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(line);
  if (!m) return null;
  const month = MONTHS[(m[1] ?? '').toLowerCase()];
  const day = Number(m[2]);
  if (month === undefined || day < 1 || day > 31) return null;
  return `${m[3]}-${month}-${String(day).padStart(2, '0')}`;
}

/**
 * Splits a Reuters file into header fields and body. Header lines are the leading lines starting with
 * "--" (at most four); a header line that is not a date or URL by content is tolerated. The body is the
 * rest, leading blank/space-only lines and surrounding whitespace removed, line breaks kept.
 * Expects "\n" line ends.
 */
export function parseReuters(text: string): ReutersStory {
  const lines = text.split('\n');
  const header: string[] = [];
  let i = 0;
  while (i < lines.length && header.length < 4 && (lines[i] ?? '').startsWith('--')) {
    header.push((lines[i] ?? '').replace(/^--\s?/, '').trim());
    i += 1;
  }
  let date: string | null = null;
  let url: string | null = null;
  for (const h of header.slice(1)) {
    if (url === null && /^https?:\/\//i.test(h)) url = h;
    else if (date === null) date = parseReutersDate(h);
  }
  const headline = header[0] ? header[0] : null;
  const byline = header[1] && !/^https?:/i.test(header[1]) && parseReutersDate(header[1]) === null ? header[1] : null;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
  const body = lines.slice(i).join('\n').trim();
  return { headline, byline, date, url, body };
}

/** Builds the StoryInput of a Reuters file; the header date wins over the fallback (--date). */
export function reutersStory(text: string, id: string, file: string, fallbackDate: string | null): StoryInput {
  const r = parseReuters(text);
  return {
    id,
    text: r.body,
    date: r.date ?? fallbackDate,
    headline: r.headline,
    url: r.url,
    origin: { file },
  };
}
