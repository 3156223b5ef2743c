/**
 * From clauses to event candidates: for each clause the rule source matched, who did it to whom (the
 * rule's slots, else the grammar's roles), what the clause's frame and verb group make of it (a
 * condition is no event; what is asked for is a request by the asker; a claim codes the claim; "must"
 * is a demand; future, intended and conditional acts are intents or threats; negated cooperation is a
 * rejection), and violence or arrests told with no one doing them. Every decision not to code is
 * recorded with its reason (for --format explain).
 */
import type { Modality, Provenance } from '../types.js';
import type { Clause, CodeAdjuster, DroppedEvent, EventCandidate, Mention, RuleMatch, RuleSource, SentenceGrammar, Token } from '../contracts.js';
import type { Grammar } from './grammar.js';
import { ATTACK_NOUNS, DISASTER } from '../grammar/words.js';

export interface BuildResult {
  events: EventCandidate[];
  /** Every verb looked at that did not become an event, with why (only when tracing). */
  trace: DroppedEvent[];
}

/** Weapons and attacks that are never an accident; "explosion", "blast", "fire", "mine" may be. */
const AMBIGUOUS_ATTACK = new Set(['explosion', 'explosions', 'blast', 'blasts', 'fire', 'mine', 'mines', 'device', 'devices', 'crossfire']);

/** The kind of evidence a sentence holds that violence in it was done by someone: 'attack', 'disaster' or none. */
function violenceEvidence(tokens: readonly Token[], from: number, to: number): { attack: boolean; strong: boolean; disaster: boolean } {
  let attack = false;
  let strong = false;
  let disaster = false;
  for (let k = Math.max(0, from); k < to && k < tokens.length; k++) {
    const w = (tokens[k] as Token).lower;
    if (ATTACK_NOUNS.has(w)) {
      attack = true;
      if (!AMBIGUOUS_ATTACK.has(w)) strong = true;
    }
    if (DISASTER.has(w)) disaster = true;
  }
  return { attack, strong, disaster };
}

/** Words that open a relative clause: what it tells is background. */
const RELATIVE_OPENERS = new Set(['where', 'which', 'who', 'whom', 'whose']);

/** Sectors of a country's own people: its troops and civilians are not the target of what it does with them. */
const OWN_PEOPLE = new Set(['MIL', 'CVL']);

/** Request codes by the root of what is asked for: appeals (02x) and demands (10x) in CAMEO. */
const APPEAL_FOR: Record<string, string> = { '04': '026', '05': '022', '06': '021', '07': '023', '08': '025', '03': '020' };
const DEMAND_FOR: Record<string, string> = { '04': '106', '05': '102', '06': '101', '07': '103', '08': '105', '03': '100' };
/** Specific requests: resignation, release, ceasefire, easing sanctions, talks. */
const REQUEST_BY_CODE: Record<string, [string, string]> = {
  '0831': ['0241', '1041'], '0841': ['0253', '1053'], '0871': ['0256', '107'], '085': ['0254', '1054'], '081': ['0251', '1051'],
  '0874': ['0256', '1056'], '046': ['026', '106'], '040': ['026', '106'], '045': ['028', '108'], '083': ['025', '105'],
};

export function requestCode(code: string, demand: boolean): string {
  const specific = REQUEST_BY_CODE[code] ?? REQUEST_BY_CODE[code.slice(0, 3)];
  if (specific) return specific[demand ? 1 : 0];
  const root = code.slice(0, 2);
  return (demand ? DEMAND_FOR : APPEAL_FOR)[root] ?? (demand ? '100' : '020');
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
  // "could attack", "might help": not an event (a reported "would" is future: src/grammar/groups.ts)
  if (modality === 'hypothetical') return null;
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

export interface BuildInput {
  g: SentenceGrammar;
  rules: RuleSource;
  adjust: CodeAdjuster;
  grammar: Grammar;
  trace: boolean;
}

/** Codes the events of one parsed sentence. */
export function buildEvents(input: BuildInput): BuildResult {
  const { g, rules, grammar } = input;
  const tokens = g.sentence.tokens;
  const n = tokens.length;
  const events: EventCandidate[] = [];
  const trace: DroppedEvent[] = [];
  const coded = new Set<number>();
  const drop = (c: Clause, rule: Provenance | null, why: string): void => {
    if (input.trace) trace.push({ verb: c.group.verb, rule, why });
  };
  const MUST = grammar.prov('grammar:must');
  const ASKED = grammar.prov('grammar:asked-for');
  const CLAIMED = grammar.prov('grammar:claim');

  for (const c of g.clauses) {
    const v = c.group.verb;
    const verb = tokens[v] as Token;
    if (c.frame === 'question') {
      if (rules.hasRules(verb)) drop(c, null, 'weighed, not done ("how to ...", "considered ...ing")');
      continue;
    }
    if (c.frame === 'condition') {
      if (rules.hasRules(verb)) drop(c, null, `inside a condition ("${tokens[c.extent.start - 1]?.text ?? ''} ..."): not coded`);
      continue;
    }
    if (c.group.governedBy !== null && coded.has(c.group.governedBy)) {
      drop(c, null, `governed by "${tokens[c.group.governedBy]?.text ?? ''}", which codes the event`);
      continue;
    }
    // "X said China must drop barriers": a demand by the speaker on the must-clause's subject (10x),
    // whatever the verb, and not the act as done
    if (c.group.modality === 'demanded') {
      const subject = c.subject();
      const speaker = c.reportedBy !== null ? (g.clauseAt(c.reportedBy)?.subject() ?? []) : [];
      if (speaker.length && subject.length && !speaker.some((m) => subject.includes(m))) {
        coded.add(v);
        const verbEnd = v + 1;
        events.push({
          verb: v, verbEnd, code: '100', baseCode: '100', rule: MUST, sources: speaker, targets: subject, negated: c.group.negated, modality: 'demanded',
          condition: null, clause: c.extent, speechVerb: c.reportedBy, unattributed: false, why: `"must ${verb.text}" reported by a speaker: a demand`,
        });
      } else if (rules.hasRules(verb)) drop(c, null, '"must": an obligation, not an act');
      continue;
    }
    const match: RuleMatch = rules.match(c, g);
    if (match.kind === 'none') {
      drop(c, null, match.why);
      continue;
    }
    if (match.kind === 'null') {
      drop(c, match.rule, match.why);
      continue;
    }
    const subject = c.subject();
    // what is asked for is a request by the asker, not an act done: "calls for the prime minister to resign"
    if (c.frame === 'demand') {
      const by = c.framedBy;
      // asked for by a verb or a noun whose own clause coded an event ("dismissed an appeal to lay down arms")
      const governing = by !== null ? g.clauses.filter((x) => x.group.verb <= by && x.extent.start <= by && by < x.extent.end).pop() : undefined;
      if (by !== null && (coded.has(by) || (governing && coded.has(governing.group.verb)))) {
        drop(c, match.rule, `what "${tokens[by]?.text ?? ''}" asks for: coded as that request`);
        continue;
      }
      const byTok = by !== null ? tokens[by] : undefined;
      const asker = by !== null ? (g.clauseAt(by)?.subject() ?? askerOfNoun(by)) : [];
      if (!asker.length || !byTok) {
        drop(c, match.rule, 'asked for, not done, and no one who asks is named');
        continue;
      }
      const demand = /^(demand|insist|order|require|stipulate)/.test(byTok.lemma) || /^demand/.test(byTok.lower);
      const code = requestCode(match.code, demand);
      coded.add(v);
      events.push(candidate(c, match, code, match.code, ASKED, asker, subject.filter((m) => !asker.includes(m)), 'asserted', null, `asked for by "${byTok.text}": a request (${code}) for ${match.code}`));
      continue;
    }
    if (c.frame === 'claim') {
      const by = c.framedBy;
      const claimant = by !== null ? (g.clauseAt(by)?.subject() ?? []) : [];
      const root = Number(match.code.slice(0, 2));
      const accused = (c.group.passive ? c.byAgent() : subject).filter((m) => !claimant.includes(m));
      if (root >= 11 && root !== 13 && claimant.length && accused.length && by !== null && !coded.has(by)) {
        coded.add(v);
        events.push(candidate(c, match, '112', match.code, CLAIMED, claimant, accused, 'asserted', null, `a claim that "${verb.text}" happened: an accusation`));
      } else drop(c, match.rule, `claimed or denied ("${by !== null ? (tokens[by]?.text ?? '') : ''} that ..."), not told as fact`);
      continue;
    }
    if (c.group.unrealised === 'failed' || c.group.unrealised === 'yet') {
      drop(c, match.rule, c.group.unrealised === 'yet' ? '"yet to": not done' : '"failed to": not done');
      continue;
    }

    // roles: the rule's slots, else the grammar's
    // the subject's own people are not its target: "its troops", or "troops" that took their country
    // from the subject ("Israel pulled troops and settlers out of Gaza")
    const own = (m: Mention): boolean =>
      (m.kind === 'pronoun' && subject.some((s) => s.root === m.root)) ||
      (m.resolvedFrom !== null && m.sectors.length > 0 && m.sectors.every((x) => OWN_PEOPLE.has(x)) && subject.some((s) => s.text === m.resolvedFrom && s.root === m.root && s.sectors.length === 0));
    let sources: Mention[] = match.source ?? (c.group.passive ? c.byAgent() : subject);
    // the rule's target slot took the clause's own subject ("noted that Cirith Ungol regretted"): the one
    // who reports or frames the clause is the source
    if (!match.source && match.target && subject.some((m) => match.target?.includes(m))) {
      const above = c.reportedBy ?? c.framedBy;
      sources = above !== null ? (g.clauseAt(above)?.subject() ?? []) : [];
    }
    let targets: Mention[] = match.target && !match.target.some(own) ? match.target : [];
    if (!match.target || match.target.some(own)) {
      const scope = match.targetAfter ?? (match.target ? 'clause' : null);
      if (scope) targets = (scope === 'segment' ? c.nextActor() : c.object()).filter((m) => !own(m));
    }
    if (c.group.passive && !match.source) targets = match.target ?? subject;
    let pairwise = false;
    if (match.compound) {
      if (match.compound[0] && match.compound[0].end <= c.group.groupStart) {
        sources = match.compound;
        targets = [];
        pairwise = true;
      } else if (!targets.length) targets = match.compound;
    }
    targets = targets.filter((t) => !sources.includes(t));

    let unattributed = false;
    let authorities = false;
    const root = Number(match.code.slice(0, 2));
    // an arrest, a trial, an investigation told in the passive with no one doing it ("were arrested",
    // "was jailed", "has been put under investigation"): the authorities of where it happened
    if (!sources.length && c.group.passive && !c.group.negated && (root === 9 || root === 17 || match.code === '115' || match.code === '116') && match.code !== '171') {
      authorities = true;
    } else if (!sources.length) {
      // violence or arrests told with no one doing them ("were killed", "a bomb exploded", "were arrested")
      const coercive = root >= 18 || (root === 17 && c.group.passive);
      const ev = violenceEvidence(tokens, c.group.passive ? 0 : c.extent.start, n);
      const agentless = c.group.passive || ev.attack;
      const accident = ev.disaster && !ev.strong;
      // "a curfew in the province, where dozens have been killed this year": background in a relative clause
      const background = RELATIVE_OPENERS.has(tokens[c.extent.start - 1]?.lower ?? '');
      if (coercive && agentless && !accident && !background && !c.group.negated && (targets.length || ev.attack)) unattributed = true;
      else if (accident || background) {
        drop(c, match.rule, accident ? 'agentless harm beside an accident or disaster word: not coded' : 'agentless harm told in a relative clause (background): not coded');
        continue;
      }
      // else a candidate with no source: the records stage drops it (saying why) unless a refiner names one
    }

    // the condition of a threat or pledge: "unless ...", "if ... not"
    let condition: { start: number; end: number } | null = c.condition();
    const modality: Modality = condition && c.group.modality !== 'hypothetical' ? 'conditional' : c.group.modality;
    const adjusted = input.adjust(match.code, modality, c.group.negated, condition !== null);
    if (adjusted === null) {
      drop(c, match.rule, c.group.negated ? `negated ("${verb.text}" with not/never): not coded as done` : 'hypothetical: not coded');
      continue;
    }
    // a threat's condition may also be a plain "if" ("threatened to quit the talks if Washington ...")
    if (!condition && adjusted.startsWith('13')) {
      for (let i = v + 1; i < n; i++) {
        if ((tokens[i] as Token).lower !== 'if') continue;
        let e = i + 1;
        while (e < n && !/^[;:.!?]$/.test((tokens[e] as Token).text)) e++;
        condition = { start: i, end: e };
        break;
      }
    }
    // a threat's target is whoever the condition asks to act ("unless other NATO nations provide ...")
    if (condition && adjusted.startsWith('13')) {
      const cond = condition;
      const condActor = g.mentions.find((m) => m.start > cond.start && m.start < cond.end);
      if (condActor) targets = g.groupOf(condActor).filter((t) => !sources.includes(t));
    }
    // "offered its troops to Lebanon to help him": the purpose of an intent is part of that intent; what a
    // protest demands is part of the protest ("staged rallies to demand reforms", "marched, demanding ...")
    const prev = events[events.length - 1];
    const infinitive = tokens[c.group.groupStart]?.lower === 'to' || tokens[v - 1]?.lower === 'to';
    const purpose = (infinitive && c.group.governedBy === null) || (/ing$/.test(verb.lower) && (tokens[c.group.groupStart - 1]?.text === ',' || !!prev && prev.clause.end >= c.group.groupStart));
    if (purpose && prev && prev.verb < v && (prev.code.startsWith('03') || (prev.code.startsWith('14') && (match.code.startsWith('10') || match.code.startsWith('02'))))) {
      drop(c, match.rule, `the purpose of the ${prev.code.startsWith('14') ? 'protest' : 'intent'} coded at "${tokens[prev.verb]?.text ?? ''}": not coded on its own`);
      continue;
    }
    coded.add(v);
    const why = `${match.why}${adjusted !== match.code ? `, ${match.code}→${adjusted} (${modality}${c.group.negated ? ', negated' : ''})` : ''}${unattributed ? ', no one named doing it' : ''}`;
    const ev = candidate(c, match, adjusted, match.code, match.rule, sources, targets, modality, condition, why);
    ev.negated = c.group.negated;
    ev.unattributed = unattributed;
    if (authorities) ev.authorities = true;
    if (pairwise) {
      ev.pairwise = true;
      ev.why += ', among the members of a compound';
    }
    events.push(ev);
    // a paired rule (`[A:B]`): the reverse event too
    if (match.secondary && sources.length && targets.length) events.push({ ...ev, code: match.secondary, baseCode: match.secondary, sources: targets, targets: sources, why: `${ev.why}, the paired reverse event` });
  }
  return { events, trace };

  /** "protesters chanted calls for X to resign": the asker is the subject of the verb before the noun. */
  function askerOfNoun(at: number): Mention[] {
    for (let k = g.clauses.length - 1; k >= 0; k--) {
      const c = g.clauses[k] as Clause;
      if (c.group.verb < at) return c.subject();
    }
    // a noun phrase opening the sentence: "Calls by X for Y to ..."
    return [];
  }

  function candidate(c: Clause, match: Extract<RuleMatch, { kind: 'code' }>, code: string, base: string, rule: Provenance, sources: Mention[], targets: Mention[], modality: Modality, condition: { start: number; end: number } | null, why: string): EventCandidate {
    return {
      verb: c.group.verb,
      verbEnd: match.verbEnd,
      code,
      baseCode: base,
      rule,
      sources,
      targets,
      negated: c.group.negated,
      modality,
      condition,
      clause: c.extent,
      speechVerb: c.reportedBy,
      unattributed: false,
      why,
    };
  }
}
