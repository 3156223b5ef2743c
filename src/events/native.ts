/**
 * Our own rules (dictionaries/verbs/*.txt, compiled by src/events/rules.ts) as a rule source: a
 * clause's verb is looked up by lemma and its rules are tried on the words after it, most specific
 * first; a block's rule without literals is the verb's default.
 */
import type { Clause, Mention, RuleMatch, RuleSource, SentenceGrammar, Token } from '../contracts.js';
import { isBreak } from '../grammar/grammar.js';
import { NULL_CODE, type PatternElement, type VerbRule, type VerbRules } from './rules.js';

const GAP = 6;
const TARGET_SKIP_POS = new Set(['DET', 'NUM', 'ADJ', 'ADV']);

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

export function nativeRuleSource(rules: VerbRules): RuleSource {
  const rulesOf = (t: Token): readonly VerbRule[] | undefined => rules.forToken(t.lemma, t.lower);
  /** Per rule list: the rules with no literal, and the rules by a word of their rarest literal (positions in the list). */
  interface ListIndex {
    free: number[];
    byWord: Map<string, number[]>;
  }
  const indexes = new WeakMap<readonly VerbRule[], ListIndex>();
  const indexOf = (list: readonly VerbRule[]): ListIndex => {
    let ix = indexes.get(list);
    if (ix) return ix;
    ix = { free: [], byWord: new Map() };
    list.forEach((r, k) => {
      const anchor = r.needs[0];
      if (!anchor) (ix as ListIndex).free.push(k);
      else for (const w of anchor) {
        const l = (ix as ListIndex).byWord.get(w) ?? [];
        l.push(k);
        (ix as ListIndex).byWord.set(w, l);
      }
    });
    indexes.set(list, ix);
    return ix;
  };
  const presentWords = new WeakMap<SentenceGrammar, Set<string>>();
  return {
    hasRules: (t) => rulesOf(t) !== undefined,
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
      // the words of the sentence (lemmas and lower-case forms), for the rules' literal filter
      let present = presentWords.get(g);
      if (!present) {
        present = new Set<string>();
        for (const t of tokens) present.add(t.lower).add(t.lemma);
        presentWords.set(g, present);
      }
      const words = present;
      // the rules whose rarest literal is in the sentence (found through the list's index), in order
      const index = indexOf(list);
      const candidates = new Set<number>(index.free);
      for (const w of words) for (const k of index.byWord.get(w) ?? []) candidates.add(k);
      const order = [...candidates].sort((a, b) => a - b);
      const possible = (r: VerbRule): boolean => {
        for (let q = 1; q < r.needs.length; q++) {
          const need = r.needs[q] as ReadonlySet<string>;
          let any = false;
          // look the smaller set up in the larger
          if (need.size <= words.size) {
            for (const w of need) if (words.has(w)) {
              any = true;
              break;
            }
          } else {
            for (const w of words) if (need.has(w)) {
              any = true;
              break;
            }
          }
          if (!any) return false;
        }
        return true;
      };
      let found: Matched | null = null;
      if (!clause.group.passive) {
        for (const k of order) {
          const rule = list[k] as VerbRule;
          if (!possible(rule)) continue;
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
          if (rule.hasTarget || !possible(rule)) continue;
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
