/** A coded text as the code and story views show it: highlighted text, event cards, commitments. */
import type { Annotation, Commitment, EventRecord } from '../api.js';
import { eventCardId, eventList, commitmentList } from '../cards.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { highlightLegend, highlightedText } from '../highlight.js';

export interface CodedView {
  text: string;
  annotations: readonly Annotation[];
  events: readonly EventRecord[];
  commitments: readonly Commitment[];
  sentences: readonly unknown[];
  warnings: readonly string[];
  repairs?: readonly { from: string; to: string; kind: string }[];
}

/** Moves focus to an event card (from a click on its verb in the text). */
function showEvent(prefix: string, index: number): void {
  const card = document.getElementById(eventCardId(prefix, index));
  if (card === null) return;
  card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  card.focus({ preventScroll: true });
  card.classList.add('flash');
  window.setTimeout(() => card.classList.remove('flash'), 1200);
}

export function codedResult(data: CodedView, idPrefix: string, headingLevel: 'h2' | 'h3' = 'h2'): HTMLElement {
  const H = headingLevel;
  const summary = `${plural(data.events.length, 'event')} in ${plural(data.sentences.length, 'sentence')} · ${plural(data.commitments.length, 'commitment')}`;
  const notes: HTMLElement[] = [];
  if (data.repairs !== undefined && data.repairs.length > 0) {
    notes.push(
      h(
        'details',
        { class: 'notes' },
        h('summary', {}, `${plural(data.repairs.length, 'text repair')} before coding`),
        h('ul', {}, data.repairs.map((r) => h('li', {}, h('q', {}, r.from), ' → ', h('q', {}, r.to), h('span', { class: 'muted' }, ` (${r.kind})`)))),
      ),
    );
  }
  if (data.warnings.length > 0) {
    notes.push(h('details', { class: 'notes warn' }, h('summary', {}, plural(data.warnings.length, 'warning')), h('ul', {}, data.warnings.map((w) => h('li', {}, w)))));
  }
  return h(
    'div',
    { class: 'coded' },
    h('p', { class: 'summary' }, summary),
    notes,
    h(
      'div',
      { class: 'coded-grid' },
      h(
        'section',
        { class: 'panel text-panel', 'aria-labelledby': `${idPrefix}-text-h` },
        h(H, { id: `${idPrefix}-text-h` }, 'Text'),
        highlightLegend(),
        highlightedText(data.text, data.annotations, { onEvent: (i) => showEvent(idPrefix, i) }),
      ),
      h(
        'section',
        { class: 'panel events-panel', 'aria-labelledby': `${idPrefix}-events-h` },
        h(H, { id: `${idPrefix}-events-h` }, `Events (${data.events.length})`),
        eventList(data.events, idPrefix),
        h(H, { id: `${idPrefix}-commit-h` }, `Commitments (${data.commitments.length})`),
        commitmentList(data.commitments, false),
      ),
    ),
  );
}
