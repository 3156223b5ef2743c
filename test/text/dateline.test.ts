import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCredits, parseDateline } from '../../src/text/dateline.js';
import { shared } from '../helpers.js';
import { loadCorpusStories } from './corpus.js';

const seed = readFileSync(shared('samples', '000_b7e1029fb9729208.txt'), 'utf8');

test('seed dateline and credits', () => {
  const d = parseDateline(seed);
  assert.deepEqual(d, { place: 'Vilnius', agency: 'Reuters', span: { start: 0, end: 19 } });
  const c = parseCredits(seed);
  assert.deepEqual(c.reporters, ['Patrick Lannin', 'Illona Wiessenbach', 'MarkJohn']);
  assert.deepEqual(c.editors, ['Catherine Evans']);
  assert.ok(c.span && seed.slice(c.span.start, c.span.end).startsWith('(Reporting by'));
});

test('dateline variants', () => {
  const cases: [string, string | null, string | null][] = [
    ['WASHINGTON, March 3 (Reuters) - The', 'Washington', 'Reuters'],
    ['NEW YORK (AP) -- Stocks fell', 'New York', 'AP'],
    ['LONDON, Feb 11 (Reuters) - x', 'London', 'Reuters'],
    [' CALGARY, Alberta  (Reuters) - x', 'Calgary, Alberta', 'Reuters'],
    ['SYDNEY/PHILADELPHIA  (Reuters) - x', 'Sydney', 'Reuters'],
    ['ST. LOUIS  (Reuters) - x', 'St. Louis', 'Reuters'],
    ['By Jennifer Coogan NEW YORK  (Reuters) - x', 'New York', 'Reuters'],
  ];
  for (const [text, place, agency] of cases) {
    const d = parseDateline(text);
    assert.ok(d, text);
    assert.equal(d.place, place);
    assert.equal(d.agency, agency);
  }
  assert.equal(parseDateline('Canada sent officials (Reuters) - to Paris'), null);
  assert.equal(parseDateline('No dateline here.'), null);
});

test('credit variants', () => {
  const c = parseCredits('(Reporting by X Yz in Paris; Additional reporting by Ab Cd; Writing by Ef Gh; Editing by Ij Kl and Mn Op)');
  assert.deepEqual(c.reporters, ['X Yz', 'Ab Cd', 'Ef Gh']);
  assert.deepEqual(c.editors, ['Ij Kl', 'Mn Op']);
  const line = '(Reporting by  Pav Jordan , editing by Gerald E. McCormick)';
  assert.deepEqual(parseCredits(line), { reporters: ['Pav Jordan'], editors: ['Gerald E. McCormick'], span: { start: 0, end: line.length } });
  assert.deepEqual(parseCredits('(Compiled by Jan Dahinten; Editing by Ann Smith/Bob Jones)').editors, ['Ann Smith', 'Bob Jones']);
  assert.deepEqual(parseCredits('no credits'), { reporters: [], editors: [], span: null });
});

test('corpus: most stories yield a dateline and credits', (t) => {
  const stories = loadCorpusStories(300);
  let datelines = 0;
  let credits = 0;
  for (const s of stories) {
    const text = s.paragraphs.join('\n');
    if (parseDateline(text)) datelines++;
    if (parseCredits(text).reporters.length + parseCredits(text).editors.length > 0) credits++;
  }
  t.diagnostic(`datelines ${datelines}/${stories.length}, credits ${credits}/${stories.length}`);
  assert.ok(datelines >= stories.length * 0.8);
  assert.ok(credits >= stories.length * 0.6);
});
