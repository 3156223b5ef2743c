/**
 * The top source → target dyads as a directed network (SVG): actors on a circle in code order (so
 * an actor's sectors sit together: CAN, CANGOV, CANMIL), edges curved so the two directions of a pair
 * stay apart, width by number of events, colour by mean Goldstein, arrowheads at the target. Actors are
 * buttons: activating one filters by it. Edges are toggle buttons too (one Tab stop, arrow keys between
 * them), and so is every pair in the list under the network (thin edges are hard to hit): activating
 * one selects that dyad.
 */
import type { DyadRow } from '../api.js';
import { h, s, uid } from '../dom.js';
import { dyadKey, type Dyad } from '../filters.js';
import { fmtGoldstein, fmtInt, GOLDSTEIN_BUCKETS, goldsteinBucket, plural } from '../format.js';

const W = 640;
const H = 520;
const CX = W / 2;
const CY = H / 2;

interface Node {
  code: string;
  events: number;
  x: number;
  y: number;
  r: number;
  angle: number;
}

export function goldsteinLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    h('li', { class: 'legend-title' }, 'Mean Goldstein:'),
    GOLDSTEIN_BUCKETS.map(([cls, label]) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label)),
  );
}

export interface NetworkHandlers {
  /** An actor was activated. */
  onActor(code: string): void;
  /** A pair (edge or list entry) was activated. */
  onDyad(dyad: Dyad): void;
}

/** "CAN → IGOWSTNAT: 3 events, mean Goldstein -7.0": the name of a pair's edge and list entry. */
export function dyadLabel(r: DyadRow): string {
  return `${r.source} → ${r.target}: ${plural(r.events, 'event')}, mean Goldstein ${fmtGoldstein(r.goldstein)}`;
}

const onActivate = (el: Element, activate: () => void): void => {
  el.addEventListener('click', activate);
  el.addEventListener('keydown', (ev) => {
    if (ev instanceof KeyboardEvent && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      activate();
    }
  });
};

/** Marks the selected dyad (or none) on every edge and list entry under root: aria-pressed and `.selected`. */
export function markDyad(root: ParentNode, selected: Dyad | null): void {
  const key = selected === null ? null : dyadKey(selected);
  for (const el of root.querySelectorAll('[data-dyad]')) {
    const on = el.getAttribute('data-dyad') === key;
    el.setAttribute('aria-pressed', String(on));
    el.classList.toggle('selected', on);
  }
}

/** The pairs as a list of toggle buttons, most events first. */
function dyadList(rows: readonly DyadRow[], onDyad: (d: Dyad) => void): HTMLElement {
  const id = uid('dyads-h');
  return h(
    'div',
    { class: 'dyad-list' },
    h('h3', { id }, 'Top pairs ', h('span', { class: 'muted' }, '(source → target): select one for its Goldstein score over time')),
    h(
      'ul',
      { 'aria-labelledby': id },
      [...rows]
        .sort((a, b) => b.events - a.events)
        .map((r) => {
          const d = { source: r.source, target: r.target };
          const b = h(
            'button',
            { type: 'button', class: 'dyad', 'data-dyad': dyadKey(d), 'aria-pressed': 'false', 'aria-label': dyadLabel(r), title: dyadLabel(r) },
            h('span', { class: `swatch ${goldsteinBucket(r.goldstein)}`, 'aria-hidden': 'true' }),
            h('span', { class: 'dyad-codes' }, h('code', {}, r.source), ' → ', h('code', {}, r.target)),
            h('span', { class: 'dyad-n' }, `${fmtInt(r.events)} · ${fmtGoldstein(r.goldstein)}`),
          );
          b.addEventListener('click', () => onDyad(d));
          return h('li', {}, b);
        }),
    ),
  );
}

export function networkChart(rows: readonly DyadRow[], handlers: NetworkHandlers, selected: Dyad | null = null): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'No source → target pairs match the filters.');
  const weight = new Map<string, number>();
  for (const r of rows) {
    weight.set(r.source, (weight.get(r.source) ?? 0) + r.events);
    if (r.target !== r.source) weight.set(r.target, (weight.get(r.target) ?? 0) + r.events);
  }
  const codes = [...weight.keys()].sort();
  const maxW = Math.max(1, ...weight.values());
  const R = codes.length === 1 ? 0 : Math.min(W, H) / 2 - 70;
  const nodes = new Map<string, Node>();
  codes.forEach((code, i) => {
    const angle = (2 * Math.PI * i) / codes.length - Math.PI / 2;
    const w = weight.get(code) ?? 0;
    nodes.set(code, { code, events: w, angle, x: CX + R * Math.cos(angle), y: CY + R * Math.sin(angle), r: 5 + 11 * Math.sqrt(w / maxW) });
  });
  const maxE = Math.max(1, ...rows.map((r) => r.events));

  const prefix = uid('net');
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  const svg = s('svg', { class: 'chart network', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-labelledby': `${titleId} ${descId}` });
  const strongest = [...rows].sort((a, b) => b.events - a.events)[0];
  svg.append(
    s('title', { id: titleId }, 'Dyad network: who acts on whom'),
    s(
      'desc',
      { id: descId },
      `${rows.length} source → target pairs among ${codes.length} actors${strongest !== undefined ? `; the most frequent is ${strongest.source} → ${strongest.target} with ${strongest.events} events` : ''}. Activate an actor to filter by it, or a pair for its Goldstein score over time.`,
    ),
  );
  const defs = s('defs');
  for (const [cls] of [...GOLDSTEIN_BUCKETS, ['g-na', '']]) {
    defs.append(
      s(
        'marker',
        // sized in stroke widths: always wider than its edge
        { id: `${prefix}-arrow-${cls}`, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 3.2, markerHeight: 3.2, markerUnits: 'strokeWidth', orient: 'auto' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrowhead ${cls}` }),
      ),
    );
  }
  svg.append(defs);

  const edges = s('g', { class: 'edges' });
  const edgeEls: { el: SVGPathElement; g: SVGGElement; source: string; target: string }[] = [];
  for (const r of rows) {
    const a = nodes.get(r.source);
    const b = nodes.get(r.target);
    if (a === undefined || b === undefined) continue;
    const cls = goldsteinBucket(r.goldstein);
    const width = 1.6 + 5 * Math.sqrt(r.events / maxE);
    let d: string;
    if (a === b) {
      // a self-loop outside the circle
      const ox = Math.cos(a.angle);
      const oy = Math.sin(a.angle);
      const px = -oy;
      const py = ox;
      const sx = a.x + a.r * (ox + px * 0.8);
      const sy = a.y + a.r * (oy + py * 0.8);
      const ex = a.x + a.r * (ox - px * 0.8);
      const ey = a.y + a.r * (oy - py * 0.8);
      d = `M${sx.toFixed(1)},${sy.toFixed(1)} C${(sx + ox * 40 + px * 20).toFixed(1)},${(sy + oy * 40 + py * 20).toFixed(1)} ${(ex + ox * 40 - px * 20).toFixed(1)},${(ey + oy * 40 - py * 20).toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
    } else {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      // control point to the right of the direction of travel: A→B and B→A bend apart
      const bend = 0.18 * len;
      const cx = (a.x + b.x) / 2 + (-dy / len) * bend;
      const cy = (a.y + b.y) / 2 + (dx / len) * bend;
      const toward = (from: Node, px: number, py: number, pad: number): [number, number] => {
        const vx = px - from.x;
        const vy = py - from.y;
        const l = Math.hypot(vx, vy) || 1;
        return [from.x + (vx / l) * (from.r + pad), from.y + (vy / l) * (from.r + pad)];
      };
      const [sx, sy] = toward(a, cx, cy, 1);
      const [ex, ey] = toward(b, cx, cy, 1.5);
      d = `M${sx.toFixed(1)},${sy.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
    }
    const el = s('path', { d, class: `edge ${cls}`, 'stroke-width': width.toFixed(2), 'marker-end': `url(#${prefix}-arrow-${cls})` });
    const dyad = { source: r.source, target: r.target };
    // a toggle button around the edge and a wide halo under it: easier to hit, and shows focus and selection
    const g = s(
      'g',
      { class: 'dyad-edge', role: 'button', tabindex: edgeEls.length === 0 ? '0' : '-1', 'data-dyad': dyadKey(dyad), 'aria-pressed': 'false', 'aria-label': dyadLabel(r) },
      s('title', {}, `${dyadLabel(r)} — select for its Goldstein score over time`),
      s('path', { d, class: 'edge-halo', 'stroke-width': (width + 9).toFixed(2) }),
      el,
    );
    onActivate(g, () => handlers.onDyad(dyad));
    const hot = (lit: boolean): void => {
      svg.classList.toggle('focusing', lit);
      el.classList.toggle('hot', lit);
    };
    g.addEventListener('mouseenter', () => hot(true));
    g.addEventListener('mouseleave', () => hot(false));
    g.addEventListener('focus', () => hot(true));
    g.addEventListener('blur', () => hot(false));
    edges.append(g);
    edgeEls.push({ el, g, source: r.source, target: r.target });
  }
  // one Tab stop for all edges: arrow keys move between them (roving tabindex)
  edges.addEventListener('keydown', (ev) => {
    const at = edgeEls.findIndex((e) => e.g === ev.target);
    if (at < 0) return;
    const last = edgeEls.length - 1;
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: last }[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    const next = edgeEls[Math.max(0, Math.min(last, to))];
    if (next === undefined) return;
    for (const e of edgeEls) e.g.setAttribute('tabindex', e === next ? '0' : '-1');
    next.g.focus();
  });
  edges.addEventListener('focusin', (ev) => {
    for (const e of edgeEls) e.g.setAttribute('tabindex', e.g === ev.target ? '0' : '-1');
  });
  svg.append(edges);

  const nodeLayer = s('g', { class: 'nodes' });
  for (const n of nodes.values()) {
    const right = Math.cos(n.angle) >= -0.01;
    const lx = n.x + Math.cos(n.angle) * (n.r + 4);
    const ly = n.y + Math.sin(n.angle) * (n.r + 4);
    const activate = (): void => handlers.onActor(n.code);
    const g = s(
      'g',
      {
        class: 'node',
        tabindex: '0',
        role: 'button',
        'data-code': n.code,
        'aria-label': `${n.code}: ${fmtInt(n.events)} events in these pairs. Filter by this actor`,
      },
      s('title', {}, `${n.code}: ${fmtInt(n.events)} events — click to filter by this actor`),
      s('circle', { cx: n.x.toFixed(1), cy: n.y.toFixed(1), r: n.r.toFixed(1) }),
      s(
        'text',
        {
          x: lx.toFixed(1),
          y: (ly + 4).toFixed(1),
          'text-anchor': codes.length === 1 ? 'middle' : right ? 'start' : 'end',
          'aria-hidden': 'true',
        },
        n.code,
      ),
    );
    onActivate(g, activate);
    const hot = (on: boolean): void => {
      svg.classList.toggle('focusing', on);
      for (const e of edgeEls) e.el.classList.toggle('hot', on && (e.source === n.code || e.target === n.code));
    };
    g.addEventListener('mouseenter', () => hot(true));
    g.addEventListener('mouseleave', () => hot(false));
    g.addEventListener('focus', () => hot(true));
    g.addEventListener('blur', () => hot(false));
    nodeLayer.append(g);
  }
  svg.append(nodeLayer);
  const wrap = h(
    'div',
    { class: 'chart-wrap' },
    svg,
    goldsteinLegend(),
    h('p', { class: 'hint' }, 'Edge width: number of events. Select an actor to filter by it, or an edge (arrow keys move between edges) for the pair’s Goldstein score over time.'),
    dyadList(rows, handlers.onDyad),
  );
  markDyad(wrap, selected);
  return wrap;
}
