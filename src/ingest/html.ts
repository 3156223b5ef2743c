/**
 * HTML in: a news page becomes a story. The main content is found by @mozilla/readability (Firefox's
 * Reader View) over a linkedom document; its HTML is turned into text by htmlparser2 (entities decoded),
 * a blank line between blocks, so that paragraphs stay sentences apart. Script, style, navigation and
 * the rest of the page's furniture never reach the coder. The page's title is the headline; a
 * publication date from its meta data or a <time datetime> is the story's date (none found: the
 * caller's fallback date, never a guess).
 */
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { decodeHTMLStrict } from 'entities';

export interface HtmlArticle {
  /** The article's title (the page's <title> when Readability finds none), or null. */
  title: string | null;
  /** YYYY-MM-DD from the page's publication meta data or first <time datetime>, or null. */
  date: string | null;
  /** The main content as plain text: blocks separated by blank lines. */
  text: string;
}

/** Whether a text looks like an HTML document: a doctype or an <html> tag first (after space, BOM, comments). */
export function looksLikeHtml(text: string): boolean {
  return /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 4096));
}

/** Elements whose content is never story text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'iframe', 'object', 'head', 'title', 'textarea']);
/** Elements that end a block of text. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'table',
  'section', 'article', 'figure', 'figcaption', 'hr', 'main', 'address', 'caption', 'td', 'th',
]);

/** Text of an HTML fragment or page: skipped elements dropped, a blank line between blocks, entities decoded. */
export function htmlToText(html: string): string {
  const blocks: string[] = [];
  let current = '';
  let skipping = 0;
  const endBlock = (): void => {
    const t = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (t) blocks.push(t);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCKS.has(name) && skipping === 0) endBlock();
      },
      ontext(text) {
        if (skipping === 0) current += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(name) && skipping === 0) endBlock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endBlock();
  return blocks.join('\n\n');
}

/** Meta names and properties that carry a page's publication date, most specific first. */
const DATE_META = ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'dc.date.issued', 'dc.date', 'date', 'sailthru.date', 'parsely-pub-date'];

/** YYYY-MM-DD at the start of an ISO-like date string, when it is a real date. */
function isoDay(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** What one streaming pass over a page finds: its size and depth, title and publication date. */
interface PageFacts {
  elements: number;
  depth: number;
  title: string | null;
  date: string | null;
}

/** Elements that never hold content, so never deepen the tree. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A tag: its closing slash, its name, its attributes. Linear: no nested quantifiers. */
const TAG_RE = /<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g;
const ATTR_RE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTR_RE)) out.set((m[1] ?? '').toLowerCase(), decodeHTMLStrict(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

/**
 * One pass over a page's tags with a regular expression (linear whatever the nesting: htmlparser2 keeps
 * its open elements in an array it shifts, so a deeply nested page costs it the square of its depth).
 */
function pageFacts(html: string): PageFacts {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let title: string | null = null;
  const metaDates = new Map<string, string>();
  let timeDate: string | null = null;
  for (const m of html.matchAll(TAG_RE)) {
    const name = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') {
      if (!VOID.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (!VOID.has(name) && !(m[3] ?? '').endsWith('/')) deepest = Math.max(deepest, ++depth);
    if (name === 'title' && title === null) {
      const from = (m.index ?? 0) + m[0].length;
      const close = html.toLowerCase().indexOf('</title', from);
      title = decodeHTMLStrict(html.slice(from, close < 0 ? from : close)).replace(/\s+/g, ' ').trim() || null;
    } else if (name === 'meta') {
      const a = attributes(m[3] ?? '');
      const key = (a.get('property') ?? a.get('name') ?? a.get('itemprop') ?? '').toLowerCase();
      const day = isoDay(a.get('content'));
      if (key && day && !metaDates.has(key)) metaDates.set(key, day);
    } else if (name === 'time' && timeDate === null) timeDate = isoDay(attributes(m[3] ?? '').get('datetime'));
  }
  let date: string | null = null;
  for (const key of DATE_META) {
    const d = metaDates.get(key);
    if (d) {
      date = d;
      break;
    }
  }
  return { elements, depth: deepest, title, date: date ?? timeDate };
}


/**
 * The visible text of a page too large or too deep for a DOM, in linear time: comments and raw-text
 * elements dropped, a blank line at each block tag, other tags removed, entities decoded.
 */
function flatText(html: string): string {
  const lower = html.toLowerCase();
  let kept = '';
  let at = 0;
  // comments and raw-text elements out, each found by indexOf from where the last ended (no rescans)
  const opener = /<!--|<(script|style|noscript|template|textarea|title)\b/gi;
  for (let m = opener.exec(html); m !== null; m = opener.exec(html)) {
    kept += html.slice(at, m.index);
    const end = m[0] === '<!--' ? lower.indexOf('-->', m.index + 4) : lower.indexOf(`</${(m[1] ?? '').toLowerCase()}`, m.index + m[0].length);
    if (end < 0) {
      at = html.length;
      break;
    }
    at = m[0] === '<!--' ? end + 3 : Math.max(end + 2, lower.indexOf('>', end) + 1);
    opener.lastIndex = at;
  }
  kept += html.slice(at);
  const text = kept.replace(/<[!?][^>]*>/g, '').replace(TAG_RE, (_t, _slash: string, name: string) => (BLOCKS.has(name.toLowerCase()) ? '\n\n' : ''));
  return decodeHTMLStrict(text)
    .split(/\n\s*\n/)
    .map((b) => b.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Pages beyond these are read by their visible text alone: Readability's time grows faster than the page
 * (a thousand nested <div>s took it seven seconds), and no news page comes near them.
 */
const READABLE_MAX_ELEMENTS = 20_000;
const READABLE_MAX_DEPTH = 150;

/** The article of an HTML page. */
export function extractArticle(html: string): HtmlArticle {
  const facts = pageFacts(html);
  let text = '';
  let title = facts.title;
  if (facts.elements <= READABLE_MAX_ELEMENTS && facts.depth <= READABLE_MAX_DEPTH) {
    try {
      const { document } = parseHTML(html);
      // linkedom's document is a DOM document by behaviour, not by its type declarations
      const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
      text = article?.content ? htmlToText(article.content) : '';
      if (article?.title) title = article.title.replace(/\s+/g, ' ').trim() || title;
    } catch {
      text = '';
    }
  }
  // a page Readability does not take for an article (short, all list): its visible text; a page too
  // large or too deep for a DOM: its text by the linear reader
  if (!text) text = facts.depth <= READABLE_MAX_DEPTH ? htmlToText(html) : flatText(html);
  return { title, date: facts.date, text };
}

/** Decodes HTML character references in plain text ("&#39;", "&amp;", "&nbsp;"); "AT&T" stays as it is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTMLStrict(text).replace(/\u00a0/g, ' ');
}

/** What a story's text is written in: plain text (entities decoded) or an HTML page; auto: by its content. */
export type TextKind = 'text' | 'html' | 'auto';

/** A story's text, headline and date from its raw text (an HTML page or plain text). */
export function storyText(raw: string, kind: TextKind): { text: string; headline: string | null; date: string | null } {
  if (kind === 'html' || (kind === 'auto' && looksLikeHtml(raw))) {
    const a = extractArticle(raw);
    return { text: a.text, headline: a.title, date: a.date };
  }
  return { text: decodeEntities(raw), headline: null, date: null };
}
