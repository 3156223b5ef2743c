/**
 * The grammar and context rules of dictionaries/grammar.tsv: the engine's own decisions, listed as data so
 * that an actor resolved from context or an event made by a grammar rule points at a file and a line.
 */
import { readFileSync } from 'node:fs';
import type { Provenance } from '../types.js';

export interface Grammar {
  /** The provenance of a grammar rule; throws on an id the file does not list (a programming error). */
  prov(id: string): Provenance;
}

export function parseGrammar(text: string, file: string): Grammar {
  const rules = new Map<string, Provenance>();
  text.split('\n').forEach((raw, k) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const [id = '', what = ''] = raw.split('\t');
    if (!/^[a-z]+:[a-z-]+$/.test(id) || !what.trim()) throw new Error(`${file}:${k + 1}: expected "id<TAB>description", got "${raw}"`);
    if (rules.has(id)) throw new Error(`${file}:${k + 1}: duplicate rule id ${id}`);
    rules.set(id, Object.freeze({ id, file, line: k + 1 }));
  });
  return {
    prov(id) {
      const p = rules.get(id);
      if (!p) throw new Error(`grammar rule "${id}" is not listed in ${file}`);
      return p;
    },
  };
}

export function loadGrammar(path: string, name = 'grammar.tsv'): Grammar {
  return parseGrammar(readFileSync(path, 'utf8'), name);
}
