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
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'iframe', 'object', 'head']);
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

/** A document as linkedom gives it (the parts used here). */
type Doc = ReturnType<typeof parseHTML>['document'];

function publicationDate(doc: Doc): string | null {
  const metas = [...doc.querySelectorAll('meta')];
  for (const key of DATE_META) {
    for (const m of metas) {
      const name = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
      if (name === key) {
        const day = isoDay(m.getAttribute('content'));
        if (day) return day;
      }
    }
  }
  for (const t of [...doc.querySelectorAll('time[datetime]')]) {
    const day = isoDay(t.getAttribute('datetime'));
    if (day) return day;
  }
  return null;
}

/** The article of an HTML page. */
export function extractArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  // read before Readability, which rewrites the document
  const date = publicationDate(document);
  const pageTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const body = document.querySelector('body');
  const fallback = (): string => htmlToText(body ? body.innerHTML : html);
  let text: string;
  let title = pageTitle;
  try {
    // linkedom's document is a DOM document by behaviour, not by its type declarations
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    text = article?.content ? htmlToText(article.content) : '';
    if (article?.title) title = article.title.replace(/\s+/g, ' ').trim() || title;
  } catch {
    text = '';
  }
  // a page Readability does not take for an article (short, or all list): its visible text
  if (!text) text = fallback();
  return { title, date, text };
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
