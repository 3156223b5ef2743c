import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGazetteer, foldName } from '../../src/attributes/places.js';
import { shared } from '../helpers.js';

const gaz = loadGazetteer();

test('lookup resolves the big, well-known city', () => {
  const k = gaz.lookup('Kandahar');
  assert.ok(k);
  assert.equal(k.geonames, 1138336);
  assert.equal(k.country, 'AFG');
  assert.ok(Math.abs(k.lat - 31.61) < 0.05 && Math.abs(k.lon - 65.71) < 0.05);
  const expect: Array<[string, string, boolean]> = [
    ['Bucharest', 'ROU', true], ['Vilnius', 'LTU', true], ['Kabul', 'AFG', true], ['Paris', 'FRA', true],
    ['Baghdad', 'IRQ', true], ['Washington', 'USA', true], ['Basra', 'IRQ', false],
  ];
  for (const [name, country, capital] of expect) {
    const e = gaz.lookup(name);
    assert.ok(e, name);
    assert.equal(e.country, country, name);
    assert.equal(e.capital, capital, name);
  }
  assert.equal(gaz.lookup('Washington')?.geonames, 4140963);
});

test('lookup: folding, case, datelines, preferences', () => {
  assert.equal(foldName('Kandahār'), 'Kandahar');
  assert.equal(gaz.lookup('Kandahār')?.geonames, 1138336);
  assert.equal(gaz.lookup('VILNIUS')?.country, 'LTU');
  assert.equal(gaz.lookup('kandahar'), null);
  assert.equal(gaz.lookup('MacKay'), null);
  assert.equal(gaz.lookup('Reuters'), null);
  assert.equal(gaz.lookup(''), null);
  assert.equal(gaz.lookup('Hyderabad')?.country, 'IND');
  assert.equal(gaz.lookup('Hyderabad', ['PAK'])?.country, 'PAK');
  // a preference does not pull a town over a far larger capital
  assert.equal(gaz.lookup('Paris', ['CAN'])?.country, 'FRA');
  assert.equal(gaz.lookup('New York')?.country, 'USA');
  assert.equal(gaz.lookup('Rio de Janeiro')?.country, 'BRA');
});

test('toPlace builds the shared Place shape', () => {
  const k = gaz.lookup('Kabul');
  assert.ok(k);
  const p = gaz.toPlace(k, true);
  assert.deepEqual(p, { name: 'Kabul', country: 'AFG', lat: k.lat, lon: k.lon, geonames: k.geonames, from_dateline: true });
});

test('findPlaces: cities in a place context, not countries or common words', () => {
  const text =
    'Fighting spread in Kabul and Kandahar. In Basra, troops met. He flew from New York to Rio de Janeiro on Friday. ' +
    'The Washington Post said. Talks in Canada and France. He arrived in March. In Support of the Mission. ' +
    'Ministers met at Reuters in London, near the Iraqi city of Mosul, and visited the capital Kabul.';
  const got = gaz.findPlaces(text).map((p) => [p.text, p.entry.country, text.slice(p.span.start, p.span.end)]);
  assert.deepEqual(got, [
    ['Kabul', 'AFG', 'Kabul'],
    ['Kandahar', 'AFG', 'Kandahar'],
    ['Basra', 'IRQ', 'Basra'],
    ['New York', 'USA', 'New York'],
    ['Rio de Janeiro', 'BRA', 'Rio de Janeiro'],
    ['London', 'GBR', 'London'],
    ['Mosul', 'IRQ', 'Mosul'],
    ['Kabul', 'AFG', 'Kabul'],
  ]);
});

test('findPlaces: seed story', () => {
  const raw = readFileSync(shared('samples', '000_b7e1029fb9729208.txt'), 'utf8');
  const text = raw.replace('thesouthern', 'the southern').replace('capitalKabul', 'capital Kabul');
  const got = gaz.findPlaces(text, ['CAN', 'FRA']).map((p) => [p.text, p.entry.country]);
  assert.deepEqual(got, [
    ['Paris', 'FRA'],
    ['Kandahar', 'AFG'],
    ['Vilnius', 'LTU'],
    ['Kabul', 'AFG'],
    ['Bucharest', 'ROU'],
  ]);
  assert.equal(gaz.findPlaces(text).find((p) => p.text === 'Kandahar')?.entry.geonames, 1138336);
});

test('findPlaces: no place words → []', () => {
  assert.deepEqual(gaz.findPlaces('The minister said the requirements were clear and help was needed.'), []);
  assert.deepEqual(gaz.findPlaces('Canada and France met on Friday in March.'), []);
  assert.deepEqual(gaz.findPlaces(''), []);
});

test('gazetteer size is sane', () => {
  assert.ok(gaz.size > 40000 && gaz.size < 100000, String(gaz.size));
});
