/**
 * Events per month as stacked bars by QuadClass (SVG). Months without events are kept as gaps so the
 * time axis is even; a span of more than 20 years is drawn per year instead.
 */
import type { MonthlyRow } from '../api.js';
import { h, s, uid } from '../dom.js';
import { fmtGoldstein, fmtInt, QUADS, quadName } from '../format.js';

const W = 640;
const H = 230;
const M = { left: 44, right: 10, top: 12, bottom: 30 };
const STACK: readonly (number | null)[] = [1, 2, 3, 4, null];

interface Bucket {
  key: string;
  counts: Map<number | null, number>;
  total: number;
  gSum: number;
  gN: number;
}

function monthIndex(m: string): number | null {
  const x = /^(\d{4})-(\d{2})/.exec(m);
  if (x === null) return null;
  return Number(x[1]) * 12 + Number(x[2]) - 1;
}

const monthKey = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** An even time axis over "YYYY-MM" months: one bucket per month from the first to the last, gaps kept. */
export interface TimeAxis {
  /** Bucket keys in order: "YYYY-MM", or "YYYY" when yearly. */
  keys: string[];
  /** A span of more than 20 years goes per year. */
  yearly: boolean;
  /** The bucket a "YYYY-MM" month falls in; null when it is not a month. */
  keyOf(month: string): string | null;
}

export function timeAxis(months: readonly string[]): TimeAxis {
  const idx = months.map(monthIndex).filter((x): x is number => x !== null);
  if (idx.length === 0) return { keys: [], yearly: false, keyOf: () => null };
  const lo = Math.min(...idx);
  const hi = Math.max(...idx);
  const yearly = hi - lo + 1 > 240;
  const keyOfIndex = (i: number): string => (yearly ? String(Math.floor(i / 12)) : monthKey(i));
  const keys: string[] = [];
  for (let i = yearly ? Math.floor(lo / 12) * 12 : lo; i <= hi; i += yearly ? 12 : 1) keys.push(keyOfIndex(i));
  return {
    keys,
    yearly,
    keyOf: (month) => {
      const i = monthIndex(month);
      return i === null ? null : keyOfIndex(i);
    },
  };
}

function buckets(rows: readonly MonthlyRow[]): { list: Bucket[]; yearly: boolean } {
  const axis = timeAxis(rows.map((r) => r.month));
  const list: Bucket[] = axis.keys.map((key) => ({ key, counts: new Map(), total: 0, gSum: 0, gN: 0 }));
  const byKey = new Map(list.map((b) => [b.key, b]));
  for (const r of rows) {
    const k = axis.keyOf(r.month);
    const b = k === null ? undefined : byKey.get(k);
    if (b === undefined) continue;
    b.counts.set(r.quad, (b.counts.get(r.quad) ?? 0) + r.events);
    b.total += r.events;
    if (r.goldstein !== null) {
      b.gSum += r.goldstein * r.events;
      b.gN += r.events;
    }
  }
  return { list, yearly: axis.yearly };
}

/** A tick step of 1, 2 or 5 × 10^n giving about `count` ticks up to max. */
function niceStep(max: number, count: number): number {
  const raw = Math.max(1, max / count);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** At most about a dozen axis labels: every month, quarter, or year (January) as the span grows. */
export function axisLabels(list: readonly { key: string }[], yearly: boolean): { i: number; text: string }[] {
  const n = list.length;
  const out: { i: number; text: string }[] = [];
  list.forEach((b, i) => {
    if (yearly) {
      if (i % Math.ceil(n / 10) === 0) out.push({ i, text: b.key });
    } else if (n <= 12) {
      out.push({ i, text: b.key });
    } else if (n <= 36) {
      if (/-(01|04|07|10)$/.test(b.key)) out.push({ i, text: b.key });
    } else {
      const years = Math.ceil(n / 12);
      const step = Math.max(1, Math.ceil(years / 10));
      if (b.key.endsWith('-01') && Number(b.key.slice(0, 4)) % step === 0) out.push({ i, text: b.key.slice(0, 4) });
    }
  });
  return out;
}

/** A chart's numbers as a table in a closed <details>: column heads, then rows of a heading cell and values. */
export function dataTable(head: readonly string[], rows: readonly (readonly [string, readonly string[]])[]): HTMLElement {
  return h(
    'details',
    { class: 'data-table' },
    h('summary', {}, 'Data table'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map(([key, cells]) => h('tr', {}, h('th', { scope: 'row' }, key), cells.map((c) => h('td', {}, c))))),
    ),
  );
}

export function quadLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    QUADS.map((q) => h('li', {}, h('span', { class: `swatch q${q.quad}`, 'aria-hidden': 'true' }), `${q.quad} ${q.name}`)),
  );
}

export function timelineChart(rows: readonly MonthlyRow[]): HTMLElement {
  const { list, yearly } = buckets(rows);
  if (list.length === 0) return h('p', { class: 'empty' }, 'No dated events match the filters.');
  const unit = yearly ? 'year' : 'month';
  const max = Math.max(1, ...list.map((b) => b.total));
  const step = niceStep(max, 4);
  const top = Math.ceil(max / step) * step;
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const band = iw / list.length;
  const gap = band > 6 ? Math.min(band * 0.2, 6) : 0;
  const y = (v: number): number => M.top + ih - (v / top) * ih;

  const titleId = uid('tl-title');
  const descId = uid('tl-desc');
  const total = list.reduce((a, b) => a + b.total, 0);
  const peak = list.reduce((a, b) => (b.total > a.total ? b : a));
  const first = list[0]?.key ?? '';
  const last = list[list.length - 1]?.key ?? '';
  const desc = `${fmtInt(total)} dated events from ${first} to ${last}, per ${unit}; the busiest ${unit} is ${peak.key} with ${fmtInt(peak.total)}.`;

  const svg = s('svg', {
    class: 'chart timeline',
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-labelledby': `${titleId} ${descId}`,
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(s('title', { id: titleId }, `Events per ${unit} by QuadClass`), s('desc', { id: descId }, desc));

  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  for (let v = 0; v <= top; v += step) {
    axis.append(
      s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: v === 0 ? 'base' : 'grid' }),
      s('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmtInt(v)),
    );
  }
  for (const { i, text } of axisLabels(list, yearly)) {
    axis.append(s('text', { x: M.left + i * band + band / 2, y: H - M.bottom + 16, 'text-anchor': 'middle' }, text));
  }
  svg.append(axis);

  const bars = s('g', { class: 'bars' });
  list.forEach((b, i) => {
    let acc = 0;
    const w = Math.max(0.5, Math.min(band - gap, 56));
    const x = M.left + i * band + (band - w) / 2;
    for (const q of STACK) {
      const n = b.counts.get(q) ?? 0;
      if (n === 0) continue;
      const y0 = y(acc);
      const y1 = y(acc + n);
      acc += n;
      bars.append(
        s(
          'rect',
          { x, y: y1, width: w, height: Math.max(0.5, y0 - y1), class: `bar q${q ?? 'none'}` },
          s('title', {}, `${b.key} · ${quadName(q)}: ${fmtInt(n)} event${n === 1 ? '' : 's'}`),
        ),
      );
    }
    if (b.total > 0) {
      bars.append(
        s(
          'rect',
          { x: M.left + i * band, y: M.top, width: band, height: ih, class: 'hit' },
          s('title', {}, `${b.key}: ${fmtInt(b.total)} events, mean Goldstein ${fmtGoldstein(b.gN > 0 ? b.gSum / b.gN : null)}`),
        ),
      );
    }
  });
  svg.append(bars);

  const table = dataTable(
    [unit, ...QUADS.map((q) => q.short), 'total'],
    list.filter((b) => b.total > 0).map((b) => [b.key, [...QUADS.map((q) => fmtInt(b.counts.get(q.quad) ?? 0)), fmtInt(b.total)]]),
  );
  return h('div', { class: 'chart-wrap' }, svg, quadLegend(), table);
}
