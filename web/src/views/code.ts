/**
 * Code view: paste or load a story, POST it to /api/code, and show the highlighted text, the event
 * cards and the commitments. Nothing is stored.
 */
import { api, errorText, isAbort } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { codedResult } from './result.js';
import type { View } from './view.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A loaded file in the wire-dump layout ("-- headline", "-- byline", "-- Wed Mar 12, 2008 9:14am EDT",
 * "-- url", then the body): the header goes to the headline and date fields, the body to the text.
 */
export function splitWireHeader(content: string): { text: string; headline: string | null; date: string | null } {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  if (!(lines[0] ?? '').startsWith('-- ')) return { text: content, headline: null, date: null };
  let i = 0;
  const header: string[] = [];
  while (i < lines.length && (lines[i] ?? '').startsWith('--')) {
    header.push((lines[i] ?? '').replace(/^--\s?/, '').trim());
    i++;
  }
  let date: string | null = null;
  for (const line of header) {
    const m = /\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})\b/.exec(line);
    const month = m?.[1] !== undefined ? MONTHS.indexOf(m[1].toLowerCase()) : -1;
    if (m !== null && month >= 0) {
      date = `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}`;
      break;
    }
  }
  const headline = header[0] !== undefined && header[0] !== '' ? header[0] : null;
  return { text: lines.slice(i).join('\n').trim(), headline, date };
}

export function codeView(): View {
  const textId = uid('code-text');
  const headlineId = uid('code-headline');
  const dateId = uid('code-date');
  const fileId = uid('code-file');
  const heading = h('h1', { tabindex: '-1', id: uid('code-h') }, 'Code a text');
  const textarea = h('textarea', {
    id: textId,
    name: 'text',
    rows: 10,
    required: true,
    spellcheck: 'false',
    placeholder: 'OTTAWA (Reuters) - Canada will withdraw its 900 engineers from Mosul next June unless …',
    'aria-describedby': `${textId}-hint`,
  });
  const headline = h('input', { id: headlineId, name: 'headline', type: 'text', autocomplete: 'off' });
  const date = h('input', { id: dateId, name: 'date', type: 'date' });
  const file = h('input', { id: fileId, name: 'file', type: 'file', accept: '.txt,text/plain' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Code');
  const alert = h('div', { role: 'alert', class: 'alert' });
  const status = h('p', { role: 'status', class: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'code-result' });
  let controller: AbortController | null = null;

  const showError = (message: string): void => {
    replace(alert, message === '' ? null : h('p', {}, message));
  };

  const run = async (): Promise<void> => {
    const text = textarea.value;
    if (text.trim() === '') {
      showError('Paste or load a story first: the text is empty.');
      textarea.focus();
      return;
    }
    controller?.abort();
    const own = new AbortController();
    controller = own;
    showError('');
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = 'Coding… (the first request also loads the dictionaries)';
    const body: { text: string; date?: string; headline?: string } = { text };
    if (date.value !== '') body.date = date.value;
    if (headline.value.trim() !== '') body.headline = headline.value.trim();
    try {
      const coded = await api.code(body, own.signal);
      replace(result, h('h2', { class: 'sr-only' }, 'Result'), codedResult(coded, 'code'));
      status.textContent =
        coded.events.length === 0 ? 'Coded: no events coded in this text.' : `Coded: ${coded.events.length} event${coded.events.length === 1 ? '' : 's'}.`;
    } catch (err) {
      if (isAbort(err)) return;
      status.textContent = '';
      result.replaceChildren();
      showError(`Could not code the text — ${errorText(err)}`);
    } finally {
      if (controller === own) {
        button.disabled = false;
        form.removeAttribute('aria-busy');
      }
    }
  };

  const form = h(
    'form',
    {
      class: 'code-form',
      novalidate: true,
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        void run();
      },
    },
    h('div', { class: 'field wide' }, h('label', { for: textId }, 'Story text'), textarea, h('p', { id: `${textId}-hint`, class: 'hint' }, 'Plain text of one story. Ctrl+Enter codes it.')),
    h(
      'div',
      { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: headlineId }, 'Headline (optional)'), headline),
      h('div', { class: 'field' }, h('label', { for: dateId }, 'Date (optional)'), date),
      h('div', { class: 'field' }, h('label', { for: fileId }, 'Load a .txt file'), file),
    ),
    h(
      'div',
      { class: 'actions' },
      button,
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            controller?.abort();
            textarea.value = '';
            headline.value = '';
            date.value = '';
            file.value = '';
            showError('');
            status.textContent = '';
            result.replaceChildren();
            textarea.focus();
          },
        },
        'Clear',
      ),
    ),
  );

  textarea.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f === undefined) return;
    if (f.size > 2 * 1024 * 1024) {
      showError(`${f.name} is larger than 2 MB; the server takes at most 2 MB per request.`);
      return;
    }
    f.text().then(
      (content) => {
        const parts = splitWireHeader(content);
        textarea.value = parts.text;
        if (parts.headline !== null) headline.value = parts.headline;
        if (parts.date !== null) date.value = parts.date;
        showError('');
        status.textContent =
          parts.headline !== null ? `Loaded ${f.name}; its header gave the headline${parts.date !== null ? ' and the date' : ''}.` : `Loaded ${f.name}.`;
        textarea.focus();
      },
      (err: unknown) => showError(`Could not read ${f.name}: ${errorText(err)}`),
    );
  });

  const el = h(
    'section',
    { class: 'view view-code', 'aria-labelledby': heading.id },
    heading,
    h('p', { class: 'intro' }, 'Paste a wire story or load a text file. The text is coded on the server and not stored.'),
    form,
    alert,
    status,
    result,
  );

  return {
    el,
    enter: () => {},
    title: () => 'Code a text — wirecoder',
    heading: () => heading,
  };
}
