/**
 * Reader for verb dictionaries in the PETRARCH-2 form (CAMEO.2.0.txt, the validation suite's verb file) and
 * the TABARI form (CAMEO.091003.master.verbs). Patterns are parsed into a small AST; nothing here
 * matches text.
 *
 * PETRARCH form:
 *   &CURRENCY                          a synset label (a trailing `_`: no plurals for its members)
 *   +SWISS FRANCS                      a member (a trailing `_`: no plural for this one)
 *   --- GRANT  [070] ---               a verb block: its meaning and default code
 *   GIVE {GAVE GIVEN GIVING} [071]     a verb of the block, irregular forms, its own code
 *   +CORDON_OFF / WIRE_+TAP            a multi-word verb, `+` marking the word that is the verb
 *   - $ * (TO +) &CURRENCY  [0711]     a pattern and its code  (# comment)
 *   ~ a (a b ATTACK) SAY = a b 015     a transformation (PETRARCH-2)
 * TABARI form: no blocks or synsets; a verb line `ABDUCT  [181] ;comment` opens the verb's own block,
 * and its patterns follow, commented with `;`.
 *
 * Pattern elements: `*` the verb, `+` the target, `$` the source, `%` a compound actor (both),
 * `^` skip (an actor or phrase that is neither), `&NAME` a synset, `{A B}` a noun phrase (PETRARCH-2:
 * the last word is the head), `{A | B}` alternatives (TABARI), `(P ...)` a prepositional phrase
 * (PETRARCH-2: the first word is the preposition), plain words. Words joined by `_` must be adjacent
 * (`joined: true` on the later one); a word ending in `_` matches exactly, not as a stem (`exact: true`).
 *
 * Codes: `[0231]`, `[---]` (null: recognised, codes nothing), TABARI pairs `[042:043]` / `[:190]`, a
 * trailing `!` (`[080!]`), kept as written in `raw`.
 */
import { basename } from 'node:path';
import type { Provenance } from '../types.js';
import { dictLines, phraseWords, ProblemSink, readDictionaryText, type PetrProblem } from './common.js';

export type VerbFileFormat = 'petrarch' | 'tabari';

export interface VerbCode {
  raw: string;
  /** The event code; null for the null code `---` (or an empty first half, as in `[:190]`). */
  primary: string | null;
  /** The second half of a paired code `[A:B]`; null when there is none or it is `---`. */
  secondary: string | null;
  /** True when the pair form `A:B` was used. */
  paired: boolean;
  /** A trailing `!`. */
  bang: boolean;
}

interface NodeBase {
  /** Glued to the previous element by `_`: no word may come between them. */
  joined?: true;
}

export type PatternNode = NodeBase &
  (
    | { kind: 'word'; word: string; exact?: true }
    | { kind: 'synset'; name: string }
    | { kind: 'verb' }
    | { kind: 'target' }
    | { kind: 'source' }
    | { kind: 'compound' }
    | { kind: 'skip' }
    | { kind: 'phrase'; elements: PatternNode[] }
    | { kind: 'alternatives'; options: PatternNode[][] }
    | { kind: 'prep'; elements: PatternNode[] }
  );

export interface VerbPattern {
  code: VerbCode;
  /** All top-level elements in order, the verb `*` among them. */
  elements: PatternNode[];
  /** The top-level elements before the verb, and after it. */
  before: PatternNode[];
  after: PatternNode[];
  /** The pattern text as written, between `-` and the code. */
  text: string;
  comment: string;
  prov: Provenance;
}

export interface VerbPhrase {
  /** As written, without `+` marks, e.g. `CORDON_OFF`. */
  text: string;
  words: string[];
  /** Index in `words` of the word that is the verb (marked with `+`; 0 when unmarked). */
  verbIndex: number;
  /** A trailing `_` (TABARI: exact word, not a stem). */
  exact: boolean;
}

export interface VerbEntry extends VerbPhrase {
  /** The irregular forms in `{...}`; null when none were given (regular forms are to be made). */
  forms: VerbPhrase[] | null;
  /** The verb's own code, else null (the block's code applies). */
  code: VerbCode | null;
  prov: Provenance;
}

export interface VerbBlock {
  /** The block's meaning (`--- GRANT [070] ---` → GRANT); in TABARI files, the verb itself. */
  meaning: string;
  code: VerbCode | null;
  verbs: VerbEntry[];
  patterns: VerbPattern[];
  prov: Provenance;
}

export interface SynsetMember {
  text: string;
  words: string[];
  /** No plural is made for it (a trailing `_` on the member or on the label). */
  noPlural: boolean;
  /** A member that is itself a synset (`+&TIETYPES`): its name. */
  synset: string | null;
  line: number;
}

export interface Synset {
  /** The label without `&` and without a trailing `_`, e.g. `AUXVERB1`. */
  name: string;
  /** The label as written, e.g. `&AUXVERB1_`. */
  label: string;
  noPlural: boolean;
  members: SynsetMember[];
  prov: Provenance;
}

export interface Transformation {
  /** Left side tokens, parentheses kept as tokens: `a ( a b ATTACK ) SAY`. */
  pattern: string[];
  /** Right side tokens: `a b 015`. */
  result: string[];
  text: string;
  prov: Provenance;
}

export interface PetrVerbDictionary {
  file: string;
  format: VerbFileFormat;
  synsets: Map<string, Synset>;
  blocks: VerbBlock[];
  transformations: Transformation[];
  problems: PetrProblem[];
  /** Number of patterns over all blocks. */
  patternCount: number;
}

const CODE_PART = /^(?:\d{2,4}[A-Z]?|---|###)$/;

/** Parses the inside of a `[...]` verb code. */
export function parseVerbCode(inner: string, line: number, sink: ProblemSink): VerbCode | null {
  const raw = `[${inner}]`;
  let s = inner.trim();
  const bang = s.endsWith('!');
  if (bang) s = s.slice(0, -1).trim();
  if (s === '') {
    sink.error(line, `empty code ${raw}`);
    return null;
  }
  const parts = s.split(':').map((p) => p.trim());
  if (parts.length > 2) {
    sink.error(line, `bad code ${raw}: more than one ":"`);
    return null;
  }
  for (const p of parts) {
    if (p !== '' && !/^[0-9A-Za-z#+?-]+$/.test(p)) {
      sink.error(line, `bad code ${raw}`);
      return null;
    }
    if (p !== '' && !CODE_PART.test(p)) sink.warn(line, `code "${p}" in ${raw} is not a CAMEO code`);
  }
  const norm = (p: string | undefined): string | null => (p === undefined || p === '' || p === '---' ? null : p);
  return { raw, primary: norm(parts[0]), secondary: norm(parts[1]), paired: parts.length === 2, bang };
}

/** Splits `text` into its body and a trailing `[CODE]`, if the last thing on the line is one. */
function trailingCode(text: string): { body: string; code: string | null; after: string } {
  const open = text.lastIndexOf('[');
  if (open < 0) return { body: text, code: null, after: '' };
  const close = text.indexOf(']', open);
  if (close < 0) return { body: text, code: null, after: '' };
  return { body: text.slice(0, open).trim(), code: text.slice(open + 1, close), after: text.slice(close + 1).trim() };
}

/** The longest defined synset whose name starts at `at` in `token` (`&` included), or null. */
function matchSynset(token: string, at: number, names: readonly string[]): string | null {
  let best: string | null = null;
  for (const n of names) {
    if (!token.startsWith(n, at + 1)) continue;
    const end = at + 1 + n.length;
    let next = token[end];
    // a label written with its trailing underscore: &AUXVERB1_ → AUXVERB1
    if (next === '_' && (end + 1 === token.length)) next = undefined;
    if ((next === undefined || next === '_') && (best === null || n.length > best.length)) best = n;
  }
  return best;
}

interface PatternContext {
  sink: ProblemSink;
  line: number;
  synsetNames: readonly string[];
  /** Synset names used but not defined, collected for a warning each. */
  undefinedSynsets: Set<string>;
}

const SYMBOLS: Record<string, PatternNode['kind']> = { '*': 'verb', '+': 'target', $: 'source', '%': 'compound', '^': 'skip' };
const WORD_RE = /^(?=.*[A-Z0-9])[A-Z0-9'.,\-/]+$/;

/** Splits one blank-free token (`IN_AND_*_OUT_AGAIN`, `NEW_&TIETYPES_RELATIONS`) into nodes. */
function tokenNodes(token: string, ctx: PatternContext): PatternNode[] | null {
  const nodes: PatternNode[] = [];
  let i = 0;
  while (i < token.length) {
    let node: PatternNode;
    if (token[i] === '&') {
      const known = matchSynset(token, i, ctx.synsetNames);
      let name: string;
      if (known !== null) {
        name = known;
        i += 1 + known.length;
      } else {
        let j = token.indexOf('_', i);
        if (j < 0) j = token.length;
        name = token.slice(i + 1, j);
        i = j;
        if (name === '') {
          ctx.sink.error(ctx.line, `"&" without a synset name in "${token}"`);
          return null;
        }
        ctx.undefinedSynsets.add(name);
      }
      node = { kind: 'synset', name };
    } else {
      let j = token.indexOf('_', i);
      if (j < 0) j = token.length;
      const piece = token.slice(i, j);
      i = j;
      if (piece === '') {
        ctx.sink.error(ctx.line, `stray "_" in "${token}"`);
        return null;
      }
      const sym = SYMBOLS[piece];
      const glued = /^\*([A-Z].*)$/i.exec(piece);
      if (glued) {
        // "- *SCEPTICAL": PETRARCH splits patterns at "*" whatever surrounds it
        ctx.sink.warn(ctx.line, `"*" glued to the word "${glued[1] ?? ''}": read as "* ${glued[1] ?? ''}"`);
        nodes.push(nodes.length > 0 ? { kind: 'verb', joined: true } : { kind: 'verb' });
        node = { kind: 'word', word: (glued[1] ?? '').toUpperCase() };
        if (!WORD_RE.test(node.word)) {
          ctx.sink.error(ctx.line, `bad pattern word "${glued[1] ?? ''}" in "${token}"`);
          return null;
        }
      } else if (sym !== undefined) node = { kind: sym } as PatternNode;
      else if (WORD_RE.test(piece.toUpperCase())) node = { kind: 'word', word: piece.toUpperCase() };
      else {
        ctx.sink.error(ctx.line, `bad pattern word "${piece}" in "${token}"`);
        return null;
      }
    }
    if (nodes.length > 0) node.joined = true;
    nodes.push(node);
    if (token[i] === '_') {
      if (i === token.length - 1) {
        if (node.kind === 'word') node.exact = true;
        i++;
      } else i++;
    }
  }
  return nodes;
}

function containsVerb(n: PatternNode): boolean {
  switch (n.kind) {
    case 'verb':
      return true;
    case 'phrase':
    case 'prep':
      return n.elements.some(containsVerb);
    case 'alternatives':
      return n.options.some((o) => o.some(containsVerb));
    default:
      return false;
  }
}

/** Tokens of a pattern: brackets and `|` alone, the rest split on blanks. */
function lexPattern(text: string): string[] {
  return text.replace(/([(){}|])/g, ' $1 ').split(/\s+/).filter((t) => t !== '');
}

/**
 * Parses a pattern text (what is between `-` and `[CODE]`) into nodes. Reports problems at
 * `ctx.line` and returns null when the pattern is unusable.
 */
export function parsePatternText(text: string, ctx: PatternContext): PatternNode[] | null {
  const tokens = lexPattern(text);
  let pos = 0;
  const fail = (why: string): null => {
    ctx.sink.error(ctx.line, `${why} in pattern "${text.trim()}"`);
    return null;
  };
  // seq := item* ; stops at a closing token or '|'
  const seq = (closer: ')' | '}' | null): PatternNode[] | null => {
    const out: PatternNode[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos] ?? '';
      if (t === ')' || t === '}' || t === '|') {
        if (t === closer || (t === '|' && closer === '}')) return out;
        return fail(`unexpected "${t}"`);
      }
      pos++;
      if (t === '(') {
        if (closer === ')') return fail('nested "("');
        const inner = seq(')');
        if (inner === null) return null;
        if (tokens[pos] !== ')') return fail('missing ")"');
        pos++;
        if (inner.length === 0) return fail('empty "()"');
        out.push({ kind: 'prep', elements: inner });
      } else if (t === '{') {
        const options: PatternNode[][] = [];
        for (;;) {
          const inner = seq('}');
          if (inner === null) return null;
          options.push(inner);
          const c = tokens[pos];
          if (c === '|') {
            pos++;
            continue;
          }
          if (c !== '}') return fail('missing "}"');
          pos++;
          break;
        }
        if (options.length === 1) {
          const only = options[0] ?? [];
          if (only.length === 0) return fail('empty "{}"');
          out.push({ kind: 'phrase', elements: only });
        } else {
          if (options.some((o) => o.length === 0)) return fail('an empty alternative in "{ | }"');
          out.push({ kind: 'alternatives', options });
        }
      } else {
        const nodes = tokenNodes(t, ctx);
        if (nodes === null) return null;
        out.push(...nodes);
      }
    }
    if (closer !== null) return fail(`missing "${closer}"`);
    return out;
  };
  const nodes = seq(null);
  if (nodes === null) return null;
  const verbs = nodes.filter((n) => n.kind === 'verb').length;
  if (nodes.some((n) => n.kind !== 'verb' && containsVerb(n))) return fail('"*" inside brackets');
  if (verbs !== 1) return fail(verbs === 0 ? 'no verb "*"' : 'more than one verb "*"');
  return nodes;
}

/** Parses `+CORDON_OFF`, `WIRE_+TAP`, `ASK`, `ACT_` (and TABARI's `ARREST AND_CHARGE`). */
function parseVerbPhrase(text: string): VerbPhrase | { error: string } {
  const words = phraseWords(text);
  if (!words.length) return { error: 'empty verb' };
  const marked = words.map((w, i) => (w.startsWith('+') ? i : -1)).filter((i) => i >= 0);
  if (marked.length > 1) return { error: `more than one "+" in verb "${text}"` };
  const clean = words.map((w) => w.replace(/^\+/, '').toUpperCase());
  if (clean.some((w) => !/^[A-Z0-9][A-Z0-9'.-]*$/.test(w))) return { error: `bad verb "${text}"` };
  return { text: text.replace(/\+/g, '').trim(), words: clean, verbIndex: marked[0] ?? 0, exact: text.endsWith('_') };
}

export interface VerbParseOptions {
  /** The file's form; by default guessed (`--- NAME [CODE] ---` block headers mean PETRARCH). */
  format?: VerbFileFormat;
}

const HEADER_RE = /^---\s*(.*?)\s*---$/;

/** Parses the text of a verb dictionary. Pure; `file` names it in provenance and problems. */
export function parseVerbs(text: string, file: string, options: VerbParseOptions = {}): PetrVerbDictionary {
  const format: VerbFileFormat = options.format ?? (/^---\s/m.test(text) ? 'petrarch' : 'tabari');
  const sink = new ProblemSink(file);
  const lines = dictLines(text, { hash: format === 'petrarch', semicolon: true });
  const synsets = new Map<string, Synset>();
  // Synset labels anywhere in the file, so that patterns can find them (PETRARCH: "those definitions
  // can occur anywhere in the file"); longest first for `NEW_&TIETYPES_RELATIONS`.
  const labels = new Set<string>();
  for (const l of lines) if (l.text.startsWith('&')) labels.add(l.text.split(/\s+/)[0]?.slice(1).replace(/_$/, '') ?? '');
  labels.delete('');
  const synsetNames = [...labels];
  const undefinedSynsets = new Map<string, number>();

  const blocks: VerbBlock[] = [];
  const transformations: Transformation[] = [];
  let block: VerbBlock | null = null;
  let synset: Synset | null = null;
  let patternCount = 0;

  const codeOf = (inner: string | null, line: number): VerbCode | null => (inner === null ? null : parseVerbCode(inner, line, sink));

  for (const l of lines) {
    const t = l.text;
    if (t.startsWith('---')) {
      synset = null;
      const m = HEADER_RE.exec(t);
      const inside = (m?.[1] ?? t.replace(/^-+/, '')).trim();
      if (!m) sink.warn(l.line, `block header "${t}" does not end with "---"`);
      const { body, code } = trailingCode(inside);
      const meaning = body.trim();
      if (!meaning) sink.error(l.line, `block header "${t}" names no meaning`);
      block = { meaning, code: codeOf(code, l.line), verbs: [], patterns: [], prov: { id: `block:${meaning}`, file, line: l.line } };
      blocks.push(block);
      continue;
    }
    if (t.startsWith('-')) {
      synset = null;
      if (!block) {
        sink.error(l.line, 'a pattern before any verb');
        continue;
      }
      const { body, code, after } = trailingCode(t.slice(1));
      if (code === null) {
        sink.error(l.line, `pattern "${t}" has no [CODE]`);
        continue;
      }
      if (after) sink.warn(l.line, `text "${after}" after the code ignored`);
      const vc = codeOf(code, l.line);
      if (!vc) continue;
      const ctx: PatternContext = { sink, line: l.line, synsetNames, undefinedSynsets: new Set() };
      const elements = parsePatternText(body, ctx);
      for (const u of ctx.undefinedSynsets) if (!undefinedSynsets.has(u)) undefinedSynsets.set(u, l.line);
      if (!elements) continue;
      const at = elements.findIndex((n) => n.kind === 'verb');
      block.patterns.push({
        code: vc,
        elements,
        before: elements.slice(0, at),
        after: elements.slice(at + 1),
        text: body,
        comment: l.comment,
        prov: { id: `${block.meaning}:${l.line}`, file, line: l.line },
      });
      patternCount++;
      continue;
    }
    if (t.startsWith('~')) {
      synset = null;
      const eq = t.indexOf('=');
      if (eq < 0) {
        sink.error(l.line, `transformation "${t}" has no "="`);
        continue;
      }
      const pattern = lexPattern(t.slice(1, eq));
      const result = t.slice(eq + 1).trim().split(/\s+/).filter((x) => x !== '');
      if (!pattern.length || !result.length) {
        sink.error(l.line, `transformation "${t}" has an empty side`);
        continue;
      }
      transformations.push({ pattern, result, text: t, prov: { id: `transformation:${l.line}`, file, line: l.line } });
      continue;
    }
    if (format === 'petrarch' && t.startsWith('&')) {
      const label = t.split(/\s+/)[0] ?? t;
      if (label !== t) sink.warn(l.line, `text after synset label "${label}" ignored`);
      const name = label.slice(1).replace(/_$/, '');
      if (!/^[A-Z0-9_]+$/i.test(name)) {
        sink.error(l.line, `bad synset label "${label}"`);
        synset = null;
        continue;
      }
      if (synsets.has(name)) sink.warn(l.line, `synset &${name} defined again (first at ${file}:${synsets.get(name)?.prov.line ?? 0}); members added`);
      synset = synsets.get(name) ?? { name, label, noPlural: label.endsWith('_'), members: [], prov: { id: `synset:${name}`, file, line: l.line } };
      synsets.set(name, synset);
      continue;
    }
    if (synset && t.startsWith('+')) {
      const member = t.slice(1).trim();
      if (!member) {
        sink.error(l.line, 'empty synset member "+"');
        continue;
      }
      const ref = /^&([A-Z0-9_]+?)_?$/i.exec(member);
      if (ref) {
        const refName = ref[1] ?? '';
        if (!labels.has(refName)) sink.warn(l.line, `synset member &${refName} is not a defined synset`);
        synset.members.push({ text: member, words: [], noPlural: true, synset: refName, line: l.line });
        continue;
      }
      if (/[*$%^&{}()[\]|]/.test(member)) {
        sink.error(l.line, `synset member "${member}" may hold only words`);
        continue;
      }
      synset.members.push({
        text: member,
        words: phraseWords(member.toUpperCase()),
        noPlural: synset.noPlural || member.endsWith('_'),
        synset: null,
        line: l.line,
      });
      continue;
    }
    // a verb line
    synset = null;
    const { body, code, after } = trailingCode(t);
    if (after) sink.warn(l.line, `text "${after}" after the code ignored`);
    let head = body;
    let forms: VerbPhrase[] | null = null;
    const brace = body.indexOf('{');
    if (brace >= 0) {
      const close = body.indexOf('}', brace);
      if (close < 0) {
        sink.error(l.line, `missing "}" in verb forms "${body}"`);
        continue;
      }
      head = body.slice(0, brace).trim();
      forms = [];
      for (const f of body.slice(brace + 1, close).split(/[\s,]+/).filter((x) => x !== '')) {
        const p = parseVerbPhrase(f);
        if ('error' in p) sink.error(l.line, p.error);
        else forms.push(p);
      }
      const rest = body.slice(close + 1).trim();
      if (rest) sink.warn(l.line, `text "${rest}" after the verb forms ignored`);
    }
    const phrase = parseVerbPhrase(head);
    if ('error' in phrase) {
      sink.error(l.line, phrase.error);
      continue;
    }
    if (format === 'petrarch' && phrase.words.length > 1 && !head.includes('+')) {
      sink.warn(l.line, `multi-word verb "${head}" does not mark its verb word with "+" (e.g. +CORDON_OFF, WIRE_+TAP); the first word is taken`);
    }
    if (format === 'petrarch' && phrase.words.length > 1 && phrase.verbIndex !== 0 && phrase.verbIndex !== phrase.words.length - 1) {
      sink.warn(l.line, `multi-word verb "${head}": PETRARCH allows "+" only on the first or last word`);
    }
    const vc = codeOf(code, l.line);
    const entry: VerbEntry = { ...phrase, forms, code: vc, prov: { id: `verb:${phrase.words.join('_')}:${l.line}`, file, line: l.line } };
    if (format === 'tabari') {
      block = { meaning: phrase.text, code: vc, verbs: [entry], patterns: [], prov: entry.prov };
      blocks.push(block);
      continue;
    }
    if (!block) {
      sink.error(l.line, `verb "${head}" before any "--- MEANING [CODE] ---" block header`);
      continue;
    }
    block.verbs.push(entry);
  }
  for (const [name, line] of undefinedSynsets) sink.warn(line, `synset &${name} is used but never defined`);
  for (const b of blocks) if (format === 'petrarch' && b.verbs.length === 0) sink.warn(b.prov.line, `block "${b.meaning}" has no verbs`);
  return { file, format, synsets, blocks, transformations, problems: sink.problems, patternCount };
}

export function loadVerbs(path: string, file: string = basename(path), options: VerbParseOptions = {}): PetrVerbDictionary {
  const { text, problems } = readDictionaryText(path, file);
  const d = parseVerbs(text, file, options);
  return { ...d, problems: [...problems, ...d.problems] };
}
