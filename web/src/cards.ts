/** Event cards and commitment lines: the same look in the code, story and explore views. */
import type { Commitment, CommitmentRow, EventRecord } from './api.js';
import { h, type Child } from './dom.js';
import { actorLabel, fmtGoldstein, goldsteinBucket, quadName, quantityText } from './format.js';

function actor(a: EventRecord['source'] | null, role: string): HTMLElement {
  if (a === null) return h('span', { class: 'actor none' }, h('span', { class: 'sr-only' }, `${role}: `), 'no target');
  const text = a.name ?? a.text;
  return h(
    'span',
    { class: 'actor' },
    h('span', { class: 'sr-only' }, `${role}: `),
    h('code', { class: 'actor-code' }, a.code),
    text !== '' && text !== a.code ? h('span', { class: 'actor-text' }, ` ${text}`) : null,
  );
}

function fact(name: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', {}, name), h('dd', {}, ...value)];
}

export interface CardOptions {
  /** Prefix of the card's id (`${idPrefix}-event-${index}`), so a verb highlight can scroll to it. */
  idPrefix: string;
}

export function eventCardId(prefix: string, index: number): string {
  return `${prefix}-event-${index}`;
}

/** One event as a card: who did what to whom, its codes and attributes, and why it was coded. */
export function eventCard(e: EventRecord, index: number, options: CardOptions): HTMLElement {
  const quad = e.cameo.quad;
  const facts: HTMLElement[] = [];
  facts.push(...fact('Goldstein', h('span', { class: `gold ${goldsteinBucket(e.cameo.goldstein)}` }, fmtGoldstein(e.cameo.goldstein))));
  facts.push(...fact('QuadClass', quad === null ? '–' : `${quad} ${quadName(quad)}`));
  facts.push(...fact('Date', e.date ?? 'undated', e.date_text !== null ? h('span', { class: 'muted' }, ` (“${e.date_text}”)`) : null));
  if (e.place !== null) {
    const p = e.place;
    facts.push(
      ...fact(
        'Place',
        p.name,
        p.country !== null ? `, ${p.country}` : '',
        h('span', { class: 'muted' }, ` (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})${p.from_dateline ? ' from the dateline' : ''}`),
      ),
    );
  }
  if (e.quantities.length > 0) facts.push(...fact('Quantities', e.quantities.map(quantityText).join('; ')));
  if (e.condition !== null) facts.push(...fact('Condition', e.condition));
  if (e.deadline !== null) facts.push(...fact('Deadline', e.deadline));
  const mode = [e.modality, e.negated ? 'negated' : null].filter((x): x is string => x !== null).join(', ');
  facts.push(...fact('Modality', mode));
  if (e.speaker !== null) facts.push(...fact('Speaker', actorLabel(e.speaker)));
  facts.push(...fact('Verb', h('q', {}, e.verb.text)));

  const id = eventCardId(options.idPrefix, index);
  return h(
    'article',
    { class: `event-card quad-${quad ?? 'none'}`, id, tabindex: '-1', 'aria-labelledby': `${id}-h` },
    h(
      'header',
      {},
      h('h3', { id: `${id}-h`, class: 'event-title' }, h('span', { class: 'event-num' }, `${index + 1}`), actor(e.source, 'source'), h('span', { class: 'arrow', 'aria-label': 'to' }, ' → '), actor(e.target, 'target')),
      h(
        'p',
        { class: 'badges' },
        h('span', { class: 'badge cameo', title: 'CAMEO event code' }, `CAMEO ${e.cameo.code}`),
        e.plover.type !== null
          ? h('span', { class: 'badge plover', title: 'PLOVER event type and mode' }, e.plover.type, e.plover.mode !== null && e.plover.mode !== '' ? ` · ${e.plover.mode}` : '')
          : null,
        h('span', { class: `badge quad q${quad ?? 'none'}` }, quadName(quad)),
        e.negated ? h('span', { class: 'badge neg' }, 'negated') : null,
      ),
    ),
    h('dl', { class: 'facts' }, facts),
    h('p', { class: 'rule' }, 'coded by rule ', h('code', {}, e.rule.id), ` (${e.rule.file}:${e.rule.line})`),
    h('blockquote', { class: 'sentence' }, e.text),
  );
}

/** The event cards of a story, or the plain statement that there are none. */
export function eventList(events: readonly EventRecord[], idPrefix: string): HTMLElement {
  if (events.length === 0) return h('p', { class: 'empty' }, 'No events coded in this text.');
  return h('div', { class: 'event-list' }, events.map((e, i) => eventCard(e, i, { idPrefix })));
}

const KIND_WORD: Record<Commitment['kind'], string> = { threat: 'THREAT', pledge: 'PLEDGE', demand: 'DEMAND' };

/**
 * A commitment as one line that reads at a glance:
 * "CAN (Canada) THREAT: withdraw 900 engineers — by 2008-06 — unless … → IGOWSTNAT (NATO allies)".
 * Quantities named inside the condition belong to it, not to the action.
 */
export function commitmentLine(c: Commitment | CommitmentRow, withStory: boolean): HTMLElement {
  const cond = c.condition?.toLowerCase() ?? '';
  const ownQuantities = c.quantities.filter((q) => q.text === '' || !cond.includes(q.text.toLowerCase()));
  const row = 'story' in c ? c : null;
  return h(
    'li',
    { class: `commitment kind-${c.kind}` },
    h(
      'p',
      { class: 'commitment-line' },
      h('span', { class: 'c-actor' }, actorLabel(c.actor)),
      ' ',
      h('span', { class: `badge kind kind-${c.kind}` }, `${KIND_WORD[c.kind]}:`),
      ' ',
      h('strong', { class: 'c-action' }, c.action),
      ownQuantities.length > 0 ? h('span', { class: 'c-qty' }, ` ${ownQuantities.map(quantityText).join(', ')}`) : null,
      c.deadline !== null ? h('span', { class: 'c-deadline' }, ` — by ${c.deadline}`) : null,
      c.condition !== null ? h('span', { class: 'c-condition' }, ` — ${c.condition}`) : null,
      c.target !== null ? h('span', { class: 'c-target' }, ' → ', actorLabel(c.target)) : null,
    ),
    h(
      'p',
      { class: 'commitment-meta muted' },
      `CAMEO ${c.cameo} · ${c.modality}`,
      withStory && row !== null
        ? [' · ', row.date ?? 'undated', ' · ', h('a', { href: `#/story/${encodeURIComponent(row.story)}` }, row.headline ?? 'open story')]
        : null,
    ),
  );
}

export function commitmentList(rows: readonly (Commitment | CommitmentRow)[], withStory: boolean): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'No threats, pledges or demands.');
  return h('ul', { class: 'commitments' }, rows.map((c) => commitmentLine(c, withStory)));
}
