/**
 * Story text with its highlight spans. Spans may nest or overlap (a quote holds actors and verbs, an
 * actor may hold a place), so the text is cut at every span boundary and each piece is wrapped in one
 * <mark> per span that covers it, outermost first. Each kind has its own colour (a tint for the
 * innermost span and an underline bar per level, see style.css), and every mark's title says what it is.
 */
import type { Annotation } from './api.js';
import { h } from './dom.js';

type Kind = Annotation['kind'];

export const KINDS: readonly { kind: Kind; name: string; what: string }[] = [
  { kind: 'actor', name: 'Actor', what: 'actor code' },
  { kind: 'verb', name: 'Event verb', what: 'CAMEO code' },
  { kind: 'date', name: 'Date', what: 'ISO date' },
  { kind: 'place', name: 'Place', what: 'country' },
  { kind: 'quantity', name: 'Quantity', what: 'value and unit' },
  { kind: 'quote', name: 'Quote', what: 'speaker' },
];

/** Inner kinds win ties of equal length: a verb inside an actor-long span shows as a verb. */
const DEPTH: Record<Kind, number> = { quote: 0, actor: 1, place: 2, date: 3, quantity: 4, verb: 5 };

function describe(a: Annotation): string {
  const k = KINDS.find((x) => x.kind === a.kind);
  const name = k?.name ?? a.kind;
  if (a.label === '') return name;
  return `${name}: ${a.label}${a.kind === 'verb' && a.event !== null ? ` (event ${a.event + 1})` : ''}`;
}

export interface HighlightOptions {
  /** Called when a verb span of an event is clicked (to show its event card). */
  onEvent?: (index: number) => void;
}

/** The highlighted text as a <div class="story-text">. */
export function highlightedText(text: string, annotations: readonly Annotation[], options: HighlightOptions = {}): HTMLElement {
  const spans = annotations
    .map((a) => ({ ...a, start: Math.max(0, Math.min(text.length, a.start)), end: Math.max(0, Math.min(text.length, a.end)) }))
    .filter((a) => a.end > a.start);
  const cuts = new Set<number>([0, text.length]);
  for (const a of spans) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = h('div', { class: 'story-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] ?? 0;
    const to = points[i + 1] ?? from;
    if (to <= from) continue;
    const piece = text.slice(from, to);
    const covering = spans
      .filter((a) => a.start <= from && a.end >= to)
      .sort((x, y) => y.end - y.start - (x.end - x.start) || DEPTH[x.kind] - DEPTH[y.kind]);
    if (covering.length === 0) {
      out.append(piece);
      continue;
    }
    let node: Node = document.createTextNode(piece);
    // innermost first: wrap outward; level counts the marks inside this one (drawn as stacked underlines)
    for (let j = covering.length - 1; j >= 0; j--) {
      const a = covering[j];
      if (a === undefined) continue;
      const level = Math.min(covering.length - 1 - j, 3);
      const inner = j === covering.length - 1;
      const title = inner ? covering.map(describe).reverse().join('\n') : describe(a);
      const mark = h('mark', { class: `hl hl-${a.kind} lv${level}`, title, 'data-kind': a.kind, 'data-label': a.label });
      if (a.event !== null) mark.dataset['event'] = String(a.event);
      mark.append(node);
      node = mark;
    }
    out.append(node);
  }
  if (options.onEvent !== undefined) {
    const onEvent = options.onEvent;
    out.addEventListener('click', (ev) => {
      const target = ev.target instanceof Element ? ev.target.closest('mark.hl-verb') : null;
      const idx = target instanceof HTMLElement ? Number(target.dataset['event']) : NaN;
      if (Number.isInteger(idx)) onEvent(idx);
    });
  }
  return out;
}

/** The colour legend of the highlight kinds. */
export function highlightLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend hl-legend', 'aria-label': 'Highlight colours' },
    KINDS.map((k) => h('li', {}, h('span', { class: `hl hl-${k.kind} lv0 swatch-text` }, k.name), h('span', { class: 'muted' }, ` ${k.what}`))),
  );
}
