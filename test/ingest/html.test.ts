/** HTML in: the article of a news page, its title and date; nothing from scripts, styles or the page's furniture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { decodeEntities, extractArticle, htmlToText, looksLikeHtml, storyText } from '../../src/ingest/html.js';
import { recordToStory } from '../../src/ingest/jsonl.js';
import { storyFromBytes } from '../../src/ingest/readers.js';
import { createCoder } from '../../src/coder.js';
import type { StoryInput } from '../../src/types.js';

const page = readFileSync(join(repoRoot, 'examples', '005_page.html'), 'utf8');
/** The example page's article, typed out by hand as plain text. */
const ARTICLE = [
  "LIMA (Wirecoder Sample) \u2013 Peru's foreign minister met his Chilean counterpart in Lima on Wednesday and the two governments agreed to hold talks on their disputed maritime border, officials said.",
  "Chile's foreign minister said his country was willing to negotiate but would not accept any change to the fishing zone before the talks.",
  'Peruvian fishermen protested outside the Chilean embassy in Lima, demanding that the government defend their catch & their jobs.',
].join('\n\n');
const FURNITURE = /Iran|Israel|Russia|Georgia|Syria|Lebanon|Most read|Home|copy|dataLayer|font-family/;

test('the example page: its article as text, its title, its publication date; no script, style, navigation or footer', () => {
  const a = extractArticle(page);
  assert.equal(a.title, 'Peru and Chile agree to talks over fishing waters');
  assert.equal(a.date, '2008-04-17');
  assert.equal(a.text, ARTICLE);
  assert.doesNotMatch(a.text, FURNITURE);
  assert.doesNotMatch(a.text, /&#?\w+;|\u00a0/, 'entities decoded');
});

test('a page Readability does not take for an article still gives its visible text, without scripts and styles', () => {
  const html = '<!doctype html><html><head><title>T</title><script>var x = "Iran attacked Israel";</script><style>p{}</style></head><body><p>Peru&#39;s army said so.</p><p>Short.</p><noscript>Syria attacked</noscript></body></html>';
  const a = extractArticle(html);
  assert.equal(a.text, "Peru's army said so.\n\nShort.");
  assert.equal(a.title, 'T');
  assert.equal(a.date, null, 'no date in the page: none is guessed');
  assert.equal(htmlToText('<div>one<br>two</div><script>three</script>'), 'one\n\ntwo');
});

test('HTML is recognised by its beginning; entities in plain text are decoded, but "AT&T" and "S&P 500" stay', () => {
  assert.ok(looksLikeHtml(page));
  assert.ok(looksLikeHtml('\uFEFF  <!-- saved --> <html lang="en"><body>x</body></html>'));
  assert.ok(!looksLikeHtml('Canada <b>said</b> on Monday'));
  assert.equal(decodeEntities('Peru&#39;s&nbsp;army &amp; AT&T, S&P 500'), "Peru's army & AT&T, S&P 500");
  assert.deepEqual(storyText('Chile&#39;s navy', 'auto'), { text: "Chile's navy", headline: null, date: null });
});

test('readers: an .html file, an HTML page on any name, a JSON Lines record with "format": "html"', () => {
  const bytes = new TextEncoder().encode(page);
  const [file] = storyFromBytes(bytes, 'page.html', 'page.html', 'html', null);
  const [auto] = storyFromBytes(bytes, 'page', 'page', 'auto', '2001-01-01');
  for (const s of [file, auto]) {
    assert.ok(s && 'text' in s);
    assert.equal(s.text, ARTICLE);
    assert.equal(s.headline, 'Peru and Chile agree to talks over fishing waters');
    assert.equal(s.date, '2008-04-17', "the page's date before the fallback");
  }
  const items = recordToStory({ id: 'p1', text: page, format: 'html', date: '2008-04-18' }, 'in.jsonl', 3, null);
  const story = items.find((x): x is StoryInput => 'text' in x);
  assert.ok(story);
  assert.equal(story.text, ARTICLE);
  assert.equal(story.date, '2008-04-18', "the record's own date first");
  const plain = recordToStory({ id: 'p2', text: '<html><body><p>kept as written</p></body></html>', format: 'text' }, 'in.jsonl', 4, null);
  assert.equal(plain.find((x): x is StoryInput => 'text' in x)?.text, '<html><body><p>kept as written</p></body></html>');
});

test('the example page codes the same events as its article alone, and nothing from its scripts or furniture', async () => {
  const coder = await createCoder();
  const brief = (s: StoryInput): string[] => coder.codeStory(s).events.map((e) => `${e.source.code}>${e.target?.code ?? '-'} ${e.cameo.code} s${e.sentence} ${e.date ?? ''}`);
  const [fromPage] = storyFromBytes(new TextEncoder().encode(page), 'examples/005_page.html', '005_page.html', 'html', null);
  assert.ok(fromPage && 'text' in fromPage);
  const alone: StoryInput = { id: '005_page', text: ARTICLE, date: '2008-04-17', origin: { file: 'typed' } };
  const events = brief(fromPage);
  assert.ok(events.length >= 2, events.join(' | '));
  assert.deepEqual(events, brief(alone));
  assert.ok(events.every((e) => !/IRN|ISR|RUS|GEO|SYR|LBN/.test(e)), events.join(' | '));
});

test('a page nested far too deep for a DOM is read by its text in linear steps, scripts still dropped', () => {
  for (const depth of [200, 50_000]) {
    const html = `<!doctype html><html><head><title>Deep</title><script>var s = "Iran attacked Israel";</script></head><body>${'<div>'.repeat(depth)}<p>Peru&#39;s army said so.</p><!-- Syria attacked -->${'</div>'.repeat(depth)}</body></html>`;
    const a = extractArticle(html);
    assert.equal(a.text, "Peru's army said so.", `depth ${depth}`);
    assert.equal(a.title, 'Deep');
  }
  // an unclosed script hides the rest of the page, as in a browser
  assert.equal(extractArticle(`<html><body>${'<div>'.repeat(300)}<p>Kept.</p><script>var x = "Iran attacked"`).text, 'Kept.');
});
