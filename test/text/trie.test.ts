import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWordTrie } from '../../src/text/trie.js';

test('a word trie answers membership straight from the text, first letter case-folded', () => {
  const t = buildWordTrie(['the', 'there', 'mission', 'kandahar', 'Bad', 'x-y']);
  const text = 'There the mission. Kandahar thee';
  assert.equal(t.has(text, 0, 5), true); // "There"
  assert.equal(t.has(text, 6, 9), true); // "the"
  assert.equal(t.has(text, 10, 17), true); // "mission"
  assert.equal(t.has(text, 19, 27), true); // "Kandahar"
  assert.equal(t.has(text, 28, 32), false); // "thee"
  assert.equal(t.has(text, 0, 2), false); // "Th": a prefix is not a word
  assert.equal(t.has('bad', 0, 3), false, 'words that are not all lower-case a-z are left out');
});

test('property: the trie agrees with a Set on random lower-case words', () => {
  fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 60 }), fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 60 }), (words, probes) => {
    const trie = buildWordTrie(words);
    const set = new Set(words);
    return probes.every((p) => trie.has(p, 0, p.length) === set.has(p));
  }));
});
