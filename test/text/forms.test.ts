/** Memos by word form: the answer of the question asked, asked once per form; tokens without a form asked each time. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Token } from '../../src/contracts.js';
import { formMemo, formPredicate } from '../../src/text/forms.js';

const token = (text: string, form: number): Token => ({ i: 0, text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'NOUN', start: 0, end: text.length, sentence: 0, form });

test('a form predicate answers as its test does, and asks it once per form', () => {
  const asked: string[] = [];
  const isLong = formPredicate((t) => {
    asked.push(t.text);
    return t.text.length > 4;
  });
  assert.equal(isLong(token('attack', 3)), true);
  assert.equal(isLong(token('attack', 3)), true);
  assert.equal(isLong(token('riot', 7)), false);
  assert.equal(isLong(token('riot', 7)), false);
  assert.deepEqual(asked, ['attack', 'riot']);
  // no form: asked every time
  assert.equal(isLong(token('protest', -1)), true);
  assert.equal(isLong(token('protest', -1)), true);
  assert.deepEqual(asked, ['attack', 'riot', 'protest', 'protest']);
});

test('form memos grow past their first size and keep what they knew', () => {
  let calls = 0;
  const len = formMemo((t) => {
    calls++;
    return t.text.length;
  });
  const big = 1 << 20;
  assert.equal(len(token('ab', 5)), 2);
  assert.equal(len(token('abcdef', big)), 6);
  assert.equal(len(token('ab', 5)), 2);
  assert.equal(len(token('abcdef', big)), 6);
  assert.equal(calls, 2);
});

test('property: a memo gives what the function gives, for any sequence of forms', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 200_000 }), fc.string({ maxLength: 6 })), { maxLength: 60 }), (seq) => {
      // one spelling per form, as the analyzer gives them
      const textOf = new Map<number, string>();
      const of = (t: Token): string | undefined => (t.text ? t.text.toUpperCase() : undefined);
      const memo = formMemo(of);
      const pred = formPredicate((t) => t.text.length % 2 === 0);
      for (const [form, s] of seq) {
        const text = form >= 0 ? (textOf.get(form) ?? (textOf.set(form, s), s)) : s;
        const t = token(text, form);
        assert.equal(memo(t), of(t));
        assert.equal(pred(t), t.text.length % 2 === 0);
      }
    }),
  );
});
