import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReutersFormat, parseReuters, parseReutersDate, reutersStory } from '../../src/ingest/index.js';
import { REUTERS_SAMPLE, reutersFile } from './fixtures.js';

test('parseReutersDate reads the header date', () => {
  assert.equal(parseReutersDate('Mon Feb 11, 2008 2:54pm EST'), '2008-02-11');
  assert.equal(parseReutersDate('Wed Sep 24, 2008 11:50am EDT'), '2008-09-24');
  assert.equal(parseReutersDate('Tue Dec 2, 2008 9:01am EST'), '2008-12-02');
  assert.equal(parseReutersDate('http://www.example.com/x'), null);
  assert.equal(parseReutersDate('Foo Bar 2, 2008'), null);
});

test('parseReuters splits header and body', () => {
  assert.ok(isReutersFormat(REUTERS_SAMPLE));
  const r = parseReuters(REUTERS_SAMPLE);
  assert.equal(r.headline, 'Freedonia and Sylvania agree to talks on river dispute');
  assert.equal(r.byline, 'By  Ann Example');
  assert.equal(r.date, '2008-03-04');
  assert.equal(r.url, 'http://www.example.com/article/2008/03/04/freedonia-sylvania-idUSX0000120080304');
  assert.ok(r.body.startsWith('FREEDONIA CITY  (Reuters) - Freedonia'));
  assert.ok(r.body.endsWith('accusations for weeks.'));
  // Hard wraps are kept: repairing them is the text stage's job.
  assert.ok(r.body.includes('talks \nnext month'));
});

test('empty byline and header-only files', () => {
  const headerOnly = reutersFile({ headline: 'Markets close', date: 'Wed Sep 24, 2008 11:50am EDT', url: 'http://example.com/a', body: '' });
  const r = parseReuters(headerOnly);
  assert.equal(r.byline, null);
  assert.equal(r.body, '');
  assert.equal(r.date, '2008-09-24');
  // Header without the trailing blank lines at all.
  const bare = '-- Markets close\n-- \n-- Wed Sep 24, 2008 11:50am EDT\n-- http://example.com/a';
  const b = parseReuters(bare);
  assert.equal(b.body, '');
  assert.equal(b.url, 'http://example.com/a');
});

test('reutersStory: header date wins over the fallback; fallback used when the header has none', () => {
  const s = reutersStory(REUTERS_SAMPLE, 'freedonia-sylvania-idUSX0000120080304', 'f', '1999-01-01');
  assert.equal(s.date, '2008-03-04');
  assert.equal(s.id, 'freedonia-sylvania-idUSX0000120080304');
  assert.equal(s.headline, 'Freedonia and Sylvania agree to talks on river dispute');
  assert.deepEqual(s.origin, { file: 'f' });
  const noDate = reutersStory('-- Headline\n-- \n-- sometime\n-- http://x\n\n \n\nBody.', 'x', 'f', '1999-01-01');
  assert.equal(noDate.date, '1999-01-01');
  assert.equal(noDate.text, 'Body.');
});
