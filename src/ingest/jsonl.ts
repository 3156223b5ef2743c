/**
 * JSON Lines input: one record per line, {"id", "text", "date"?, "headline"?, "url"?}; other fields are
 * ignored. Each line is decoded and parsed on its own, so one broken line is one problem and the others
 * are still read. Blank lines are skipped.
 */
import type { InputProblem, StoryInput } from '../types.js';
import { decodeLine, normaliseDate, normaliseNewlines, strictDecoder } from './decode.js';
import type { IngestItem } from './item.js';
import { storyText, type TextKind } from './html.js';
import { splitLineBatches } from './lines.js';
import type { RawLine } from './lines.js';

export interface JsonlOptions {
  /** Date for records without a (valid) date of their own. */
  fallbackDate: string | null;
  /** Longer lines are reported and skipped without being held in memory. */
  maxLineBytes: number;
}

function problem(file: string, line: number, message: string): InputProblem {
  return { file, line, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns one parsed JSON value into a story, or problems. An invalid date is not fatal: the record is kept
 * with the fallback date (--date, else null) and a problem with `warning: true` is returned beside it.
 */
export function recordToStory(
  value: unknown,
  file: string,
  line: number,
  fallbackDate: string | null,
): IngestItem[] {
  if (!isRecord(value)) return [problem(file, line, 'record is not a JSON object')];
  const rawId = value['id'];
  const id = typeof rawId === 'string' ? rawId.trim() : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : '';
  if (id === '') return [problem(file, line, 'record has no "id" (string or number)')];
  const text = value['text'];
  if (typeof text !== 'string') return [problem(file, line, `record "${id}" has no "text" string`)];
  const out: IngestItem[] = [];
  let recordDate: string | null = null;
  const rawDate = value['date'];
  if (typeof rawDate === 'string' && rawDate.trim() !== '') {
    const d = normaliseDate(rawDate);
    if (d !== null) recordDate = d;
    else out.push({ file, line, message: `record "${id}": invalid date ${JSON.stringify(rawDate)}, using ${fallbackDate ?? 'none'}`, warning: true });
  } else if (rawDate !== undefined && rawDate !== null && rawDate !== '') {
    out.push({ file, line, message: `record "${id}": "date" is not a string, using ${fallbackDate ?? 'none'}`, warning: true });
  }
  const headline = value['headline'];
  const url = value['url'];
  // "format": "html" or "text" says what "text" is written in; without it, a text that begins as an
  // HTML document is read as one
  const rawFormat = value['format'];
  let kind: TextKind = 'auto';
  if (rawFormat === 'html' || rawFormat === 'text') kind = rawFormat;
  else if (rawFormat !== undefined && rawFormat !== null) out.push({ file, line, message: `record "${id}": "format" must be "html" or "text", read by its content`, warning: true });
  const read = storyText(normaliseNewlines(text), kind);
  const story: StoryInput = {
    id,
    text: read.text,
    // the record's own date, else the page's, else the reader's fallback
    date: recordDate ?? read.date ?? fallbackDate,
    headline: typeof headline === 'string' ? headline : read.headline,
    url: typeof url === 'string' ? url : null,
    origin: { file, line },
  };
  out.push(story);
  return out;
}

/** Parses one raw line into zero (blank line) or more items. */
export function parseJsonlLine(
  raw: RawLine,
  file: string,
  options: JsonlOptions,
  decoder: TextDecoder = strictDecoder(),
): IngestItem[] {
  if (raw.tooLong) return [problem(file, raw.line, `line longer than ${options.maxLineBytes} bytes, skipped`)];
  if (raw.bytes.indexOf(0) !== -1) return [problem(file, raw.line, 'binary data (NUL bytes), line skipped')];
  let text = decodeLine(raw.bytes, decoder);
  if (text === null) return [problem(file, raw.line, 'invalid UTF-8, line skipped')];
  if (raw.line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [problem(file, raw.line, `invalid JSON: ${why}`)];
  }
  return recordToStory(value, file, raw.line, options.fallbackDate);
}

/** Reads JSON Lines from a byte stream, one batch of items per chunk. `file` names it in problems. */
export async function* readJsonlBatches(
  source: AsyncIterable<Uint8Array | string>,
  file: string,
  options: JsonlOptions,
): AsyncGenerator<IngestItem[]> {
  const decoder = strictDecoder();
  for await (const lines of splitLineBatches(source, options.maxLineBytes)) {
    const items: IngestItem[] = [];
    for (const raw of lines) items.push(...parseJsonlLine(raw, file, options, decoder));
    if (items.length > 0) yield items;
  }
}

/** Reads JSON Lines from a byte stream, line by line. `file` names it in problems ("-" for stdin). */
export async function* readJsonl(
  source: AsyncIterable<Uint8Array | string>,
  file: string,
  options: JsonlOptions,
): AsyncGenerator<IngestItem> {
  for await (const batch of readJsonlBatches(source, file, options)) yield* batch;
}
