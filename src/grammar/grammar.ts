/**
 * The one sentence grammar: every rule source (ours, PETRARCH's) reads the clauses it finds. For each
 * verb group (src/grammar/groups.ts) it finds the clause around the verb and what frames it (a
 * condition, a demand, a claim, a relative clause), the speech verb that reports it, the verb it is
 * coordinated with, and, when asked, its roles: subject, "by" agent, object, condition. Actors come as
 * mentions from an actor source; actors joined by "and" / "or" / a closed comma list are one group.
 *
 * No parse tree: clause words and commas bound clauses, chunk order stands in for syntax.
 */
import type { Clause, ClauseFrame, Mention, SentenceGrammar, SentenceTokens, Token, VerbGroup } from '../contracts.js';
import { verbGroups, type VerbLexicon } from './groups.js';
import {
  ASKING, ASKING_NOUNS, CLAIM, CLAUSE_BREAK, CONJ, WEIGHING, WH_WORDS, DEMAND, NEGATORS, NOMINATIVE, NP_BODY_POS, NP_INNER_POS, NP_LINKS, OBJECT_CONTROL, QUANTITY_HEADS, SPEECH,
  SUBJECT_SKIP_POS, SUBORDINATORS, TIME_WORDS,
} from './words.js';

function isBreak(t: Token): boolean {
  // "that" as a determiner ("that ruling") does not open a clause
  return (CLAUSE_BREAK.has(t.lower) && !(t.lower === 'that' && t.pos === 'DET')) || t.text === ',';
}

/** The clause around position i: bounded by clause words and commas. */
export { isBreak };

export function clauseExtent(tokens: readonly Token[], i: number): { start: number; end: number } {
  let s = i;
  while (s > 0 && !isBreak(tokens[s - 1] as Token)) s--;
  let e = i + 1;
  while (e < tokens.length && !isBreak(tokens[e] as Token)) e++;
  return { start: s, end: e };
}

/**
 * Coordination: mentions joined by "and", "or", "nor" (after an optional comma, before up to three
 * words that are no verb, preposition or punctuation: "Freedonia and the awful Sylvania"), or by commas
 * in a list that a conjunction closes ("France, Germany and Italy"); mentions over the same words are
 * one actor with several codes. Returns a group number per mention.
 */
export function coordinate(tokens: readonly Token[], mentions: readonly Mention[]): number[] {
  const group = mentions.map((_, k) => k);
  const link = (a: Mention, b: Mention): 'conj' | 'comma' | 'same' | null => {
    if (b.start === a.start && b.end === a.end) return 'same';
    if (b.start < a.end) return null;
    const gap = tokens.slice(a.end, b.start);
    if (!gap.length) return null;
    let i = 0;
    let comma = false;
    let conj = false;
    if (gap[i]?.text === ',') (i++, (comma = true));
    if (gap[i] && CONJ.has((gap[i] as Token).lower)) (i++, (conj = true));
    if (!comma && !conj) return null;
    let fill = 0;
    for (; i < gap.length; i++) {
      const w = gap[i] as Token;
      if (w.pos === 'PUNCT' || w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'ADP' || w.pos === 'SCONJ' || CONJ.has(w.lower) || ++fill > 3) return null;
    }
    return conj ? 'conj' : 'comma';
  };
  let k = 0;
  while (k < mentions.length) {
    // a chain from k: links until one fails; comma links at its end that no conjunction closes are dropped
    const links: ('conj' | 'comma' | 'same')[] = [];
    let e = k;
    while (e + 1 < mentions.length) {
      const l = link(mentions[e] as Mention, mentions[e + 1] as Mention);
      if (!l) break;
      links.push(l);
      e++;
    }
    // a list of three or more joined by commas alone is a list ("Iran, Libya, North Korea, Sudan"); else
    // comma links at the end that no conjunction closes are an apposition
    const commas = links.filter((l) => l === 'comma').length;
    if (!links.includes('conj') && commas >= 2) {
      for (let m = k + 1; m <= e; m++) group[m] = group[k] as number;
      k = e + 1;
      continue;
    }
    while (links.length && links[links.length - 1] === 'comma') (links.pop(), e--);
    // a chain of commas and "same" links only: keep the "same" ones
    if (!links.includes('conj')) {
      let m = k;
      for (const l of links) {
        if (l === 'same') group[m + 1] = group[m] as number;
        else break;
        m++;
      }
      k = m + 1;
      continue;
    }
    for (let m = k + 1; m <= e; m++) group[m] = group[k] as number;
    k = e + 1;
  }
  return group;
}

const CAPITAL_START = /^\p{Lu}/u;

/** Parses one sentence: its clauses, over the mentions an actor source found in it. */
export function parseSentence(sentence: SentenceTokens, mentions: readonly Mention[], lexicon: VerbLexicon, findPlaces: () => readonly Mention[] = () => []): SentenceGrammar {
  const tokens = sentence.tokens;
  const n = tokens.length;
  let places: readonly Mention[] | null = null; // looked for only when a rule asks for one
  const placeAt = (i: number): Mention | undefined => {
    // a place name starts with a capital letter: no need to look for the sentence's places otherwise
    if (!CAPITAL_START.test(tokens[i]?.text ?? '')) return undefined;
    if (mentions.some((m) => m.start <= i && i < m.end)) return undefined;
    places ??= findPlaces();
    return places.find((p) => p.start === i);
  };
  const over: (Mention | undefined)[] = new Array(n);
  for (const m of mentions) for (let i = m.start; i < m.end && i < n; i++) over[i] ??= m;
  const inMention = (i: number): boolean => over[i] !== undefined;
  const groupIds = coordinate(tokens, mentions);
  const members = new Map<Mention, Mention[]>();
  {
    const byId = new Map<number, Mention[]>();
    mentions.forEach((m, k) => {
      const id = groupIds[k] as number;
      const list = byId.get(id) ?? [];
      list.push(m);
      byId.set(id, list);
    });
    mentions.forEach((m, k) => members.set(m, byId.get(groupIds[k] as number) as Mention[]));
  }
  const groupOf = (m: Mention): Mention[] => [...(members.get(m) ?? [m])];
  const groups = verbGroups(tokens, lexicon, inMention);
  const byVerb = new Map<number, Clause>();
  const pending = new Set<number>();
  const clauses: Clause[] = [];
  const before = (at: number): VerbGroup | undefined => {
    for (let k = groups.length - 1; k >= 0; k--) if ((groups[k] as VerbGroup).verb < at) return groups[k];
    return undefined;
  };

  /** The speech verb ("said", "told") whose complement starts before `at`, or that follows it after a comma ("..., France said"). */
  const reporterOf = (at: number): number | null => {
    let best: number | null = null;
    for (const g of groups) {
      if (g.verb >= at) break;
      if (SPEECH.has((tokens[g.verb] as Token).lemma)) best = g.verb;
    }
    if (best !== null) return best;
    for (const g of groups) {
      if (g.verb <= at || !SPEECH.has((tokens[g.verb] as Token).lemma)) continue;
      for (let k = g.verb - 1; k > at && g.verb - k <= 8; k--) if ((tokens[k] as Token).text === ',') return g.verb;
    }
    return null;
  };

  const frameOf = (g: VerbGroup, extent: { start: number; end: number }): { frame: ClauseFrame; by: number | null } => {
    const opener = tokens[extent.start - 1];
    if (opener && (opener.lower === 'unless' || opener.lower === 'if')) return { frame: 'condition', by: null };
    if (opener?.lower === 'that') {
      const w = tokens[extent.start - 2];
      if (w && (DEMAND.has(w.lemma) || DEMAND.has(w.lower))) return { frame: 'demand', by: extent.start - 2 };
      if (w && (CLAIM.has(w.lemma) || CLAIM.has(w.lower))) return { frame: 'claim', by: extent.start - 2 };
      // "claimed on Monday that", "denied in a statement that": the verb a few words back
      for (let k = extent.start - 3; k >= 0 && k >= extent.start - 6; k--) {
        const x = tokens[k] as Token;
        if (x.pos === 'VERB') {
          if (CLAIM.has(x.lemma)) return { frame: 'claim', by: k };
          if (DEMAND.has(x.lemma)) return { frame: 'demand', by: k };
          break;
        }
      }
    }
    // an infinitive asked for: "urged Iran to halt", "calls for the prime minister to resign"
    const infinitive = tokens[g.groupStart]?.lower === 'to' || tokens[g.verb - 1]?.lower === 'to';
    // "think about how to attack", "decide whether to send": weighed, not done
    if (infinitive && WH_WORDS.has(tokens[g.groupStart - 1]?.lower ?? '')) return { frame: 'question', by: null };
    // a gerund after a verb of proposing or weighing: "proposed holding a summit", "considered sending troops"
    const lead = tokens[g.groupStart - 1];
    if (/ing$/.test((tokens[g.verb] as Token).lower) && lead?.pos === 'VERB') {
      if (DEMAND.has(lead.lemma)) return { frame: 'demand', by: g.groupStart - 1 };
      if (WEIGHING.has(lead.lemma)) return { frame: 'question', by: g.groupStart - 1 };
    }
    if (infinitive && g.governedBy === null && g.carrier === null) {
      for (let k = g.groupStart - 1; k >= 0 && g.groupStart - k <= 10; k--) {
        const x = tokens[k] as Token;
        if (x.text === ';' || x.text === ':' || x.lower === 'that') break;
        if (x.pos === 'VERB' && (ASKING.has(x.lemma) || DEMAND.has(x.lemma))) return { frame: 'demand', by: k };
        if (x.pos === 'VERB' && !inMention(k)) break;
        if ((x.lower === 'calls' || x.lower === 'call' || x.lower === 'demands' || x.lower === 'demand' || x.lower === 'appeals' || x.lower === 'pleas') && tokens[k + 1]?.lower === 'for') return { frame: 'demand', by: k };
        // "an ultimatum to Ecuador to halt", "an appeal from Gbagbo to lay down their arms"
        if (ASKING_NOUNS.has(x.lower) && x.pos === 'NOUN') return { frame: 'demand', by: k };
      }
    }
    if (opener && (opener.lower === 'who' || opener.lower === 'which' || opener.lower === 'that') && tokens[extent.start - 2]?.pos === 'NOUN' && !inMention(extent.start - 2)) return { frame: 'relative', by: null };
    return { frame: null, by: null };
  };

  for (const g of groups) {
    const extent = clauseExtent(tokens, g.verb);
    let { frame, by } = frameOf(g, extent);
    let subject: Mention[] | undefined;
    let agent: Mention[] | undefined;
    let object: Mention[] | undefined;
    let next: Mention[] | undefined;
    let cond: ReturnType<Clause['condition']> | undefined;
    // a verb joined to an earlier one by "and" / "but" / "or" (over adverbs): "condemned the attack and promised aid"
    let k = g.groupStart - 1;
    while (k >= 0 && (TIME_WORDS.has((tokens[k] as Token).lower) || (tokens[k] as Token).pos === 'ADV')) k--;
    const joiner = tokens[k];
    const coordinated = joiner && (CONJ.has(joiner.lower) || joiner.lower === 'but') ? (before(k)?.verb ?? null) : null;
    // a verb coordinated with one that is asked for, claimed or conditional is framed the same way
    // ("called on the companies to suspend projects and refuse payments")
    const joined = coordinated !== null ? byVerb.get(coordinated) : undefined;
    if (frame === null && joined && joined.frame !== null && joined.frame !== 'relative') ({ frame, framedBy: by } = joined);
    const clause: Clause = {
      group: g,
      extent,
      frame,
      framedBy: by,
      reportedBy: reporterOf(g.groupStart),
      coordinatedWith: coordinated,
      subject: () => {
        if (subject) return subject;
        // roles may ask for each other's subjects (a speaker, a coordinated verb): a cycle finds none
        if (pending.has(g.verb)) return [];
        pending.add(g.verb);
        subject = findSubject(g, clause);
        pending.delete(g.verb);
        return subject;
      },
      byAgent: () => (agent ??= g.passive ? findByAgent(g) : []),
      object: () => (object ??= findObject(g, extent.end)),
      nextActor: () => (next ??= findObject(g, segmentEnd(g.verb))),
      condition: () => (cond === undefined ? (cond = findCondition(g)) : cond),
    };
    byVerb.set(g.verb, clause);
    clauses.push(clause);
  }

  function findByAgent(g: VerbGroup): Mention[] {
    for (let k = g.verb + 1; k < n && k - g.verb <= 8; k++) {
      const t = tokens[k] as Token;
      if (t.text === ';' || t.text === '.') break;
      if (t.lower !== 'by') continue;
      const m = mentions.find((x) => x.start > k && x.start <= k + 4);
      return m ? groupOf(m) : [];
    }
    return [];
  }

  /** The first actor after the verb in its clause (a passive's "by" agent is not its object). */
  function findObject(g: VerbGroup, end: number): Mention[] {
    const m = mentions.find((x) => x.start > g.verb && x.start < end && !(g.passive && tokens[x.start - 1]?.lower === 'by') && !x.modifier && !x.place && !NOMINATIVE.has((tokens[x.start] as Token).lower));
    return m ? groupOf(m) : [];
  }

  /** Where the verb's comma segment ends: the next comma, semicolon or sentence end. */
  function segmentEnd(v: number): number {
    let e = v + 1;
    while (e < n && !/^[,;:.!?]$/.test((tokens[e] as Token).text)) e++;
    return e;
  }

  function findCondition(g: VerbGroup): { start: number; end: number; word: string } | null {
    for (let i = g.verb + 1; i < n; i++) {
      const t = tokens[i] as Token;
      if (t.lower === 'unless' || (t.lower === 'if' && tokens.slice(i, n).some((x) => NEGATORS.has(x.lower)))) {
        let e = i + 1;
        while (e < n && !/^[;:.!?]$/.test((tokens[e] as Token).text)) e++;
        return { start: i, end: e, word: t.lower };
      }
      if (t.text === '.' || t.text === ';') break;
    }
    return null;
  }

  /**
   * Whether a mention is the object of a preposition (over determiners and adjectives: "across central
   * Russia", "of the Ethiopian capital"), except the people of a quantity ("thousands of Iraqi Kurds").
   */
  function inPrepPhrase(m: Mention): boolean {
    let k = m.start - 1;
    while (k >= 0 && m.start - k <= 3 && NP_INNER_POS.has((tokens[k] as Token).pos) && (tokens[k] as Token).lower !== 'that') k--;
    const b = tokens[k];
    if (!b || b.pos !== 'ADP' || SUBORDINATORS.has(b.lower)) return false;
    return !(b.lower === 'of' && QUANTITY_HEADS.has(tokens[k - 1]?.lower ?? ''));
  }

  /**
   * The actor a noun phrase ending at j names as its head: the phrase reaches back over nouns, adjectives,
   * determiners, possessives, and prepositions or participles that join nouns ("Authorities in Colombia's
   * capital", "British aircraft using guided missiles"); its head is the last noun before the first such
   * link; the actor is the mention over the head, else one modifying it ("U.S. drone strike", "Israel's
   * army chief"), else a group coordinated before it ("France and a dozen other countries"); else none.
   */
  function nounPhraseSubject(j: number, passive = false): Mention[] {
    const nominal = (k: number): boolean => {
      const x = tokens[k];
      return !!x && (over[k] !== undefined || x.pos === 'NOUN' || x.pos === 'PROPN');
    };
    let a = j;
    while (a > 0 && j - a < 14) {
      const p = tokens[a - 1] as Token;
      if (NP_BODY_POS.has(p.pos) || p.text === "'s" || p.text === '’s' || p.text === '-' || over[a - 1]) {
        a--;
        continue;
      }
      // nouns joined inside one phrase: "Eriador's death and injury toll"
      if (CONJ.has(p.lower) && tokens[a - 2]?.pos === 'NOUN' && !over[a - 2] && tokens[a]?.pos === 'NOUN') {
        a--;
        continue;
      }
      if (p.lower === 'than' && /^(more|less|fewer)$/.test(tokens[a - 2]?.lower ?? '')) {
        a -= 2;
        continue;
      }
      const participleBefore = tokens[a - 2]?.pos === 'VERB' && /(ing|ed)$/.test(tokens[a - 2]?.lower ?? '') && nominal(a - 3);
      if (((p.pos === 'ADP' && NP_LINKS.has(p.lower)) || (p.pos === 'VERB' && /(ing|ed)$/.test(p.lower))) && (nominal(a - 2) || participleBefore)) {
        a--;
        continue;
      }
      break;
    }
    let link = j + 1;
    for (let k = a; k <= j; k++) {
      const x = tokens[k] as Token;
      if (over[k]) continue;
      if ((x.pos === 'ADP' && NP_LINKS.has(x.lower)) || (x.pos === 'VERB' && k > a)) {
        link = k;
        break;
      }
    }
    let head = -1;
    for (let k = Math.min(link, j + 1) - 1; k >= a; k--) if (nominal(k)) {
      head = k;
      break;
    }
    if (head < 0) return [];
    // "thousands of Iraqi Kurds": the people after "of"
    if (QUANTITY_HEADS.has((tokens[head] as Token).lower) && tokens[head + 1]?.lower === 'of') {
      const q = over[head + 2] ?? over[head + 3];
      if (q) return groupOf(q);
    }
    const onHead = over[head];
    if (onHead && !onHead.modifier) return groupOf(onHead);
    for (let k = a; k < head; k++) {
      const x = over[k];
      if (x && x.kind !== 'pronoun' && !x.place) return groupOf(x);
    }
    const before = tokens[a - 1];
    const joined = over[a - 2];
    if (before && CONJ.has(before.lower) && joined && !inPrepPhrase(joined)) return groupOf(joined);
    // a passive's subject is what was acted on: the people its phrase names ("a camp for Congolese
    // refugees was attacked")
    if (passive) for (let k = head + 1; k <= j; k++) {
      const x = over[k];
      if (x && !x.modifier && !x.place && x.kind !== 'pronoun') return groupOf(x);
    }
    return [];
  }

  /** The one who acts: the agent of a passive verb, else its subject. */
  const actorOf = (verb: number): Mention[] => {
    const c = byVerb.get(verb);
    if (!c) return [];
    return c.group.passive ? c.byAgent() : c.subject();
  };

  /**
   * The subject of a verb group: the mention right before it (over auxiliaries, adverbs, time words and
   * an apposition between commas), else the subject of the verb it continues ("sent officials to Paris
   * to sound out France"; "urged both sides to return": the object), else the nearest mention before it
   * in its clause that is not a prepositional object. A pronoun subject of a reported clause is the one
   * who reports it when they agree ("Canada said it will pull").
   */
  function findSubject(g: VerbGroup, c: Clause): Mention[] {
    const found = subjectCandidates(g, c);
    const first = found[0];
    if (first && first.kind === 'pronoun' && found.length === 1 && c.reportedBy !== null) {
      const speaker = byVerb.get(c.reportedBy)?.subject() ?? [];
      const personal = /^(he|she|him|her|his)$/.test((tokens[first.start] as Token).lower);
      const s0 = speaker[0];
      if (s0 && s0 !== first && s0.root && (personal ? s0.kind === 'person' : s0.kind !== 'person') && s0.start < first.start) return speaker;
    }
    return found;
  }

  function subjectCandidates(g: VerbGroup, c: Clause): Mention[] {
    let j = g.groupStart - 1;
    const infinitive = tokens[g.groupStart]?.lower === 'to' || tokens[g.verb - 1]?.lower === 'to';
    if (infinitive && g.governedBy === null) {
      const prev = g.carrier !== null ? groups.find((x) => x.verb === g.carrier) : before(g.groupStart);
      if (prev && !SPEECH.has((tokens[prev.verb] as Token).lemma)) {
        if (OBJECT_CONTROL.has((tokens[prev.verb] as Token).lemma)) {
          const obj = mentions.find((m) => m.start > prev.verb && m.end <= g.groupStart && !m.inPP && !m.modifier);
          if (obj) return groupOf(obj);
        } else {
          const s = byVerb.get(prev.verb)?.subject();
          if (s) return s;
        }
      }
      // "calls for the prime minister to resign": the actor after "for"
      if (c.frame === 'demand' && c.framedBy !== null) {
        const obj = mentions.find((m) => m.start > (c.framedBy as number) && m.end <= g.groupStart && !m.modifier);
        if (obj) return groupOf(obj);
      }
    }
    // a governing control verb: its subject is ours ("Hamas threatened to resume")
    if (g.governedBy !== null) {
      const s = byVerb.get(g.governedBy)?.subject();
      if (s) return s;
      j = g.governedBy - 1;
      while (j >= 0 && SUBJECT_SKIP_POS.has((tokens[j] as Token).pos)) j--;
    }
    let skipped = false;
    while (j >= 0) {
      const t = tokens[j] as Token;
      if (TIME_WORDS.has(t.lower) || SUBJECT_SKIP_POS.has(t.pos) || t.pos === 'NUM') {
        j--;
        continue;
      }
      // ", the White House said," — skip a comma-enclosed stretch with no verb
      if (t.text === ',') {
        let k = j - 1;
        // a non-restrictive relative clause may hold commas of its own ("The G20, which includes China,
        // India and Brazil, will meet"): back to the comma before its "which"
        for (let r = j - 2; r > 0 && j - r < 30; r--) {
          const x = tokens[r] as Token;
          if (x.text === ';') break;
          if (/^(which|who|whose)$/.test(x.lower) && tokens[r - 1]?.text === ',') {
            k = r - 1;
            break;
          }
        }
        if (k === j - 1) while (k >= 0 && (tokens[k] as Token).text !== ',' && j - k < 30) k--;
        if (j - k >= 12 && !/^(which|who|whose)$/.test(tokens[k + 1]?.lower ?? '')) break;
        // an apposition or a participle phrase ("Some 20 protesters, shouting slogans, scuffled with police")
        const stretch = tokens.slice(k + 1, j);
        // (and a non-restrictive relative clause: "The G20, which includes China and India, will meet")
        const participial = (/ing$/.test(stretch[0]?.lower ?? '') && stretch[0]?.pos === 'VERB') || /^(which|who|whose)$/.test(stretch[0]?.lower ?? '');
        // (a participle used as an adjective, "Algeria's leading activist", is no verb)
        const finite = stretch.some((x, q) => x.pos === 'VERB' && !(/(ing|ed)$/.test(x.lower) && q > 0 && /^(DET|PART|ADJ|PRON)$/.test(stretch[q - 1]?.pos ?? '')));
        if (k >= 0 && (tokens[k] as Token).text === ',' && (participial || !finite)) {
          // a name no dictionary knows, described by the apposition ("Salaheddine Sidhoum, Algeria's
          // leading human rights activist, staged"): the apposition's actor
          const named = tokens[k - 1];
          const inStretch = mentions.filter((x) => x.start > k && x.end <= j && !x.place && !x.modifier);
          const described = !participial && named && /^[A-Z]/.test(named.text) && (named.pos === 'PROPN' || named.pos === 'NOUN') && !over[k - 1] ? inStretch[inStretch.length - 1] : undefined;
          if (described) return groupOf(described);
          j = k - 1;
          skipped = true;
          continue;
        }
        break;
      }
      break;
    }
    const m = over[j];
    // a name no dictionary knows before an apposition is the subject, and no actor ("The G20, which
    // includes China and India, will meet")
    if (skipped && !m && /^[A-Z]/.test(tokens[j]?.text ?? '') && (tokens[j]?.pos === 'PROPN' || tokens[j]?.pos === 'NOUN')) return [];
    // the actor right before the verb, unless it is the object of a preposition ("a row between X and Y called")
    const pp = m && inPrepPhrase(m);
    if (m && !m.modifier && !pp) return groupOf(m);
    // a noun phrase right before the verb whose last word is no actor ("a crisis would hit", "the Ebola
    // outbreak in eastern Congo has killed", "A U.S. drone strike near Baghdad airport killed"): its head
    // is the subject, an actor only if the phrase names one
    const jt = tokens[j];
    if (jt && ((m && pp) || (!m && jt.pos === 'NOUN' && /^[a-z]/.test(jt.text)))) return nounPhraseSubject(j, g.passive);
    // ", killing at least 12": a participle after a comma shares the actor of the clause before, when
    // that clause tells an event ("gunmen attacked a bus, killing 12"; not "a plane crashed, killing 97")
    if (tokens[j]?.text === ',' && /ing$/.test((tokens[g.verb] as Token).lower)) {
      const prev = before(j);
      if (prev && lexicon.hasRules(tokens[prev.verb] as Token)) {
        const a = actorOf(prev.verb);
        if (a.length) return a;
      }
    }
    // "kidnapped three Russians and exploded bombs": a coordinated verb shares the first one's subject;
    // after a copula ("the bomber was 16 and also killed five") the copula's subject
    const cj = tokens[j];
    if (cj && (CONJ.has(cj.lower) || cj.lower === 'but')) {
      let k = j - 1;
      while (k >= 0 && (tokens[k] as Token).pos !== 'VERB' && (tokens[k] as Token).pos !== 'AUX' && !SUBORDINATORS.has((tokens[k] as Token).lower)) k--;
      const kt = tokens[k];
      const prev = before(j);
      if (kt && kt.pos === 'AUX' && (!prev || prev.verb < k)) {
        let h = k - 1;
        while (h >= 0 && SUBJECT_SKIP_POS.has((tokens[h] as Token).pos)) h--;
        const sm = over[h];
        return sm && !sm.modifier ? groupOf(sm) : [];
      }
      if (prev) return byVerb.get(prev.verb)?.subject() ?? [];
    }
    // a relative clause: "militants who attacked ..." — the mention before "who/which/that"
    if (cj && (cj.lower === 'who' || cj.lower === 'which' || cj.lower === 'that')) {
      const r = over[j - 1];
      if (r) return groupOf(r);
      if (tokens[j - 1]?.pos === 'NOUN') return []; // "a resolution that aims to ...": no actor
    }
    // an infinitive or participle continuing an earlier verb: share its subject
    // (a participle only when the verb before tells an event: not "a jet crashed ..., killing 97")
    const prev = before(g.groupStart);
    const participle = /ing$/.test((tokens[g.verb] as Token).lower);
    const continues = infinitive || (participle && !!prev && lexicon.hasRules(tokens[prev.verb] as Token));
    if (prev && continues && !SPEECH.has((tokens[prev.verb] as Token).lemma)) return byVerb.get(prev.verb)?.subject() ?? [];
    if (participle && tokens[g.groupStart - 1]?.text === ',') return [];
    // the nearest mention before the verb that is not the object of a preposition or of a verb
    for (let k = mentions.length - 1; k >= 0; k--) {
      const o = mentions[k] as Mention;
      if (o.end > g.groupStart || o.modifier) continue;
      const b = tokens[o.start - 1];
      if (inPrepPhrase(o) || b?.pos === 'VERB') continue;
      if (tokens.slice(o.end, g.groupStart).some((t) => SUBORDINATORS.has(t.lower) || t.text === ';')) break;
      return groupOf(o);
    }
    return [];
  }

  return {
    sentence,
    mentions,
    clauses,
    clauseAt: (v) => byVerb.get(v),
    mentionOver: (i) => over[i],
    placeAt,
    groupOf,
  };
}
