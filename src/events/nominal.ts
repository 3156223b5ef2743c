/**
 * Events written as nouns: "Israel's attack on Gaza", "an attack by militants", "Israeli air strikes",
 * "clashes between police and protesters", "talks between X and Y", "U.S. aid to Pakistan". The nouns are
 * hand-edited data (dictionaries/nouns/*.txt): one line per family, the CAMEO code of the act, then its
 * nouns and phrases separated by ";" (singular; the plural is made unless a member ends with "=").
 *
 * A nominal event is coded when no verb of its sentence codes an event, its own noun phrase names who did it (a possessor or demonym before the
 * noun, "by X" after it, or "between X and Y"), it is told as having happened (not planned, proposed or
 * asked for, not in a condition) and it is not already part of a verb's event: the object of a coded
 * verb ("condemned the attack", "held talks") or the subject of one ("an attack on the convoy killed
 * four").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Provenance } from '../types.js';
import type { EventCandidate, Mention, SentenceGrammar, Token } from '../contracts.js';
import type { CameoTable } from './cameo.js';
import { memberWords, pluralOf } from './classes.js';
import { NULL_CODE, RuleError } from './rules.js';
import { clauseExtent } from '../grammar/grammar.js';

interface NounEntry {
  words: readonly string[];
  code: string;
  prov: Provenance;
}

export interface NounRules {
  /** The longest event noun (phrase) starting at position i, with where it ends. */
  at(tokens: readonly Token[], i: number): { entry: NounEntry; end: number } | null;
  /** Whether an event noun (phrase) can start at this token: `at` finds nothing where this is false. */
  starts(t: Token): boolean;
  readonly size: number;
}

export function parseNounFile(text: string, file: string, cameo: CameoTable): NounEntry[] {
  const out: NounEntry[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = k + 1;
    const body = raw.replace(/#.*$/, '').trim();
    if (!body) return;
    const m = /^(\d{2,4}|---)\s+(.+)$/.exec(body);
    if (!m) throw new RuleError(file, line, `expected "CODE noun; noun phrase; ...", got "${body}"`);
    const code = m[1] as string;
    if (code !== NULL_CODE && !cameo.get(code)) throw new RuleError(file, line, `unknown CAMEO code ${code}`);
    const prov = { id: `noun.${line}`, file, line };
    for (const part of (m[2] as string).split(';')) {
      const noPlural = part.trim().endsWith('=');
      const member = part.replace(/=\s*$/, '').trim().toLowerCase();
      if (!member) continue;
      if (!/^[a-z][a-z' -]*$/.test(member)) throw new RuleError(file, line, `bad noun "${member}"`);
      const ws = memberWords(member);
      out.push({ words: ws, code, prov });
      if (!noPlural) out.push({ words: [...ws.slice(0, -1), pluralOf(ws[ws.length - 1] as string)], code, prov });
    }
  });
  return out;
}

export function loadNounRules(dir: string, root: string, cameo: CameoTable): NounRules {
  const byFirst = new Map<string, NounEntry[]>();
  let size = 0;
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const path = join(dir, f);
      for (const e of parseNounFile(readFileSync(path, 'utf8'), relative(root, path), cameo)) {
        const list = byFirst.get(e.words[0] as string) ?? [];
        list.push(e);
        byFirst.set(e.words[0] as string, list);
        size++;
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const starts = (t: Token): boolean => (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB') && byFirst.has(t.lower);
  return {
    size,
    starts,
    at(tokens, i) {
      const t = tokens[i];
      if (!t || !starts(t)) return null;
      for (const e of byFirst.get(t.lower) ?? []) {
        let k = i + 1;
        let ok = true;
        for (let w = 1; w < e.words.length && ok; w++) {
          if ((tokens[k] as Token | undefined)?.text === '-') k++;
          ok = (tokens[k] as Token | undefined)?.lower === e.words[w];
          k++;
        }
        // a noun, not a verb of the same form: "the attack", "attacks on", not "they attack"
        if (ok && ((tokens[k - 1] as Token).pos === 'NOUN' || (tokens[k - 1] as Token).pos === 'PROPN' || tokens[i - 1]?.pos === 'DET' || tokens[i - 1]?.pos === 'ADJ')) return { entry: e, end: k };
      }
      return null;
    },
  };
}

/** Verbs that tell an event noun happened ("clashes broke out", "a protest was held"). */
const HAPPEN = new Set(['break', 'erupt', 'occur', 'happen', 'hold', 'continue', 'spread', 'flare', 'rage', 'escalate', 'intensify', 'resume', 'leave', 'begin', 'start', 'end', 'take', 'draw', 'turn', 'paralyse', 'paralyze', 'shut', 'disrupt', 'sweep', 'grip', 'rock', 'hit', 'mark', 'enter', 'greet']);

/** Words before an event noun that say it has not happened. */
const UNREAL = new Set(['planned', 'proposed', 'possible', 'potential', 'future', 'upcoming', 'expected', 'likely', 'threatened', 'prospective', 'mooted', 'no', 'any', 'new', 'renewed', 'fresh', 'further', 'more', 'next']);
/** Prepositions that introduce an event noun's target, by the root of its code. */
const TARGET_PREPS: Record<string, ReadonlySet<string>> = {
  default: new Set(['on', 'against', 'upon', 'at', 'targeting']),
  '04': new Set(['with', 'to']),
  '05': new Set(['with']),
  '07': new Set(['to', 'for']),
  '08': new Set(['from', 'of']),
  '16': new Set(['on', 'against', 'of']),
  '17': new Set(['of', 'on', 'against']),
  '19': new Set(['on', 'against', 'upon', 'at', 'of', 'in', 'into', 'targeting']),
  '14': new Set(['against', 'outside', 'at']),
};

/** Nominal events of a sentence that no verb's event holds already. */
export function nominalEvents(g: SentenceGrammar, nouns: NounRules, coded: readonly EventCandidate[]): EventCandidate[] {
  const tokens = g.sentence.tokens;
  const out: EventCandidate[] = [];
  // a sentence whose verbs code an event tells it there; its event nouns are background; and one with
  // no actor names no one who did it
  if (coded.length) return out;
  const happening = g.clauses.filter((c) => HAPPEN.has((tokens[c.group.verb] as Token).lemma) && !c.group.negated && c.group.modality === 'asserted');
  if (!happening.length && !g.mentions.some((m) => m.kind !== 'pronoun')) return out;
  for (let i = 0; i < tokens.length; i++) {
    if (g.mentionOver(i)) continue;
    const hit = nouns.at(tokens, i);
    if (!hit) continue;
    const { entry, end } = hit;
    const nounStart = i;
    i = end - 1;
    // a phrase that is no event ("court battle", "price war", "demonstration of its resolve")
    if (entry.code === NULL_CODE) continue;
    const extent = clauseExtent(tokens, nounStart);
    // part of a verb's event: inside the clause of a coded verb after that verb, or its subject
    const held = coded.some((ev) => {
      if (nounStart >= ev.verb && nounStart < ev.clause.end && nounStart >= ev.clause.start) return true;
      const c = g.clauseAt(ev.verb);
      return !!c && nounStart < ev.verb && nounStart >= c.extent.start;
    });
    if (held) continue;
    // told as happened: not planned or asked for, not in a condition, not negated
    const before = tokens[nounStart - 1];
    if (before && UNREAL.has(before.lower)) continue;
    // "preparing for an attack", "calls for talks": what is prepared or asked for
    let pk = nounStart - 1;
    while (pk >= 0 && nounStart - pk <= 3 && (tokens[pk]?.pos === 'DET' || tokens[pk]?.pos === 'ADJ' || tokens[pk]?.pos === 'NUM')) pk--;
    if (tokens[pk]?.lower === 'for' && tokens[pk - 1]?.lower !== 'responsibility') continue;
    const clause = g.clauses.find((c) => nounStart >= c.extent.start && nounStart < c.extent.end);
    if (clause && (clause.frame !== null || clause.group.negated || clause.group.modality !== 'asserted' || clause.group.unrealised)) continue;
    const root = entry.code.slice(0, 2);
    // who did it: "between X and Y", a possessor or demonym right before, "by X" after
    let sources: Mention[] = [];
    let targets: Mention[] = [];
    let pairwise = false;
    const after = (k: number): Mention | undefined => {
      let j = k;
      while (j < tokens.length && j - k < 3 && (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ' || tokens[j]?.pos === 'NUM')) j++;
      const m = g.mentionOver(j);
      if (!m) return g.placeAt(j);
      return m.start === j || m.head === j || m.start <= k ? m : undefined;
    };
    const prep = tokens[end];
    if (prep?.lower === 'between' || prep?.lower === 'among') {
      const m = after(end + 1);
      if (m) {
        sources = g.groupOf(m);
        pairwise = sources.length > 1;
      }
    }
    if (!sources.length) {
      let k = nounStart - 1;
      while (k >= 0 && nounStart - k <= 2 && (tokens[k]?.pos === 'ADJ' || (tokens[k]?.pos === 'NOUN' && !g.mentionOver(k)))) k--;
      if (tokens[k]?.text === "'s" || tokens[k]?.text === '’s') k--;
      const m = g.mentionOver(k);
      if (m && m.end === k + 1 && m.kind !== 'pronoun') sources = g.groupOf(m);
    }
    let j = end;
    if (!pairwise) {
      // "an attack by militants on a convoy", "Israel's attack on Gaza"
      for (let step = 0; step < 2 && j < tokens.length; step++) {
        const w = tokens[j] as Token;
        if (w.lower === 'by' && !sources.length) {
          const m = after(j + 1);
          if (m) {
            sources = g.groupOf(m);
            j = Math.max(...sources.map((x) => x.end));
            continue;
          }
        }
        const preps = TARGET_PREPS[root] ?? TARGET_PREPS['default'] ?? new Set<string>();
        if (preps.has(w.lower) && !targets.length) {
          const m = after(j + 1);
          if (m) {
            targets = m.place ? [m] : g.groupOf(m);
            j = Math.max(...targets.map((x) => x.end));
            continue;
          }
        }
        break;
      }
    }
    // violence or a protest with no one named that "broke out", "erupted", "took place", "was held":
    // coded with an unidentified source (armed actors; civilians for a protest) of where it happened
    let roleSource: string | undefined;
    if (!sources.length) {
      const root2 = Number(root);
      const subjectOf = happening.find((c) => c.group.verb > i && c.extent.start <= nounStart && tokens.slice(end, c.group.groupStart).every((x) => x.pos !== 'VERB'));
      if (!subjectOf || !(root2 === 14 || root2 >= 18)) continue;
      roleSource = root2 === 14 ? 'CVL' : 'UAF';
    }
    targets = targets.filter((t) => !sources.includes(t));
    out.push({
      verb: nounStart,
      verbEnd: end,
      code: entry.code,
      baseCode: entry.code,
      rule: entry.prov,
      sources,
      targets,
      negated: false,
      modality: 'asserted',
      condition: null,
      clause: extent,
      speechVerb: clause?.reportedBy ?? null,
      unattributed: roleSource === 'UAF',
      ...(roleSource === 'CVL' ? { roleSource } : {}),
      ...(pairwise ? { pairwise: true } : {}),
      why: `an event written as a noun ("${tokens.slice(nounStart, end).map((t) => t.text).join(' ')}")`,
    });
  }
  return out;
}
