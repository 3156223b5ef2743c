/**
 * Noun classes: named sets of words and phrases that verb rules refer to by name ("fire WEAPON at +",
 * "impose RESTRICTION on +"), so that a rule is written once for the whole class and every member
 * shares it. Hand-edited data in dictionaries/classes/*.txt:
 *
 *   # comment
 *   == WEAPON                 a class: an upper-case name (letters, digits, _)
 *   rocket                    a member: a word or a phrase, singular; its plural is added
 *   tear gas                  a phrase matches its words in a row, with or without hyphens between
 *   water cannon =            "=" after a member: no plural is made (uncountable or already plural)
 *   @ARTILLERY                every member of another class (defined in any class file)
 *
 * Members are lower-case; a word of a phrase may carry a hyphen ("rubber-bullet" = "rubber bullet").
 * Each member keeps its file and line; a class named twice, an unknown class or a cycle is an error
 * naming the file and line.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Provenance } from '../types.js';

export class ClassError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'ClassError';
  }
}

/** A class compiled: single words in a set, phrases as word lists (longest first). */
export interface NounClass {
  name: string;
  words: ReadonlySet<string>;
  phrases: readonly (readonly string[])[];
  prov: Provenance;
}

export type NounClasses = ReadonlyMap<string, NounClass>;

export const CLASS_NAME_RE = /^[A-Z][A-Z0-9_]+$/;
const MEMBER_RE = /^[a-z0-9][a-z0-9.'-]*(?: [a-z0-9][a-z0-9.'-]*)*$/;

/** The regular English plural of a word (facts of the language; irregular ones are listed as members). */
export function pluralOf(w: string): string {
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(w)) return w + 'es';
  if (/[^aeiou]o$/.test(w) && !/(?:photo|video|radio|kilo|memo|logo|euro|auto)$/.test(w)) return w + 'es';
  return w + 's';
}

interface RawClass {
  name: string;
  members: { text: string; plural: boolean; line: number }[];
  includes: { name: string; line: number }[];
  prov: Provenance;
}

/** Parses one class file (`file` is the name used in provenance and errors). */
export function parseClassFile(text: string, file: string): RawClass[] {
  const out: RawClass[] = [];
  let current: RawClass | null = null;
  text.split('\n').forEach((raw, k) => {
    const line = k + 1;
    const body = raw.replace(/#.*$/, '').trim();
    if (!body) return;
    if (body.startsWith('==')) {
      const name = body.slice(2).trim();
      if (!CLASS_NAME_RE.test(name)) throw new ClassError(file, line, `bad class name "${name}" (upper-case letters, digits and _)`);
      current = { name, members: [], includes: [], prov: { id: `class:${name}`, file, line } };
      out.push(current);
      return;
    }
    if (!current) throw new ClassError(file, line, 'a member before any "== NAME" class header');
    const cls: RawClass = current;
    if (body.startsWith('@')) {
      const name = body.slice(1).trim();
      if (!CLASS_NAME_RE.test(name)) throw new ClassError(file, line, `bad class reference "${body}"`);
      cls.includes.push({ name, line });
      return;
    }
    const noPlural = body.endsWith('=');
    const member = (noPlural ? body.slice(0, -1) : body).trim().replace(/\s+/g, ' ');
    if (!MEMBER_RE.test(member)) throw new ClassError(file, line, `bad member "${member}" (lower-case words)`);
    cls.members.push({ text: member, plural: !noPlural, line });
  });
  return out;
}

/** Words of a member as the tokenizer cuts them: blanks and hyphens separate words. */
export function memberWords(text: string): string[] {
  return text.split(/[\s-]+/).filter(Boolean);
}

/** Compiles the class files of `dir` (sorted by name); a missing directory gives no classes. */
export function loadNounClasses(dir: string, root: string): NounClasses {
  if (!existsSync(dir)) return new Map();
  const raws = new Map<string, RawClass>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const path = join(dir, f);
    for (const c of parseClassFile(readFileSync(path, 'utf8'), relative(root, path))) {
      const seen = raws.get(c.name);
      if (seen) throw new ClassError(c.prov.file, c.prov.line, `class ${c.name} is already defined at ${seen.prov.file}:${seen.prov.line}`);
      raws.set(c.name, c);
    }
  }
  return compileClasses(raws);
}

/** Resolves includes and makes plurals: each class's words and phrases. */
export function compileClasses(raws: ReadonlyMap<string, RawClass>): NounClasses {
  const done = new Map<string, NounClass>();
  const visiting = new Set<string>();
  const build = (c: RawClass): NounClass => {
    const ready = done.get(c.name);
    if (ready) return ready;
    if (visiting.has(c.name)) throw new ClassError(c.prov.file, c.prov.line, `class ${c.name} includes itself`);
    visiting.add(c.name);
    const words = new Set<string>();
    const phrases = new Map<string, string[]>();
    const add = (ws: string[]): void => {
      if (ws.length === 1) words.add(ws[0] as string);
      else if (ws.length > 1) phrases.set(ws.join(' '), ws);
    };
    for (const m of c.members) {
      const ws = memberWords(m.text);
      add(ws);
      if (m.plural && ws.length) add([...ws.slice(0, -1), pluralOf(ws[ws.length - 1] as string)]);
    }
    for (const inc of c.includes) {
      const other = raws.get(inc.name);
      if (!other) throw new ClassError(c.prov.file, inc.line, `unknown class @${inc.name}`);
      const o = build(other);
      for (const w of o.words) words.add(w);
      for (const p of o.phrases) phrases.set(p.join(' '), [...p]);
    }
    visiting.delete(c.name);
    const compiled: NounClass = Object.freeze({
      name: c.name,
      words,
      phrases: [...phrases.values()].sort((a, b) => b.length - a.length),
      prov: c.prov,
    });
    done.set(c.name, compiled);
    return compiled;
  };
  for (const c of raws.values()) build(c);
  return done;
}
