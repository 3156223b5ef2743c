/**
 * Readers for the simple PETRARCH lists: discards, issues, prepositions.
 *
 * Discards (Phoenix.discards.txt): one phrase a line; `+PHRASE` discards the whole story, a bare
 * phrase the sentence; a trailing `_` means the phrase must end at a word boundary (else it is a stem).
 *
 * Issues (Phoenix.IssueCoding.txt): `PHRASE [CODE]` inside `<ISSUE CATEGORY="..." TYPE="...">` ...
 * `</ISSUE>`; `~PHRASE` cancels issue coding for the sentence, `~~PHRASE` for the story. In phrases,
 * `n:word` also makes the plural, `v:word` the regular verb forms, and `a+b` stands for "a b" and "a-b".
 *
 * Prepositions (Phoenix.prepositions.txt): one word a line.
 */
import { basename } from 'node:path';
import type { Provenance } from '../types.js';
import { dictLines, phraseWords, ProblemSink, readDictionaryText, type PetrProblem } from './common.js';
import { regularPlural } from './agents.js';

export interface DiscardEntry {
  text: string;
  words: string[];
  scope: 'story' | 'sentence';
  /** A trailing `_`: the last word must end there (not a stem). */
  exact: boolean;
  prov: Provenance;
}

export interface IssueEntry {
  /** The phrase as written, e.g. `n:bachelor n:degree`. */
  text: string;
  /** The issue code; null for the `~` / `~~` exclusion phrases. */
  code: string | null;
  kind: 'issue' | 'ignore-sentence' | 'ignore-story';
  category: string | null;
  /** Every upper-case surface form the phrase expands to. */
  forms: string[];
  prov: Provenance;
}

export interface PetrList<T> {
  file: string;
  entries: T[];
  problems: PetrProblem[];
}

export function parseDiscards(text: string, file: string): PetrList<DiscardEntry> {
  const sink = new ProblemSink(file);
  const entries: DiscardEntry[] = [];
  for (const l of dictLines(text, { hash: true, semicolon: false })) {
    const story = l.text.startsWith('+');
    const phrase = (story ? l.text.slice(1) : l.text).trim();
    const words = phraseWords(phrase.toUpperCase());
    if (!words.length) {
      sink.error(l.line, 'empty discard phrase');
      continue;
    }
    entries.push({
      text: phrase,
      words,
      scope: story ? 'story' : 'sentence',
      exact: phrase.endsWith('_'),
      prov: { id: `discard:${words.join('_')}`, file, line: l.line },
    });
  }
  return { file, entries, problems: sink.problems };
}

function verbForms(root: string): string[] {
  return root.endsWith('E') ? [root, root + 'S', root + 'D', root.slice(0, -1) + 'ING'] : [root, root + 'S', root + 'ED', root + 'ING'];
}

/** Expands `n:`, `v:` and `+` in an issue phrase into its upper-case surface forms. */
export function expandIssuePhrase(phrase: string): string[] {
  let forms = [phrase.toUpperCase().replace(/\s+/g, ' ').trim()];
  for (let guard = 0; guard < 20; guard++) {
    let changed = false;
    const next: string[] = [];
    for (const f of forms) {
      const plus = f.indexOf('+');
      const m = /(^|\s|\+|-)([NV]):([^\s+]+)/.exec(f);
      if (plus >= 0 && (!m || plus < m.index)) {
        next.push(f.replace('+', ' '), f.replace('+', '-'));
        changed = true;
      } else if (m) {
        const before = f.slice(0, m.index + (m[1] ?? '').length);
        const after = f.slice(m.index + m[0].length);
        const word = m[3] ?? '';
        const variants = m[2] === 'N' ? [word, regularPlural(word)] : verbForms(word);
        for (const v of variants) next.push(before + v + after);
        changed = true;
      } else {
        next.push(f);
      }
    }
    forms = next;
    if (!changed) break;
  }
  return [...new Set(forms)];
}

export function parseIssues(text: string, file: string): PetrList<IssueEntry> {
  const sink = new ProblemSink(file);
  const entries: IssueEntry[] = [];
  let category: string | null = null;
  for (const l of dictLines(text, { hash: true, semicolon: false })) {
    const open = /^<ISSUE\b(.*)>$/i.exec(l.text);
    if (open) {
      if (category !== null) sink.warn(l.line, `<ISSUE> opened inside the open category "${category}"`);
      const cat = /CATEGORY\s*=\s*"([^"]*)"/i.exec(open[1] ?? '');
      category = cat?.[1] ?? '';
      if (!cat) sink.warn(l.line, '<ISSUE> without CATEGORY="..."');
      continue;
    }
    if (/^<\/ISSUE\s*>$/i.test(l.text)) {
      if (category === null) sink.warn(l.line, '</ISSUE> without an open <ISSUE>');
      category = null;
      continue;
    }
    if (l.text.startsWith('<')) {
      sink.error(l.line, `unknown tag "${l.text}"`);
      continue;
    }
    const prov = (phrase: string): Provenance => ({ id: `issue:${phraseWords(phrase).join('_')}`, file, line: l.line });
    if (l.text.startsWith('~')) {
      const story = l.text.startsWith('~~');
      const phrase = l.text.slice(story ? 2 : 1).trim();
      if (!phrase) {
        sink.error(l.line, 'empty exclusion phrase');
        continue;
      }
      entries.push({ text: phrase, code: null, kind: story ? 'ignore-story' : 'ignore-sentence', category, forms: expandIssuePhrase(phrase), prov: prov(phrase) });
      continue;
    }
    const m = /^(.*?)\s*\[([^\]]*)\]\s*(.*)$/.exec(l.text);
    if (!m) {
      sink.warn(l.line, `issue phrase "${l.text}" has no [CODE]; skipped (as PETRARCH does)`);
      continue;
    }
    const phrase = m[1] ?? '';
    const code = (m[2] ?? '').trim();
    if (m[3]) sink.warn(l.line, `text "${m[3]}" after the code ignored`);
    if (!phrase || !code) {
      sink.error(l.line, !phrase ? 'no phrase before the code' : 'empty issue code []');
      continue;
    }
    entries.push({ text: phrase, code, kind: 'issue', category, forms: expandIssuePhrase(phrase), prov: prov(phrase) });
  }
  if (category !== null) sink.warn(text.split('\n').length, `<ISSUE CATEGORY="${category}"> never closed`);
  return { file, entries, problems: sink.problems };
}

export interface PrepositionEntry {
  word: string;
  prov: Provenance;
}

export function parsePrepositions(text: string, file: string): PetrList<PrepositionEntry> {
  const sink = new ProblemSink(file);
  const entries: PrepositionEntry[] = [];
  for (const l of dictLines(text, { hash: true, semicolon: false })) {
    if (/\s/.test(l.text)) sink.warn(l.line, `preposition "${l.text}" has several words`);
    const word = l.text.toLowerCase();
    entries.push({ word, prov: { id: `prep:${word}`, file, line: l.line } });
  }
  return { file, entries, problems: sink.problems };
}

function loader<T>(parse: (text: string, file: string) => PetrList<T>) {
  return (path: string, file: string = basename(path)): PetrList<T> => {
    const { text, problems } = readDictionaryText(path, file);
    const d = parse(text, file);
    return { ...d, problems: [...problems, ...d.problems] };
  };
}

export const loadDiscards = loader(parseDiscards);
export const loadIssues = loader(parseIssues);
export const loadPrepositions = loader(parsePrepositions);
