/** Story view (`#/story/ID`): a stored story with its metadata, highlighted text, events and commitments. */
import { api, ApiError, errorText, isAbort, type StoredStory } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { codedResult } from './result.js';
import type { View } from './view.js';

function meta(story: StoredStory): HTMLElement {
  const items: [string, Node | string][] = [];
  items.push(['Date', story.date ?? 'undated']);
  if (story.dateline !== null && (story.dateline.place !== null || story.dateline.agency !== null)) {
    items.push(['Dateline', [story.dateline.place, story.dateline.agency].filter((x): x is string => x !== null).join(' · ')]);
  }
  if (story.credits.reporters.length > 0) items.push(['Reporting', story.credits.reporters.join(', ')]);
  if (story.credits.editors.length > 0) items.push(['Editing', story.credits.editors.join(', ')]);
  if (story.url !== null) {
    const safe = /^https?:\/\//i.test(story.url);
    items.push(['URL', safe ? h('a', { href: story.url, rel: 'noopener noreferrer', target: '_blank' }, story.url) : story.url]);
  }
  items.push(['Source file', story.origin]);
  items.push(['Coded', `${story.coded_at} by ${story.coder}`]);
  return h('dl', { class: 'story-meta' }, items.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

export function storyView(backHash: () => string): View {
  const heading = h('h1', { tabindex: '-1', id: uid('story-h') }, 'Story');
  const alert = h('div', { role: 'alert', class: 'alert' });
  const body = h('div', { class: 'story-body' });
  const back = h('a', { class: 'back', href: '#/explore' }, '← Back to explore');
  let current: string | null = null;
  let title = 'Story — wirecoder';
  let controller: AbortController | null = null;

  async function load(id: string): Promise<void> {
    controller?.abort();
    const c = new AbortController();
    controller = c;
    replace(alert);
    heading.textContent = 'Story';
    replace(body, h('p', { class: 'loading' }, 'Loading story…'));
    try {
      const story = await api.story(id, c.signal);
      heading.textContent = story.headline ?? 'Untitled story';
      title = `${story.headline ?? 'Story'} — wirecoder`;
      document.title = title;
      replace(
        body,
        meta(story),
        codedResult(story, 'story'),
        story.quotes.length > 0
          ? h(
              'section',
              { class: 'panel', 'aria-labelledby': 'story-quotes-h' },
              h('h2', { id: 'story-quotes-h' }, `Quotes (${story.quotes.length})`),
              h(
                'ul',
                { class: 'quotes' },
                story.quotes.map((q) => h('li', {}, h('q', {}, q.text), q.speaker !== null ? ` — ${q.speaker.text}${q.speaker.code !== null ? ` (${q.speaker.code})` : ''}` : '')),
              ),
            )
          : null,
      );
    } catch (err) {
      if (isAbort(err)) return;
      current = null;
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
        heading.textContent = 'Story not found';
        title = 'Story not found — wirecoder';
        document.title = title;
        replace(body, h('p', { class: 'empty' }, `There is no stored story with the id “${id}”. It may have been removed, or the link is incomplete.`));
      } else {
        replace(body);
        replace(alert, h('p', {}, `Could not load the story — ${errorText(err)}`));
      }
    }
  }

  const el = h('section', { class: 'view view-story', 'aria-labelledby': heading.id }, back, heading, alert, body);
  return {
    el,
    enter: (id) => {
      back.href = backHash();
      if (id === current) return;
      current = id;
      void load(id);
    },
    title: () => title,
    heading: () => heading,
  };
}
