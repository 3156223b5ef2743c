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
export function wordsAt(el: { words: ReadonlySet<string>; phrases: readonly (readonly string[])[] }, tokens: readonly Token[], i: number, last: number): number {
  const t = tokens[i] as Token;
  for (const ph of el.phrases) {
    if (ph[0] !== t.lower) continue;
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
      let found: Matched | null = null;
      if (!clause.group.passive) {
        for (const rule of list) {
          found = matchRule(rule, tokens, v + 1, mentionAt);
          if (found) break;
        }
      } else {
        // passive: the subject is the target, so only patterns without a target slot are tried, on the
        // words after the verb and after its "by" agent ("was accused by Georgia of war crimes")
        const agent = clause.byAgent();
        const after = agent.length ? Math.max(...agent.map((m) => m.end)) : -1;
        for (const rule of list) {
          if (rule.hasTarget) continue;
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
