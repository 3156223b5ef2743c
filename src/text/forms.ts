/**
 * Memos by word form (Token.form: one id per spelling and part of speech, from the analyzer that made
 * the token). A stage that asks the same question of every token of a word ("can this word start an
 * actor's name?", "has this verb rules?") asks it once per form; a token without a form (-1) is asked
 * each time. The question must depend only on the token's text, lower-case form, lemma and part of
 * speech, never on its place in the sentence. A memo belongs to one coder (form ids are its analyzer's).
 */
import type { Token } from '../contracts.js';

/** A typed array holding index `at`: the same one when it does, else a copy doubled in size until it does. */
export function grownTo<A extends Uint8Array | Uint32Array | Int32Array>(a: A, at: number, make: (size: number) => A): A {
  if (at < a.length) return a;
  let size = Math.max(1, a.length);
  while (size <= at) size *= 2;
  const grown = make(size);
  grown.set(a);
  return grown;
}

const newUint8 = (n: number): Uint8Array => new Uint8Array(n);
const newUint32 = (n: number): Uint32Array => new Uint32Array(n);

/** A predicate answered once per word form. */
export function formPredicate(test: (t: Token) => boolean): (t: Token) => boolean {
  // 0: not asked yet, 1: false, 2: true
  let known: Uint8Array = new Uint8Array(1 << 16);
  return (t: Token): boolean => {
    const f = t.form;
    if (f < 0) return test(t);
    known = grownTo(known, f, newUint8);
    const k = known[f] as number;
    if (k !== 0) return k === 2;
    const answer = test(t);
    known[f] = answer ? 2 : 1;
    return answer;
  };
}

/** A function answered once per word form; its distinct answers are kept once each. */
export function formMemo<T>(of: (t: Token) => T): (t: Token) => T {
  // 0: not asked yet; k > 0: answers[k - 1]
  let slot: Uint32Array = new Uint32Array(1 << 16);
  const answers: T[] = [];
  const slotOf = new Map<T, number>();
  return (t: Token): T => {
    const f = t.form;
    if (f < 0) return of(t);
    slot = grownTo(slot, f, newUint32);
    const k = slot[f] as number;
    if (k !== 0) return answers[k - 1] as T;
    const answer = of(t);
    let s = slotOf.get(answer);
    if (s === undefined) {
      answers.push(answer);
      s = answers.length;
      slotOf.set(answer, s);
    }
    slot[f] = s;
    return answer;
  };
}
