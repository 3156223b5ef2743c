/**
 * Our own rules (dictionaries/verbs/*.txt, compiled by src/events/rules.ts) as a rule source: a
 * clause's verb is looked up by lemma and its rules are tried on the words after it, most specific
 * first; a block's rule without literals is the verb's default.
 */
import type { Clause, Mention, RuleMatch, RuleSource, SentenceGrammar, Token } from '../contracts.js';
import { isBreak } from '../grammar/grammar.js';
import { BE, CONJ, GERUND_PREPS, NP_LINKS, SUBORDINATORS } from '../grammar/words.js';
import { NULL_CODE, type PatternElement, type VerbRule, type VerbRules } from './rules.js';
import { formMemo, formPredicate } from '../text/forms.js';

const GAP = 6;
const TARGET_SKIP_POS = new Set(['DET', 'NUM', 'ADJ', 'ADV']);

/**
 * Closed-class words, found in most sentences: a rule is indexed by one of its literals, and a literal
 * made of these would make the rule a candidate nearly everywhere ("to", "the|a|an", "with").
 */
const COMMON_WORDS: ReadonlySet<string> = new Set([
  ...BE, ...CONJ, ...GERUND_PREPS, ...NP_LINKS, ...SUBORDINATORS,
  'the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'to', 'up', 'out', 'into', 'down', 'as', 'not', 'have', 'has', 'had', 'do', 'it', 'they', 'he', 'she', 'we', 'i', 'you',
]);

/** How often a literal's words can be expected in a sentence, roughly: closed-class words count a hundred times. */
function commonness(need: ReadonlySet<string>): number {
  let c = 0;
  for (const w of need) c += COMMON_WORDS.has(w) ? 100 : 1;
  return c;
}

/** A gap does not cross a clause boundary. */
function isGapBreak(t: Token): boolean {
  return isBreak(t);
}

/**
 * Where a words element matching at position i ends (exclusive), or i when it does not match: a word by
 * lemma or lower-case text, else the longest class phrase whose words stand in a row (hyphens between
 * them are passed over: "rubber-bullets", "air strikes").
 */
export function wordsAt(el: { words: ReadonlySet<string>; phrasesByFirst: ReadonlyMap<string, readonly (readonly string[])[]> }, tokens: readonly Token[], i: number, last: number): number {
  const t = tokens[i] as Token;
  for (const ph of el.phrasesByFirst.get(t.lower) ?? []) {
    let k = i + 1;
    let ok = true;
    for (let w = 1; w < ph.length && ok; w++) {
      if (k < last && (tokens[k] as Token).text === '-') k++;
      ok = k < last && (tokens[k] as Token).lower === ph[w];
      k++;
    }
    if (ok) return k;
  }
  if (el.words.has(t.lemma) || el.words.has(t.lower)) return i + 1;
  return i;
}

interface Matched {
  rule: VerbRule;
  target: Mention | null;
}

/** Tries a rule's pattern on the tokens after the verb; `mentionAt` gives the mention starting at a position. */
function matchRule(rule: VerbRule, tokens: readonly Token[], from: number, mentionAt: (i: number) => Mention | null): Matched | null {
  const last = tokens.length;
  let target: Mention | null = null;
  const step = (e: number, i: number): number | null => {
    const el: PatternElement | undefined = rule.pattern[e];
    if (!el) return i;
    if (el.kind === 'gap') {
      for (let k = 0; k <= GAP && i + k <= last; k++) {
        const r = step(e + 1, i + k);
        if (r !== null) return r;
        const t = tokens[i + k];
        if (!t || isGapBreak(t)) break;
      }
      return null;
    }
    if (i >= last) return null;
    if (el.kind === 'target') {
      // the target may follow a few determiners, numbers and adjectives ("to five Panamanian officers")
      let k = i;
      let m = mentionAt(k);
      while (!m && k < last && k - i < 3 && TARGET_SKIP_POS.has((tokens[k] as Token).pos)) m = mentionAt(++k);
      if (!m) return null;
      target = m;
      return step(e + 1, m.end);
    }
    const next = wordsAt(el, tokens, i, last);
    return next > i ? step(e + 1, next) : null;
  };
  return step(0, from) === null ? null : { rule, target };
}

/** Our rules as a rule source, with a cheap test of whether a verb's rules could match at all. */
export interface NativeRuleSource extends RuleSource {
  /**
   * Whether some rule of the verb at v could match the words after it: a rule with no literal, or one
   * whose rarest literal is there. False only where match finds nothing (not even the verb's usual code).
   */
  mayMatch(tokens: readonly Token[], v: number): boolean;
}

export function nativeRuleSource(rules: VerbRules): NativeRuleSource {
  const rulesOf = formMemo((t: Token): readonly VerbRule[] | undefined => rules.forToken(t.lemma, t.lower));
  /**
   * Per rule list: the rules with no literal, the rules by a word of their rarest literal (positions in
   * the list), and each rule's other literals, rarest first (checked against the sentence's words).
   */
  interface ListIndex {
    free: number[];
    byWord: Map<string, number[]>;
    rest: (readonly ReadonlySet<string>[])[];
  }
  const indexes = new WeakMap<readonly VerbRule[], ListIndex>();
  const indexOf = (list: readonly VerbRule[]): ListIndex => {
    const known = indexes.get(list);
    if (known) return known;
    const ix: ListIndex = { free: [], byWord: new Map(), rest: [] };
    list.forEach((r, k) => {
      const [anchor, ...rest] = [...r.needs].sort((a, b) => commonness(a) - commonness(b));
      ix.rest.push(rest);
      if (!anchor) ix.free.push(k);
      else for (const w of anchor) {
        const l = ix.byWord.get(w) ?? [];
        l.push(k);
        ix.byWord.set(w, l);
      }
    });
    indexes.set(list, ix);
    return ix;
  };
  // a word that no list anchors on, or that no rule names, is ruled out by one memo read per word form
  const anchorWords = new Set<string>();
  const literalWords = new Set<string>();
  for (const lemma of rules.lemmas) {
    const list = rules.forLemma(lemma) ?? [];
    for (const w of indexOf(list).byWord.keys()) anchorWords.add(w);
    for (const r of list) for (const need of r.needs) for (const w of need) literalWords.add(w);
  }
  const mayAnchor = formPredicate((t: Token): boolean => anchorWords.has(t.lower) || anchorWords.has(t.lemma));
  const mayBeLiteral = formPredicate((t: Token): boolean => literalWords.has(t.lower) || literalWords.has(t.lemma));
  /**
   * Visits the rule positions anchored by each word after the verb at v (by its lower-case form, then by
   * its lemma); stops, answering true, when `visit` does.
   */
  const scanAnchors = (index: ListIndex, tokens: readonly Token[], v: number, visit: (ks: readonly number[]) => boolean): boolean => {
    if (!index.byWord.size) return false;
    for (let i = v + 1; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (!mayAnchor(t)) continue;
      const ks = index.byWord.get(t.lower);
      if (ks && visit(ks)) return true;
      const kl = t.lemma !== t.lower ? index.byWord.get(t.lemma) : undefined;
      if (kl && visit(kl)) return true;
    }
    return false;
  };
  /** The rules whose rarest literal is among the words after the verb at v, marked in the list's order. */
  const marks = (list: readonly VerbRule[], index: ListIndex, tokens: readonly Token[], v: number): Uint8Array => {
    const marked = new Uint8Array(list.length);
    for (const k of index.free) marked[k] = 1;
    scanAnchors(index, tokens, v, (ks) => {
      for (const k of ks) marked[k] = 1;
      return false;
    });
    return marked;
  };
  return {
    hasRules: (t) => rulesOf(t) !== undefined,
    mayMatch(tokens, v) {
      const verb = tokens[v];
      const list = verb ? rulesOf(verb) : undefined;
      if (!list) return false;
      const index = indexOf(list);
      return index.free.length > 0 || scanAnchors(index, tokens, v, () => true);
    },
    match(clause: Clause, g: SentenceGrammar): RuleMatch {
      const tokens = g.sentence.tokens;
      const v = clause.group.verb;
      const verb = tokens[v] as Token;
      const list = rulesOf(verb);
      if (!list) return { kind: 'none', why: `no rule for verb "${verb.lemma}"` };
      const mentionAt = (i: number): Mention | null => {
        const m = g.mentionOver(i);
        if (m) return m.start === i || m.head === i ? m : null;
        return g.placeAt(i) ?? null;
      };
      // the rules whose rarest literal is among the words after the verb (found through the list's
      // index), in order; a rule matches only there
      const index = indexOf(list);
      const marked = marks(list, index, tokens, v);
      const order: number[] = [];
      for (let k = 0; k < marked.length; k++) if (marked[k]) order.push(k);
      /** Are the rule's other literals among the words after the verb too? */
      const possible = (k: number): boolean => {
        for (const need of index.rest[k] ?? []) {
          let any = false;
          for (let i = v + 1; i < tokens.length && !any; i++) {
            const t = tokens[i] as Token;
            any = mayBeLiteral(t) && (need.has(t.lower) || need.has(t.lemma));
          }
          if (!any) return false;
        }
        return true;
      };
      let found: Matched | null = null;
      if (!clause.group.passive) {
        for (const k of order) {
          const rule = list[k] as VerbRule;
          if (!possible(k)) continue;
          found = matchRule(rule, tokens, v + 1, mentionAt);
          if (found) break;
        }
      } else {
        // passive: the subject is the target, so only patterns without a target slot are tried, on the
        // words after the verb and after its "by" agent ("was accused by Georgia of war crimes")
        const agent = clause.byAgent();
        const after = agent.length ? Math.max(...agent.map((m) => m.end)) : -1;
        for (const k of order) {
          const rule = list[k] as VerbRule;
          if (rule.hasTarget || !possible(k)) continue;
          found = matchRule(rule, tokens, v + 1, mentionAt) ?? (after > v ? matchRule(rule, tokens, after, mentionAt) : null);
          if (found) break;
        }
      }
      let general = false;
      if (!found) {
        const dflt = list.find((r) => r.literals === 0 && r.code !== NULL_CODE);
        if (dflt) {
          found = { rule: { ...dflt, hasTarget: false }, target: null };
          general = true;
        }
      }
      if (!found) return { kind: 'none', why: `no pattern of "${verb.lemma}" matched the words after it` };
      if (found.rule.code === NULL_CODE) return { kind: 'null', rule: found.rule.prov, why: 'a null rule: recognised, not an event' };
      // a particle right after the verb belongs to the verb phrase ("fired on")
      let verbEnd = v + 1;
      if (verbEnd < tokens.length && (tokens[verbEnd] as Token).pos === 'ADP' && (tokens[verbEnd] as Token).lower !== 'to') verbEnd++;
      const slot = found.target;
      return {
        kind: 'code',
        code: found.rule.code,
        secondary: null,
        rule: found.rule.prov,
        verbEnd,
        source: null,
        target: slot ? (slot.place ? [slot] : g.groupOf(slot)) : null,
        compound: null,
        targetAfter: found.rule.hasTarget ? null : 'clause',
        general,
        why: `"${verb.lemma}" rule ${found.rule.prov.id}`,
      };
    },
  };
}
