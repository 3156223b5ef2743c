/**
 * PETRARCH / TABARI dictionaries as the pipeline's sources (src/contracts.ts): an actor source (actor and
 * agent phrases joined into noun phrases: "Sylvania's government", "soldiers from Sylvania", "relief
 * agency Sylvania official"), a rule source (each clause's verb looked up by its surface forms, its
 * patterns tried longest first), the sentence as their rules read it (upper-case words, `_` split,
 * hyphenated words joined, comma-delimited subordinate phrases dropped by the `comma_*` options,
 * discards), and TABARI's policies as refiners (the first verb that codes, `require_dyad`).
 *
 * Roles come from the one sentence grammar (src/grammar); the pattern's slots override them. Pattern
 * semantics are TABARI's: the elements before `*` are matched leftwards from the verb, those after it
 * rightwards; words may have other words between them unless joined by `_`; `+` is the target, `$` the
 * source, `%` a compound actor, `^` skips one actor.
 */
import type { Provenance } from '../types.js';
import type { ActorSource, Clause, CodeAdjuster, CodingSources, Discard, EventCandidate, EventRefiner, Mention, RuleMatch, SentenceGrammar, SentenceTokens, Token } from '../contracts.js';
import type { PetrarchOptions } from './options.js';
import type { PetrarchDictionaries } from './dictionaries.js';
import { adjustCode } from '../events/build.js';
import { mayHeadGroup } from '../grammar/groups.js';
import { formPredicate } from '../text/forms.js';
import { actorCodes, type CompiledPetrarch, type CompiledPattern, type Elem, type VerbForm } from './compile.js';

interface Word {
  /** Upper-case text. */
  up: string;
  /** Position of the word's token in the sentence. */
  tok: number;
  pos: string;
}

/** An actor noun phrase: its word range and codes (several for `[ELR/GAL]` or "media and government"). */
interface PetrNP {
  s: number;
  e: number;
  codes: string[];
  prov: Provenance;
}

/** A unit that patterns and roles take: one actor group (a noun phrase or a compound of several). */
interface PetrUnit {
  s: number;
  e: number;
  mentions: Mention[];
}

const PREPS = new Set(['OF', 'IN', 'ON', 'AT', 'BY', 'FROM', 'TO', 'WITH', 'FOR', 'AGAINST', 'INTO', 'ABOUT', 'OVER', 'TOWARD', 'TOWARDS', 'BETWEEN', 'NEAR', 'AMONG', 'THROUGH', 'UNDER', 'WITHIN', 'WITHOUT', 'DURING', 'ALONG', 'ACROSS', 'BEHIND', 'INSIDE', 'OUTSIDE', 'UPON', 'VIA']);
const CONJ = new Set(['AND', 'OR', 'NOR']);
const AGENT_LINKS = new Set(['OF', 'IN', 'FROM', 'FOR']);
const DETS = new Set(['THE', 'A', 'AN', 'ITS', 'THEIR', 'HIS', 'HER', 'FORMER', 'NEITHER', 'EITHER', 'BOTH']);
const VERB_POS = new Set(['VERB', 'AUX']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Roots that are no country: international bodies and groups. */
const NOT_COUNTRY = /^(IGO|NGO|IMG|MNC|UIS|---)/;

function isPunct(w: Word): boolean {
  return w.pos === 'PUNCT' || !/[A-Z0-9]/.test(w.up);
}

const upper = (t: Token): string => t.text.toUpperCase().replace(/[’‘]/g, "'");

/** The sentence's words (upper case) by token position. */
function wordsOf(st: SentenceTokens): Word[] {
  return st.tokens.map((t, k) => ({ up: upper(t), tok: k, pos: t.pos }));
}

/**
 * A mention for a PETRARCH actor code, with the country split out of it: prefix agents ("NGO" of
 * "NGOSYL") are passed over; international roots (IGO, NGO, IMG, MNC) have no country; "---" is a role.
 */
function mentionFor(code: string, prefixes: ReadonlySet<string>, st: SentenceTokens, s: number, e: number, prov: Provenance, text: string): Mention {
  const a = st.tokens[s] as Token;
  const b = st.tokens[e - 1] as Token;
  let base = code;
  while (base.length > 3 && prefixes.has(base.slice(0, 3))) base = base.slice(3);
  const country = !NOT_COUNTRY.test(base) && /^[A-Z]{3}/.test(base) ? base.slice(0, 3) : null;
  const role = code.startsWith('---');
  const root = role ? null : NOT_COUNTRY.test(code) || base !== code ? code : code.slice(0, 3);
  const rest = role ? code.slice(3) : root === code ? '' : code.slice(3);
  return {
    start: s,
    end: e,
    head: s,
    text: text.slice(a.start, b.end),
    span: { start: a.start, end: b.end },
    root,
    country,
    sectors: rest.match(/[A-Z]{3}/g) ?? [],
    person: null,
    personTokens: null,
    kind: role ? 'agent' : 'named',
    plural: false,
    modifier: false,
    inPP: s > 0 && PREPS.has(upper(st.tokens[s - 1] as Token)),
    code,
    prov,
    resolvedFrom: null,
  };
}

export function petrarchSources(dicts: PetrarchDictionaries, options: Readonly<PetrarchOptions>): CodingSources {
  const dict = dicts.compiled;
  const prefixes = new Set<string>();
  for (const list of dict.agents.values()) for (const a of list) if (a.position === 'prefix') prefixes.add(a.code);
  /** The words of each sentence as read, memoised on its tokens. */
  const wordMemo = new WeakMap<readonly Token[], Word[]>();
  const words = (st: SentenceTokens): Word[] => {
    let w = wordMemo.get(st.tokens);
    if (!w) wordMemo.set(st.tokens, (w = wordsOf(st)));
    return w;
  };

  const actors: ActorSource = {
    forStory(ctx) {
      const countries = new Set<string>();
      return {
        countries,
        mentions(st) {
          const ms = actorMentions(dict, prefixes, st, words(st), ctx.date, ctx.text);
          for (const m of ms) if (m.country) countries.add(m.country);
          return ms;
        },
      };
    },
  };

  /** Units (actor groups) of a parsed sentence by word position, memoised per sentence. */
  const unitMemo = new WeakMap<SentenceGrammar, { units: PetrUnit[]; unitAt: Int32Array }>();
  const unitsOf = (g: SentenceGrammar): { units: PetrUnit[]; unitAt: Int32Array } => {
    const known = unitMemo.get(g);
    if (known) return known;
    const units: PetrUnit[] = [];
    const unitAt = new Int32Array(g.sentence.tokens.length).fill(-1);
    const placed = new Set<Mention>();
    for (const m of g.mentions) {
      if (placed.has(m) || m.kind === 'pronoun') continue;
      const group = g.groupOf(m).filter((x) => x.kind !== 'pronoun');
      for (const x of group) placed.add(x);
      const u: PetrUnit = { s: Math.min(...group.map((x) => x.start)), e: Math.max(...group.map((x) => x.end)), mentions: group };
      for (let i = u.s; i < u.e; i++) unitAt[i] = units.length;
      units.push(u);
    }
    const r = { units, unitAt };
    unitMemo.set(g, r);
    return r;
  };

  /** The verb forms at a clause's verb: the longest (multi-word) form that matches around it. */
  const formsAt = (W: readonly Word[], k: number): { s: number; e: number; forms: VerbForm[] } | null => {
    const w = W[k];
    if (!w) return null;
    const forms = dict.verbs.get(w.up);
    if (!forms) return null;
    let bestLen = 0;
    let chosen: VerbForm[] = [];
    let range = { s: k, e: k + 1 };
    for (const f of forms) {
      if (f.words.length < bestLen) break;
      const s = k - f.verbIndex;
      if (s < 0 || !matchesAt(W, s, f.words)) continue;
      if (f.words.length > bestLen) {
        bestLen = f.words.length;
        chosen = [f];
        range = { s, e: s + f.words.length };
      } else chosen.push(f);
    }
    return chosen.length ? { ...range, forms: chosen } : null;
  };

  const rules = {
    hasRules: (t: Token): boolean => dict.verbs.has(upper(t)),
    match(clause: Clause, g: SentenceGrammar): RuleMatch {
      const W = words(g.sentence);
      const hit = formsAt(W, clause.group.verb);
      if (!hit) return { kind: 'none', why: `no verb form "${W[clause.group.verb]?.up ?? ''}" in the dictionary` };
      const { units, unitAt } = unitsOf(g);
      const present = new Set(W.map((w) => w.up));
      let match: PatternMatch | null = null;
      let matched: CompiledPattern | null = null;
      for (const p of dict.patternsOf(hit.forms)) {
        if (!p.needs.every((alts) => alts.some((w) => present.has(w)))) continue;
        match = matchPattern(p, W, hit.s, hit.e, units, unitAt);
        if (match) {
          matched = p;
          break;
        }
      }
      const verb = (hit.forms[0] as VerbForm).verb;
      const own = hit.forms.find((f) => f.verb.code);
      const code = matched ? matched.code : (own?.verb.code ?? verb.code);
      const rule = matched ? matched.prov : (own?.verb.prov ?? verb.prov);
      const why = matched ? `pattern "${matched.text}"` : `verb ${(W[clause.group.verb] as Word).up} alone`;
      if (!code || (code.primary === null && code.secondary === null)) return { kind: 'null', rule, why: `${why}: a null code` };
      const members = (u: PetrUnit | null): Mention[] | null => (u ? u.mentions : null);
      // TABARI reads a passive with no "by" agent as if it were active: its subject is the source
      const agentless = clause.group.passive && !match?.source && !clause.byAgent().length;
      return {
        kind: 'code',
        code: code.primary ?? (code.secondary as string),
        secondary: code.primary === null ? null : code.secondary,
        rule,
        verbEnd: hit.e,
        source: agentless ? clause.subject() : members(match?.source ?? null),
        target: members(match?.target ?? null),
        compound: members(match?.compound ?? null),
        targetAfter: 'segment',
        general: matched === null,
        why,
      };
    },
  };

  /** TABARI's policy: the sentence's first verb that codes, the verbs joined to it by "and", what a speech verb reports, and a closing comma phrase's own verb. */
  const firstVerb = (events: EventCandidate[], g: SentenceGrammar): EventCandidate[] => {
    if (events.length <= 1) return events;
    const lastComma = g.sentence.tokens.reduce((k, t, i) => (t.text === ',' ? i : k), -1);
    const kept = new Set<number>();
    const speechUsed = new Set<number>();
    let main: number | null = null;
    let tail: number | null = null;
    for (const ev of events) {
      const c = g.clauseAt(ev.verb);
      const inTail = lastComma >= 0 && ev.verb > lastComma;
      const head = inTail ? tail : main;
      // what a speech verb reports: the first verb that codes after it
      const reported = c?.reportedBy != null && c.reportedBy < ev.verb && c.reportedBy >= (head ?? -1) && !speechUsed.has(c.reportedBy);
      const ok = head === null || head === ev.verb || (c?.coordinatedWith != null && kept.has(c.coordinatedWith)) || reported;
      if (!ok) continue;
      if (reported && c?.reportedBy != null) speechUsed.add(c.reportedBy);
      kept.add(ev.verb);
      if (inTail) tail ??= ev.verb;
      else main ??= ev.verb;
    }
    return events.filter((e) => kept.has(e.verb));
  };
  const dyads = (events: EventCandidate[]): EventCandidate[] =>
    options.requireDyad
      ? events.filter((e) => (e.sources.length > 0 && e.targets.length > 0) || (e.pairwise === true && e.sources.length > 1))
      : events.map((e): EventCandidate => (e.sources.length ? e : { ...e, unknownSource: true }));

  // a verb of the dictionaries that may head a verb group, asked once per word form of this coder's analyzer
  const ruleVerb = formPredicate((t: Token): boolean => mayHeadGroup(t) && rules.hasRules(t));
  return {
    actors,
    rules,
    read(own) {
      const W0 = joinWords(own);
      const discard = findDiscard(dict, W0.words);
      if (discard) return { discard };
      const kept = dropCommaPhrases(W0.words, options);
      const tokens = kept.map((w) => W0.tokens[w.tok] as Token);
      const st: SentenceTokens = { index: own.index, tokens };
      wordMemo.set(tokens, kept.map((w, k) => ({ up: w.up, tok: k, pos: w.pos })));
      return st;
    },
    adjust: tabariAdjust,
    refiners: [
      { why: "TABARI's first-verb policy: only the sentence's first coded verb, the verbs joined to it and what a speech verb reports", refine: firstVerb },
      { why: options.requireDyad ? 'require_dyad: no source or no target' : 'without require_dyad: no source is coded as ---', refine: dyads },
    ] satisfies EventRefiner[],
    properWords: petrarchWords(dict),
    countryOf: () => null,
    triggers: (tokens, i) => {
      const t = tokens[i];
      return !!t && ruleVerb(t);
    },
  };
}

/**
 * Actor mentions of a sentence: actor and agent phrases (longest first), agents joined to their actor
 * ("Sylvania's government", "soldiers from Sylvania", "lawmakers in Freedonia and Sylvania", "a relief
 * agency Sylvania official"), a bare agent as "---" + its code; a noun phrase with several codes gives
 * one mention per code over the same words. Personal pronouns are mentions of the nearest earlier actor
 * in the sentence (the grammar makes a reported clause's pronoun subject its speaker).
 */
function actorMentions(dict: CompiledPetrarch, prefixes: ReadonlySet<string>, st: SentenceTokens, W: readonly Word[], date: string | null, text: string): Mention[] {
  // --- actor and agent phrases
  interface Piece {
    s: number;
    e: number;
    actor: { codes: string[]; prov: Provenance } | null;
    agent: { code: string; position: 'suffix' | 'prefix'; prov: Provenance } | null;
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < W.length; ) {
    const w = W[i] as Word;
    let best = null as Piece | null;
    for (const ph of dict.actors.get(w.up) ?? []) {
      if (!matchesAt(W, i, ph.words)) continue;
      const codes = actorCodes(ph.entry, date);
      if (!codes || !codes.length) continue;
      best = { s: i, e: i + ph.words.length, actor: { codes, prov: ph.prov }, agent: null };
      break;
    }
    for (const ph of dict.agents.get(w.up) ?? []) {
      if (best && best.e - best.s >= ph.words.length) break;
      if (!matchesAt(W, i, ph.words)) continue;
      best = { s: i, e: i + ph.words.length, actor: null, agent: { code: ph.code, position: ph.position, prov: ph.prov } };
      break;
    }
    if (best) {
      pieces.push(best);
      i = best.e;
    } else i++;
  }

  // --- noun phrases: agents joined to their actor
  const nps: PetrNP[] = [];
  const apply = (code: string, ag: { code: string; position: 'suffix' | 'prefix' }): string =>
    ag.position === 'prefix' ? ag.code + code : code.endsWith(ag.code) ? code : code + ag.code;
  const gapWords = (a: number, b: number): Word[] => W.slice(a, b);
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p] as Piece;
    // agents before an actor: adjacent ("relief agency Sylvania"), or linked by of/in/from ("soldiers from Sylvania")
    const agentsBefore: Piece[] = [];
    let q = p;
    while (q < pieces.length && (pieces[q] as Piece).agent) {
      agentsBefore.push(pieces[q] as Piece);
      const next = pieces[q + 1];
      if (!next) break;
      const gap = gapWords((pieces[q] as Piece).e, next.s).map((x) => x.up);
      if (gap.length === 0) {
        q++;
        continue;
      }
      // "lawmakers and officials in Sylvania": agents joined by AND
      if (next.agent && gap.length === 1 && gap[0] === 'AND') {
        q++;
        continue;
      }
      if (next.actor && gap.length <= 2 && AGENT_LINKS.has(gap[0] ?? '') && (gap.length === 1 || DETS.has(gap[1] ?? ''))) {
        q++;
        continue;
      }
      break;
    }
    const actorPiece = pieces[q];
    if (agentsBefore.length && actorPiece?.actor) {
      const linked = gapWords((agentsBefore[agentsBefore.length - 1] as Piece).e, actorPiece.s).length > 0;
      // the actor may be a compound: "lawmakers in Freedonia and Sylvania" → each member
      const members: Piece[] = [actorPiece];
      let r = q;
      if (linked) {
        while (r + 1 < pieces.length) {
          const nx = pieces[r + 1] as Piece;
          const gap = gapWords((pieces[r] as Piece).e, nx.s).map((x) => x.up);
          if (!nx.actor || !(gap.length === 1 && (gap[0] === 'AND' || gap[0] === ','))) break;
          members.push(nx);
          r++;
        }
      }
      // suffix agents after the actor too: "a relief agency Sylvania official"
      let after: Piece[] = [];
      if (!linked) ({ after, end: r } = agentsAfter(pieces, r, W));
      const codes: string[] = [];
      const andAgents = linked ? agentsBefore : agentsBefore.filter((a) => a.agent?.position === 'prefix');
      const suffixBefore = linked ? [] : agentsBefore.filter((a) => a.agent?.position === 'suffix');
      for (const m of members) {
        for (const c of m.actor?.codes ?? []) {
          if (linked && andAgents.length > 1) {
            for (const a of andAgents) codes.push(apply(c, a.agent as NonNullable<Piece['agent']>));
          } else {
            let code = c;
            for (const a of andAgents) code = apply(code, a.agent as NonNullable<Piece['agent']>);
            for (const a of [...suffixBefore, ...after]) code = apply(code, a.agent as NonNullable<Piece['agent']>);
            codes.push(code);
          }
        }
      }
      const last = pieces[r] as Piece;
      nps.push({ s: piece.s, e: Math.max(last.e, after.length ? (after[after.length - 1] as Piece).e : 0), codes: uniq(codes), prov: actorPiece.actor.prov });
      p = Math.max(r, after.length ? pieces.indexOf(after[after.length - 1] as Piece) : r);
      continue;
    }
    if (piece.actor) {
      const { after, end } = agentsAfter(pieces, p, W);
      const codes: string[] = [];
      for (const c of piece.actor.codes) {
        if (after.length > 1 && after.some((a, k) => k > 0 && gapWords((after[k - 1] as Piece).e, a.s).some((x) => x.up === 'AND'))) {
          for (const a of after) codes.push(apply(c, a.agent as NonNullable<Piece['agent']>));
        } else {
          let code = c;
          for (const a of after) code = apply(code, a.agent as NonNullable<Piece['agent']>);
          codes.push(code);
        }
      }
      const lastAfter = after[after.length - 1];
      const np: PetrNP = { s: piece.s, e: lastAfter ? lastAfter.e : piece.e, codes: uniq(codes), prov: piece.actor.prov };
      p = end;
      // a name after a title or a modifier is the same actor: "Freedonia Prime Minister Firefly", "Freedonia awful Sylvania"
      while (p + 1 < pieces.length && (pieces[p + 1] as Piece).actor && absorbs(gapWords(np.e, (pieces[p + 1] as Piece).s))) {
        p++;
        np.e = (pieces[p] as Piece).e;
      }
      nps.push(np);
      continue;
    }
    // an agent with no actor: "a senior official" → ---GOV
    const ag = piece.agent as NonNullable<Piece['agent']>;
    nps.push({ s: piece.s, e: piece.e, codes: [apply('---', ag)], prov: ag.prov });
  }

  const out: Mention[] = [];
  for (const np of nps) for (const code of np.codes) out.push(mentionFor(code, prefixes, st, np.s, np.e, np.prov, text));
  // pronouns: "it", "they", "he", "she" stand for the nearest earlier actor of the sentence
  for (let i = 0; i < W.length; i++) {
    const w = W[i] as Word;
    if (w.pos !== 'PRON' || !PRONOUNS.has(w.up) || out.some((m) => m.start <= i && i < m.end)) continue;
    const src = [...out].reverse().find((m) => m.end <= i && !m.inPP && m.kind !== 'pronoun');
    const t = st.tokens[i] as Token;
    const pm: Mention = src
      ? { ...src, start: i, end: i + 1, head: i, text: t.text, span: { start: t.start, end: t.end }, kind: 'pronoun', inPP: false, resolvedFrom: src.text }
      : { ...mentionFor('---', prefixes, st, i, i + 1, { id: 'pronoun', file: '', line: 0 }, text), kind: 'pronoun' };
    if (!src) delete pm.code;
    out.push(pm);
  }
  return out.sort((a, b) => a.start - b.start);
}

const PRONOUNS = new Set(['IT', 'THEY', 'HE', 'SHE']);

/**
 * TABARI codes a verb as its dictionary says; only a forceful act promised on a condition ("will pull its
 * soldiers ... unless NATO sends more") becomes a threat, as our grammar reads it.
 */
const tabariAdjust: CodeAdjuster = (code, modality, _negated, conditional) => {
  if (!conditional || modality === 'asserted' || modality === 'demanded') return code;
  const adjusted = adjustCode(code, 'conditional', false, true);
  return adjusted && adjusted.startsWith('13') ? adjusted : code;
};

/** The words of a sentence as the dictionaries write them: hyphenated words joined, `_` split. */
function joinWords(own: SentenceTokens): { words: Word[]; tokens: Token[] } {
  const tokens: Token[] = [];
  const ws: Word[] = [];
  own.tokens.forEach((t, k) => {
    if (t.pos === 'SPACE') return;
    const up = upper(t);
    const prevTok = own.tokens[k - 1];
    const prev = ws[ws.length - 1];
    const prevT = tokens[tokens.length - 1];
    // hyphenated words are one word: "Barad-dur", "anti-" before a blank
    if (prev && prevT && prevTok && prevTok.end === t.start && (up === '-' || prev.up.endsWith('-'))) {
      prev.up += up;
      tokens[tokens.length - 1] = { ...prevT, text: prevT.text + t.text, lower: (prevT.text + t.text).toLowerCase(), lemma: (prevT.text + t.text).toLowerCase(), end: t.end, pos: up !== '-' ? t.pos : prevT.pos, form: -1 };
      if (up !== '-') prev.pos = t.pos;
      return;
    }
    const parts = up.includes('_') && up.length > 1 ? up.split('_').filter(Boolean) : [up];
    for (const p of parts) {
      ws.push({ up: p, tok: tokens.length, pos: t.pos });
      tokens.push(parts.length > 1 ? { ...t, text: p, lower: p.toLowerCase(), lemma: p.toLowerCase(), form: -1 } : t);
    }
  });
  return { words: ws, tokens };
}

/** The words of a dictionary set's actor phrases, which repair must never split. */
function petrarchWords(d: CompiledPetrarch): string[] {
  const out = new Set<string>();
  for (const list of d.actors.values()) for (const ph of list) for (const w of ph.words) if (w.length > 3) out.add(w);
  return [...out];
}


/** Words between a noun phrase and an actor that make the actor part of it: none, or one modifier. */
function absorbs(gap: readonly Word[]): boolean {
  if (gap.length === 0) return true;
  if (gap.length > 1) return false;
  const w = gap[0] as Word;
  return !isPunct(w) && !VERB_POS.has(w.pos) && !PREPS.has(w.up) && !CONJ.has(w.up) && w.pos !== 'DET' && w.up !== "'S";
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function matchesAt(W: readonly Word[], i: number, words: readonly string[]): boolean {
  if (i + words.length > W.length) return false;
  for (let k = 0; k < words.length; k++) if ((W[i + k] as Word).up !== words[k]) return false;
  return true;
}

/** Suffix agents right after an actor: adjacent, or after "'s" and up to two other words. */
function agentsAfter<P extends { s: number; e: number; agent: unknown; actor: unknown }>(pieces: readonly P[], p: number, W: readonly Word[]): { after: P[]; end: number } {
  const after: P[] = [];
  let end = p;
  let prevEnd = (pieces[p] as P).e;
  for (let q = p + 1; q < pieces.length; q++) {
    const nx = pieces[q] as P;
    if (!nx.agent) break;
    const gap = W.slice(prevEnd, nx.s);
    const ok =
      gap.length === 0 ||
      (after.length > 0 && gap.length === 1 && gap[0]?.up === 'AND') ||
      (after.length === 0 && gap[0]?.up === "'S" && gap.length <= 5 && gap.slice(1).every((w) => !isPunct(w) && !VERB_POS.has(w.pos) && !PREPS.has(w.up))) ||
      (after.length === 0 && gap.length <= 2 && gap.every((w) => !isPunct(w) && !VERB_POS.has(w.pos) && !PREPS.has(w.up) && w.pos !== 'DET' && !CONJ.has(w.up)));
    if (!ok) break;
    after.push(nx);
    end = q;
    prevEnd = nx.e;
  }
  return { after, end };
}


function findDiscard(dict: CompiledPetrarch, W: readonly Word[]): Discard | null {
  let sentence: Discard | null = null;
  for (let i = 0; i < W.length; i++) {
    for (const d of dict.discards.get((W[i] as Word).up) ?? []) {
      if (!matchesAt(W, i, d.words)) continue;
      const hit = { scope: d.scope, phrase: d.text, rule: d.prov };
      if (d.scope === 'story') return hit;
      sentence ??= hit;
    }
  }
  return sentence;
}

function countWords(ws: readonly Word[]): number {
  return ws.filter((w) => !isPunct(w)).length;
}

/** Drops comma-delimited subordinate phrases whose length the options name (TABARI's comma rules). */
function dropCommaPhrases(all: readonly Word[], o: Readonly<PetrarchOptions>): Word[] {
  const commas: number[] = [];
  all.forEach((w, i) => {
    if (w.up === ',') commas.push(i);
  });
  if (!commas.length) return [...all];
  const drop = new Uint8Array(all.length);
  let end = all.length;
  while (end > 0 && isPunct(all[end - 1] as Word)) end--;
  const within = (n: number, min: number, max: number): boolean => max > 0 && n >= min && n <= max;
  const firstC = commas[0] as number;
  if (within(countWords(all.slice(0, firstC)), o.commaBMin, o.commaBMax)) for (let i = 0; i <= firstC; i++) drop[i] = 1;
  const lastC = commas[commas.length - 1] as number;
  const tail = all.slice(lastC + 1, end);
  // phrases that are part of a list are kept: "with Freedonia, Ruritania, Grand Fenwick and Sylvania after a rift"
  const listy = (ws: readonly Word[]): boolean => {
    for (const w of ws) {
      if (CONJ.has(w.up)) return true;
      if (VERB_POS.has(w.pos)) return false;
    }
    return false;
  };
  if (!listy(tail) && within(countWords(tail), o.commaEMin, o.commaEMax)) for (let i = lastC; i < end; i++) drop[i] = 1;
  for (let c = 0; c + 1 < commas.length; c++) {
    const a = commas[c] as number;
    const b = commas[c + 1] as number;
    const nextC = commas[c + 2] ?? end;
    if (listy(all.slice(a + 1, b)) || listy(all.slice(b + 1, nextC))) continue; // "Freedonia, the awful Ruritania, and Sylvania"
    if (within(countWords(all.slice(a + 1, b)), o.commaMin, o.commaMax)) for (let i = a; i <= b; i++) drop[i] = 1;
  }
  return all.filter((_, i) => !drop[i]);
}

interface PatternMatch {
  source: PetrUnit | null;
  target: PetrUnit | null;
  compound: PetrUnit | null;
  used: number[];
}

interface MatchState {
  pos: number;
  roles: { source: PetrUnit | null; target: PetrUnit | null; compound: PetrUnit | null };
  used: number[];
}

/**
 * Matches a pattern around the verb at words [vs, ve): the elements after the verb rightwards from ve,
 * those before it leftwards from vs. Backtracks over where gapped elements land.
 */
function matchPattern(p: CompiledPattern, W: readonly Word[], vs: number, ve: number, units: readonly PetrUnit[], unitAt: Int32Array): PatternMatch | null {
  const start: MatchState = { pos: ve, roles: { source: null, target: null, compound: null }, used: [] };
  for (const afterState of seqMatch(p.after, 0, start, +1, W, units, unitAt, false)) {
    const back: MatchState = { pos: vs - 1, roles: { ...afterState.roles }, used: [...afterState.used] };
    const rev = [...p.before].reverse();
    for (const st of seqMatch(rev, 0, back, -1, W, units, unitAt, p.verbJoinedBefore)) {
      return { ...st.roles, used: st.used };
    }
  }
  return null;
}

/**
 * Generates the states after matching elems[i..] from state `st` in direction `dir`. `adjacent` says
 * whether elems[i] must start right at st.pos. Leftwards, an element's own `joined` flag binds it to
 * the element after it in text order, which was matched just before.
 */
function* seqMatch(elems: readonly Elem[], i: number, st: MatchState, dir: 1 | -1, W: readonly Word[], units: readonly PetrUnit[], unitAt: Int32Array, adjacent: boolean): Generator<MatchState> {
  if (i >= elems.length) {
    yield st;
    return;
  }
  const el = elems[i] as Elem;
  // rightwards, `joined` on this element binds it to what came before; leftwards, on the previous one
  const mustTouch = dir === 1 ? el.joined || (i === 0 && adjacent) : adjacent;
  const nextAdjacent = (dir === -1 ? el.joined : false);
  for (const [landed, after] of elementPlacements(el, st, dir, W, units, unitAt, mustTouch)) {
    void landed;
    const nextTouch = dir === 1 ? false : nextAdjacent;
    const it = seqMatch(elems, i + 1, after, dir, W, units, unitAt, nextTouch);
    for (const done of it) yield done;
  }
}

/** Every way element `el` can match starting from st.pos (the first possible landing first). */
function* elementPlacements(el: Elem, st: MatchState, dir: 1 | -1, W: readonly Word[], units: readonly PetrUnit[], unitAt: Int32Array, mustTouch: boolean): Generator<[number, MatchState]> {
  const limit = dir === 1 ? W.length : -1;
  for (let at = st.pos; at !== limit; at += dir) {
    const found = matchElementAt(el, at, st, dir, W, units, unitAt);
    for (const next of found) yield [at, next];
    if (mustTouch) return;
  }
}

function matchElementAt(el: Elem, at: number, st: MatchState, dir: 1 | -1, W: readonly Word[], units: readonly PetrUnit[], unitAt: Int32Array): MatchState[] {
  const out: MatchState[] = [];
  if (el.kind === 'words') {
    for (const opt of el.options) {
      const s = dir === 1 ? at : at - opt.length + 1;
      if (s < 0 || !matchesAt(W, s, opt)) continue;
      out.push({ ...st, pos: dir === 1 ? s + opt.length : s - 1 });
    }
    return out;
  }
  if (el.kind === 'alt') {
    for (const opt of el.options) {
      for (const done of seqMatch(dir === 1 ? opt : [...opt].reverse(), 0, { ...st, pos: at }, dir, W, units, unitAt, true)) out.push(done);
    }
    return out;
  }
  const k = unitAt[at] ?? -1;
  if (k < 0 && el.kind === 'skip') {
    // `^` over a noun phrase that is no actor: "warned their populations about"
    let i = at;
    const nominal = (j: number): boolean => j >= 0 && j < W.length && (unitAt[j] ?? -1) < 0 && NP_POS.has((W[j] as Word).pos);
    if (!nominal(i)) return out;
    while (nominal(i + dir)) i += dir;
    out.push({ ...st, pos: i + dir });
    return out;
  }
  if (k < 0 || st.used.includes(k)) return out;
  const u = units[k] as PetrUnit;
  // a unit is entered at its edge: its first word going right, its last going left
  if ((dir === 1 && u.s !== at) || (dir === -1 && u.e - 1 !== at)) return out;
  const roles = { ...st.roles };
  if (el.kind === 'source') roles.source = u;
  else if (el.kind === 'target') roles.target = u;
  else if (el.kind === 'compound') roles.compound = u;
  out.push({ pos: dir === 1 ? u.e : u.s - 1, roles, used: [...st.used, k] });
  return out;
}









