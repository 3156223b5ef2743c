/**
 * Compiles PETRARCH / TABARI dictionaries (as read by src/petrarch readers) into the lookup tables the
 * coder matches with: actor and agent phrases by first word, verb surface forms (the regular forms
 * made here, as PETRARCH makes them), patterns with their synsets expanded, discards. Every compiled
 * item keeps the file and line it came from.
 */
import type { Provenance } from '../types.js';
import type { PetrProblem } from './common.js';
import { codeAt, type PetrActorDictionary, type PetrActorEntry } from './actors.js';
import type { PetrAgentDictionary } from './agents.js';
import type { DiscardEntry, PetrList } from './lists.js';
import type { PatternNode, PetrVerbDictionary, Synset, VerbCode, VerbPhrase } from './verbs.js';

export interface ActorPhrase {
  words: string[];
  entry: PetrActorEntry;
  prov: Provenance;
}

export interface AgentPhrase {
  words: string[];
  code: string;
  position: 'suffix' | 'prefix';
  prov: Provenance;
}

/** A pattern element, compiled. `joined`: no word may come between it and the element before it. */
export type Elem =
  | { kind: 'words'; options: string[][]; joined: boolean }
  | { kind: 'target' | 'source' | 'compound' | 'skip'; joined: boolean }
  | { kind: 'alt'; options: Elem[][]; joined: boolean };

export interface CompiledPattern {
  /** Elements before the verb, in text order, and after it. */
  before: Elem[];
  after: Elem[];
  /** `joined` of the verb itself (`PLANES_*`) and of the first element after it (`*_UPON`). */
  verbJoinedBefore: boolean;
  code: VerbCode;
  /** Literal words and synsets in the pattern: the longer pattern is tried first. */
  literals: number;
  actors: number;
  /** For each literal element, the words one of which must be in the sentence: a cheap filter before matching. */
  needs: string[][];
  text: string;
  prov: Provenance;
}

export interface CompiledVerb {
  /** The block's meaning and default code (the verb's own code when it has one). */
  meaning: string;
  code: VerbCode | null;
  patterns: CompiledPattern[];
  prov: Provenance;
}

/** A surface form of a (possibly multi-word) verb. */
export interface VerbForm {
  words: string[];
  /** Which word is the verb (the others must stand next to it). */
  verbIndex: number;
  verb: CompiledVerb;
}

export interface CompiledDiscard {
  words: string[];
  scope: 'story' | 'sentence';
  text: string;
  prov: Provenance;
}

export interface CompiledPetrarch {
  /** The patterns of a set of verb forms, merged and ordered (memoised: verbs that share a surface form). */
  patternsOf(forms: readonly VerbForm[]): readonly CompiledPattern[];
  /** Actor phrases by first word, longest first. */
  actors: ReadonlyMap<string, readonly ActorPhrase[]>;
  agents: ReadonlyMap<string, readonly AgentPhrase[]>;
  /** Verb forms by the verb word's surface form, longest phrase first. */
  verbs: ReadonlyMap<string, readonly VerbForm[]>;
  discards: ReadonlyMap<string, readonly CompiledDiscard[]>;
  counts: { actorPhrases: number; agentPhrases: number; verbForms: number; patterns: number; discards: number };
  problems: PetrProblem[];
}

/** The code(s) of an actor entry on a date: `[ELR/GAL]` names two actors. Null when it has none then. */
export function actorCodes(entry: PetrActorEntry, isoDate: string | null): string[] | null {
  const c = codeAt(entry, isoDate);
  if (c === null) return null;
  return c.split('/').filter((x) => x !== '');
}

/** Regular verb forms as PETRARCH makes them: -S/-ES/-IES, -ED/-D/-IED, -ING (dropping a final E). */
export function regularVerbForms(word: string): string[] {
  const out = [word];
  if (/[^AEIOU]Y$/.test(word)) out.push(word.slice(0, -1) + 'IES', word.slice(0, -1) + 'IED');
  else if (/(?:S|X|Z|CH|SH)$/.test(word)) out.push(word + 'ES', word + 'ED');
  else if (word.endsWith('E')) out.push(word + 'S', word + 'D');
  else out.push(word + 'S', word + 'ED');
  if (word.endsWith('E') && !word.endsWith('EE')) out.push(word.slice(0, -1) + 'ING');
  else out.push(word + 'ING');
  return out;
}

function plural(word: string): string {
  if (/[^AEIOU]Y$/.test(word)) return word.slice(0, -1) + 'IES';
  if (/(?:S|X|Z|CH|SH)$/.test(word)) return word + 'ES';
  return word + 'S';
}

function pushIndexed<T extends { words: string[] }>(map: Map<string, T[]>, item: T, key: string = item.words[0] ?? ''): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

interface CompileInput {
  verbs: PetrVerbDictionary;
  actors: readonly PetrActorDictionary[];
  agents: readonly PetrAgentDictionary[];
  discards: readonly PetrList<DiscardEntry>[];
}

export function compilePetrarch(input: CompileInput): CompiledPetrarch {
  const problems: PetrProblem[] = [];
  // --- actors and agents
  const actors = new Map<string, ActorPhrase[]>();
  let actorPhrases = 0;
  for (const d of input.actors) {
    for (const entry of d.entries) {
      if (!entry.codes.length) continue;
      for (const name of entry.names) {
        if (!name.words.length) continue;
        pushIndexed(actors, { words: name.words, entry, prov: { id: entry.prov.id, file: d.file, line: name.line } });
        actorPhrases++;
      }
    }
  }
  for (const list of actors.values()) list.sort((a, b) => b.words.length - a.words.length);
  const agents = new Map<string, AgentPhrase[]>();
  let agentPhrases = 0;
  for (const d of input.agents) {
    for (const e of d.entries) {
      for (const f of e.forms) {
        if (!f.words.length) continue;
        pushIndexed(agents, { words: f.words, code: e.code, position: e.position, prov: e.prov });
        agentPhrases++;
      }
    }
  }
  for (const list of agents.values()) list.sort((a, b) => b.words.length - a.words.length);

  // --- synsets: every member as word sequences, plurals included unless marked, nested synsets expanded
  const synsets = input.verbs.synsets;
  const expanded = new Map<string, string[][]>();
  const expand = (name: string, stack: string[]): string[][] => {
    const done = expanded.get(name);
    if (done) return done;
    const s: Synset | undefined = synsets.get(name);
    if (!s) return [];
    if (stack.includes(name)) {
      problems.push({ file: input.verbs.file, line: s.prov.line, severity: 'warning', message: `synset &${name} contains itself; the loop is cut` });
      return [];
    }
    const out: string[][] = [];
    for (const m of s.members) {
      if (m.synset) out.push(...expand(m.synset, [...stack, name]));
      else if (m.words.length) {
        out.push(m.words);
        if (!m.noPlural) out.push([...m.words.slice(0, -1), plural(m.words[m.words.length - 1] ?? '')]);
      }
    }
    out.sort((a, b) => b.length - a.length);
    expanded.set(name, out);
    return out;
  };

  const compileNodes = (nodes: readonly PatternNode[], line: number): Elem[] => {
    const out: Elem[] = [];
    for (const n of nodes) {
      const joined = n.joined === true;
      switch (n.kind) {
        case 'word':
          out.push({ kind: 'words', options: [[n.word]], joined });
          break;
        case 'synset': {
          const options = expand(n.name, []);
          if (!options.length) problems.push({ file: input.verbs.file, line, severity: 'warning', message: `synset &${n.name} has no members: the pattern can never match` });
          out.push({ kind: 'words', options, joined });
          break;
        }
        case 'target':
        case 'source':
        case 'compound':
        case 'skip':
          out.push({ kind: n.kind, joined });
          break;
        case 'phrase':
        case 'prep': {
          const inner = compileNodes(n.elements, line);
          const first = inner[0];
          if (first) first.joined = joined;
          out.push(...inner);
          break;
        }
        case 'alternatives':
          out.push({ kind: 'alt', options: n.options.map((o) => compileNodes(o, line)), joined });
          break;
        case 'verb':
          break;
      }
    }
    return out;
  };
  const countLiterals = (elems: readonly Elem[]): number =>
    elems.reduce((s, e) => s + (e.kind === 'words' ? 1 : e.kind === 'alt' ? Math.min(...e.options.map(countLiterals)) : 0), 0);
  const countActors = (elems: readonly Elem[]): number => elems.filter((e) => e.kind !== 'words' && e.kind !== 'alt').length;

  // --- verbs
  const verbs = new Map<string, VerbForm[]>();
  let verbForms = 0;
  let patterns = 0;
  for (const block of input.verbs.blocks) {
    const compiled: CompiledPattern[] = block.patterns.map((p) => {
      const before = compileNodes(p.before, p.prov.line);
      const after = compileNodes(p.after, p.prov.line);
      const verbNode = p.elements.find((n) => n.kind === 'verb');
      return {
        before,
        after,
        verbJoinedBefore: verbNode?.joined === true,
        code: p.code,
        literals: countLiterals(before) + countLiterals(after),
        actors: countActors(before) + countActors(after),
        needs: [...before, ...after].filter((e) => e.kind === 'words').map((e) => [...new Set((e as { options: string[][] }).options.map((o) => o[0] ?? ''))]),
        text: p.text.trim(),
        prov: p.prov,
      };
    });
    // longest first; ties keep file order
    compiled.sort((a, b) => b.literals - a.literals || b.actors - a.actors);
    patterns += compiled.length;
    for (const v of block.verbs) {
      const verb: CompiledVerb = { meaning: block.meaning, code: v.code ?? block.code, patterns: compiled, prov: v.prov };
      const addForm = (ph: VerbPhrase): void => {
        const key = ph.words[ph.verbIndex];
        if (key === undefined) return;
        pushIndexed(verbs, { words: ph.words, verbIndex: ph.verbIndex, verb }, key);
        verbForms++;
      };
      const base = v.words[v.verbIndex] ?? '';
      const inflect = (forms: string[]): void => {
        for (const f of forms) addForm({ ...v, words: v.words.map((w, i) => (i === v.verbIndex ? f : w)) });
      };
      if (v.forms) {
        // irregular forms given: those, the base and its -S form (no -ED/-ING are made then)
        inflect([base, ...regularVerbForms(base).filter((f) => /S$/.test(f))]);
        for (const f of v.forms) addForm(f);
      } else {
        inflect(regularVerbForms(base));
      }
    }
  }
  for (const list of verbs.values()) list.sort((a, b) => b.words.length - a.words.length);

  // --- discards
  const discards = new Map<string, CompiledDiscard[]>();
  let discardCount = 0;
  for (const d of input.discards) {
    for (const e of d.entries) {
      pushIndexed(discards, { words: e.words, scope: e.scope, text: e.text, prov: e.prov });
      discardCount++;
    }
  }
  const merged = new Map<string, CompiledPattern[]>();
  const ids = new Map<CompiledVerb, number>();
  const patternsOf = (forms: readonly VerbForm[]): readonly CompiledPattern[] => {
    const only = forms[0];
    if (forms.length === 1 && only) return only.verb.patterns;
    const key = forms.map((f) => {
      let id = ids.get(f.verb);
      if (id === undefined) ids.set(f.verb, (id = ids.size));
      return id;
    }).join(',');
    let list = merged.get(key);
    if (!list) {
      list = [...new Set(forms.flatMap((f) => f.verb.patterns))];
      list.sort((a, b) => b.literals - a.literals || b.actors - a.actors);
      merged.set(key, list);
    }
    return list;
  };
  return Object.freeze({
    patternsOf,
    actors,
    agents,
    verbs,
    discards,
    counts: { actorPhrases, agentPhrases, verbForms, patterns, discards: discardCount },
    problems,
  });
}
