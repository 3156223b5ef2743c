/**
 * Verb rules: hand-edited data in dictionaries/verbs/*.txt, compiled once into lookup tables.
 *
 * File format (one rule per line so that every rule has a file and a line):
 *
 *   # comment
 *   == attack assault raid          a block: the verb lemmas its rules apply to
 *   190  +                          CODE PATTERN: the verb, then the pattern over the words after it
 *   193  + with * gun|rifle
 *   0234 for + to protect  @id=appeal-protection     an explicit rule id (default: first lemma + line)
 *
 * Pattern elements, matched left to right over the tokens after the verb:
 *   +        the target: an actor mention (determiners and adjectives before it may be skipped)
 *   *        a gap of up to 6 tokens that does not cross a clause boundary (, ; : " that which who)
 *   word     a literal: matches the token's lemma or its lower-cased text
 *   a|b|c    alternatives of literals
 *   WEAPON   a noun class of dictionaries/classes/*.txt (src/events/classes.ts): any of its words or
 *            phrases; classes and literals mix as alternatives ("WEAPON|gun")
 *   -        an empty pattern: the verb alone (no target)
 * The code `---` makes a null rule: the phrase is recognised and codes nothing ("decline to comment").
 * The most specific match wins (more literals, then the target found), then the earlier line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Provenance } from '../types.js';
import type { CameoTable } from './cameo.js';
import { CLASS_NAME_RE, type NounClasses } from './classes.js';

export type PatternElement =
  | { kind: 'target' }
  | { kind: 'gap' }
  /** Words (a token's lemma or lower-case text) and phrases (tokens in a row) from the classes named. */
  | {
      kind: 'words';
      words: ReadonlySet<string>;
      phrases: readonly (readonly string[])[];
      /** The phrases by their first word (longest first): a token is checked against its own only. */
      phrasesByFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
    };

export interface VerbRule {
  code: string;
  pattern: readonly PatternElement[];
  /** Number of literal elements: a rule's specificity. */
  literals: number;
  /**
   * For each literal element, in pattern order, the words one of which must be in the sentence (its
   * words and its phrases' first words): a cheap filter before matching (src/events/native.ts orders
   * them, least common first).
   */
  needs: readonly ReadonlySet<string>[];
  hasTarget: boolean;
  prov: Provenance;
}

export interface VerbRules {
  /** Rules of a verb lemma, most specific first. */
  forLemma(lemma: string): readonly VerbRule[] | undefined;
  /**
   * Rules of a verb token: by its lemma, else by simple de-inflections of its text (the tagger's lemma is
   * sometimes wrong: "staged" → "stag"). Memoised per instance.
   */
  forToken(lemma: string, lower: string): readonly VerbRule[] | undefined;
  readonly lemmaCount: number;
  readonly ruleCount: number;
  /** Every verb lemma that has rules. */
  readonly lemmas: ReadonlySet<string>;
}

export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'RuleError';
  }
}

/** The code of a null rule. */
export const NULL_CODE = '---';

const LEMMA_RE = /^[a-z][a-z'-]*$/;

const NO_CLASSES: NounClasses = new Map();

export function parsePattern(text: string, file: string, line: number, classes: NounClasses = NO_CLASSES): PatternElement[] {
  if (text === '-' || text === '') return [];
  return text.split(/\s+/).map((part): PatternElement => {
    if (part === '+') return { kind: 'target' };
    if (part === '*') return { kind: 'gap' };
    const words = new Set<string>();
    const phrases: (readonly string[])[] = [];
    for (const w of part.split('|')) {
      if (CLASS_NAME_RE.test(w)) {
        const c = classes.get(w);
        if (!c) throw new RuleError(file, line, `unknown noun class ${w} in "${text}"`);
        for (const x of c.words) words.add(x);
        phrases.push(...c.phrases);
      } else if (/^[a-z0-9][a-z0-9.'-]*$/.test(w)) words.add(w);
      else throw new RuleError(file, line, `bad pattern word "${w}" in "${text}"`);
    }
    phrases.sort((a, b) => b.length - a.length);
    const phrasesByFirst = new Map<string, (readonly string[])[]>();
    for (const ph of phrases) {
      const list = phrasesByFirst.get(ph[0] as string) ?? [];
      list.push(ph);
      phrasesByFirst.set(ph[0] as string, list);
    }
    return { kind: 'words', words, phrases, phrasesByFirst };
  });
}

/** Parses one verb file. `file` is the name used in provenance (relative to the dictionaries root). */
export function parseVerbFile(text: string, file: string, cameo: CameoTable, classes: NounClasses = NO_CLASSES): { lemmas: string[]; rules: VerbRule[] }[] {
  const blocks: { lemmas: string[]; rules: VerbRule[] }[] = [];
  let current: { lemmas: string[]; rules: VerbRule[] } | null = null;
  text.split('\n').forEach((raw, k) => {
    const line = k + 1;
    const body = raw.replace(/#.*$/, '').trim();
    if (!body) return;
    if (body.startsWith('==')) {
      const lemmas = body.slice(2).trim().split(/\s+/).filter(Boolean);
      if (!lemmas.length) throw new RuleError(file, line, 'a block header "==" names no verb');
      for (const l of lemmas) if (!LEMMA_RE.test(l)) throw new RuleError(file, line, `bad verb lemma "${l}" (lower-case words only)`);
      current = { lemmas, rules: [] };
      blocks.push(current);
      return;
    }
    if (!current) throw new RuleError(file, line, 'a rule before any "== verb" block header');
    const m = /^(\d{2,4}|---)\s+(.*?)(?:\s+@id=(\S+))?$/.exec(body) ?? /^(\d{2,4}|---)()(?:\s+@id=(\S+))?$/.exec(body);
    if (!m) throw new RuleError(file, line, `expected "CODE PATTERN", got "${body}"`);
    const code = m[1] ?? '';
    if (code !== NULL_CODE && !cameo.get(code)) throw new RuleError(file, line, `unknown CAMEO code ${code}`);
    const pattern = parsePattern((m[2] ?? '').trim(), file, line, classes);
    const targets = pattern.filter((e) => e.kind === 'target').length;
    if (targets > 1) throw new RuleError(file, line, 'a pattern may name one target "+"');
    const first = (current as { lemmas: string[] }).lemmas[0] ?? 'verb';
    current.rules.push({
      code,
      pattern,
      literals: pattern.filter((e) => e.kind === 'words').length,
      needs: pattern.flatMap((e) => (e.kind === 'words' ? [new Set([...e.words, ...e.phrasesByFirst.keys()])] : [])),
      hasTarget: targets === 1,
      prov: { id: m[3] ?? `${first}.${line}`, file, line },
    });
  });
  return blocks;
}

/** Candidate base forms of an inflected verb: "staged" → staged, stage, stag; "carried" → carry. */
export function deinflections(w: string): string[] {
  const out = [w];
  if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  // a doubled consonant is undone only when it is doubled ("banned" → ban, but "banked" → bank)
  const undouble = (b: string): string[] => (b.length > 2 && b[b.length - 1] === b[b.length - 2] ? [b.slice(0, -1)] : []);
  if (w.endsWith('ed')) out.push(w.slice(0, -1), w.slice(0, -2), ...undouble(w.slice(0, -2)));
  if (w.endsWith('ing')) out.push(w.slice(0, -3), w.slice(0, -3) + 'e', ...undouble(w.slice(0, -3)));
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  return out;
}

/** Compiles every `*.txt` file of `dir` (sorted by name), with the noun classes its patterns name. */
export function loadVerbRules(dir: string, root: string, cameo: CameoTable, classes: NounClasses = NO_CLASSES): VerbRules {
  const byLemma = new Map<string, VerbRule[]>();
  let ruleCount = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (!files.length) throw new Error(`${dir}: no verb files (*.txt)`);
  for (const f of files) {
    const path = join(dir, f);
    for (const block of parseVerbFile(readFileSync(path, 'utf8'), relative(root, path), cameo, classes)) {
      ruleCount += block.rules.length;
      for (const lemma of block.lemmas) {
        const list = byLemma.get(lemma) ?? [];
        list.push(...block.rules);
        byLemma.set(lemma, list);
      }
    }
  }
  for (const list of byLemma.values()) list.sort((a, b) => b.literals - a.literals || Number(b.hasTarget) - Number(a.hasTarget));
  const memo = new Map<string, readonly VerbRule[] | null>();
  const forToken = (lemma: string, lower: string): readonly VerbRule[] | undefined => {
    const direct = byLemma.get(lemma);
    if (direct) return direct;
    const hit = memo.get(lower);
    if (hit !== undefined) return hit ?? undefined;
    let found: readonly VerbRule[] | null = null;
    for (const c of deinflections(lower)) {
      const r = byLemma.get(c);
      if (r) {
        found = r;
        break;
      }
    }
    if (memo.size > 100_000) memo.clear(); // bounded: a cache, not a store
    memo.set(lower, found);
    return found ?? undefined;
  };
  return {
    forLemma: (lemma) => byLemma.get(lemma),
    forToken,
    lemmaCount: byLemma.size,
    lemmas: new Set(byLemma.keys()),
    ruleCount,
  };
}
