/**
 * The sentence grammar without the rest of the coder: text → tokens (the coder's analyzer and
 * lemmatizer) → mentions (our actor dictionaries) → parseSentence. For tests that assert on clauses.
 */
// @ts-nocheck

import { join } from 'node:path';
import type { Mention, SentenceGrammar, SentenceTokens, Token } from '../../src/contracts.js';
import { defaultDictionariesDir } from '../../src/actors/dictionary.js';
import type { Gazetteer } from '../../src/attributes/places.js';
import { loadCameoTable } from '../../src/events/cameo.js';
import { loadGrammar } from '../../src/events/grammar.js';
import { createLemmatizer } from '../../src/events/lemma.js';
import { grammarVerbs } from '../../src/grammar/groups.js';
import { parseSentence } from '../../src/grammar/grammar.js';
import type { VerbLexicon } from '../../src/grammar/groups.js';
import { loadNativeRules, nativeSources } from '../../src/sources.js';
import { createAnalyzer } from '../../src/text/analyze.js';

export interface Parsed {
  g: SentenceGrammar;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  /** Position of the first token whose text is `word` (after `from`). */
  at(word: string, from?: number): number;
  /** The clause of the verb `word` (the first such token after `from`). */
  clause(word: string, from?: number): NonNullable<ReturnType<SentenceGrammar['clauseAt']>>;
  /** The text of a mention group, joined with "+" ("France+Germany"), or "" for none. */
  names(ms: readonly Mention[]): string;
}

export interface Parser {
  parse(text: string, lexicon?: VerbLexicon): Parsed;
  /** Tokens and mentions only (the first sentence). */
  read(text: string): { st: SentenceTokens; mentions: Mention[] };
  rules: VerbLexicon;
}

/**
 * No places: the grammar reads none of them (placeAt only answers what it is given), and the actor
 * lexicon asks the gazetteer only whether a name is also a large city.
 */
const NO_PLACES: Gazetteer = {
  lookup: () => null,
  findPlaces: () => [],
  toPlace: () => {
    throw new Error('no places in grammar tests');
  },
  size: 0,
};

export function createParser(gazetteer: Gazetteer = NO_PLACES): Parser {
  const root = defaultDictionariesDir();
  const cameo = loadCameoTable(join(root, 'cameo.tsv'));
  const grammar = loadGrammar(join(root, 'grammar.tsv'));
  const verbRules = loadNativeRules(root, cameo);
  const lemmatizer = createLemmatizer(new Set([...verbRules.lemmas, ...grammarVerbs()]));
  const analyzer = createAnalyzer({ verbLemma: lemmatizer.verb });
  const tokenize = (s: string): string[] => analyzer.analyze(s).tokens.filter((t) => t.pos !== 'SPACE').map((t) => t.text);
  const sources = nativeSources(root, verbRules, cameo, grammar, tokenize, gazetteer);
  const read = (text: string): { st: SentenceTokens; mentions: Mention[] } => {
    const { tokens, sentences } = analyzer.analyze(text);
    const s = sentences[0];
    if (!s) throw new Error(`no sentence in ${JSON.stringify(text)}`);
    const story = sources.actors.forStory({ text, blocked: () => false, datelineCountry: null, date: '2008-02-08', places: () => [] });
    const st: SentenceTokens = { index: 0, tokens: tokens.slice(s.first, s.last) };
    return { st, mentions: story.mentions(st) };
  };
  return {
    rules: sources.rules,
    read,
    parse(text, lexicon = sources.rules) {
      const { st, mentions } = read(text);
      const g = parseSentence(st, mentions, lexicon);
      const at = (word: string, from = 0): number => {
        const k = st.tokens.findIndex((t, i) => i >= from && t.text === word);
        if (k < 0) throw new Error(`no "${word}" in ${JSON.stringify(text)}`);
        return k;
      };
      return {
        g,
        tokens: st.tokens,
        mentions,
        at,
        clause(word, from = 0) {
          const c = g.clauseAt(at(word, from));
          if (!c) throw new Error(`"${word}" heads no clause in ${JSON.stringify(text)}: ${g.clauses.map((x) => st.tokens[x.group.verb]?.text).join(' ')}`);
          return c;
        },
        names: (ms) => ms.map((m) => m.text).join('+'),
      };
    },
  };
}

/**
 * A sentence written with its tags, for rows that need exact parts of speech (the tagger's choice for
 * "that" or "how" is not the point of the row): words are `text/POS` or `text/POS/lemma` (the lemma of a
 * word with none is its lower case); `[ ... ]` marks a mention, and `]` may be followed by flags:
 * `]mod` a possessive modifier, `]pro` a pronoun, `]per` a person, `]place` a place, `]pp` inPP, `]none`
 * no root, `]twice` a second mention over the same words (its text primed: "Hezbollah'"). "[Syria/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT"
 */
export function tagged(text: string): { st: SentenceTokens; mentions: Mention[] } {
  const tokens: Token[] = [];
  const mentions: Mention[] = [];
  let open = -1;
  let offset = 0;
  for (let piece of text.trim().split(/\s+/)) {
    if (piece.startsWith('[')) {
      open = tokens.length;
      piece = piece.slice(1);
    }
    const close = piece.indexOf(']');
    const flags = close >= 0 ? piece.slice(close + 1).split(',').filter(Boolean) : null;
    if (close >= 0) piece = piece.slice(0, close);
    const [word = '', pos = 'X', lemma] = piece.split('/');
    tokens.push({ i: tokens.length, text: word, lower: word.toLowerCase(), lemma: lemma ?? word.toLowerCase(), pos, start: offset, end: offset + word.length, sentence: 0, form: -1 });
    offset += word.length + 1;
    if (flags) {
      const start = open;
      const end = tokens.length;
      const words = tokens.slice(start, end).map((t) => t.text).join(' ');
      const kind = flags.includes('pro') ? 'pronoun' : flags.includes('per') ? 'person' : 'named';
      mentions.push({
        start, end, head: start, text: words, span: { start: tokens[start]?.start ?? 0, end: tokens[end - 1]?.end ?? 0 },
        root: flags.includes('none') ? null : words.toUpperCase().slice(0, 3), country: null, sectors: [], person: kind === 'person' ? words : null,
        personTokens: null, kind, plural: false, modifier: flags.includes('mod'), inPP: flags.includes('pp'), place: flags.includes('place'),
        prov: { id: 'test', file: 'test', line: 0 }, resolvedFrom: null,
      });
      // `]twice`: a second actor over the same words (a name with two codes)
      const last = mentions[mentions.length - 1] as Mention;
      if (flags.includes('twice')) mentions.push({ ...last, text: `${words}'`, root: `${last.root ?? ''}2` });
      open = -1;
    }
  }
  return { st: { index: 0, tokens }, mentions };
}
