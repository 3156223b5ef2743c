/**
 * wirecoder web app: a header with the store's counts, and three views chosen by the hash
 * (`#/explore?filters`, `#/code`, `#/story/ID`). Views are built once and kept.
 */
import './style.css';
import { api, errorText } from './api.js';
import { h, replace } from './dom.js';
import { fmtInt, plural, QUADS } from './format.js';
import { codeView } from './views/code.js';
import { exploreView } from './views/explore.js';
import { storyView } from './views/story.js';
import type { View } from './views/view.js';

type Route = { name: 'explore' | 'code' | 'story'; arg: string };

function parseRoute(hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return { name: 'explore', arg: '' };
  if (!hash.startsWith('#/')) return null; // an in-page anchor (skip link): not a route
  const path = hash.slice(2);
  const q = path.indexOf('?');
  const head = q < 0 ? path : path.slice(0, q);
  const query = q < 0 ? '' : path.slice(q + 1);
  if (head === 'explore') return { name: 'explore', arg: query };
  if (head === 'code') return { name: 'code', arg: query };
  if (head.startsWith('story/')) return { name: 'story', arg: decodeURIComponent(head.slice('story/'.length)) };
  return { name: 'explore', arg: '' };
}

const explore = exploreView();
const views: Record<Route['name'], View> = {
  explore,
  code: codeView(),
  story: storyView(() => explore.currentHash()),
};

const main = h('main', { id: 'main', tabindex: '-1' });
const stats = h('p', { class: 'stats', 'aria-label': 'Store contents' }, 'Loading counts…');
const navLinks = {
  explore: h('a', { href: '#/explore' }, 'Explore'),
  code: h('a', { href: '#/code' }, 'Code a text'),
};
const skip = h('a', { class: 'skip-link', href: '#main' }, 'Skip to content');
skip.addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});

document.body.replaceChildren(
  skip,
  h(
    'header',
    { class: 'site-header' },
    h('div', { class: 'brand' }, h('a', { href: '#/explore', class: 'brand-link' }, 'wirecoder'), h('span', { class: 'tagline' }, 'political events from wire stories')),
    h('nav', { 'aria-label': 'Main' }, h('ul', {}, h('li', {}, navLinks.explore), h('li', {}, navLinks.code))),
    stats,
  ),
  main,
  h('footer', { class: 'site-footer' }, 'CAMEO / PLOVER coding · press ', h('kbd', {}, '/'), ' to search · ', h('a', { href: 'api/openapi.json' }, 'API description')),
);

async function loadStats(): Promise<void> {
  try {
    const st = await api.stats();
    const quads = QUADS.map((q) => `${q.short} ${fmtInt(st.quad[String(q.quad)] ?? 0)}`).join(', ');
    replace(
      stats,
      h('span', {}, plural(st.stories, 'story', 'stories')),
      ' · ',
      h('span', { title: quads }, plural(st.events, 'event')),
      ' · ',
      h('span', {}, plural(st.actors, 'actor')),
      ' · ',
      h('span', {}, plural(st.commitments, 'commitment')),
    );
  } catch (err) {
    stats.textContent = `Counts unavailable (${errorText(err)})`;
  }
}

let shown: View | null = null;
let pendingSearchFocus = false;

function route(): void {
  const r = parseRoute(location.hash);
  if (r === null) return;
  const view = views[r.name];
  const changed = view !== shown;
  if (changed) {
    main.replaceChildren(view.el);
    shown = view;
  }
  for (const [name, link] of Object.entries(navLinks)) {
    if (name === r.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  view.enter(r.arg);
  document.title = view.title();
  if (pendingSearchFocus && view === views.explore) {
    pendingSearchFocus = false;
    explore.focusSearch();
  } else if (changed && started) {
    view.heading().focus({ preventScroll: false });
  }
  if (changed) window.scrollTo(0, 0);
}

let started = false;
window.addEventListener('hashchange', route);
route();
started = true;
void loadStats();

// "/" jumps to the text search (unless typing in a field)
document.addEventListener('keydown', (ev) => {
  if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = ev.target;
  if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  ev.preventDefault();
  if (shown !== views.explore) {
    pendingSearchFocus = true;
    location.hash = explore.currentHash();
  } else {
    explore.focusSearch();
  }
});
