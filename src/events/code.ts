/**
 * Event recognition for one sentence: verb groups (auxiliaries, negation, modality, passive), their
 * subjects and objects among the actor mentions, the verb rules that match, and the CAMEO adjustments
 * for intentions, threats and negation. No parse tree: clause boundaries and chunk order stand in for it.
 */
import type { Modality, Provenance } from '../types.js';
import type { Token } from '../text/analyze.js';
import type { Mention } from '../actors/recognize.js';
import { NULL_CODE, type VerbRule, type VerbRules } from './rules.js';
import type { Grammar } from './grammar.js';

export interface VerbCandidate {
  verb: number; // token index
  /** The token where the verb group begins (auxiliaries, control words included). */
  groupStart: number;
  negated: boolean;
  modality: Modality;
  passive: boolean;
  /** A control verb with rules of its own that governs this one ("agreed to meet"): it codes the event. */
  governedBy: number | null;
}

export interface CodedEvent {
  verb: number;
  verbEnd: number;
  code: string;
  baseCode: string;
  rule: Provenance;
  sources: Mention[];
  targets: Mention[];
  negated: boolean;
  modality: Modality;
  /** Token range of the condition clause ("unless ...") when there is one. */
  condition: { start: number; end: number } | null;
  /** Token range of the verb's clause. */
  clause: { start: number; end: number };
  /** Speech verb token whose complement this event is in, if any. */
  speechVerb: number | null;
  /**
   * Violence reported without a perpetrator ("a roadside bomb killed two soldiers", "was killed in a car bomb
   * explosion"): `sources` is empty and the coder attributes it to an unidentified armed actor of the place.
   */
  unattributed: boolean;
  why: string;
}

export interface VerbTrace {
  verb: number;
  rule: Provenance | null;
  why: string;
}

const FUTURE = new Set(['will', 'shall', "'ll", 'wo']);
const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may', 'should', "'d"]);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
/** Words that, before "to VERB", make the verb an intention ("willing to help", "plans to send"). */
const INTENT = new Set([
  'willing', 'ready', 'prepared', 'able', 'eager', 'determined', 'going', 'plan', 'intend', 'want', 'wish', 'hope', 'aim', 'expect', 'seek',
  'try', 'decide', 'prepare', 'set', 'likely', 'poised', 'due', 'scheduled', 'about', 'keen', 'need', 'have', 'hope', 'move', 'vow', 'pledge',
]);
const SPEECH = new Set([
  'say', 'tell', 'add', 'confirm', 'announce', 'state', 'report', 'claim', 'note', 'declare', 'explain', 'stress', 'believe', 'think',
  'argue', 'acknowledge', 'reply', 'predict', 'quote', 'insist', 'suggest', 'indicate', 'conclude', 'reiterate', 'write', 'disclose', 'reveal',
]);
const CLAUSE_BREAK_LOWER = new Set([';', ':', '"', '“', '”', '(', ')', 'that', 'which', 'who', 'whom', 'whose', 'because', 'while', 'although', 'though', 'after', 'before', 'if', 'unless', 'when', 'whereas', 'but', 'until', 'since', 'as']);
/** The verbs and verb-like words this stage looks up by lemma (besides the rules' own verbs). */
export function grammarVerbs(): string[] {
  return [...INTENT, ...SPEECH, ...OBJECT_CONTROL, ...DEMAND_WORDS, 'be', 'have', 'do'];
}

/** Verbs whose object is the subject of the infinitive after it ("urged Iran to halt"). */
const OBJECT_CONTROL = new Set(['urge', 'ask', 'call', 'invite', 'press', 'tell', 'order', 'force', 'persuade', 'encourage', 'allow', 'permit', 'help', 'want', 'pressure', 'compel', 'appeal', 'request', 'instruct']);
/** Prepositions before a gerund that make it a noun ("no decision on deploying troops"). */
const GERUND_PREPS = new Set(['on', 'of', 'for', 'about', 'without', 'in', 'by', 'from', 'against', 'toward', 'towards', 'over', 'at', 'with']);
/** Words whose "that"-clause is what is demanded, not what happened. */
const DEMAND_WORDS = new Set(['demand', 'insist', 'urge', 'ask', 'request', 'propose', 'recommend', 'suggest', 'call', 'appeal', 'proposal', 'order', 'require', 'stipulate', 'admission']);
/** Nouns of weapons and attacks: violence they did has no named perpetrator. */
const ATTACK_NOUNS = new Set(['bomb', 'bombs', 'bombing', 'bombings', 'blast', 'blasts', 'explosion', 'explosions', 'device', 'devices', 'mine', 'mines', 'minefield', 'grenade', 'grenades', 'rocket', 'rockets', 'mortar', 'mortars', 'shell', 'shells', 'shelling', 'gunfire', 'ambush', 'attack', 'attacks', 'attacker', 'attackers', 'gunmen', 'gunman', 'assailants', 'airstrike', 'airstrikes', 'missile', 'missiles', 'sniper', 'snipers']);
const QUANTITY_HEADS = new Set(['thousands', 'hundreds', 'dozens', 'tens', 'millions', 'scores', 'group', 'groups', 'members', 'supporters', 'some', 'many', 'most', 'all', 'one', 'two', 'three', 'number', 'majority', 'crowd', 'crowds', 'leaders', 'hundred', 'thousand', 'delegation', 'team', 'unit', 'units']);
const SUBJECT_SKIP_POS = new Set(['AUX', 'ADV', 'PART']);
const BE = new Set(['be', 'is', 'was', 'were', 'been', 'being', 'are', "'s", "'re"]);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'on', 'earlier', 'later', 'also', 'again', 'last', 'week', 'month', 'year', 'recently', 'previously', 'already', 'now', 'this', 'then', 'once', 'jointly', 'formally', 'officially']);

function isBreak(t: Token): boolean {
  return CLAUSE_BREAK_LOWER.has(t.lower);
}

/** The clause around token i: bounded by clause-break words and by commas. */
export function clauseOf(tokens: readonly Token[], i: number, first: number, last: number): { start: number; end: number } {
  let s = i;
  while (s > first) {
    const t = tokens[s - 1] as Token;
    if (isBreak(t) || t.text === ',') break;
    s--;
  }
  let e = i + 1;
  while (e < last) {
    const t = tokens[e] as Token;
    if (isBreak(t) || t.text === ',') break;
    e++;
  }
  return { start: s, end: e };
}

/** Finds the verb groups of a sentence: every VERB token, with what its auxiliaries say about it. */
export function verbCandidates(tokens: readonly Token[], first: number, last: number, rules: VerbRules, inMention: (i: number) => boolean): VerbCandidate[] {
  const out: VerbCandidate[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== 'VERB' || inMention(i)) continue;
    const prevTok = tokens[i - 1] as Token | undefined;
    if (prevTok?.text === '-') continue; // "NATO-led"
    // a gerund after a preposition is a noun ("a decision on deploying troops"); so is an infinitive
    // after a noun ("the capability to meet")
    if (prevTok && /ing$/.test(t.lower) && GERUND_PREPS.has(prevTok.lower)) continue;
    if (prevTok?.lower === 'to' && (tokens[i - 2] as Token | undefined)?.pos === 'NOUN') continue;
    if (prevTok?.lower === 'to' && /[^s]s$/.test(t.lower) && t.lemma !== t.lower) continue; // "conceded to demands"
    // a participle modifying a noun: "the demonstration staged by students", "the occupied territories"
    if (prevTok?.pos === 'NOUN' && /ed$/.test(t.lower) && tokens[i + 1]?.lower === 'by' && !inMention(i - 1)) continue;
    if (prevTok && ((prevTok.pos === 'ADP' && prevTok.lower !== 'to') || prevTok.pos === 'DET' || prevTok.text === "'s")) continue; // "the need for help"
    let negated = false;
    let modality: Modality = 'asserted';
    let passive = false;
    let governedBy: number | null = null;
    let j = i - 1;
    let sawBe = false;
    // walk left over the auxiliaries, negation, adverbs and "to"-chains ("was willing to help")
    while (j >= first) {
      const p = tokens[j] as Token;
      if (NEGATORS.has(p.lower)) negated = true;
      else if (p.lower === 'must') modality = 'demanded';
      else if (TIME_WORDS.has(p.lower) && p.pos !== 'VERB' && p.pos !== 'AUX') {
        /* "threatened today to impose" */
      } else if (FUTURE.has(p.lower)) modality = modality === 'asserted' ? 'future' : modality;
      else if (HYPOTHETICAL.has(p.lower)) modality = (p.lower === 'would' || p.lower === "'d") && saidBefore(tokens, first, j) ? 'future' : 'hypothetical';
      else if (BE.has(p.lower) || p.lemma === 'be') sawBe = true;
      else if (p.pos === 'AUX' || p.pos === 'ADV' || p.lower === 'to') {
        /* have, do, adverbs */
      } else if (p.lower === 'to' || p.pos === 'PART') {
        /* particle */
      } else if ((tokens[j + 1] as Token | undefined)?.lower === 'to' && (INTENT.has(p.lemma) || INTENT.has(p.lower))) {
        if (modality === 'asserted') modality = 'intended';
      } else if ((tokens[j + 1] as Token | undefined)?.lower === 'to' && p.pos === 'VERB' && rulesFor(rules, p)) {
        governedBy = j;
        break;
      } else break;
      j--;
    }
    if (sawBe && t.text !== t.lemma && /(ed|en|wn|ht|ne|un|id|lt|et)$/.test(t.lower) && !/ing$/.test(t.lower)) passive = true;
    out.push({ verb: i, groupStart: j + 1, negated, modality, passive, governedBy });
  }
  return out;
}

/** "X said it would ...": reported future, not a hypothetical. */
function saidBefore(tokens: readonly Token[], first: number, at: number): boolean {
  for (let k = at - 1; k >= first && at - k < 12; k--) if ((tokens[k] as Token).pos === 'VERB' && SPEECH.has((tokens[k] as Token).lemma)) return true;
  return false;
}

interface MatchResult {
  rule: VerbRule;
  target: Mention | null;
  end: number;
}

const GAP = 6;
const TARGET_SKIP_POS = new Set(['DET', 'NUM', 'ADJ', 'ADV']);

/** Tries a rule's pattern on the tokens after the verb. */
function matchRule(rule: VerbRule, tokens: readonly Token[], from: number, last: number, mentionAt: (i: number) => Mention | null): MatchResult | null {
  let target: Mention | null = null;
  const step = (e: number, i: number): number | null => {
    if (e === rule.pattern.length) return i;
    const el = rule.pattern[e];
    if (!el) return i;
    if (el.kind === 'gap') {
      for (let k = 0; k <= GAP && i + k <= last; k++) {
        const r = step(e + 1, i + k);
        if (r !== null) return r;
        const t = tokens[i + k];
        if (!t || i + k >= last || isBreak(t) || t.text === ',') break;
      }
      return null;
    }
    if (i >= last) return null;
    if (el.kind === 'target') {
      // the target may follow a few determiners, numbers and adjectives ("to five Panamanian officers")
      let k = i;
      let m = mentionAt(k);
      while (!m && k < last && k - i < 3 && TARGET_SKIP_POS.has((tokens[k] as Token).pos)) m = mentionAt(++k);
      if (!m) return null;
      target = m;
      return step(e + 1, m.end);
    }
    const next = wordsAt(el, tokens, i, last);
    return next > i ? step(e + 1, next) : null;
  };
  const end = step(0, from);
  return end === null ? null : { rule, target, end };
}

/**
 * Where a words element matching at token i ends (exclusive), or i when it does not match: a word by
 * lemma or lower-case text, else the longest class phrase whose words stand in a row (hyphens between
 * them are passed over: "rubber-bullets", "air strikes").
 */
export function wordsAt(el: { words: ReadonlySet<string>; phrases: readonly (readonly string[])[] }, tokens: readonly Token[], i: number, last: number): number {
  const t = tokens[i] as Token;
  for (const ph of el.phrases) {
    if (ph[0] !== t.lower) continue;
    let k = i + 1;
    let ok = true;
    for (let w = 1; w < ph.length && ok; w++) {
      if (k < last && (tokens[k] as Token).text === '-') k++;
      ok = k < last && (tokens[k] as Token).lower === ph[w];
      k++;
    }
    if (ok) return k;
  }
  if (el.words.has(t.lemma) || el.words.has(t.lower)) return i + 1;
  return i;
}

export interface SentenceCoderInput {
  tokens: readonly Token[];
  first: number;
  last: number;
  mentions: readonly Mention[];
  rules: VerbRules;
  grammar: Grammar;
  /** Record why each verb coded or not (for --explain); off, nothing is built. */
  trace?: boolean;
}

/** Codes the events of one sentence. Also returns a trace of every verb looked at, for --explain. */
export function codeSentence(input: SentenceCoderInput): { events: CodedEvent[]; trace: VerbTrace[] } {
  const { tokens, first, last, mentions, rules, grammar } = input;
  const traceOn = input.trace === true;
  const MUST_RULE = grammar.prov('grammar:must');
  const byToken = new Map<number, Mention>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) byToken.set(i, m);
  const inMention = (i: number): boolean => byToken.has(i);
  // a mention starting at i, or after determiners/adjectives at i
  const mentionAt = (i: number): Mention | null => {
    const m = byToken.get(i);
    if (m) return m.start === i || m.head === i ? m : null;
    return null;
  };
  const candidates = verbCandidates(tokens, first, last, rules, inMention);
  const events: CodedEvent[] = [];
  const trace: VerbTrace[] = [];
  let lastSources: Mention[] = [];
  // subjects are found on demand (most verbs have no rule): for each verb that reached the subject step,
  // with the events coded up to then, and remembered
  const reached = new Map<number, { c: VerbCandidate; lastSources: Mention[] }>();
  const memo = new Map<number, Mention[]>();
  const subjectOf: SubjectLookup = {
    has: (v) => reached.has(v),
    get: (v) => {
      const known = memo.get(v);
      if (known) return known;
      const r = reached.get(v);
      if (!r) return undefined;
      const found = findSubject(tokens, r.c, first, mentions, byToken, subjectOf, candidates, r.lastSources);
      memo.set(v, found);
      return found;
    },
  };

  for (const c of candidates) {
    const verb = tokens[c.verb] as Token;
    const list = rulesFor(rules, verb);
    if (!list) {
      // no rule: nothing to code, but its subject may be shared by a later verb
      reached.set(c.verb, { c, lastSources });
      if (traceOn && !SPEECH.has(verb.lemma)) trace.push({ verb: c.verb, rule: null, why: `no rule for verb "${verb.lemma}"` });
      continue;
    }
    const clause = clauseOf(tokens, c.verb, first, last);
    // a verb inside a condition ("unless NATO sends troops", "if war starts") is not an event that happened
    const opener = tokens[clause.start - 1];
    // nor is the content of a demand or proposal ("demanded that Israel ease restrictions", "its demand that")
    if (opener?.lower === 'that' && DEMAND_WORDS.has(tokens[clause.start - 2]?.lemma ?? '')) {
      if (traceOn) trace.push({ verb: c.verb, rule: null, why: 'the content of a demand ("... that"): not coded as done' });
      continue;
    }
    if (opener && (opener.lower === 'unless' || opener.lower === 'if')) {
      if (traceOn) trace.push({ verb: c.verb, rule: null, why: `inside a condition ("${opener.text} ..."): not coded` });
      continue;
    }
    reached.set(c.verb, { c, lastSources });
    const subject = subjectOf.get(c.verb) ?? [];
    if (c.governedBy !== null && rulesFor(rules, tokens[c.governedBy] as Token)) {
      const gov = tokens[c.governedBy] as Token;
      // the control verb codes the event; this verb may still give its target
      if (traceOn) trace.push({ verb: c.verb, rule: null, why: `governed by "${gov.text}", which codes the event` });
      continue;
    }
    // "X said China must drop barriers": a demand by the speaker on the must-clause's subject (10x), and
    // not the dropping as done
    if (c.modality === 'demanded') {
      const sv = speechVerbBefore(tokens, c.groupStart, first, candidates);
      const speaker = sv !== null ? subjectOf.get(sv) : undefined;
      if (speaker?.length && subject.length) {
        events.push({
          verb: c.verb, verbEnd: c.verb + 1, code: '100', baseCode: '100', rule: MUST_RULE, sources: speaker, targets: subject.filter((m) => !speaker.includes(m)),
          negated: c.negated, modality: 'demanded', condition: null, clause, speechVerb: sv, unattributed: false, why: `"must ${verb.text}" reported by a speaker: a demand`,
        });
        if (traceOn) trace.push({ verb: c.verb, rule: MUST_RULE, why: 'coded as a demand (must)' });
      } else if (traceOn) trace.push({ verb: c.verb, rule: null, why: '"must": an obligation, not an act' });
      continue;
    }
    let match: MatchResult | null = null;
    // passive: the subject is the target and the "by" agent the source, so the words after the verb are
    // not the object; the block's rule without literals codes it
    if (!c.passive) {
      for (const rule of list) {
        match = matchRule(rule, tokens, c.verb + 1, last, mentionAt);
        if (match) break;
      }
    }
    // no pattern matched: a block's rule without literals ("attack +") is its default, whose target is then
    // looked for in the rest of the clause
    if (!match) {
      const general = list.find((r) => r.literals === 0 && r.code !== NULL_CODE);
      if (general) match = { rule: { ...general, hasTarget: false }, target: null, end: c.verb + 1 };
    }
    if (!match) {
      if (traceOn) trace.push({ verb: c.verb, rule: null, why: `no pattern of "${verb.lemma}" matched the words after it` });
      continue;
    }
    if (match.rule.code === NULL_CODE) {
      if (traceOn) trace.push({ verb: c.verb, rule: match.rule.prov, why: 'a null rule: recognised, not an event' });
      continue;
    }
    // the target: the pattern's slot, or the first actor after the verb in its clause (not a "by" agent)
    let targets: Mention[] = [];
    const slot = match.target as Mention | null;
    // the subject's own people are not the target ("Syria offered its troops to Lebanon")
    const own = (m: Mention): boolean => m.kind === 'pronoun' && subject.some((s) => s.root === m.root);
    if (slot && !own(slot)) targets = groupOf(slot, mentions, tokens);
    else if (!match.rule.hasTarget || slot) {
      const after = mentions.find((m) => m.start > c.verb && m.start < clause.end && !own(m) && !(tokens[m.start - 1]?.lower === 'by'));
      if (after) targets = groupOf(after, mentions, tokens);
    }
    let sources = subject;
    if (c.passive) {
      // "attacked by Somali militiamen", "accused ... by current Haitian government officials"
      let by: Mention | undefined;
      for (let k = c.verb + 1; k < last && !by; k++) {
        if ((tokens[k] as Token).lower !== 'by') continue;
        by = mentions.find((m) => m.start > k && m.start <= k + 4);
      }
      const newTargets = sources;
      sources = by ? groupOf(by, mentions, tokens) : [];
      targets = newTargets;
    }
    let unattributed = false;
    if (!sources.length) {
      // violence with no perpetrator named, only a weapon or an attack ("a roadside bombing killed ...")
      const root = Number(match.rule.code.slice(0, 2));
      const violent = root >= 18 && root <= 20;
      const from = c.passive ? c.verb + 1 : clause.start > first ? clause.start : first;
      const to = c.passive ? last : c.groupStart;
      let attackNoun = false;
      for (let k = from; k < to && !attackNoun; k++) attackNoun = ATTACK_NOUNS.has((tokens[k] as Token).lower);
      if (violent && attackNoun && targets.length && !c.negated) unattributed = true;
      else {
        if (traceOn) trace.push({ verb: c.verb, rule: match.rule.prov, why: c.passive ? 'passive verb with no "by" agent: no source' : 'no source actor found before the verb' });
        continue;
      }
    }
    // the condition clause of a threat or pledge: "unless ...", "if ... not"
    let condition: { start: number; end: number } | null = null;
    for (let i = c.verb + 1; i < last; i++) {
      const t = tokens[i] as Token;
      if (t.lower === 'unless' || (t.lower === 'if' && tokens.slice(i, last).some((x) => NEGATORS.has(x.lower)))) {
        let e = i + 1;
        while (e < last && !(tokens[e] as Token).text.match(/^[;:.!?]$/)) e++;
        condition = { start: i, end: e };
        break;
      }
      if ((t.text === '.' || t.text === ';') && i > c.verb) break;
    }
    const base = match.rule.code;
    const modality: Modality = condition && c.modality !== 'hypothetical' ? 'conditional' : c.modality;
    const adjusted = adjustCode(base, modality, c.negated, condition !== null);
    if (adjusted === null) {
      if (traceOn) trace.push({ verb: c.verb, rule: match.rule.prov, why: c.negated ? `negated ("${verb.text}" with not/never): not coded as done` : 'hypothetical: not coded' });
      continue;
    }
    // a threat's condition may also be a plain "if" ("threatened to quit the talks if Washington ...")
    if (!condition && adjusted.startsWith('13')) {
      for (let i = c.verb + 1; i < last; i++) {
        const t = tokens[i] as Token;
        if (t.lower === 'if') {
          let e = i + 1;
          while (e < last && !/^[;:.!?]$/.test((tokens[e] as Token).text)) e++;
          condition = { start: i, end: e };
          break;
        }
      }
    }
    // a threat's target is whoever the condition asks to act ("unless other NATO nations provide ...")
    if (condition && adjusted.startsWith('13')) {
      const condActor = mentions.find((m) => m.start > condition!.start && m.start < condition!.end);
      if (condActor) targets = groupOf(condActor, mentions, tokens);
    }
    let verbEnd = c.verb + 1;
    while (verbEnd < last && (tokens[verbEnd] as Token).pos === 'ADP' && verbEnd === c.verb + 1 && (tokens[verbEnd] as Token).lower !== 'to') verbEnd++;
    // "offered its troops to Lebanon to help him": the purpose of an intent is part of that intent
    const prevEvent = events[events.length - 1];
    const infinitive = tokens[c.groupStart]?.lower === 'to' || tokens[c.verb - 1]?.lower === 'to';
    if (infinitive && c.governedBy === null && prevEvent && prevEvent.code.startsWith('03') && prevEvent.verb < c.verb) {
      if (traceOn) trace.push({ verb: c.verb, rule: match.rule.prov, why: `the purpose of the intent coded at "${(tokens[prevEvent.verb] as Token).text}": not coded on its own` });
      continue;
    }
    lastSources = sources;
    events.push({
      verb: c.verb,
      verbEnd,
      code: adjusted,
      baseCode: base,
      rule: match.rule.prov,
      sources,
      targets: targets.filter((t) => !sources.includes(t)),
      negated: c.negated,
      modality,
      condition,
      clause,
      speechVerb: speechVerbBefore(tokens, c.groupStart, first, candidates),
      unattributed,
      why: `"${verb.lemma}" rule ${match.rule.prov.id}${adjusted !== base ? `, ${base}→${adjusted} (${modality}${c.negated ? ', negated' : ''})` : ''}`,
    });
    if (traceOn) trace.push({ verb: c.verb, rule: match.rule.prov, why: 'coded' });
  }
  return { events, trace };
}

/** The rules of a verb token (see VerbRules.forToken). */
export function rulesFor(rules: VerbRules, t: Token): readonly VerbRule[] | undefined {
  return rules.forToken(t.lemma, t.lower);
}

/** Subjects of the verbs of a sentence, found when first asked for. */
interface SubjectLookup {
  has(verb: number): boolean;
  get(verb: number): Mention[] | undefined;
}

/** The speech verb ("said", "told") whose complement starts before `at`, if any. */
function speechVerbBefore(tokens: readonly Token[], at: number, first: number, candidates: readonly VerbCandidate[]): number | null {
  let best: number | null = null;
  for (const c of candidates) {
    if (c.verb >= at) break;
    if (SPEECH.has((tokens[c.verb] as Token).lemma)) best = c.verb;
  }
  if (best !== null) return best;
  // "..., France said." after the event: a speech verb shortly after a comma that follows the event
  for (const c of candidates) {
    if (c.verb <= at || !SPEECH.has((tokens[c.verb] as Token).lemma)) continue;
    for (let k = c.verb - 1; k > at && c.verb - k <= 8; k--) if ((tokens[k] as Token).text === ',' && k >= first) return c.verb;
  }
  return null;
}

/** A mention and the mentions coordinated with it ("the United States and Jordan"). */
export function groupOf(m: Mention, mentions: readonly Mention[], tokens: readonly Token[]): Mention[] {
  const group = [m];
  const idx = mentions.indexOf(m);
  const joins = (a: Mention, b: Mention): boolean => {
    const gap = tokens.slice(a.end, b.start);
    return gap.length >= 1 && gap.length <= 2 && gap.every((t) => t.lower === 'and' || t.text === ',' || t.lower === 'or') && gap.some((t) => t.lower === 'and' || t.lower === 'or' || t.text === ',');
  };
  for (let k = idx + 1; k < mentions.length && joins(mentions[k - 1] as Mention, mentions[k] as Mention); k++) group.push(mentions[k] as Mention);
  for (let k = idx - 1; k >= 0 && joins(mentions[k] as Mention, mentions[k + 1] as Mention); k--) group.unshift(mentions[k] as Mention);
  return group;
}

/**
 * The subject of a verb group: the mention right before it (skipping auxiliaries, adverbs, time words and
 * an apposition between commas), else the subject of the verb it continues ("sent officials to Paris to
 * sound out France"), else the nearest mention before it in its clause that is not a prepositional object.
 */
function findSubject(
  tokens: readonly Token[],
  c: VerbCandidate,
  first: number,
  mentions: readonly Mention[],
  byToken: ReadonlyMap<number, Mention>,
  subjectOf: SubjectLookup,
  candidates: readonly VerbCandidate[],
  lastSources: readonly Mention[],
): Mention[] {
  let j = c.groupStart - 1;
  // an infinitive continuing an earlier verb: "sent officials to Paris to sound out France" (its subject),
  // "urged both sides to return" (its object)
  const infinitive = tokens[c.groupStart]?.lower === 'to' || tokens[c.verb - 1]?.lower === 'to';
  if (infinitive && c.governedBy === null) {
    const prev = [...candidates].reverse().find((o) => o.verb < c.groupStart);
    if (prev && !SPEECH.has((tokens[prev.verb] as Token).lemma)) {
      if (OBJECT_CONTROL.has((tokens[prev.verb] as Token).lemma)) {
        const obj = mentions.find((m) => m.start > prev.verb && m.end <= c.groupStart && !m.inPP && !m.modifier);
        if (obj) return groupOf(obj, mentions, tokens);
      } else {
        const s = subjectOf.get(prev.verb);
        if (s) return s;
      }
    }
  }
  // a governing control verb: its subject is ours ("Hamas threatened to resume")
  if (c.governedBy !== null) {
    const s = subjectOf.get(c.governedBy);
    if (s) return s;
    j = c.governedBy - 1;
    while (j >= first && SUBJECT_SKIP_POS.has((tokens[j] as Token).pos)) j--;
  }
  while (j >= first) {
    const t = tokens[j] as Token;
    if (TIME_WORDS.has(t.lower) || SUBJECT_SKIP_POS.has(t.pos) || t.pos === 'NUM') {
      j--;
      continue;
    }
    // ", the White House said," — skip a comma-enclosed stretch
    if (t.text === ',') {
      let k = j - 1;
      while (k >= first && (tokens[k] as Token).text !== ',' && j - k < 12) k--;
      if (k >= first && (tokens[k] as Token).text === ',' && !tokens.slice(k + 1, j).some((x) => x.pos === 'VERB')) {
        j = k - 1;
        continue;
      }
      break;
    }
    break;
  }
  const m = byToken.get(j);
  if (m && !m.modifier) return groupOf(m, mentions, tokens);
  // ", killing at least 12": a participle after a comma shares the actor of the clause before (the "by"
  // agent of a passive)
  if (tokens[j]?.text === ',' && /ing$/.test((tokens[c.verb] as Token).lower) && lastSources.length) return [...lastSources];
  // "kidnapped three Russians and exploded bombs": a coordinated verb shares the first one's subject
  const cj = tokens[j];
  if (cj && (cj.lower === 'and' || cj.lower === 'but' || cj.lower === 'or')) {
    const prev = [...candidates].reverse().find((o) => o.verb < j && subjectOf.has(o.verb));
    if (prev) return subjectOf.get(prev.verb) ?? [];
  }
  // a relative clause: "militants who attacked ..." — the mention before "who/which"
  const jt = tokens[j];
  if (jt && (jt.lower === 'who' || jt.lower === 'which' || jt.lower === 'that')) {
    const r = byToken.get(j - 1);
    if (r) return groupOf(r, mentions, tokens);
    // "a resolution that aims to ...": the subject is a noun that is not an actor
    if (tokens[j - 1]?.pos === 'NOUN') return [];
  }
  // an infinitive or participle continuing an earlier verb: share its subject
  const prev = [...candidates].reverse().find((o) => o.verb < c.groupStart && subjectOf.has(o.verb));
  const isInfinitive = tokens[c.groupStart]?.lower === 'to' || tokens[c.verb - 1]?.lower === 'to' || /ing$/.test((tokens[c.verb] as Token).lower);
  if (prev && isInfinitive && !SPEECH.has((tokens[prev.verb] as Token).lemma)) return subjectOf.get(prev.verb) ?? [];
  // the nearest mention before the verb in the sentence that is not the object of a preposition or verb
  for (let k = mentions.length - 1; k >= 0; k--) {
    const o = mentions[k] as Mention;
    if (o.end > c.groupStart || o.modifier) continue;
    const before = tokens[o.start - 1];
    // "thousands of Iraqi Kurds", "a group of students": the people after "of" are the subject
    const quantityOf = before?.lower === 'of' && QUANTITY_HEADS.has(tokens[o.start - 2]?.lower ?? '');
    if (before && !quantityOf && (before.pos === 'ADP' || before.pos === 'VERB')) continue;
    if (tokens.slice(o.end, c.groupStart).some((t) => t.lower === 'that' || t.text === ';' || t.lower === 'unless' || t.lower === 'if')) break;
    return groupOf(o, mentions, tokens);
  }
  return [];
}

/**
 * CAMEO adjustments: an intended or future cooperative act is an intent to cooperate (03x); a future or
 * conditional forceful act is a threat (13x); a negated cooperative act is a rejection (12x). Returns null
 * when the event is not to be coded (a negated conflictual act, a hypothetical one).
 */
export function adjustCode(code: string, modality: Modality, negated: boolean, conditional: boolean): string | null {
  const root = Number(code.slice(0, 2));
  if (negated) {
    if (root === 3) return '120';
    if (root >= 4 && root <= 8) return ({ 4: '125', 5: '120', 6: '121', 7: '122', 8: '124' } as Record<number, string>)[root] ?? '120';
    return null;
  }
  if (modality === 'hypothetical') return conditional ? null : code;
  if (modality === 'future' || modality === 'intended' || modality === 'conditional') {
    if (conditional && root >= 8 && root !== 13) {
      // an ultimatum: "will pull its troops unless ..."
      if (root === 8 || root === 16) return '1311';
      if (root >= 17) return '138';
      return '130';
    }
    if (root === 4) return '036';
    if (root === 5) return '032';
    if (root === 6) return '031';
    if (root === 7) return '033';
    if (root === 8) return '035';
    if (root >= 18) return '138';
    if (root === 15) return '138';
    if (root === 16) return '131';
    if (root === 17) return '137';
    if (root === 14) return '133';
  }
  return code;
}
