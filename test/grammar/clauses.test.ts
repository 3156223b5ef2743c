/**
 * The sentence grammar read directly (src/grammar): a sentence is tokenized and its actors found as the
 * coder does (test/grammar/parse.ts), then parseSentence's clauses are compared with what each row
 * expects of them: which words head verb groups, and of a verb's clause its group (where it starts,
 * negation, modality, voice, the verb that governs or carries it, an attempt or failure), its extent,
 * frame, reporting and coordinated verbs, and its roles (subject, "by" agent, object, next actor,
 * condition). A row names only what it tests. Words stand for positions: "attack" is the first token
 * "attack", "attack#2" the second.
 *
 * Actors are named by their mention text, a group joined with "+", "" for none.
 */
import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import type { Clause, Mention } from '../../src/contracts.js';
import { createParser, type Parser } from './parse.js';

/** What a row may say of a clause. */
interface View {
  /** The word the verb group starts at. */
  start: string;
  negated: boolean;
  modality: string;
  passive: boolean;
  governedBy: string | null;
  carrier: string | null;
  unrealised: string | null;
  /** The clause's words, joined by spaces. */
  extent: string;
  frame: string | null;
  framedBy: string | null;
  reportedBy: string | null;
  coordinatedWith: string | null;
  subject: string;
  byAgent: string;
  object: string;
  nextActor: string;
  /** "word: the condition's words", or null. */
  condition: string | null;
}

interface Row {
  rule: string;
  text: string;
  /** The words that head verb groups, in order. */
  verbs?: string[];
  /** What is expected of the clause of each named verb. */
  at?: Record<string, Partial<View>>;
}

const TABLE: Row[] = [
  // --- which words head verb groups
  { rule: 'a main verb heads a group', text: 'Syria attacked Lebanon.', verbs: ['attacked'] },
  { rule: '"has" as a main verb heads a group', text: 'Iran has deep concerns about the plan.', verbs: ['has'], at: { has: { subject: 'Iran', start: 'has' } } },
  { rule: 'an auxiliary before a verb heads no group', text: 'Iran has not acted.', verbs: ['acted'], at: { acted: { start: 'has', negated: true } } },
  { rule: 'an auxiliary before a punctuation mark heads no group', text: 'Syria has.', verbs: [] },
  { rule: '"do" as a main verb heads no group', text: 'Iran did the work.', verbs: [] },
  { rule: 'a form of "be" heads no group', text: 'Iran is angry.', verbs: [] },
  { rule: 'a verb that opens the sentence heads a group', text: 'Condemning the attack, France recalled its ambassador.', verbs: ['Condemning', 'recalled'], at: { Condemning: { start: 'Condemning', extent: 'Condemning the attack' } } },
  { rule: 'a participle after a hyphen is no verb ("NATO-led")', text: 'NATO-led troops met Iraqi officials.', verbs: ['met'], at: { met: { subject: 'NATO-led troops', object: 'Iraqi officials' } } },
  { rule: 'a gerund after a preposition is a noun', text: 'Syria spoke about attacking Lebanon.', verbs: ['spoke'] },
  { rule: 'an infinitive after a noun is a noun\'s complement, no verb group', text: 'Iran lacks the capability to meet Syria.', verbs: ['lacks'], at: { lacks: { object: 'Syria' } } },
  { rule: 'an "-s" form after "to" is a noun ("agreed to talks")', text: 'Syria agreed to talks with Lebanon.', verbs: ['agreed'] },
  { rule: 'a participle with "by" after a noun modifies it', text: 'Iraq condemned the raid on the village attacked by Syria.', verbs: ['condemned'], at: { condemned: { subject: 'Iraq', object: 'Syria' } } },
  { rule: 'a base form after a singular common noun is a compound noun ("government aid")', text: 'Iran wants government aid.', verbs: ['wants'] },
  // --- negation and modality
  { rule: '"not" negates', text: 'Syria did not attack Lebanon.', at: { attack: { start: 'did', negated: true, modality: 'asserted', subject: 'Syria', object: 'Lebanon' } } },
  { rule: '"n\'t" negates', text: "Syria didn't attack Lebanon.", at: { attack: { start: 'did', negated: true } } },
  { rule: '"never" negates', text: 'Syria never attacked Lebanon.', at: { attacked: { start: 'never', negated: true } } },
  { rule: 'a plain verb is asserted, not negated, active', text: 'Syria attacked Lebanon.', at: { attacked: { start: 'attacked', negated: false, modality: 'asserted', passive: false, governedBy: null, carrier: null, unrealised: null, frame: null, framedBy: null, reportedBy: null, coordinatedWith: null, subject: 'Syria', byAgent: '', object: 'Lebanon', nextActor: 'Lebanon', condition: null, extent: 'Syria attacked Lebanon .' } } },
  { rule: '"must" is a demand', text: 'Syria must withdraw its troops.', at: { withdraw: { start: 'must', modality: 'demanded', negated: false } } },
  { rule: '"must not" is a negated demand', text: 'Syria must not attack Lebanon.', at: { attack: { start: 'must', modality: 'demanded', negated: true } } },
  { rule: '"will" is the future', text: 'Syria will probably attack Lebanon.', at: { attack: { start: 'will', modality: 'future' } } },
  { rule: 'time words between "will" and the verb are passed over', text: 'Syria will on Monday withdraw its troops.', at: { withdraw: { start: 'will', modality: 'future', subject: 'Syria' } } },
  { rule: 'an intention before "to" is kept over an earlier "will"', text: 'Syria will be ready to attack Lebanon.', at: { attack: { start: 'will', modality: 'intended', passive: false } } },
  { rule: '"would" is hypothetical', text: 'Syria would not attack Lebanon.', at: { attack: { start: 'would', modality: 'hypothetical', negated: true } } },
  { rule: 'a reported "would" is the future', text: 'Syria said it would attack Lebanon.', at: { attack: { start: 'would', modality: 'future', reportedBy: 'said', subject: 'Syria' } } },
  { rule: 'a reported "could" stays hypothetical', text: 'Syria said it could attack Lebanon.', at: { attack: { modality: 'hypothetical', reportedBy: 'said' } } },
  { rule: 'an intention verb before "to"', text: 'Syria intends to attack Lebanon.', at: { attack: { start: 'intends', modality: 'intended', governedBy: null, carrier: null, subject: 'Syria' } } },
  { rule: 'an intention adjective before "to"', text: 'Syria is willing to meet Lebanon.', at: { meet: { start: 'is', modality: 'intended', passive: false } } },
  { rule: '"has yet to": not yet done', text: 'Syria has yet to attack Lebanon.', at: { attack: { start: 'has', unrealised: 'yet' } } },
  { rule: '"is yet to" is not the "have" of "has yet to"', text: 'Syria is yet to attack Lebanon.', at: { attack: { start: 'is', unrealised: null } } },
  { rule: '"tried to": attempted', text: 'Syria tried to attack Lebanon.', at: { attack: { start: 'tried', unrealised: 'tried', governedBy: null } } },
  { rule: '"attempted to": attempted', text: 'Syria attempted to attack Lebanon.', at: { attack: { start: 'attempted', unrealised: 'tried' } } },
  { rule: '"failed to": not done', text: 'Syria failed to attack Lebanon.', at: { attack: { start: 'failed', unrealised: 'failed', governedBy: null } } },
  { rule: 'a control verb with rules governs the verb', text: 'Syria agreed to meet Lebanon.', verbs: ['agreed', 'meet'], at: { meet: { start: 'to', governedBy: 'agreed', carrier: null, subject: 'Syria', object: 'Lebanon' } } },
  { rule: 'a verb with no rules before "to" carries the verb', text: 'Syria seemed to attack Lebanon.', verbs: ['seemed', 'attack'], at: { attack: { start: 'to', governedBy: null, carrier: 'seemed', subject: 'Syria' } } },
  // --- passives
  { rule: 'a participle after "be" is passive, with its "by" agent', text: 'Lebanon was attacked by Syria.', at: { attacked: { start: 'was', passive: true, subject: 'Lebanon', byAgent: 'Syria', object: '' } } },
  { rule: '"shot dead by": the agent over an adjective', text: 'Lebanese villagers were shot dead by Syrian troops.', at: { shot: { passive: true, byAgent: 'Syrian troops', subject: 'Lebanese villagers', object: '' } } },
  { rule: '"beaten to death by": the agent over "to death"', text: 'Lebanese villagers were beaten to death by Syrian troops.', at: { beaten: { passive: true, byAgent: 'Syrian troops', object: '' } } },
  { rule: '"got killed" is passive', text: 'Iranian villagers got killed.', at: { killed: { start: 'got', passive: true, subject: 'Iranian villagers' } } },
  { rule: 'a reduced relative between commas is passive', text: 'Lebanese villagers, attacked by Syrian troops, fled.', at: { attacked: { start: 'attacked', passive: true, byAgent: 'Syrian troops', subject: 'Lebanese villagers', extent: 'attacked by Syrian troops' }, fled: { passive: false, subject: 'Lebanese villagers' } } },
  { rule: 'a reduced relative after a comma, with no actor before it', text: 'The town, visited by Syria, celebrated.', at: { visited: { passive: true, byAgent: 'Syria' } } },
  { rule: 'an "-ed" participle after an object noun, before a preposition, is passive', text: 'Iranian soldiers detained the man accused of spying.', at: { accused: { passive: true, byAgent: '' } } },
  { rule: 'a participle with no verb before it is no reduced relative', text: 'Officials accused of spying fled.', at: { accused: { passive: false } } },
  { rule: 'a participle after "and" is no reduced relative', text: 'Syria arrested Iraqi soldiers and men accused of spying.', at: { accused: { passive: false } } },
  // --- clause extents
  { rule: 'a clause word bounds the clause', text: 'Syria attacked Lebanon because Israel complained.', at: { attacked: { extent: 'Syria attacked Lebanon', object: 'Lebanon' }, complained: { extent: 'Israel complained .', subject: 'Israel' } } },
  { rule: 'a semicolon bounds the clause', text: 'Iran condemned Israel; Syria fled.', at: { condemned: { extent: 'Iran condemned Israel' }, fled: { extent: 'Syria fled .', subject: 'Syria' } } },
  // --- coordination of actors
  { rule: 'a list closed by "and" is one group', text: 'France, Germany and Italy condemned Syria.', at: { condemned: { subject: 'France+Germany+Italy', object: 'Syria' } } },
  { rule: 'a list of three joined by commas alone is one group', text: 'Iran, Syria, Lebanon condemned Israel.', at: { condemned: { subject: 'Iran+Syria+Lebanon' } } },
  { rule: '"or" over up to three words joins', text: 'France or the awful Germany condemned Syria.', at: { condemned: { subject: 'France+Germany' } } },
  { rule: 'more than three words between does not join', text: 'France and its very old ally Germany condemned Syria.', at: { condemned: { subject: 'Germany' } } },
  { rule: 'a comma with no conjunction is an apposition', text: 'France, an ally of Germany, condemned Syria.', at: { condemned: { subject: 'France' } } },
  { rule: 'a coordinated object is one group', text: 'Syria attacked Lebanon and Jordan.', at: { attacked: { object: 'Lebanon+Jordan', nextActor: 'Lebanon+Jordan' } } },
  // --- reporting verbs
  { rule: 'a speech verb before the clause reports it', text: 'Syria said Israel attacked Lebanon.', at: { attacked: { reportedBy: 'said', subject: 'Israel', object: 'Lebanon' }, said: { reportedBy: null, subject: 'Syria' } } },
  { rule: 'a speech verb after a comma reports the clause before it', text: 'Israel attacked Lebanon, Syria said on Monday.', at: { attacked: { reportedBy: 'said', extent: 'Israel attacked Lebanon' }, said: { subject: 'Syria', object: '' } } },
  { rule: 'a pronoun subject of a reported clause is the speaker', text: 'Syria said it attacked Lebanon.', at: { attacked: { subject: 'Syria', reportedBy: 'said' } } },
  { rule: 'a personal pronoun is not a country speaker', text: 'Syria said he attacked Lebanon.', at: { attacked: { subject: 'he' } } },
  { rule: 'a pronoun is kept when the speaker is no actor', text: 'The minister said he attacked Lebanon.', at: { attacked: { subject: 'he' } } },
  // --- frames
  { rule: 'what is demanded "that ..."', text: 'Syria demanded that Israel withdraw.', at: { withdraw: { frame: 'demand', framedBy: 'demanded', subject: 'Israel', extent: 'Israel withdraw .' }, demanded: { frame: null, extent: 'Syria demanded', nextActor: 'Israel', object: '' } } },
  { rule: 'what is demanded a few words after the verb', text: 'Syria demanded on Monday that Israel withdraw.', at: { withdraw: { frame: 'demand', framedBy: 'demanded' } } },
  { rule: '"insisted that" is a demand, reported', text: 'Syria insisted that Israel withdraw.', at: { withdraw: { frame: 'demand', framedBy: 'insisted', reportedBy: 'insisted' } } },
  { rule: 'what is claimed "that ..."', text: 'Syria claimed that Israel attacked Lebanon.', at: { attacked: { frame: 'claim', framedBy: 'claimed', subject: 'Israel' } } },
  { rule: 'what is claimed a few words after the verb', text: 'Syria claimed on Monday that Israel attacked Lebanon.', at: { attacked: { frame: 'claim', framedBy: 'claimed' } } },
  { rule: 'what is denied after a prepositional phrase', text: 'Syria denied in a long statement that it attacked Lebanon.', at: { attacked: { frame: 'claim', framedBy: 'denied' } } },
  { rule: 'an infinitive asked for', text: 'Iran urged Syria to withdraw its troops.', at: { withdraw: { start: 'to', frame: 'demand', framedBy: 'urged', subject: 'Syria', object: 'its troops' }, urged: { object: 'Syria' } } },
  { rule: 'an infinitive asked for over a time phrase', text: 'Syria asked Israel on Monday to withdraw.', at: { withdraw: { frame: 'demand', framedBy: 'asked', subject: 'Israel' } } },
  { rule: '"called for X to"', text: 'France called for Syria to withdraw.', at: { withdraw: { frame: 'demand', framedBy: 'called', subject: 'Syria' } } },
  { rule: 'a verb coordinated with one asked for is asked for', text: 'France urged Iran to stop and withdraw its troops.', at: { withdraw: { frame: 'demand', framedBy: 'urged', coordinatedWith: 'stop', subject: 'Iran' } } },
  { rule: 'an infinitive after "whether" is weighed', text: 'Syria discussed whether to attack Lebanon.', at: { attack: { frame: 'question', framedBy: null } } },
  { rule: 'a gerund after a verb of proposing is asked for', text: 'Syria proposed holding talks with Lebanon.', at: { holding: { frame: 'demand', framedBy: 'proposed', subject: 'Syria' } } },
  { rule: 'a gerund after a verb of weighing is weighed', text: 'Syria discussed attacking Lebanon.', at: { attacking: { frame: 'question', framedBy: 'discussed' } } },
  { rule: 'a relative clause on a noun that is no actor', text: 'Iran signed a resolution that condemns Israel.', at: { condemns: { frame: 'relative', framedBy: null, subject: '', object: 'Israel' }, signed: { frame: null, object: '', nextActor: 'Israel' } } },
  { rule: 'the subject of a relative clause on an actor is the actor', text: 'Militants who attacked Israel fled.', at: { attacked: { frame: null, subject: 'Militants', object: 'Israel' } } },
  // --- conditions
  { rule: 'an "unless" clause opening the sentence is a condition', text: 'Unless Syria withdraws, Iran will attack.', at: { withdraws: { frame: 'condition', subject: 'Syria' }, attack: { frame: null, subject: 'Iran', condition: null } } },
  { rule: 'an "if ... not" clause after the verb is its condition', text: 'Iran will attack Syria if Syria does not withdraw.', at: { attack: { condition: 'if: if Syria does not withdraw', object: 'Syria' }, withdraw: { frame: 'condition', negated: true } } },
  { rule: 'an "if" clause with no negation is no condition of the verb', text: 'Iran will attack Syria if Syria withdraws.', at: { attack: { condition: null }, withdraws: { frame: 'condition' } } },
  { rule: 'an "unless" condition ends at a semicolon', text: 'Iran will attack Syria unless Syria withdraws; Israel agreed.', at: { attack: { condition: 'unless: unless Syria withdraws' }, agreed: { condition: null, frame: null } } },
  // --- subjects
  { rule: 'an infinitive of purpose shares the subject of the verb it continues', text: 'Iran sent troops to Syria to fight Israel.', at: { fight: { subject: 'Iran', object: 'Israel' } } },
  { rule: 'a coordinated verb shares the subject', text: 'Syria attacked Lebanon and withdrew.', at: { withdrew: { coordinatedWith: 'attacked', subject: 'Syria', object: '' } } },
  { rule: 'a participle after a comma shares the actor of an event before it', text: 'Syria attacked Lebanon, killing villagers.', at: { killing: { subject: 'Syria', object: 'villagers' } } },
  { rule: 'a participle after a comma shares no actor with a verb that tells no event', text: 'The plane crashed, killing villagers.', at: { killing: { subject: '' } } },
  { rule: 'after a copula and "and" the copula\'s subject', text: 'The bomber was young and also killed villagers.', at: { killed: { subject: 'The bomber', coordinatedWith: null } } },
  { rule: 'an actor in a prepositional phrase after the subject is not the subject', text: 'Iraqi officials in Jordan condemned Syria.', at: { condemned: { subject: 'Iraqi officials' } } },
  { rule: 'the people of a quantity are the subject', text: 'Thousands of Iraqi villagers protested.', at: { protested: { subject: 'Iraqi villagers' } } },
  { rule: 'an apposition between commas is passed over', text: 'Syria, the strongest army in the region, attacked Lebanon.', at: { attacked: { subject: 'Syria', object: 'Lebanon' } } },
];

describe('the sentence grammar, clause by clause', () => {
  let parser: Parser;
  before(() => {
    parser = createParser();
  });

  for (const row of TABLE) {
    it(row.rule, () => {
      const p = parser.parse(row.text);
      const word = (i: number | null): string | null => (i === null ? null : (p.tokens[i]?.text ?? `#${i}`));
      const names = (ms: readonly Mention[]): string => ms.map((m) => m.text).join('+');
      const view = (c: Clause): View => {
        const cond = c.condition();
        return {
          start: word(c.group.groupStart) as string,
          negated: c.group.negated,
          modality: c.group.modality,
          passive: c.group.passive,
          governedBy: word(c.group.governedBy),
          carrier: word(c.group.carrier),
          unrealised: c.group.unrealised,
          extent: p.tokens.slice(c.extent.start, c.extent.end).map((t) => t.text).join(' '),
          frame: c.frame,
          framedBy: word(c.framedBy),
          reportedBy: word(c.reportedBy),
          coordinatedWith: word(c.coordinatedWith),
          subject: names(c.subject()),
          byAgent: names(c.byAgent()),
          object: names(c.object()),
          nextActor: names(c.nextActor()),
          condition: cond ? `${cond.word}: ${p.tokens.slice(cond.start, cond.end).map((t) => t.text).join(' ')}` : null,
        };
      };
      if (row.verbs) assert.deepEqual(p.g.clauses.map((c) => word(c.group.verb)), row.verbs, row.text);
      for (const [key, expected] of Object.entries(row.at ?? {})) {
        const [w, nth] = key.split('#');
        let from = 0;
        for (let k = 1; k < Number(nth ?? 1); k++) from = p.at(w as string, from) + 1;
        const v = view(p.clause(w as string, from));
        const got = Object.fromEntries(Object.keys(expected).map((f) => [f, v[f as keyof View]]));
        assert.deepEqual(got, expected, `${row.text} — "${key}"`);
      }
    });
  }
});
