import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWordSet } from '../../src/text/wordset.js';

test('a word set answers membership straight from the text, first letter case-folded', () => {
  const t = buildWordSet(['the', 'there', 'mission', 'kandahar', 'Bad', 'x-y', 'the']);
  const text = 'There the mission. Kandahar thee tHe';
  assert.equal(t.size, 4, 'duplicates count once; words not all lower-case a-z are left out');
  assert.equal(t.has(text, 0, 5), true); // "There"
  assert.equal(t.has(text, 6, 9), true); // "the"
  assert.equal(t.has(text, 10, 17), true); // "mission"
  assert.equal(t.has(text, 19, 27), true); // "Kandahar"
  assert.equal(t.has(text, 28, 32), false); // "thee"
  assert.equal(t.has(text, 33, 36), false); // "tHe": only the first letter is case-folded
  assert.equal(t.has(text, 0, 2), false); // "Th": a prefix is not a word
  assert.equal(t.has(text, 6, 6), false); // empty range
  assert.equal(t.has(text, 16, 18), false); // "n.": not a letter
  assert.equal(t.has('bad', 0, 3), false, 'words that are not all lower-case a-z are left out');
});

test('property: the word set agrees with a Set on random lower-case words, at any offset', () => {
  fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 300 }), fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 60 }), (words, probes) => {
    const ws = buildWordSet(words);
    const set = new Set(words);
    return probes.every((p) => ws.has(p, 0, p.length) === set.has(p) && ws.has(`, ${p} `, 2, 2 + p.length) === set.has(p)) && words.every((w) => ws.has(w, 0, w.length));
  }));
});

test('property: words longer than the packed part are told apart by their tails', () => {
  fc.assert(fc.property(fc.stringMatching(/^[a-z]{12}$/), fc.array(fc.stringMatching(/^[a-z]{0,6}$/), { minLength: 1, maxLength: 20 }), (head, tails) => {
    const words = tails.filter((_, i) => i % 2 === 0).map((t) => head + t);
    const ws = buildWordSet(words);
    const set = new Set(words);
    return tails.every((t) => ws.has(`X ${head}${t}.`, 2, 2 + head.length + t.length) === set.has(head + t));
  }));
});
