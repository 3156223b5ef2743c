/**
 * Sentences, tokens, part of speech and lemmas, from wink-nlp. The model is passed in by the coder
 * (built once); this module turns wink's output into plain arrays with character offsets.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../types.js';
import { grownTo } from './forms.js';

export type { Token } from '../contracts.js';
import type { Token } from '../contracts.js';

export interface Sentence {
  index: number;
  span: Span;
  text: string;
  /** Token index range [first, last) in the story's token array. */
  first: number;
  last: number;
}

export interface Analysis {
  tokens: Token[];
  sentences: Sentence[];
}

export interface Analyzer {
  analyze(text: string): Analysis;
}

type WinkNlp = ReturnType<typeof winkNLP>;

/**
 * The wink-nlp stages we use: sentence boundaries and part of speech. Its entity, negation and sentiment
 * stages are not used (dates, quantities and negation are ours) and cost a third of its time. The
 * benchmark's floor runs the same stages.
 */
export const WINK_PIPE = ['sbd', 'pos'] as const;
/** wink's typings do not accept its own helpers as token functions; they are. */
type ItsOut = (index: number, token: unknown) => string;
type ItsId = (index: number, token: unknown) => number;

/** Whether toLowerCase could change the word: an ASCII capital or any character past ASCII. */
function hasUpper(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/** Space, tab, carriage return, line feed, form feed, no-break space. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}

export interface AnalyzerOptions {
  /**
   * The lemma of a verb or auxiliary from its lower-case form (the coder's own, made from its rules);
   * without one, wink-nlp's lemmatizer is asked, at about a tenth of its tagging time.
   */
  verbLemma?: (lower: string) => string;
  /** The lexicon size from which a fresh model is loaded before the next story (default RELOAD_AT; tests set less). */
  reloadAt?: number;
}

/**
 * The model's custom-entity machines, asked once: wink-eng-lite-web-model's metaCER() JSON-encodes them
 * again at every call (a string of a string of ...), so that after a few dozen loads of the model in one
 * process a load throws "Invalid string length". Unused here (no custom entities), but every load asks.
 */
const metaCerLoader: unknown = model.metaCER;
const META_CER: unknown = typeof metaCerLoader === 'function' ? (metaCerLoader as () => unknown)() : undefined;

/** Builds an analyzer with its own wink-nlp instance (no shared state between coders). */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  // The core model is loaded here so that this analyzer holds its lexeme table (see forgetLearned).
  const load = (): { nlp: WinkNlp; lexemes: LexemeTable | null } => {
    const coreLoader: unknown = model.core;
    const core: unknown = typeof coreLoader === 'function' ? (coreLoader as () => unknown)() : null;
    const lexemes = lexemeTable(core);
    return { nlp: winkNLP(lexemes !== null ? { ...model, core: () => core, metaCER: () => META_CER } : model, [...WINK_PIPE]), lexemes };
  };
  let { nlp, lexemes } = load();
  /** The model's own lexicon: these ids are the same in every load of it. */
  const modelSize = lexemes?.list.length ?? 0;
  /**
   * wink-nlp's lexicon only grows (a new word, a number, every piece of noise gets an entry), and a
   * lexeme id from 1,080,000 on is read by its sentence splitter as one of its own hints (a likely end of
   * sentence...): a long-running coder would first hold ever more memory, then cut sentences where there
   * are none (found by the fuzz suite after 83,000 stories). Before a story that could take the lexicon
   * past RELOAD_AT, a fresh instance of the model is loaded (some 65 ms) and what was learned is dropped,
   * here too: the ids past the model's own are given again to other words.
   */
  const reloadAt = options.reloadAt ?? RELOAD_AT;
  const reloadIfFull = (text: string): void => {
    if (lexemes === null) return;
    const size = lexemes.list.length;
    if (size === modelSize || (size < reloadAt && size + text.length < reloadAt)) return;
    ({ nlp, lexemes } = load());
    lowerById.length = Math.min(lowerById.length, modelSize);
    verbLemmaById.length = Math.min(verbLemmaById.length, modelSize);
    forms?.forgetFrom(modelSize);
  };
  /**
   * wink-nlp adds every new word it reads to its lexicon, and a word of several pieces that it learned
   * whole ("p.m" from "12:06 p.m EDT", "Arabia's" from "Arabia's,") is from then on tokenized whole
   * everywhere: the tokens of a story would depend on the stories read before it. After each story the
   * lexicon forgets the many-piece words it learned (their entries stay, unreachable, so wink's tables
   * stay aligned); plain words cannot change how anything is cut and are kept.
   */
  const forgetLearned = (table: LexemeTable | null, from: number): void => {
    if (table === null) return;
    for (let k = from; k < table.list.length; k++) {
      const v = table.list[k];
      if (v !== undefined && MANY_PIECES.test(v) && table.hash[v] === k) delete table.hash[v];
    }
  };
  /**
   * Per word type (wink's lexeme id: one id per spelling), its lower-case form and its verb lemma, made
   * once: the tokens of a word share one string, whose hash every later lookup reuses. Grows with wink's
   * own lexicon, which learns every new word it reads.
   */
  const lowerById: (string | undefined)[] = [];
  const verbLemmaById: (string | undefined)[] = [];
  const verbLemma = options.verbLemma;
  /**
   * Word forms (Token.form): a dense id per spelling and part of speech seen. Most words are seen with one
   * part of speech: that form is kept by lexeme id; the others in a map. Only with the coder's verb
   * lemmas, which follow from a token's form (wink's lemmatizer is not asked whether it does).
   */
  const forms = verbLemma ? createFormIds() : null;
  return {
    analyze(text: string): Analysis {
      reloadIfFull(text);
      const lex = lexemes;
      const its = nlp.its;
      const learnedFrom = lex?.list.length ?? 0;
      const doc = nlp.readDoc(text);
      const all = doc.tokens();
      const ids = all.out(its.uniqueId as ItsId) as unknown as number[];
      // a token's value is its lexeme's spelling (wink's its.value reads the same table), read in the loop below
      const values = lex !== null ? null : (all.out(its.value as ItsOut) as string[]);
      const list = lex !== null ? lex.list : null;
      const pos = all.out(its.pos as ItsOut) as string[];
      while (lowerById.length < (lex?.list.length ?? 0)) {
        lowerById.push(undefined);
        verbLemmaById.push(undefined);
      }
      // lemmas only where the rules look at them (verbs and their auxiliaries)
      const lemmaOf = (k: number, lower: string, id: number): string => {
        if (!verbLemma) return all.itemAt(k).out(its.lemma as ItsOut) as string;
        let lemma = verbLemmaById[id];
        if (lemma === undefined) {
          lemma = verbLemma(lower);
          if (id < verbLemmaById.length) verbLemmaById[id] = lemma;
        }
        return lemma;
      };
      const tokens: Token[] = new Array(ids.length);
      let cursor = 0;
      for (let i = 0; i < ids.length; i++) {
        const value = (list !== null ? list[ids[i] ?? -1] : values?.[i]) ?? '';
        // wink keeps the original characters: the token is the next occurrence of its value, after white space
        let start = cursor;
        const first = value.charCodeAt(0);
        for (let c = text.charCodeAt(start); c !== first && isBlank(c); c = text.charCodeAt(start)) start++;
        if (!text.startsWith(value, start)) {
          const found = text.indexOf(value, cursor);
          start = found >= 0 ? found : cursor;
        }
        const end = start + value.length;
        cursor = end;
        const p = pos[i] ?? 'X';
        const id = ids[i] ?? -1;
        // most tokens are lower-case already: they are their own lower-case form (no table read)
        let lower = hasUpper(value) ? lowerById[id] : value;
        if (lower === undefined) {
          lower = value.toLowerCase();
          if (id >= 0 && id < lowerById.length) lowerById[id] = lower;
        }
        const form = forms !== null && id >= 0 ? forms.of(id, p) : -1;
        tokens[i] = { i, text: value, lower, lemma: p === 'VERB' || p === 'AUX' ? lemmaOf(i, lower, id) : lower, pos: p, start, end, sentence: 0, form };
      }
      const spans = doc.sentences().out(its.span) as unknown as [number, number][];
      const sentences: Sentence[] = [];
      // a line break is a sentence boundary too (paragraphs of wire copy; wink joins lines without a full stop)
      const pieces: [number, number][] = [];
      for (const [a, b] of spans) {
        let from = a;
        for (let k = a; k <= b; k++) {
          const tk = tokens[k] as Token;
          if (tk.pos === 'SPACE' && tk.text.includes('\n') && k > from) {
            pieces.push([from, k]);
            from = k + 1;
          }
        }
        if (from <= b) pieces.push([from, b]);
      }
      pieces.forEach(([spanFirst, spanLast]) => {
        let first = spanFirst;
        let lastIncl = spanLast;
        while (first <= lastIncl && tokens[first]?.pos === 'SPACE') first++;
        while (lastIncl >= first && tokens[lastIncl]?.pos === 'SPACE') lastIncl--;
        if (first > lastIncl) return; // white space only: no sentence
        const a = tokens[first];
        const b = tokens[lastIncl];
        if (!a || !b) return;
        for (let k = first; k <= lastIncl; k++) (tokens[k] as Token).sentence = sentences.length;
        sentences.push({ index: sentences.length, span: { start: a.start, end: b.end }, text: text.slice(a.start, b.end), first, last: lastIncl + 1 });
      });
      forgetLearned(lex, learnedFrom);
      return { tokens, sentences };
    },
  };
}

/** wink-nlp's parts of speech (Universal Dependencies tags, and SPACE). */
const POS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
/** 1..18 (0: another tag); five bits. */
const POS_SLOT = new Map(POS_TAGS.map((p, k) => [p, k + 1]));

const newInt32 = (n: number): Int32Array => new Int32Array(n);

/** Dense word-form ids by lexeme id and part of speech, given out in the order first seen. */
/** At most this many word forms are given out (then a token has none, -1): the memos by form stay bounded. */
const MAX_FORMS = 1 << 22;

function createFormIds(): { of(id: number, pos: string): number; forgetFrom(id: number): void } {
  // by lexeme id: the form of the part of speech first seen with it, and that part of speech's slot
  // (form << 5 | slot; 0: not seen yet); the word's other forms in a map
  let first: Int32Array = new Int32Array(1 << 17);
  const others = new Map<number, number>();
  let next = 1; // form 0 with slot 0 would read as not seen
  return {
    of(id: number, pos: string): number {
      const slot = POS_SLOT.get(pos) ?? 0;
      first = grownTo(first, id, newInt32);
      const seen = first[id] as number;
      if (seen === 0) {
        if (next >= MAX_FORMS) return -1;
        first[id] = (next << 5) | slot;
        return next++;
      }
      if ((seen & 31) === slot) return seen >>> 5;
      const key = id * 32 + slot;
      let form = others.get(key);
      if (form === undefined) {
        if (next >= MAX_FORMS) return -1;
        others.set(key, (form = next++));
      }
      return form;
    },
    /** Lexeme ids from `id` on will name other words: their forms are dropped (new ones get new numbers). */
    forgetFrom(id: number): void {
      first.fill(0, Math.min(id, first.length));
      for (const key of others.keys()) if (key >= id * 32) others.delete(key);
    },
  };
}

/**
 * The lexicon size past which an analyzer loads a fresh model before its next story (or before a story
 * whose length could take it there): well below wink's sentence hints, which start at id 1,080,000.
 */
const RELOAD_AT = 600_000;

/** wink-nlp's lexeme table inside its core model: word → index, and the words by index. */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
}

/** The lexeme table of a loaded core model, or null when the model is not shaped as expected. */
function lexemeTable(core: unknown): LexemeTable | null {
  if (typeof core !== 'object' || core === null || !('features' in core)) return null;
  const features: unknown = core.features;
  if (typeof features !== 'object' || features === null || !('lexeme' in features)) return null;
  const lexeme: unknown = features.lexeme;
  if (typeof lexeme !== 'object' || lexeme === null || !('hash' in lexeme) || !('list' in lexeme)) return null;
  const { hash, list } = lexeme;
  if (typeof hash !== 'object' || hash === null || !Array.isArray(list)) return null;
  return { hash: hash as Record<string, number>, list: list as string[] };
}

/** A word with something other than letters, digits and marks in it: pieces wink may cut apart. */
const MANY_PIECES = /[^\p{L}\p{N}\p{M}]/u;
