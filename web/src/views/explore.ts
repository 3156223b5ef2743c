/**
 * Explore view: a filter form whose values live in the hash (`#/explore?actor=CAN&quad=4`, so every
 * view is a link), driving an event table (pages of 50, "Load more" with the server's cursor), a
 * timeline, a dyad network, a map and the commitments. A pair selected in the network (`dyad=CAN~IGOWSTNAT`
 * in the hash, kept across filter changes) adds its Goldstein score over time within the other filters.
 * Everything is asked of the server already filtered and aggregated; nothing fetches the whole store.
 */
import { api, errorText, isAbort, type StoredEvent } from '../api.js';
import { commitmentList } from '../cards.js';
import { goldsteinChart } from '../charts/goldstein.js';
import { mapChart } from '../charts/map.js';
import { markDyad, networkChart } from '../charts/network.js';
import { timelineChart } from '../charts/timeline.js';
import { h, replace, uid } from '../dom.js';
import {
  FILTER_FIELDS,
  checkFilter,
  checkFilters,
  describeFilters,
  dyadKey,
  exploreHash,
  normalise,
  parseDyad,
  parseFilters,
  sameDyad,
  type Dyad,
} from '../filters.js';
import { fmtGoldstein, fmtInt, goldsteinBucket, quadName } from '../format.js';
import type { View } from './view.js';

export interface ExploreView extends View {
  focusSearch(): void;
  /** The current filters' hash, to come back to them. */
  currentHash(): string;
}

function panel(id: string, title: string, ...rest: HTMLElement[]): { section: HTMLElement; heading: HTMLElement; body: HTMLElement } {
  const body = h('div', { class: 'panel-body' });
  const heading = h('h2', { id: `${id}-h`, tabindex: '-1' }, title);
  const section = h('section', { class: 'panel', id, 'aria-labelledby': heading.id }, heading, ...rest, body);
  return { section, heading, body };
}

/** "A → B" */
const pairText = (d: Dyad): string => `${d.source} → ${d.target}`;

const loading = (): HTMLElement => h('p', { class: 'loading' }, 'Loading…');

function eventRow(e: StoredEvent): HTMLTableRowElement {
  const actorCell = (a: StoredEvent['source'] | null): HTMLElement =>
    a === null ? h('td', { class: 'muted' }, '—') : h('td', { title: a.name ?? a.text }, h('code', {}, a.code));
  const storyHref = `#/story/${encodeURIComponent(e.story)}`;
  return h(
    'tr',
    { class: `quad-${e.cameo.quad ?? 'none'}` },
    h('td', { class: 'nowrap' }, e.date ?? '—'),
    actorCell(e.source),
    actorCell(e.target),
    h('td', { title: quadName(e.cameo.quad) }, h('span', { class: `qdot q${e.cameo.quad ?? 'none'}`, 'aria-hidden': 'true' }), h('code', {}, e.cameo.code)),
    h('td', {}, e.plover.type ?? '—'),
    h('td', { class: `num gold ${goldsteinBucket(e.cameo.goldstein)}` }, fmtGoldstein(e.cameo.goldstein)),
    h('td', {}, e.place !== null ? `${e.place.name}${e.place.country !== null ? `, ${e.place.country}` : ''}` : '—'),
    h('td', { class: 'headline' }, h('a', { href: storyHref, title: e.text }, e.headline ?? 'Untitled story')),
  );
}

export function exploreView(): ExploreView {
  const heading = h('h1', { tabindex: '-1', id: uid('explore-h') }, 'Explore events');
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const fields = FILTER_FIELDS.map((f) => {
    const id = `filter-${f.name}`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'select') {
      control = h('select', { id, name: f.name }, (f.options ?? []).map(([v, label]) => h('option', { value: v }, label)));
    } else {
      control = h('input', {
        id,
        name: f.name,
        type: f.kind === 'date' ? 'date' : f.name === 'q' ? 'search' : 'text',
        placeholder: f.placeholder,
        pattern: f.pattern,
        autocomplete: 'off',
        spellcheck: 'false',
        title: f.hint,
        'aria-keyshortcuts': f.name === 'q' ? '/' : undefined,
      });
    }
    inputs.set(f.name, control);
    return h('div', { class: `field${f.wide === true ? ' wide' : ''}` }, h('label', { for: id }, f.label), control);
  });
  const alert = h('div', { role: 'alert', class: 'alert' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Event filters', novalidate: true },
    h('div', { class: 'filter-grid' }, fields),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply filters'),
      h('button', { type: 'button', onclick: () => navigate(new URLSearchParams(), null) }, 'Clear'),
    ),
  );
  const summary = h('p', { class: 'filter-summary', 'aria-live': 'polite' });
  const exportCsv = h('a', { class: 'button-link', download: 'wirecoder-events.csv' }, 'Export CSV');
  const exportJsonl = h('a', { class: 'button-link', download: 'wirecoder-events.jsonl' }, 'Export JSON Lines');

  // events table
  const tbody = h('tbody');
  const tableStatus = h('p', { class: 'status', role: 'status' });
  const more = h('button', { type: 'button', class: 'load-more' }, 'Load more');
  const table = h(
    'table',
    { class: 'events-table' },
    h('caption', { class: 'sr-only' }, 'Events matching the filters, newest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Date', 'Source', 'Target', 'CAMEO', 'PLOVER', 'Goldstein', 'Place', 'Story'].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    tbody,
  );
  const eventsPanel = panel('ex-events', 'Events', h('p', { class: 'panel-tools' }, exportCsv, ' ', exportJsonl));
  eventsPanel.section.classList.add('span-all');
  eventsPanel.body.append(h('div', { class: 'table-scroll' }, table), h('div', { class: 'table-foot' }, more, tableStatus));

  const timeline = panel('ex-timeline', 'Timeline');
  const map = panel('ex-map', 'Map');
  const network = panel('ex-network', 'Dyad network');
  const commitments = panel('ex-commitments', 'Threats, pledges and demands');

  // the selected dyad's Goldstein over time, next to the network
  const clearDyad = h('button', { type: 'button', 'aria-label': 'Clear the pair: close its Goldstein chart' }, 'Clear');
  const dyadNote = h('p', { class: 'hint' }, 'Exactly this pair of codes, as the network counts it (sub-codes are other pairs).');
  const dyadScope = h('p', { class: 'hint' });
  const dyadPanel = panel('ex-dyad', 'Goldstein over time');
  dyadPanel.heading.before(h('p', { class: 'panel-tools' }, clearDyad)); // floats right of the (long) heading
  dyadPanel.body.before(h('div', { class: 'dyad-notes' }, dyadScope, dyadNote));
  dyadPanel.section.hidden = true;
  // announces the chart (the panel appears away from the list the pair was chosen in)
  const dyadStatus = h('p', { class: 'sr-only', role: 'status' });

  let filters = new URLSearchParams();
  let key: string | null = null;
  let controller: AbortController | null = null;
  let cursor: string | null = null;
  let shown = 0;
  let dyad: Dyad | null = null;
  /** The filters and dyad the Goldstein panel shows (or is loading). */
  let dyadShown: string | null = null;
  let dyadController: AbortController | null = null;

  /** Goes to the filters and dyad (by default the current one: it stays when the filters change). */
  function navigate(next: URLSearchParams, nextDyad: Dyad | null = dyad): void {
    const hash = exploreHash(next, nextDyad);
    if (location.hash === hash) {
      key = null; // same filters again: reload
      dyadShown = null;
      const q = hash.indexOf('?');
      enter(q < 0 ? '' : hash.slice(q + 1));
    } else {
      location.hash = hash;
    }
  }

  /** Activating the selected pair again deselects it (the edges and list entries are toggle buttons). */
  const selectDyad = (d: Dyad): void => navigate(filters, sameDyad(d, dyad) ? null : d);

  clearDyad.addEventListener('click', () => {
    const was = dyad;
    navigate(filters, null);
    // back to where the pair was chosen: its list entry, else the network
    const entry = was === null ? null : network.body.querySelector<HTMLElement>(`button[data-dyad="${dyadKey(was)}"]`);
    (entry ?? network.heading).focus();
  });

  function loadDyad(): void {
    const want = dyad === null ? null : `${filters.toString()}|${dyadKey(dyad)}`;
    if (want === dyadShown) return;
    dyadShown = want;
    dyadController?.abort();
    dyadController = null;
    markDyad(network.body, dyad);
    if (dyad === null) {
      if (!dyadPanel.section.hidden) dyadStatus.textContent = 'Pair cleared: the Goldstein chart is closed.';
      dyadPanel.section.hidden = true;
      replace(dyadPanel.body);
      return;
    }
    const d = dyad;
    const c = new AbortController();
    dyadController = c;
    dyadPanel.section.hidden = false;
    dyadPanel.heading.textContent = `Goldstein over time: ${pairText(d)}`;
    const others = new URLSearchParams(filters);
    others.delete('source');
    others.delete('target');
    dyadScope.textContent = `Within ${describeFilters(others)}${filters.has('source') || filters.has('target') ? ' (the pair takes the place of the Source and Target filters)' : ''}.`;
    replace(dyadPanel.body, loading());
    api.goldstein(filters, d, c.signal).then(
      (r) => {
        replace(dyadPanel.body, goldsteinChart(r.rows, d));
        const months = r.rows.filter((x) => x.goldstein !== null).length;
        dyadStatus.textContent = `Goldstein over time for ${pairText(d)}: ${months === 0 ? 'no scored events' : `${months} month${months === 1 ? '' : 's'} with a score`}.`;
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        dyadShown = null;
        fail('Goldstein over time', dyadPanel.body, err);
      },
    );
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    const problems: string[] = [];
    for (const [name, control] of inputs) {
      const v = normalise(name, control.value);
      const p = checkFilter(name, v);
      control.setAttribute('aria-invalid', p === null ? 'false' : 'true');
      if (p !== null) problems.push(p);
      if (v !== '') next.set(name, v);
    }
    const all = problems.length > 0 ? problems : checkFilters(next);
    if (all.length > 0) {
      replace(alert, h('p', {}, 'Please correct the filters:'), h('ul', {}, all.map((p) => h('li', {}, p))));
      const bad = [...inputs.values()].find((c) => c.getAttribute('aria-invalid') === 'true');
      bad?.focus();
      return;
    }
    replace(alert);
    navigate(next);
  });

  const fail = (where: string, body: HTMLElement, err: unknown): void => {
    if (isAbort(err)) return;
    key = null; // coming back to the view tries again
    replace(body, h('p', { class: 'error' }, `Could not load: ${errorText(err)}`));
    alert.append(h('p', {}, `${where}: ${errorText(err)}`));
  };

  async function loadEvents(signal: AbortSignal, append: boolean): Promise<void> {
    more.disabled = true;
    tableStatus.textContent = 'Loading events…';
    try {
      const page = await api.events(filters, append ? cursor : null, signal);
      if (!append) tbody.replaceChildren();
      for (const e of page.events) tbody.append(eventRow(e));
      shown += page.events.length;
      cursor = page.next;
      more.hidden = cursor === null;
      more.disabled = false;
      if (shown === 0) {
        tbody.append(h('tr', {}, h('td', { colspan: '8', class: 'empty' }, 'No events match the filters.')));
        tableStatus.textContent = 'No events match the filters.';
      } else {
        tableStatus.textContent = cursor === null ? `All ${fmtInt(shown)} matching events shown.` : `Showing ${fmtInt(shown)} events, newest first.`;
      }
    } catch (err) {
      more.disabled = false;
      if (isAbort(err)) return;
      tableStatus.textContent = '';
      key = null;
      if (!append) replace(tbody);
      alert.append(h('p', {}, `Events: ${errorText(err)}`));
    }
  }

  more.addEventListener('click', () => {
    if (cursor === null || controller === null) return;
    void loadEvents(controller.signal, true);
  });

  function load(): void {
    controller?.abort();
    const c = new AbortController();
    controller = c;
    const signal = c.signal;
    cursor = null;
    shown = 0;
    more.hidden = true;
    summary.textContent = `Showing ${describeFilters(filters)}.`;
    exportCsv.href = api.exportUrl(filters, 'csv');
    exportJsonl.href = api.exportUrl(filters, 'jsonl');
    tbody.replaceChildren();
    void loadEvents(signal, false);

    replace(timeline.body, loading());
    api.monthly(filters, signal).then((r) => replace(timeline.body, timelineChart(r.rows)), (err: unknown) => fail('Timeline', timeline.body, err));

    replace(network.body, loading());
    api.dyads(filters, signal).then(
      (r) => {
        replace(
          network.body,
          networkChart(
            r.rows,
            {
              onActor: (code) => {
                const next = new URLSearchParams(filters);
                next.set('actor', code);
                navigate(next);
              },
              onDyad: selectDyad,
            },
            dyad,
          ),
        );
      },
      (err: unknown) => fail('Dyad network', network.body, err),
    );

    replace(map.body, loading());
    api
      .places(filters, signal)
      .then((r) => mapChart(r.rows))
      .then(
        (el) => {
          if (!signal.aborted) replace(map.body, el);
        },
        (err: unknown) => fail('Map', map.body, err),
      );

    replace(commitments.body, loading());
    api.commitments(filters, signal).then((r) => replace(commitments.body, commitmentList(r.rows, true)), (err: unknown) => fail('Commitments', commitments.body, err));
  }

  function enter(query: string): void {
    const next = parseFilters(query);
    for (const [name, control] of inputs) {
      control.value = next.get(name) ?? '';
      control.setAttribute('aria-invalid', 'false');
    }
    const given = new URLSearchParams(query).get('dyad');
    dyad = given === null ? null : parseDyad(given);
    for (const old of alert.querySelectorAll('.dyad-problem')) old.remove();
    if (given !== null && (dyad === null || dyadKey(dyad) !== given)) {
      // not a pair the API takes (or not written as the app writes it): the address keeps what is used
      history.replaceState(history.state, '', exploreHash(next, dyad));
      if (dyad === null) alert.append(h('p', { class: 'dyad-problem' }, `The link’s pair “${given}” is not two actor codes (SOURCE~TARGET), so it was left out.`));
    }
    const nextKey = next.toString();
    if (nextKey !== key) {
      key = nextKey;
      filters = next;
      const problems = checkFilters(filters);
      const keep = [...alert.querySelectorAll('.dyad-problem')];
      replace(alert);
      if (problems.length > 0) {
        alert.append(h('p', {}, 'The link has filters the server cannot use:'), h('ul', {}, problems.map((p) => h('li', {}, p))));
      }
      alert.append(...keep);
      load();
    }
    loadDyad();
  }

  const el = h(
    'section',
    { class: 'view view-explore', 'aria-labelledby': heading.id },
    h('div', { class: 'view-head' }, heading, summary),
    form,
    alert,
    dyadStatus,
    h('div', { class: 'explore-grid' }, eventsPanel.section, timeline.section, map.section, network.section, dyadPanel.section, commitments.section),
  );

  return {
    el,
    enter,
    title: () => `Explore ${describeFilters(filters)}${dyad !== null ? ` · Goldstein ${pairText(dyad)}` : ''} — wirecoder`,
    heading: () => heading,
    focusSearch: () => {
      const q = inputs.get('q');
      q?.focus();
      if (q instanceof HTMLInputElement) q.select();
    },
    currentHash: () => exploreHash(filters, dyad),
  };
}
