/**
 * Output formats. A formatter turns StoryResults into text, story by story, so the CLI can stream:
 *   jsonl   one event per line, exactly the EventRecord fields in declared order
 *   json    one StoryResult per line (without `explain` unless asked)
 *   tsv     PETRARCH-style event rows with a header line
 *   table   a fixed-width table for reading in a terminal
 *   explain the per-sentence explanation text only
 * A formatter may keep counts for its footer; each instance is independent.
 */
import type { EventRecord, StoryResult } from '../types.js';
import { formatExplain } from './explain.js';
import { eventRecord, storyRecord } from './records.js';
import { cell, oneLine, truncate } from './text.js';

export type FormatName = 'jsonl' | 'json' | 'tsv' | 'table' | 'explain';
export const FORMAT_NAMES: readonly FormatName[] = ['jsonl', 'json', 'tsv', 'table', 'explain'];

export interface FormatOptions {
  /** json: keep StoryResult.explain; table: print the explanation under each story. */
  explain?: boolean;
  /** table: total line width (default 120, at least 80). */
  width?: number;
  /** table: short CAMEO name for a code, when a code table is at hand. */
  cameoName?: (code: string) => string | null | undefined;
}

export interface Formatter {
  /** Text before the first story (e.g. a header line); may be empty. */
  begin(): string;
  /** Text for one story; may be empty. */
  story(result: StoryResult): string;
  /** Text after the last story (e.g. totals); may be empty. */
  end(): string;
}

// ---------------------------------------------------------------- jsonl / json

export function jsonlFormatter(): Formatter {
  return {
    begin: () => '',
    story: (r) => r.events.map((e) => JSON.stringify(eventRecord(e)) + '\n').join(''),
    end: () => '',
  };
}

export function jsonFormatter(options: FormatOptions = {}): Formatter {
  const explain = options.explain ?? false;
  return {
    begin: () => '',
    story: (r) => JSON.stringify(storyRecord(r, explain)) + '\n',
    end: () => '',
  };
}

// ---------------------------------------------------------------- tsv

export const TSV_COLUMNS = ['date', 'source', 'target', 'cameo', 'doc', 'sentence', 'goldstein', 'quad', 'plover', 'rule'] as const;

/** Tabs and line breaks would break the row: they become spaces. */
function tsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** "2008-02-11" → "20080211"; other shapes lose their separators. */
export function compactDate(date: string | null): string {
  return date === null ? '' : date.replace(/[^0-9]/g, '');
}

export function tsvRow(e: EventRecord, storyDate: string | null): string {
  return [
    compactDate(e.date ?? storyDate),
    e.source.code,
    e.target?.code ?? '',
    e.cameo.code,
    e.doc,
    e.sentence,
    e.cameo.goldstein,
    e.cameo.quad,
    e.plover.type,
    e.rule.id,
  ].map(tsvCell).join('\t');
}

export function tsvFormatter(): Formatter {
  return {
    begin: () => TSV_COLUMNS.join('\t') + '\n',
    story: (r) => r.events.map((e) => tsvRow(e, r.date) + '\n').join(''),
    end: () => '',
  };
}

// ---------------------------------------------------------------- table

interface Column {
  title: string;
  /** Narrowest and preferred widths; free space goes to columns in declaration order up to `max`. */
  min: number;
  max: number;
  size: number;
  value: (e: EventRecord, r: StoryResult) => string;
}

/** Fits the columns into `total` characters (two leading spaces, one between columns). */
function layout(columns: Column[], total: number): void {
  let free = total - 2 - (columns.length - 1) - columns.reduce((n, c) => n + c.min, 0);
  for (const c of columns) {
    c.size = c.min;
    const more = Math.max(0, Math.min(free, c.max - c.min));
    c.size += more;
    free -= more;
  }
}

function modalityMark(e: EventRecord): string {
  const parts: string[] = [];
  if (e.negated) parts.push('not');
  if (e.modality !== 'asserted') parts.push(e.modality.slice(0, 4));
  return parts.join(' ');
}

function quantityText(e: EventRecord): string {
  const first = e.quantities[0];
  if (first === undefined) return '';
  const text = first.text || `${first.value} ${first.unit}`;
  return e.quantities.length > 1 ? `${text} +${e.quantities.length - 1}` : text;
}

export function tableFormatter(options: FormatOptions = {}): Formatter {
  const total = Math.max(80, options.width ?? 120);
  const cameoName = options.cameoName;
  const col = (title: string, min: number, max: number, value: Column['value']): Column => ({ title, min, max, size: min, value });
  const columns: Column[] = [
    col('date', 10, 10, (e, r) => e.date ?? r.date ?? ''),
    col('source → target', 14, 22, (e) => `${e.source.code} → ${e.target?.code ?? '-'}`),
    col('cameo', 5, cameoName ? 24 : 5, (e) => {
      const name = cameoName?.(e.cameo.code);
      return name ? `${e.cameo.code} ${name}` : e.cameo.code;
    }),
    col('plover', 8, 12, (e) => e.plover.type ?? ''),
    col('mod', 4, 8, modalityMark),
    col('place', 8, 16, (e) => (e.place ? (e.place.country ? `${e.place.name} ${e.place.country}` : e.place.name) : '')),
    col('quantity', 8, 14, quantityText),
    col('condition', 10, Number.MAX_SAFE_INTEGER, (e) => e.condition ?? ''),
  ];
  layout(columns, total);
  const row = (cells: string[]): string => ('  ' + cells.map((c, i) => cell(c, columns[i]?.size ?? 8)).join(' ')).trimEnd() + '\n';

  let stories = 0;
  let sentences = 0;
  let events = 0;
  let warnings = 0;
  return {
    begin: () => row(columns.map((c) => c.title)) + '  ' + '─'.repeat(total - 2) + '\n',
    story: (r) => {
      stories += 1;
      sentences += r.sentences.length;
      events += r.events.length;
      warnings += r.warnings.length;
      const head = [r.doc, r.date ?? 'no date', r.headline ? oneLine(r.headline) : ''].filter((s) => s !== '').join(' · ');
      let out = truncate(`▸ ${head}`, total) + '\n';
      if (r.events.length === 0) out += `  (no events in ${r.sentences.length} sentence${r.sentences.length === 1 ? '' : 's'})\n`;
      for (const e of r.events) out += row(columns.map((c) => c.value(e, r)));
      if (options.explain) out += formatExplain(r);
      return out;
    },
    end: () =>
      `\n${stories} stor${stories === 1 ? 'y' : 'ies'}, ${sentences} sentence${sentences === 1 ? '' : 's'}, ` +
      `${events} event${events === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`,
  };
}

// ---------------------------------------------------------------- explain

export function explainFormatter(): Formatter {
  return { begin: () => '', story: formatExplain, end: () => '' };
}

export function createFormatter(name: FormatName, options: FormatOptions = {}): Formatter {
  switch (name) {
    case 'jsonl':
      return jsonlFormatter();
    case 'json':
      return jsonFormatter(options);
    case 'tsv':
      return tsvFormatter();
    case 'table':
      return tableFormatter(options);
    case 'explain':
      return explainFormatter();
  }
}
