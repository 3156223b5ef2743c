import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWordSet, createChunkMemo } from '../../src/text/wordset.js';

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

test('a chunk memo keeps values by the characters of a stretch of text, wherever the stretch is', () => {
  const m = createChunkMemo(100);
  const text = 'Kandahar, (Reuters) Kandahar, U.S. Kandahar';
  assert.equal(m.get(text, 0, 9), -1);
  m.set(text, 0, 9, 1); // "Kandahar,"
  assert.equal(m.get(text, 20, 29), 1, 'the same characters elsewhere');
  assert.equal(m.get(text, 35, 43), -1, '"Kandahar" without the comma is another key');
  m.set(text, 10, 19, 0); // "(Reuters)"
  assert.equal(m.get('(Reuters)', 0, 9), 0, 'and in another text');
  m.set(text, 0, 9, 0);
  assert.equal(m.get(text, 20, 29), 0, 'a value set again is replaced');
  assert.equal(m.size, 2);
});

test('a chunk memo is bounded: full, it is emptied before the next entry', () => {
  const m = createChunkMemo(3);
  for (const w of ['alpha', 'beta', 'gamma']) m.set(w, 0, w.length, 1);
  assert.equal(m.size, 3);
  m.set('delta', 0, 5, 0);
  assert.equal(m.size, 1);
  assert.equal(m.get('alpha', 0, 5), -1);
  assert.equal(m.get('delta', 0, 5), 0);
});

test('property: a chunk memo answers as a Map of substrings does', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 3 })), { maxLength: 200 }), (ops) => {
      const m = createChunkMemo(1000);
      const ref = new Map<string, number>();
      for (const [k, v] of ops) {
        const text = `<${k}>`;
        assert.equal(m.get(text, 1, 1 + k.length), ref.get(k) ?? -1);
        m.set(text, 1, 1 + k.length, v);
        ref.set(k, v);
      }
      assert.equal(m.size, ref.size);
    }),
  );
});
