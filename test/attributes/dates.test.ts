import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDateFinder, mayContainDate, type DateMention } from '../../src/attributes/dates.js';
import { shared } from '../helpers.js';

const finder = createDateFinder();
const REF = '2008-02-08'; // Friday, the Reuters date of the seed story

function only(text: string, ref: string | null = REF): DateMention {
  const found = finder.find(text, ref);
  assert.equal(found.length, 1, `one date in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  const m = found[0];
  assert.ok(m);
  assert.equal(text.slice(m.span.start, m.span.end), m.text, 'span matches text');
  return m;
}

test('seed: weekdays resolve past-leaning against the Friday story date', () => {
  assert.equal(only('Canada sent senior officials to Paris on Friday to sound out France').date, '2008-02-08');
  const thu = only('Morin told reporters at the NATO meeting on Thursday that Paris was willing to help');
  assert.equal(thu.date, '2008-02-07');
  assert.equal(thu.precision, 'day');
  assert.equal(only('He said on Monday the talks had failed.').date, '2008-02-04');
});

test('future clauses move weekdays and month dates forward', () => {
  assert.equal(only('The ministers will meet on Monday in Brussels.').date, '2008-02-11');
  assert.equal(only('France will send troops, Morin said on Thursday.').date, '2008-02-07');
  assert.equal(only('Elections are scheduled for January 12.').date, '2009-01-12');
});

test('seed: "next February" is the following February', () => {
  const m = only('Canada will pull its soldiers from Kandahar on schedule next February unless other NATO nations help.');
  assert.equal(m.text, 'next February');
  assert.equal(m.date, '2009-02');
  assert.equal(m.precision, 'month');
  assert.equal(only('Turnout was low last March.').date, '2007-03');
});

test('seed: "April 2-4" is a day range', () => {
  const m = only('to be discussed at an April 2-4 alliance summit in Bucharest.');
  assert.equal(m.date, '2008-04-02');
  assert.equal(m.end, '2008-04-04');
  assert.equal(m.precision, 'day');
});

test('seed: "late March" keeps its modifier', () => {
  const m = only('a parliamentary vote of confidence in late March on prolonging its mission');
  assert.equal(m.text, 'late March');
  assert.deepEqual([m.date, m.precision, m.modifier], ['2008-03', 'month', 'late']);
  assert.equal(only('Talks resume in mid-March.').modifier, 'mid');
  assert.equal(only('Growth slowed in early 2008.').modifier, 'early');
});

test('seed: "earlier this week" is Monday..reference day', () => {
  const m = only('officials said earlier this week.');
  assert.equal(m.date, '2008-02-04');
  assert.equal(m.end, '2008-02-08');
  assert.equal(m.precision, 'day');
});

test('relative words resolve against the reference date, not the clock', () => {
  const week = only('Troops arrived last week.');
  assert.deepEqual([week.date, week.end], ['2008-01-28', '2008-02-03']);
  assert.equal(only('Rebels attacked yesterday.').date, '2008-02-07');
  assert.equal(only('The talks end today.').date, '2008-02-08');
  assert.equal(only('It happened on March 3.').date, '2008-03-03');
  const y = only('The mission ends in 2009.');
  assert.deepEqual([y.date, y.precision], ['2009', 'year']);
  const eoy = only('They will leave by the end of the year.');
  assert.deepEqual([eoy.date, eoy.precision, eoy.modifier], ['2008-12', 'month', 'late']);
  assert.equal(only('Prices rose last month.').date, '2008-01');
  assert.equal(only('A vote is due next year.').date, '2009');
});

test('false positives are dropped', () => {
  for (const t of [
    'MacKay, speaking on the last day of a two-day NATO defence ministers meeting, said it was too early.',
    'The day was cold.',
    'Officials said they may send more troops.',
    'Thousands of troops march through the capital.',
    'Canada has 2,500 troops in the south.',
    'March organisers said the route was closed.',
    'It was the first time in six years that the party lost.',
    'The Sun reported the story.',
  ]) {
    assert.deepEqual(finder.find(t, REF), [], t);
  }
});

test('text without date words returns [] (prefilter)', () => {
  const t = 'Canada sent senior officials to Paris to sound out France on a possible offer of support.';
  assert.equal(mayContainDate(t), false);
  assert.deepEqual(finder.find(t, REF), []);
  assert.deepEqual(finder.find('', REF), []);
});

test('without a reference, relative dates are null and absolute ones resolve', () => {
  assert.equal(only('Canada sent officials to Paris on Friday.', null).date, null);
  assert.equal(only('Rebels attacked yesterday.', null).date, null);
  assert.equal(only('Troops arrived last week.', null).date, null);
  assert.equal(only('The deal was signed on March 3, 2008.', null).date, '2008-03-03');
  assert.equal(only('The mission ends in 2009.', null).date, '2009');
  // an invalid reference behaves like null
  assert.equal(only('Rebels attacked yesterday.', 'not-a-date').date, null);
});

test('seed story (words repaired): the expected dates in order', () => {
  const raw = readFileSync(shared('samples', '000_b7e1029fb9729208.txt'), 'utf8');
  // the seed has merged words; only the ones around dates matter here
  const text = raw.replace('Februaryunless', 'February unless');
  const got = finder.find(text, REF).map((m) => [m.text, m.date]);
  assert.deepEqual(got, [
    ['on Friday', '2008-02-08'],
    ['next February', '2009-02'],
    ['on Thursday', '2008-02-07'],
    ['on Thursday', '2008-02-07'],
    ['April 2-4', '2008-04-02'],
    ['late March', '2008-03'],
    ['earlier this week', '2008-02-04'],
  ]);
});
