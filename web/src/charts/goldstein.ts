/**
 * Mean Goldstein score per month for one dyad (SVG line and dots): y from −10 (conflict) to +10
 * (cooperation) around a zero line, a dot per month with a score, sized and labelled by its number of
 * events. The time axis is the timeline's (even months, gaps kept, per year past 20 years); points
 * with unscored months between them are joined by a dashed line.
 */
import type { MonthlyRow } from '../api.js';
import { h, s, uid } from '../dom.js';
import type { Dyad } from '../filters.js';
import { fmtGoldstein, fmtInt, goldsteinBucket, plural } from '../format.js';
import { axisLabels, dataTable, timeAxis } from './timeline.js';

const W = 640;
const H = 240;
const M = { left: 36, right: 12, top: 14, bottom: 30 };
const TICKS = [10, 5, 0, -5, -10];
/** Above this many points the event counts are left to the dot size, the titles and the table. */
const MAX_COUNT_LABELS = 24;

interface Point {
  key: string;
  events: number;
  /** Mean Goldstein; null when no event of the bucket has a score. */
  mean: number | null;
}

function points(rows: readonly MonthlyRow[]): { list: Point[]; yearly: boolean } {
  const axis = timeAxis(rows.map((r) => r.month));
  const acc = new Map<string, MonthlyRow[]>(axis.keys.map((k) => [k, []]));
  for (const r of rows) {
    const k = axis.keyOf(r.month);
    if (k !== null) acc.get(k)?.push(r);
  }
  const list = axis.keys.map((key): Point => {
    const rs = acc.get(key) ?? [];
    const events = rs.reduce((a, r) => a + r.events, 0);
    const scored = rs.filter((r) => r.goldstein !== null);
    const only = rs.length === 1 ? rs[0] : undefined;
    let mean: number | null;
    if (only !== undefined) mean = only.goldstein; // a month as the API gives it
    else if (scored.length === 0) mean = null;
    else mean = scored.reduce((a, r) => a + (r.goldstein ?? 0) * r.events, 0) / scored.reduce((a, r) => a + r.events, 0); // a year: weighted by events
    return { key, events, mean };
  });
  return { list, yearly: axis.yearly };
}

const signed = (v: number): string => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');

export function goldsteinChart(rows: readonly MonthlyRow[], dyad: Dyad): HTMLElement {
  const { list, yearly } = points(rows);
  const pair = `${dyad.source} → ${dyad.target}`;
  if (list.length === 0) return h('p', { class: 'empty' }, `No dated events from ${pair} match the filters.`);
  const unit = yearly ? 'year' : 'month';
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const band = iw / list.length;
  const x = (i: number): number => M.left + i * band + band / 2;
  const y = (v: number): number => M.top + ((10 - Math.max(-10, Math.min(10, v))) / 20) * ih;

  const scored = list.map((p, i) => ({ ...p, i })).filter((p): p is Point & { i: number; mean: number } => p.mean !== null);
  const total = list.reduce((a, p) => a + p.events, 0);
  const maxE = Math.max(1, ...list.map((p) => p.events));
  const first = list[0]?.key ?? '';
  const last = list[list.length - 1]?.key ?? '';
  let desc = `${plural(total, 'event')} from ${pair}, ${first === last ? `in ${first}` : `${first} to ${last}`}`;
  if (scored.length === 0) {
    desc += '; none has a Goldstein score.';
  } else if (scored.length === 1 && scored[0] !== undefined) {
    desc += `; mean Goldstein ${fmtGoldstein(scored[0].mean)} in ${scored[0].key}.`;
  } else {
    const lo = scored.reduce((a, p) => (p.mean < a.mean ? p : a));
    const hi = scored.reduce((a, p) => (p.mean > a.mean ? p : a));
    desc += `; mean Goldstein per ${unit} from ${fmtGoldstein(lo.mean)} (${lo.key}) to ${fmtGoldstein(hi.mean)} (${hi.key}) over ${scored.length} ${unit}s.`;
  }

  const titleId = uid('gs-title');
  const descId = uid('gs-desc');
  const svg = s('svg', { class: 'chart goldstein', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` });
  svg.append(s('title', { id: titleId }, `Mean Goldstein score per ${unit}, ${pair}`), s('desc', { id: descId }, desc));

  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const v of TICKS) {
    axis.append(
      s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: v === 0 ? 'base' : 'grid' }),
      s('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, signed(v)),
    );
  }
  for (const { i, text } of axisLabels(list, yearly)) {
    axis.append(s('text', { x: x(i), y: H - M.bottom + 16, 'text-anchor': 'middle' }, text));
  }
  svg.append(axis);

  // the line: solid between neighbouring months, dashed across months without a score
  const solid: string[] = [];
  const dashed: string[] = [];
  scored.forEach((p, k) => {
    const prev = scored[k - 1];
    if (prev === undefined) return;
    (p.i === prev.i + 1 ? solid : dashed).push(`M${x(prev.i).toFixed(1)},${y(prev.mean).toFixed(1)} L${x(p.i).toFixed(1)},${y(p.mean).toFixed(1)}`);
  });
  if (solid.length > 0) svg.append(s('path', { class: 'gs-line', d: solid.join(' '), 'aria-hidden': 'true' }));
  if (dashed.length > 0) svg.append(s('path', { class: 'gs-line gap', d: dashed.join(' '), 'aria-hidden': 'true' }));

  const dots = s('g', { class: 'gs-dots' });
  for (const p of scored) {
    const r = 3.5 + 5.5 * Math.sqrt(p.events / maxE);
    const cx = x(p.i);
    const cy = y(p.mean);
    const label = `${p.key}: mean Goldstein ${fmtGoldstein(p.mean)}, ${plural(p.events, 'event')}`;
    const g = s('g', { class: 'gs-point', 'data-key': p.key, 'data-goldstein': fmtGoldstein(p.mean) }, s('title', {}, label));
    g.append(s('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: r.toFixed(1), class: `gdot ${goldsteinBucket(p.mean)}` }));
    if (scored.length <= MAX_COUNT_LABELS) {
      // the number of events above the dot (below it near the top)
      const below = cy - r - 4 < M.top + 10;
      g.append(s('text', { x: cx.toFixed(1), y: (below ? cy + r + 12 : cy - r - 4).toFixed(1), 'text-anchor': 'middle', class: 'gs-count', 'aria-hidden': 'true' }, fmtInt(p.events)));
    }
    dots.append(g);
  }
  svg.append(dots);

  const table = dataTable(
    [unit, 'events', 'mean Goldstein'],
    list.filter((p) => p.events > 0).map((p) => [p.key, [fmtInt(p.events), fmtGoldstein(p.mean)]]),
  );
  const hint = `Dot size${scored.length <= MAX_COUNT_LABELS ? ' and the number above it' : ''}: events that ${unit}. Scale −10 (conflict) to +10 (cooperation)${dashed.length > 0 ? `; dashed: across ${unit}s without a score` : ''}.`;
  return h('div', { class: 'chart-wrap' }, svg, h('p', { class: 'hint' }, hint), table);
}
