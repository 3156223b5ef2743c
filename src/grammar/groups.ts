/**
 * Verb groups: every verb of a sentence with what its auxiliaries, negation, modals and "to"-chains say
 * about it ("was willing to help", "did not attack", "will pull", "tried to storm", "has yet to ask").
 * No parse tree: part-of-speech tags and the words to the left of the verb decide.
 */
import type { Modality } from '../types.js';
import type { Token, VerbGroup } from '../contracts.js';
export { grammarVerbs } from './words.js';
import { BE, FAILED, FORECAST, FUTURE, GET, SAME_FORM_PARTICIPLES, GERUND_PREPS, HYPOTHETICAL, INTENT, NEGATORS, SPEECH, TIME_WORDS, TRIED } from './words.js';

/** What the group finder needs to know of the rules: whether a verb has any (a governing verb with rules codes the event). */
export interface VerbLexicon {
  hasRules(t: Token): boolean;
}

/** Whether a token is a verb that heads a group here, and not a noun use of a verb form. */
export function headsGroup(tokens: readonly Token[], i: number, inMention: (i: number) => boolean): boolean {
  const t = tokens[i] as Token;
  if (inMention(i)) return false;
  // an auxiliary heads a group only as a main verb ("has deep concerns"), not before a verb ("has acted")
  if (t.pos === 'AUX') {
    const nx = tokens[i + 1];
    if (!nx || BE.has(t.lower) || t.lemma === 'be' || nx.pos === 'VERB' || nx.pos === 'AUX' || nx.pos === 'PART' || nx.pos === 'ADV' || nx.pos === 'PUNCT') return false;
    if (!/^(has|have|had|having)$/.test(t.lower)) return false;
  } else if (t.pos !== 'VERB') return false;
  const prev = tokens[i - 1];
  if (!prev) return true;
  if (prev.text === '-') return false; // "NATO-led"
  // a gerund after a preposition is a noun ("a decision on deploying troops"); so is an infinitive after a
  // noun ("the capability to meet"), and a verb after a determiner ("the need for help")
  if (/ing$/.test(t.lower) && GERUND_PREPS.has(prev.lower)) return false;
  if (prev.lower === 'to' && tokens[i - 2]?.pos === 'NOUN' && !inMention(i - 2)) return false;
  if (prev.lower === 'to' && /[^s]s$/.test(t.lower) && t.lemma !== t.lower) return false; // "conceded to demands"
  // a participle modifying a noun: "the demonstration staged by students", "the occupied territories"
  if (prev.pos === 'NOUN' && /ed$/.test(t.lower) && tokens[i + 1]?.lower === 'by' && !inMention(i - 1)) return false;
  if ((prev.pos === 'ADP' && prev.lower !== 'to') || prev.pos === 'DET' || prev.text === "'s" || prev.text === '’s') return false;
  // a plural noun the tagger took for a verb, right before the verb it is the subject of ("when bombs
  // exploded outside their homes")
  const nx = tokens[i + 1];
  if (/[^s]s$/.test(t.lower) && nx && nx.pos === 'VERB' && /ed$/.test(nx.lower) && (prev.pos === 'SCONJ' || prev.pos === 'ADP' || prev.pos === 'ADJ' || prev.text === ',' || GERUND_PREPS.has(prev.lower) || /^(when|as|after|before|while|and)$/.test(prev.lower))) return false;
  // a base form after a singular common noun is a noun of a compound ("significant government aid"): a
  // verb after a singular subject would take -s
  if (t.lemma === t.lower && !/(ed|s|ing)$/.test(t.lower) && !SAME_FORM_PARTICIPLES.has(t.lower) && prev.pos === 'NOUN' && /^[a-z]/.test(prev.text) && !/s$/.test(prev.lower) && !inMention(i - 1) && !BE.has(prev.lower)) {
    const before = tokens[i - 2];
    const after = tokens[i + 1];
    if ((!before || before.pos === 'DET' || before.pos === 'ADJ' || before.pos === 'NOUN' || before.pos === 'ADP') && after?.pos !== 'VERB') return false;
  }
  return true;
}

/** "X said it would ...": a reported future, not a hypothetical. */
function saidBefore(tokens: readonly Token[], at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k < 12; k--) if ((tokens[k] as Token).pos === 'VERB' && SPEECH.has((tokens[k] as Token).lemma)) return true;
  return false;
}

/** A past participle after a form of "be" is a passive ("was attacked", "were arrested"). */
function participle(t: Token): boolean {
  if (/ing$/.test(t.lower)) return false;
  // an inflected form after "be" is a participle ("was shot", "were held", "was found"); a base form only
  // when it is also the participle ("were hit"); a verb the lemmatizer does not know by its ending
  if (t.lemma !== t.lower) return !/s$/.test(t.lower);
  return SAME_FORM_PARTICIPLES.has(t.lower) || /(ed|en|wn)$/.test(t.lower);
}

const DEMAND_MODAL = 'must';

/** A word by which the grammar codes a clause whatever its verb ("must": a demand reported by a speaker, src/events/build.ts). */
export function codesWithoutRule(t: Token): boolean {
  return t.lower === DEMAND_MODAL;
}

/**
 * The verb groups of a sentence, in text order. Walking left from each verb over auxiliaries, negation,
 * adverbs and "to"-chains: negation, modality (future, hypothetical, intended, demanded), passive voice,
 * the control verb that governs it, attempts and failures.
 */
export function verbGroups(tokens: readonly Token[], lexicon: VerbLexicon, inMention: (i: number) => boolean): VerbGroup[] {
  const out: VerbGroup[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!headsGroup(tokens, i, inMention)) continue;
    const t = tokens[i] as Token;
    let negated = false;
    let modality: Modality = 'asserted';
    let governedBy: number | null = null;
    let carrier: number | null = null;
    let unrealised: VerbGroup['unrealised'] = null;
    let sawBe = false;
    let j = i - 1;
    while (j >= 0) {
      const p = tokens[j] as Token;
      const toNext = tokens[j + 1]?.lower === 'to';
      if (NEGATORS.has(p.lower)) negated = true;
      else if (p.lower === DEMAND_MODAL) modality = 'demanded';
      else if (TIME_WORDS.has(p.lower) && p.pos !== 'VERB' && p.pos !== 'AUX') {
        /* "threatened today to impose" */
      } else if (FUTURE.has(p.lower)) modality = modality === 'asserted' ? 'future' : modality;
      else if (HYPOTHETICAL.has(p.lower)) modality = (p.lower === 'would' || p.lower === "'d") && saidBefore(tokens, j) ? 'future' : 'hypothetical';
      else if (BE.has(p.lower) || p.lemma === 'be' || (GET.has(p.lower) && j === i - 1)) sawBe = true;
      else if (p.lower === 'yet' && tokens[j - 1]?.lemma === 'have') {
        unrealised = 'yet'; // "has yet to ask"
      } else if (p.pos === 'AUX' || p.pos === 'ADV' || p.pos === 'PART' || p.lower === 'to') {
        /* have, do, adverbs, "to" */
      } else if (toNext && TRIED.has(p.lemma)) {
        unrealised = unrealised ?? 'tried';
      } else if (toNext && FAILED.has(p.lemma)) {
        unrealised = 'failed';
      } else if (toNext && FORECAST.has(p.lower)) {
        modality = 'hypothetical';
      } else if (toNext && (INTENT.has(p.lemma) || INTENT.has(p.lower))) {
        if (modality === 'asserted') modality = 'intended';
      } else if (toNext && p.pos === 'VERB') {
        if (lexicon.hasRules(p)) {
          governedBy = j;
          break;
        }
        // a verb with no rules before "to" ("continued to send", "began to withdraw") carries this one
        carrier = j;
        break;
      } else break;
      j--;
    }
    // a reduced relative ("the state, visited by Gaddafi", "Palestinians killed by troops") is passive too
    // "by" right after the participle, or after words that are no object ("shot dead by", "beaten to death by")
    const byNext = [1, 2, 3].some((d) => tokens[i + d]?.lower === 'by' && tokens.slice(i + 1, i + d).every((x) => x.pos === 'ADV' || x.pos === 'ADJ' || x.pos === 'PART' || x.lower === 'to' || x.lower === 'death'));
    const reduced = !sawBe && j === i - 1 && participle(t) && byNext && (tokens[i - 1]?.text === ',' || tokens[i - 1]?.pos === 'NOUN' || tokens[i - 1]?.pos === 'PROPN' || inMention(i - 1));
    // ... or an "-ed" participle right after a noun that is an object or an apposition, before a
    // preposition ("police searched the flat of the trader accused of causing losses")
    const reducedPP = !sawBe && j === i - 1 && /ed$/.test(t.lower) && t.lemma !== t.lower && (tokens[i + 1]?.pos === 'ADP' && tokens[i + 1]?.lower !== 'to')
      && (tokens[i - 1]?.pos === 'NOUN' || inMention(i - 1)) && out.some((o) => o.verb < i - 1) && !/^(and|or|but)$/.test(tokens[i - 2]?.lower ?? '');
    const passive = (sawBe && tokens[i - 1]?.lower !== 'to' && participle(t)) || reduced || reducedPP;
    out.push({ verb: i, groupStart: j + 1, negated, modality, passive, governedBy, unrealised, carrier });
  }
  return out;
}

/**
 * Whether a token may be the verb of a group, by its word alone (headsGroup then looks at its neighbours):
 * a verb or an auxiliary, once retagVerbs has run. Only such a token's rules can code.
 */
export function mayHeadGroup(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/**
 * Verbs the tagger took for nouns: an "-ing" or "-ed" form of a verb with rules, in lower case, between
 * a subject or a coordination ("and", ",", a noun) and what it acts on (a determiner, a number, a name,
 * a pronoun): "firing on the crowd and wounding six", "rebels abducted the soldiers". Returns the
 * sentence with those tokens tagged as verbs (the others unchanged).
 */
export function retagVerbs(tokens: readonly Token[], lexicon: VerbLexicon): Token[] {
  let out: Token[] | null = null;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    if ((t.pos !== 'NOUN' && t.pos !== 'ADJ') || !/^[a-z]+(ing|ed)$/.test(t.text)) continue;
    const prev = tokens[i - 1] as Token;
    const next = tokens[i + 1] as Token;
    const before = prev.lower === 'and' || prev.lower === 'or' || prev.text === ',' || prev.pos === 'PROPN' || (prev.pos === 'NOUN' && /s$/.test(prev.lower));
    const after = next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PROPN' || (next.pos === 'PRON' && next.text !== "'s");
    if (!before || !after || !lexicon.hasRules(t)) continue;
    out ??= [...tokens];
    out[i] = { ...t, pos: 'VERB', form: -1 }; // not a form the analyzer made: its lemma is not a verb's
  }
  return out ?? (tokens as Token[]);
}
