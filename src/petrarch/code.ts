/**
 * Event coding of one sentence with PETRARCH / TABARI dictionaries, over wirecoder's own tokens and
 * part-of-speech tags (no parse tree). The stages, in order:
 *
 *   words (upper case, `_` split) → discards → comma-delimited subordinate phrases dropped (the
 *   `comma_*` options) → actor and agent phrases → noun phrases (actor + agents: "Sylvania's
 *   government", "soldiers from Sylvania", "relief agency Sylvania official") → compound actors ("Freedonia, Ruritania and
 *   Sylvania") → verbs (dictionary forms tagged as verbs) → each verb's patterns, longest first → source
 *   and target → events (paired codes `[A:B]` give the reverse event too).
 *
 * Pattern semantics (TABARI's): the elements before `*` are matched leftwards from the verb, those
 * after it rightwards; words may have other words between them unless joined by `_`; `+` is the
 * target, `$` the source, `%` a compound actor, `^` skips one actor. Without `$`, the source is the
 * verb's subject: the nearest actor before it that is not the object of a preposition or of another
 * verb; without `+`, the target is the first actor after the verb. "X was VERBed by Y" swaps them.
 */
import type { Provenance } from '../types.js';
import type { Token } from '../text/analyze.js';
import type { PetrarchOptions } from './options.js';
import { adjustCode } from '../events/code.js';
import { actorCodes, type CompiledPetrarch, type CompiledPattern, type Elem, type VerbForm } from './compile.js';

interface Word {
  /** Upper-case text. */
  up: string;
  tok: number;
  pos: string;
}

/** An actor noun phrase: its word range and codes (several for `[ELR/GAL]` or "media and government"). */
export interface PetrNP {
  s: number;
  e: number;
  codes: string[];
  prov: Provenance;
}

/** A unit that patterns and roles take: one noun phrase or a compound of several. */
export interface PetrUnit {
  s: number;
  e: number;
  nps: PetrNP[];
  codes: string[];
}

export interface PetrEvent {
  source: string;
  target: string | null;
  code: string;
  /** Token range of the verb phrase. */
  verbTok: number;
  verbEndTok: number;
  /** Token ranges of the source and target phrases, when they were found in the text. */
  sourceToks: { start: number; end: number } | null;
  targetToks: { start: number; end: number } | null;
  rule: Provenance;
  why: string;
  /** Token range of an "unless ..." clause that made the act a threat. */
  condition: { start: number; end: number } | null;
}

export interface PetrSentenceResult {
  events: PetrEvent[];
  discard: { scope: 'story' | 'sentence'; phrase: string; rule: Provenance } | null;
  /** Words as coded (after comma phrases were dropped), for explanations, and the token of each. */
  words: string[];
  wordTokens: number[];
  units: PetrUnit[];
}

const PREPS = new Set(['OF', 'IN', 'ON', 'AT', 'BY', 'FROM', 'TO', 'WITH', 'FOR', 'AGAINST', 'INTO', 'ABOUT', 'OVER', 'TOWARD', 'TOWARDS', 'BETWEEN', 'NEAR', 'AMONG', 'THROUGH', 'UNDER', 'WITHIN', 'WITHOUT', 'DURING', 'ALONG', 'ACROSS', 'BEHIND', 'INSIDE', 'OUTSIDE', 'UPON', 'VIA']);
/** Words that open a subordinate clause: a verb's subject is never before them. */
const SUBORDINATORS = new Set(['THAT', 'WHICH', 'WHO', 'WHOM', 'WHOSE', 'AFTER', 'BEFORE', 'WHEN', 'WHILE', 'BECAUSE', 'IF', 'UNLESS', 'SINCE', 'UNTIL', 'ALTHOUGH', 'THOUGH', 'WHERE', 'WHETHER', ';']);
const CONJ = new Set(['AND', 'OR', 'NOR']);
const BE = new Set(['IS', 'WAS', 'WERE', 'ARE', 'BE', 'BEEN', 'BEING', "'S", "'RE"]);
const AGENT_LINKS = new Set(['OF', 'IN', 'FROM', 'FOR']);
const DETS = new Set(['THE', 'A', 'AN', 'ITS', 'THEIR', 'HIS', 'HER', 'FORMER', 'NEITHER', 'EITHER', 'BOTH']);
const VERB_POS = new Set(['VERB', 'AUX']);
/** Speech verbs: what is said is coded too, as its own main verb ("Canada said it will pull its troops"). */
const SPEECH_FORMS = new Set(['SAY', 'SAYS', 'SAID', 'TELL', 'TELLS', 'TOLD', 'ANNOUNCE', 'ANNOUNCES', 'ANNOUNCED', 'ADD', 'ADDS', 'ADDED', 'STATE', 'STATES', 'STATED', 'DECLARE', 'DECLARES', 'DECLARED', 'CONFIRM', 'CONFIRMS', 'CONFIRMED', 'INSIST', 'INSISTS', 'INSISTED']);
const FUTURE = new Set(['WILL', 'WOULD', "'LL", 'SHALL', 'WO', 'TO', 'GOING']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

function isPunct(w: Word): boolean {
  return w.pos === 'PUNCT' || !/[A-Z0-9]/.test(w.up);
}

export interface PetrSentenceInput {
  tokens: readonly Token[];
  first: number;
  last: number;
  /** The story's date (ISO), for date-restricted actor codes. */
  date: string | null;
}

export function codePetrarchSentence(dict: CompiledPetrarch, options: Readonly<PetrarchOptions>, input: PetrSentenceInput): PetrSentenceResult {
  // --- words
  const all: Word[] = [];
  for (let i = input.first; i < input.last; i++) {
    const t = input.tokens[i] as Token;
    if (t.pos === 'SPACE') continue;
    const up = t.text.toUpperCase().replace(/[’‘]/g, "'");
    const prevTok = input.tokens[i - 1];
    const prev = all[all.length - 1];
    // hyphenated words are one word, as the dictionaries write them: "Barad-dur", "anti-" before a blank
    if (prev && prevTok && prevTok.end === t.start && i > input.first && (up === '-' || prev.up.endsWith('-'))) {
      prev.up += up;
      if (up !== '-') prev.pos = t.pos;
      continue;
    }
    if (up.includes('_') && up.length > 1) {
      for (const p of up.split('_')) if (p) all.push({ up: p, tok: i, pos: t.pos });
    } else all.push({ up, tok: i, pos: t.pos });
  }

  // --- discards (on the whole sentence)
  const discard = findDiscard(dict, all);
  if (discard) return { events: [], discard, words: all.map((w) => w.up), wordTokens: all.map((w) => w.tok), units: [] };

  // --- comma-delimited subordinate phrases
  const W = dropCommaPhrases(all, options);

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
      const codes = actorCodes(ph.entry, input.date);
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

  // --- compound actors
  const units: PetrUnit[] = [];
  for (let n = 0; n < nps.length; n++) {
    const np = nps[n] as PetrNP;
    const unit: PetrUnit = { s: np.s, e: np.e, nps: [np], codes: [...np.codes] };
    // a list joins by commas only when a conjunction closes it: "Freedonia, Ruritania, Grand Fenwick and Sylvania"
    const chain: { np: PetrNP; conj: boolean }[] = [];
    let end = np.e;
    for (let m = n + 1; m < nps.length; m++) {
      const nx = nps[m] as PetrNP;
      const j = joinsCompound(gapWords(end, nx.s));
      if (j === null) break;
      chain.push({ np: nx, conj: j });
      end = nx.e;
    }
    while (chain.length && !(chain[chain.length - 1] as { conj: boolean }).conj) chain.pop();
    for (const { np: nx } of chain) {
      unit.nps.push(nx);
      unit.codes.push(...nx.codes);
      unit.e = nx.e;
      n++;
    }
    unit.codes = uniq(unit.codes);
    units.push(unit);
  }
  const unitAt = new Int32Array(W.length).fill(-1);
  units.forEach((u, k) => {
    for (let i = u.s; i < u.e; i++) unitAt[i] = k;
  });
  const inPiece = new Uint8Array(W.length);
  for (const pc of pieces) for (let i = pc.s; i < pc.e; i++) inPiece[i] = 1;

  // --- verbs
  interface VerbHit {
    s: number;
    e: number;
    k: number;
    forms: VerbForm[];
  }
  const hits: VerbHit[] = [];
  for (let k = 0; k < W.length; k++) {
    const w = W[k] as Word;
    if (!VERB_POS.has(w.pos) || inPiece[k]) continue;
    const prev = W[k - 1];
    const next = W[k + 1];
    // an auxiliary or modal before another verb is not the verb ("should have acted")
    if (w.pos === 'AUX' && next && (VERB_POS.has(next.pos) || next.pos === 'PART' || next.pos === 'ADV')) continue;
    // a verb used as a noun: "the reopening of", "efforts to stop"
    if (prev && (prev.pos === 'DET' || (prev.up === 'TO' && W[k - 2]?.pos === 'NOUN'))) continue;
    const forms = dict.verbs.get(w.up);
    if (!forms) continue;
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
    if (!chosen.length) continue;
    hits.push({ s: range.s, e: range.e, k, forms: chosen });
    k = range.e - 1;
  }

  // --- patterns, roles, events
  const events: PetrEvent[] = [];
  const seen = new Set<string>();
  const tokRange = (u: PetrUnit | null): { start: number; end: number } | null =>
    u ? { start: (W[u.s] as Word).tok, end: (W[u.e - 1] as Word).tok + 1 } : null;
  const present = new Set(W.map((w) => w.up));
  // TABARI's policy: the sentence's first verb that codes, and the verbs joined to it by "and"
  let mainCoded = false;
  let mainSource: PetrUnit | null = null;
  let lastComma = -1;
  W.forEach((w, i) => {
    if (w.up === ',') lastComma = i;
  });
  let inLast = false;
  let afterSpeech = false;
  let speaker: PetrUnit | null = null;
  for (const hit of hits) {
    // a closing comma phrase that survived the comma rules has its own verb ("..., the agency WFNA said")
    if (!inLast && lastComma >= 0 && hit.s > lastComma) {
      inLast = true;
      mainCoded = false;
      mainSource = null;
    }
    const isConjoined = mainCoded && conjoined(W, hit.s);
    if (mainCoded && !isConjoined) {
      if (!afterSpeech) continue;
      // the verb of what was said: a main verb of its own, its pronoun subject the speaker
      mainCoded = false;
      afterSpeech = false;
      speaker = mainSource;
    }
    const patterns = dict.patternsOf(hit.forms);
    let match: PatternMatch | null = null;
    let matched: CompiledPattern | null = null;
    for (const p of patterns) {
      if (!p.needs.every((alts) => alts.some((w) => present.has(w)))) continue;
      match = matchPattern(p, W, hit.s, hit.e, units, unitAt);
      if (match) {
        matched = p;
        break;
      }
    }
    const verb = (hit.forms[0] as VerbForm).verb;
    const code = matched ? matched.code : (hit.forms.find((f) => f.verb.code)?.verb.code ?? verb.code);
    if (!code || code.primary === null) {
      if (!(code?.paired && code.secondary)) continue; // `[---]`: recognised, codes nothing
    }
    mainCoded = true;
    const rule = matched ? matched.prov : (hit.forms.find((f) => f.verb.code)?.verb.prov ?? verb.prov);
    const used = new Set<number>(match?.used ?? []);
    let source: PetrUnit | null = match?.source ?? null;
    let target: PetrUnit | null = match?.target ?? null;
    let why = matched ? `pattern "${matched.text}"` : `verb ${(W[hit.k] as Word).up} alone`;
    // `%` before the verb: the event is among the compound's members ("Freedonia and Sylvania have delayed")
    const compoundBefore = match?.compound && match.compound.e <= hit.s ? match.compound : null;
    if (compoundBefore) {
      source = compoundBefore;
      target = null;
    } else if (match?.compound && !target) target = match.compound;
    if (!source && isConjoined && mainSource) source = mainSource;
    if (!source && speaker && pronounSubject(W, hit.s)) source = speaker;
    if (!source) {
      // passive: "X was VERBed by Y"
      const passive = isPassive(W, hit.s);
      const byUnit = passive ? byAgent(W, hit.e, units, unitAt, used) : null;
      if (byUnit && !target) {
        source = byUnit;
        target = subjectOf(W, hit.s, units, unitAt, used);
        why += ', passive';
      } else {
        source = subjectOf(W, hit.s, units, unitAt, new Set([...used, ...(target ? [units.indexOf(target)] : [])]));
      }
    }
    if (!target && !compoundBefore) {
      const after = firstUnitAfter(W, hit.e, units, new Set([...used, ...(source ? [units.indexOf(source)] : [])]));
      if (after) target = after;
    }
    if (!isConjoined) mainSource = source;
    if (!isConjoined) afterSpeech = SPEECH_FORMS.has((W[hit.k] as Word).up);
    // a forceful act promised on a condition is a threat: "will pull its soldiers ... unless NATO sends more"
    let condition: PetrEvent['condition'] = null;
    let primaryCode = code?.primary ?? null;
    const cond = conditionAfter(W, hit.e);
    if (cond && primaryCode && futureGroup(W, hit.s)) {
      const adjusted = adjustCode(primaryCode, 'conditional', false, true);
      if (adjusted && adjusted !== primaryCode && adjusted.startsWith('13')) {
        primaryCode = adjusted;
        condition = { start: (W[cond.s] as Word).tok, end: (W[cond.e - 1] as Word).tok + 1 };
        why += `, a threat: conditional on "${W.slice(cond.s, Math.min(cond.e, cond.s + 3)).map((w) => w.up.toLowerCase()).join(' ')} ..."`;
        // its target is whoever the condition asks to act
        const inCond = units.find((u) => u.s > cond.s && u.s < cond.e);
        if (inCond) target = inCond;
      }
    }
    const emit = (s: string, t: string | null, c: string | null, sU: PetrUnit | null, tU: PetrUnit | null): void => {
      if (c === null) return;
      if (t !== null && s === t) return;
      const key = `${s}\u0000${t ?? ''}\u0000${c}`;
      if (seen.has(key)) return;
      seen.add(key);
      events.push({ source: s, target: t, code: c, verbTok: (W[hit.s] as Word).tok, verbEndTok: (W[hit.e - 1] as Word).tok + 1, sourceToks: tokRange(sU), targetToks: tokRange(tU), rule, why, condition });
    };
    const primary = primaryCode;
    const secondary = code?.secondary ?? null;
    if (source && !target && source.codes.length > 1) {
      // a compound with no one else: the event is between its members ("Freedonia and Sylvania renewed ties")
      for (const a of source.codes) for (const b of source.codes) if (a !== b) {
        emit(a, b, primary, source, source);
        emit(b, a, secondary, source, source);
      }
      continue;
    }
    if (!source || !target) {
      if (options.requireDyad) continue;
      const sCodes = source ? source.codes : ['---'];
      for (const a of sCodes) {
        if (target) for (const b of target.codes) emit(a, b, primary, source, target);
        else emit(a, null, primary, source, null);
      }
      continue;
    }
    for (const a of source.codes) {
      for (const b of target.codes) {
        emit(a, b, primary, source, target);
        emit(b, a, secondary, target, source);
      }
    }
  }
  return { events, discard: null, words: W.map((w) => w.up), wordTokens: W.map((w) => w.tok), units };
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

/**
 * Words between two noun phrases that make them one compound actor: `,` `and` `or` `nor`, then the,
 * adjectives. Null when they do not; else whether a conjunction was among them.
 */
function joinsCompound(gap: readonly Word[]): boolean | null {
  if (!gap.length) return null;
  let i = 0;
  let comma = false;
  let conj = false;
  if (gap[i]?.up === ',') {
    i++;
    comma = true;
  }
  if (gap[i] && CONJ.has((gap[i] as Word).up)) {
    i++;
    conj = true;
  }
  if (!comma && !conj) return null;
  let fill = 0;
  for (; i < gap.length; i++) {
    const w = gap[i] as Word;
    if (isPunct(w) || VERB_POS.has(w.pos) || PREPS.has(w.up) || CONJ.has(w.up)) return null;
    if (++fill > 3) return null;
  }
  return conj;
}

function findDiscard(dict: CompiledPetrarch, W: readonly Word[]): PetrSentenceResult['discard'] {
  let sentence: PetrSentenceResult['discard'] = null;
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

/**
 * Walks back from the verb over adverbs, auxiliaries and particles (at most `max` words) and answers
 * `test` for the first other word, or true as soon as `hit` holds for a word on the way.
 */
function beforeGroup(W: readonly Word[], vs: number, max: number, hit: (w: Word) => boolean): boolean {
  for (let i = vs - 1; i >= 0 && i >= vs - max; i--) {
    const w = W[i] as Word;
    if (hit(w)) return true;
    if (w.pos !== 'ADV' && w.pos !== 'AUX' && w.pos !== 'PART') return false;
  }
  return false;
}

/** A verb joined to an earlier one by "and" ("condemned the attack and promised aid"). */
function conjoined(W: readonly Word[], vs: number): boolean {
  return beforeGroup(W, vs, 3, (w) => w.up === 'AND');
}

/** The subject right before the verb group is a pronoun ("it will pull"). */
function pronounSubject(W: readonly Word[], vs: number): boolean {
  return beforeGroup(W, vs, 4, (w) => w.pos === 'PRON');
}

/** The verb group speaks of the future or an intention: will, would, to, going to. */
function futureGroup(W: readonly Word[], vs: number): boolean {
  return beforeGroup(W, vs, 4, (w) => FUTURE.has(w.up));
}

/** An "unless ..." clause after the verb, to the end of the sentence or a semicolon. */
function conditionAfter(W: readonly Word[], ve: number): { s: number; e: number } | null {
  for (let i = ve; i < W.length; i++) {
    const w = W[i] as Word;
    if (w.up === ';') return null;
    if (w.up === 'UNLESS') {
      let e = i + 1;
      while (e < W.length && !/^[;.!?]$/.test((W[e] as Word).up)) e++;
      return { s: i, e };
    }
  }
  return null;
}

function isPassive(W: readonly Word[], vs: number): boolean {
  return beforeGroup(W, vs, 3, (w) => BE.has(w.up));
}

function byAgent(W: readonly Word[], ve: number, units: readonly PetrUnit[], unitAt: Int32Array, used: Set<number>): PetrUnit | null {
  for (let i = ve; i < W.length && i < ve + 4; i++) {
    const w = W[i] as Word;
    if (isPunct(w)) return null;
    if (w.up !== 'BY') continue;
    for (let j = i + 1; j < W.length && j < i + 4; j++) {
      const k = unitAt[j] ?? -1;
      if (k >= 0 && !used.has(k)) return units[k] as PetrUnit;
    }
    return null;
  }
  return null;
}

/**
 * The verb's subject: the nearest unit before it that is not the object of a preposition or of another
 * verb; else the first unit of the sentence that is not used.
 */
function subjectOf(W: readonly Word[], vs: number, units: readonly PetrUnit[], unitAt: Int32Array, used: Set<number>): PetrUnit | null {
  // the clause's left edge: a subordinator, or a pronoun standing as the subject ("he said")
  // (a pronoun refers back and is passed over: "Ethiopia indicated it would act"; the edge does not count
  // when the clause's own actor was taken by the pattern: "noted that Cirith Ungol regretted")
  let edge = -1;
  let usedInside = false;
  for (let i = vs - 1; i >= 0; i--) {
    const w = W[i] as Word;
    const k = unitAt[i] ?? -1;
    if (k >= 0) {
      if (used.has(k)) usedInside = true;
      continue;
    }
    if (SUBORDINATORS.has(w.up)) {
      edge = usedInside ? -1 : i;
      break;
    }
  }
  for (let k = units.length - 1; k >= 0; k--) {
    const u = units[k] as PetrUnit;
    if (u.e > vs || used.has(k)) continue;
    if (u.s <= edge) return null;
    // what stands before it, over determiners and adjectives
    let j = u.s - 1;
    let steps = 0;
    while (j >= 0 && steps < 3) {
      const w = W[j] as Word;
      if (w.pos === 'DET' || w.pos === 'ADJ' || w.pos === 'ADV' || w.pos === 'NUM' || (w.pos === 'NOUN' && !PREPS.has(w.up))) {
        j--;
        steps++;
        continue;
      }
      break;
    }
    const before = W[j];
    if (before && (PREPS.has(before.up) || (VERB_POS.has(before.pos) && !BE.has(before.up) && (unitAt[j] ?? -1) < 0))) continue;
    return u;
  }
  return null;
}

/** The first unit after the verb in its comma segment. */
function firstUnitAfter(W: readonly Word[], ve: number, units: readonly PetrUnit[], used: Set<number>): PetrUnit | null {
  let stop = ve;
  while (stop < W.length && (W[stop] as Word).up !== ',') stop++;
  for (let k = 0; k < units.length; k++) {
    const u = units[k] as PetrUnit;
    if (u.s >= ve && u.s < stop && !used.has(k)) return u;
  }
  return null;
}
