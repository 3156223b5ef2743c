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
// @ts-nocheck

import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import type { Clause, Mention } from '../../src/contracts.js';
import { parseSentence } from '../../src/grammar/grammar.js';
import { createParser, tagged, type Parser } from './parse.js';

/** Lemmas with rules in tagged rows. */
const RULES = ['attack', 'condemn', 'meet', 'kill', 'agree', 'urge', 'send', 'withdraw', 'arrest', 'accuse', 'claim', 'demand', 'ask', 'sign', 'visit', 'fight', 'protest', 'threaten'];

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
  /** A sentence read by the analyzer and our actor dictionaries ... */
  text?: string;
  /** ... or written with its tags and mentions (test/grammar/parse.ts tagged). */
  tags?: string;
  /** With `tags`: the lemmas that have rules (default RULES). */
  rules?: string[];
  /** The words that head verb groups, in order. */
  verbs?: string[];
  /** The groups of coordinated mentions, in text order ("France+Germany", "Italy"). */
  groups?: string[];
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

  // --- clause words (tagged)
  { rule: '"that" as a determiner opens no clause', tags: '[Syria/PROPN] rejected/VERB/reject that/DET ruling/NOUN and/CCONJ attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { extent: 'Syria rejected that ruling and attacked Lebanon .', coordinatedWith: 'rejected' }, rejected: { object: 'Lebanon' } } },
  { rule: '"that" as a conjunction opens a clause', tags: '[Syria/PROPN] said/VERB/say that/SCONJ [Israel/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { said: { extent: 'Syria said', object: '', nextActor: 'Israel' }, attacked: { extent: 'Israel attacked Lebanon .', reportedBy: 'said' } } },
  // --- coordination of actors (tagged)
  { rule: 'two mentions over the same words are one actor', tags: '[Hezbollah/PROPN]twice attacked/VERB/attack [Israel/PROPN] ./PUNCT', groups: ["Hezbollah+Hezbollah'", 'Israel'], at: { attacked: { subject: "Hezbollah+Hezbollah'" } } },
  { rule: 'the same words stay one actor before an apposition', tags: '[Hezbollah/PROPN]twice ,/PUNCT [Lebanon/PROPN] ,/PUNCT attacked/VERB/attack [Israel/PROPN] ./PUNCT', groups: ["Hezbollah+Hezbollah'", 'Lebanon', 'Israel'] },
  { rule: 'mentions with nothing between are not joined', tags: '[Syria/PROPN] [Lebanon/PROPN] attacked/VERB/attack [Israel/PROPN] ./PUNCT', groups: ['Syria', 'Lebanon', 'Israel'] },
  { rule: 'a conjunction joins two mentions', tags: '[Syria/PROPN] and/CCONJ [Lebanon/PROPN] attacked/VERB/attack [Israel/PROPN] ./PUNCT', groups: ['Syria+Lebanon', 'Israel'], at: { attacked: { subject: 'Syria+Lebanon', object: 'Israel' } } },
  { rule: 'a comma and a conjunction join', tags: '[Syria/PROPN] ,/PUNCT and/CCONJ [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria+Lebanon'] },
  { rule: 'no conjunction and no comma: no join', tags: '[Syria/PROPN] the/DET [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'a verb between does not join', tags: '[Syria/PROPN] and/CCONJ attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'an auxiliary between does not join', tags: '[Syria/PROPN] and/CCONJ is/AUX/be [Lebanon/PROPN] ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'a preposition between does not join', tags: '[Syria/PROPN] and/CCONJ with/ADP [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'a subordinating word between does not join', tags: '[Syria/PROPN] and/CCONJ because/SCONJ [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'a punctuation mark after the conjunction does not join', tags: '[Syria/PROPN] and/CCONJ ,/PUNCT [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'a second conjunction does not join', tags: '[Syria/PROPN] and/CCONJ or/CCONJ [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'three words after the conjunction still join', tags: '[Syria/PROPN] and/CCONJ the/DET old/ADJ northern/ADJ [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria+Lebanon'] },
  { rule: 'four words after the conjunction do not join', tags: '[Syria/PROPN] and/CCONJ the/DET old/ADJ and/DET northern/ADJ [Lebanon/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria', 'Lebanon'] },
  { rule: 'a list of four closed by "and" is one group', tags: '[Syria/PROPN] ,/PUNCT [Jordan/PROPN] ,/PUNCT [Iraq/PROPN] and/CCONJ [Iran/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria+Jordan+Iraq+Iran'] },
  { rule: 'a comma after a pair joined by "and" is an apposition', tags: '[Syria/PROPN] and/CCONJ [Jordan/PROPN] ,/PUNCT [Iraq/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria+Jordan', 'Iraq'] },
  { rule: 'two comma links with no conjunction are a list', tags: '[Syria/PROPN] ,/PUNCT [Jordan/PROPN] ,/PUNCT [Iraq/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria+Jordan+Iraq'] },
  { rule: 'one comma link with no conjunction is an apposition', tags: '[Syria/PROPN] ,/PUNCT [Jordan/PROPN] met/VERB/meet ./PUNCT', groups: ['Syria', 'Jordan'] },
  { rule: 'a list after an unjoined mention starts its own group', tags: '[Syria/PROPN] met/VERB/meet [Jordan/PROPN] ,/PUNCT [Iraq/PROPN] and/CCONJ [Iran/PROPN] ./PUNCT', groups: ['Syria', 'Jordan+Iraq+Iran'] },
  // --- reporting verbs (tagged)
  { rule: 'the nearest speech verb before reports the clause', text: 'Israel said Iran said Syria attacked Lebanon.', at: { attacked: { reportedBy: 'said#2' }, 'said#2': { reportedBy: 'said' }, said: { reportedBy: null } } },
  { rule: 'a speech verb more than eight words after the comma does not report', tags: '[Syria/PROPN] attacked/VERB/attack [Lebanon/PROPN] ,/PUNCT a/DET long/ADJ statement/NOUN by/ADP the/DET government/NOUN of/ADP [Israel/PROPN] today/ADV said/VERB/say ./PUNCT', at: { attacked: { reportedBy: null } } },
  { rule: 'a speech verb eight words after the comma reports', tags: '[Syria/PROPN] attacked/VERB/attack [Lebanon/PROPN] ,/PUNCT the/DET government/NOUN of/ADP [Israel/PROPN] in/ADP a/DET statement/NOUN said/VERB/say ./PUNCT', at: { attacked: { reportedBy: 'said' } } },
  { rule: 'a speech verb after the clause with no comma between does not report', tags: 'Officially/ADV ,/PUNCT [Syria/PROPN] attacked/VERB/attack [Lebanon/PROPN] [Israel/PROPN] said/VERB/say ./PUNCT', at: { attacked: { reportedBy: null } } },
  { rule: 'a verb that is no speech verb does not report', tags: '[Syria/PROPN] attacked/VERB/attack [Lebanon/PROPN] ,/PUNCT [Israel/PROPN] complained/VERB/complain ./PUNCT', at: { attacked: { reportedBy: null } } },
  // --- frames (tagged)
  { rule: 'an "if" clause opening the sentence is a condition', tags: 'If/SCONJ [Syria/PROPN] attacks/VERB/attack [Lebanon/PROPN] ,/PUNCT [Iran/PROPN] will/AUX withdraw/VERB/withdraw ./PUNCT', at: { attacks: { frame: 'condition', framedBy: null, subject: 'Syria' }, withdraw: { frame: null, subject: 'Iran' } } },
  { rule: 'a noun of demanding before "that"', tags: '[Syria/PROPN] repeated/VERB/repeat its/PRON demand/NOUN that/SCONJ [Israel/PROPN] withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'demand' } } },
  { rule: 'a noun of claiming before "that"', tags: '[Syria/PROPN] repeated/VERB/repeat its/PRON claims/NOUN that/SCONJ [Israel/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { frame: 'claim', framedBy: 'claims' } } },
  { rule: 'a claim verb too far back before "that" frames nothing', tags: '[Syria/PROPN] claimed/VERB/claim on/ADP Monday/ADV and/CCONJ again/ADV once/ADV more/ADV that/SCONJ [Israel/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { frame: null, framedBy: null } } },
  { rule: 'a claim verb six words back before "that"', tags: '[Syria/PROPN] claimed/VERB/claim on/ADP Monday/ADV and/CCONJ again/ADV that/SCONJ [Israel/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { frame: 'claim', framedBy: 'claimed' } } },
  { rule: 'a demand verb six words back before "that"', tags: '[Syria/PROPN] demanded/VERB/demand on/ADP Monday/ADV and/CCONJ again/ADV that/SCONJ [Israel/PROPN] withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'demanded' } } },
  { rule: 'the nearest verb before "that" decides: a speech verb frames nothing', tags: '[Syria/PROPN] claimed/VERB/claim [Iraq/PROPN] said/VERB/say today/ADV that/SCONJ [Israel/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { frame: null, reportedBy: 'said' } } },
  { rule: 'an infinitive after a wh-word is weighed, even after a verb of asking', tags: '[Syria/PROPN] asked/VERB/ask when/SCONJ to/PART attack/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attack: { frame: 'question', framedBy: null } } },
  { rule: 'a gerund after a noun of proposing is not asked for', tags: '[Syria/PROPN] made/VERB/make a/DET proposal/NOUN attacking/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacking: { frame: null } } },
  { rule: 'a gerund after a verb that neither proposes nor weighs', tags: '[Syria/PROPN] began/VERB/begin attacking/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacking: { frame: null } } },
  { rule: 'an infinitive asked for stops at a semicolon', tags: '[France/PROPN] urged/VERB/urge [Syria/PROPN] ;/PUNCT [Iran/PROPN] to/PART withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { frame: null } } },
  { rule: 'an infinitive asked for stops at a colon', tags: '[France/PROPN] urged/VERB/urge [Syria/PROPN] :/PUNCT [Iran/PROPN] to/PART withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { frame: null } } },
  { rule: 'an infinitive asked for is looked for up to ten words back', tags: '[France/PROPN] urged/VERB/urge [Syria/PROPN] on/ADP Monday/PROPN and/CCONJ again/ADV on/ADP Tuesday/PROPN in/ADP a/DET letter/NOUN again/ADV to/PART withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { frame: null } } },
  { rule: 'an infinitive asked for nine words back', tags: '[France/PROPN] urged/VERB/urge [Syria/PROPN] on/ADP Monday/PROPN and/CCONJ again/ADV in/ADP a/DET letter/NOUN again/ADV to/PART withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'urged' } } },
  { rule: 'a verb inside an actor name heads no group and does not stop the search for the asking verb', tags: '[France/PROPN] urged/VERB/urge [the/DET ruling/VERB party/NOUN] to/PART withdraw/VERB/withdraw ./PUNCT', verbs: ['urged', 'withdraw'], at: { withdraw: { frame: 'demand', framedBy: 'urged', subject: 'the ruling party' } } },
  { rule: 'a verb between stops the search for the asking verb', tags: '[France/PROPN] urged/VERB/urge [Syria/PROPN] and/CCONJ hoped/VERB/hope again/ADV to/PART withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { frame: null } } },
  { rule: '"calls for X to"', tags: 'The/DET calls/NOUN for/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'calls', subject: 'Syria' } } },
  { rule: '"call for X to"', tags: 'A/DET call/NOUN for/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'call', subject: 'Syria' } } },
  { rule: '"demands for X to"', tags: 'The/DET demands/NOUN for/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'demands' } } },
  { rule: '"demand for X to"', tags: 'The/DET demand/NOUN for/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'demand' } } },
  { rule: '"appeals for X to"', tags: 'The/DET appeals/NOUN for/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'appeals' } } },
  { rule: '"pleas for X to"', tags: 'The/DET pleas/NOUN for/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'pleas' } } },
  { rule: '"calls of X to": an asking noun frames the infinitive', tags: 'The/DET calls/NOUN of/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: 'demand', framedBy: 'calls' } } },
  { rule: '"hopes for X to" asks for nothing', tags: 'The/DET hopes/NOUN for/ADP [Syria/PROPN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { frame: null } } },
  { rule: 'a relative clause on a common noun', tags: '[Syria/PROPN] met/VERB/meet the/DET man/NOUN who/PRON attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { frame: 'relative', subject: '' }, met: { object: '', nextActor: 'Lebanon' } } },
  { rule: 'a relative clause with "which"', text: 'Iran signed the treaty which condemns Israel.', at: { condemns: { frame: 'relative', subject: '' } } },
  { rule: 'a relative clause on an actor is no relative frame', text: 'Iran met Syrian officials who condemned Israel.', at: { condemned: { frame: null, subject: 'Syrian officials', object: 'Israel' } } },
  { rule: 'a verb coordinated with a relative clause is not framed as one', text: 'Iran signed a resolution that condemns Israel and attacked Syria.', at: { attacked: { coordinatedWith: 'condemns' } } },
  { rule: 'a verb coordinated with a claim is claimed', text: 'Syria claimed that Israel attacked Lebanon and killed villagers.', at: { killed: { frame: 'claim', framedBy: 'claimed', coordinatedWith: 'attacked', subject: 'Israel' } } },
  // --- coordinated verbs
  { rule: '"but" over an adverb coordinates verbs', text: 'Syria attacked Lebanon but later withdrew.', at: { withdrew: { coordinatedWith: 'attacked', subject: 'Syria', start: 'later' } } },
  { rule: '"and" over a time phrase coordinates verbs', text: 'Syria attacked Lebanon and on Monday withdrew.', at: { withdrew: { coordinatedWith: 'attacked', subject: 'Syria' } } },
  { rule: '"or" coordinates verbs', text: 'Syria attacked Lebanon or withdrew.', at: { withdrew: { coordinatedWith: 'attacked' } } },
  { rule: 'a verb with its own subject is not coordinated', text: 'Syria attacked Lebanon and Iran condemned it.', at: { condemned: { coordinatedWith: null } } },

  // --- "by" agents, objects, next actors, conditions
  { rule: 'a "by" agent a few words after the verb', text: 'Lebanon was attacked on Monday by Syria.', at: { attacked: { byAgent: 'Syria', subject: 'Lebanon', object: '' } } },
  { rule: 'a "by" more than eight words after the verb names no agent', text: 'Lebanon was attacked in the south of the country near the border by Syria.', at: { attacked: { passive: true, byAgent: '' } } },
  { rule: 'a "by" after a semicolon names no agent', text: 'Lebanon was attacked; Syria denied it by noon.', at: { attacked: { byAgent: '' }, denied: { byAgent: '' } } },
  { rule: 'a "by" agent is the mention up to four words after "by"', tags: '[Lebanon/PROPN] was/AUX/be attacked/VERB/attack by/ADP the/DET very/ADV large/ADJ [Syria/PROPN] ./PUNCT', at: { attacked: { byAgent: 'Syria' } } },
  { rule: 'a mention five words after "by" is no agent', tags: '[Lebanon/PROPN] was/AUX/be attacked/VERB/attack by/ADP the/DET very/ADV large/ADJ and/CCONJ [Syria/PROPN] ./PUNCT', at: { attacked: { byAgent: '' } } },
  { rule: 'an active verb has no "by" agent: "by X" is in its object', text: 'Syria condemned the attack by Israel on Lebanon.', at: { condemned: { byAgent: '', object: 'Israel' } } },
  { rule: 'a possessive modifier is no object', text: "Syria condemned Israel's attack on Lebanon.", at: { condemned: { object: 'Lebanon' } } },
  { rule: 'a place is no object', tags: '[Syria/PROPN] visited/VERB/visit [Beirut/PROPN]place with/ADP [Iran/PROPN] ./PUNCT', at: { visited: { object: 'Iran', nextActor: 'Iran' } } },
  { rule: 'a nominative pronoun is no object', text: 'Syria said he attacked Lebanon.', at: { said: { object: 'Lebanon' } } },
  { rule: 'the next actor reaches across clause words, the object does not', text: 'Syria attacked after Israel complained.', at: { attacked: { object: '', nextActor: 'Israel', extent: 'Syria attacked' } } },
  { rule: 'the next actor stops at a comma', tags: '[Syria/PROPN] attacked/VERB/attack ,/PUNCT and/CCONJ [Israel/PROPN] complained/VERB/complain ./PUNCT', at: { attacked: { object: '', nextActor: '' } } },
  { rule: 'an "unless" condition runs over commas to the end of the sentence', text: 'Iran will attack Syria unless Syria withdraws, Israel said.', at: { attack: { condition: 'unless: unless Syria withdraws , Israel said', reportedBy: 'said' } } },
  { rule: 'a condition is not looked for past a semicolon', text: 'Iran attacked Syria; Israel will withdraw unless Iran stops.', at: { attacked: { condition: null }, withdraw: { condition: 'unless: unless Iran stops' } } },
  { rule: 'a negation before "if" makes no condition of it', tags: '[Syria/PROPN] did/AUX/do not/PART attack/VERB/attack [Iran/PROPN] if/SCONJ [Iran/PROPN] withdraws/VERB/withdraw ./PUNCT', at: { attack: { negated: true, condition: null } } },
  // --- subjects: prepositional phrases and noun phrases (tagged)
  { rule: 'an actor three words into a prepositional phrase is its object, not the subject', tags: '[Officials/NOUN] in/ADP the/DET two/NUM northern/ADJ [Syria/PROPN] protested/VERB/protest ./PUNCT', at: { protested: { subject: 'Officials' } } },
  { rule: 'an actor in a prepositional phrase right before the verb: the phrase\'s head is the subject', tags: '[Officials/NOUN] in/ADP [Syria/PROPN] protested/VERB/protest ./PUNCT', at: { protested: { subject: 'Officials' } } },
  { rule: 'the people of a quantity over three words', tags: 'Thousands/NOUN of/ADP the/DET angry/ADJ young/ADJ [Iraqi/PROPN villagers/NOUN] protested/VERB/protest ./PUNCT', at: { protested: { subject: 'Iraqi villagers' } } },
  { rule: 'nouns joined inside a phrase: its modifier is the actor', tags: '[Syria/PROPN]mod \'s/PART death/NOUN and/CCONJ injury/NOUN toll/NOUN rose/VERB/rise ./PUNCT', at: { rose: { subject: 'Syria' } } },
  { rule: '"more than" inside a phrase coordinated with an actor', tags: '[Syria/PROPN] and/CCONJ more/ADJ than/ADP twenty/NUM countries/NOUN condemned/VERB/condemn [Israel/PROPN] ./PUNCT', at: { condemned: { subject: 'Syria', object: 'Israel' } } },
  { rule: 'a phrase coordinated with an actor: the actor', text: 'France and a dozen other countries condemned Syria.', at: { condemned: { subject: 'France' } } },
  { rule: 'a phrase coordinated with a prepositional object has no actor', tags: 'talks/NOUN with/ADP [Syria/PROPN] and/CCONJ other/ADJ countries/NOUN collapsed/VERB/collapse ./PUNCT', at: { collapsed: { subject: '' } } },
  { rule: 'a participle and a preposition inside a phrase', tags: '[Iraqi/PROPN]mod aircraft/NOUN armed/VERB/arm with/ADP missiles/NOUN attacked/VERB/attack [Syria/PROPN] ./PUNCT', at: { attacked: { subject: 'Iraqi', object: 'Syria' } } },
  { rule: 'the head of a phrase is before its preposition: no actor there, no subject', tags: 'Authorities/NOUN in/ADP the/DET [Syrian/PROPN capital/NOUN]pp arrested/VERB/arrest protesters/NOUN ./PUNCT', at: { arrested: { subject: '' } } },
  { rule: 'a quantity head before a prepositional phrase: its people', tags: 'Hundreds/NOUN of/ADP [Iraqi/PROPN villagers/NOUN] in/ADP [Syria/PROPN]pp protested/VERB/protest ./PUNCT', at: { protested: { subject: 'Iraqi villagers' } } },
  { rule: 'a quantity head: its people one word further', tags: 'Hundreds/NOUN of/ADP angry/ADJ [Iraqi/PROPN villagers/NOUN] in/ADP [Syria/PROPN]pp protested/VERB/protest ./PUNCT', at: { protested: { subject: 'Iraqi villagers' } } },
  { rule: 'an actor over the head of a phrase', tags: 'the/DET [army/NOUN] of/ADP [Syria/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'army', object: 'Lebanon' } } },
  { rule: 'a pronoun modifying the head is no actor', tags: '[its/PRON]pro attack/NOUN in/ADP [Lebanon/PROPN]pp angered/VERB/anger [Israel/PROPN] ./PUNCT', at: { angered: { subject: '' } } },
  { rule: 'a place modifying the head is no actor', tags: 'a/DET [Beirut/PROPN]place bomb/NOUN attack/NOUN near/ADP [Syria/PROPN]pp angered/VERB/anger [Israel/PROPN] ./PUNCT', at: { angered: { subject: '' } } },
  { rule: 'a passive\'s subject phrase: the people it names', text: 'A camp for Iraqi refugees was attacked.', at: { attacked: { passive: true, subject: 'Iraqi refugees' } } },
  { rule: 'an active verb\'s subject phrase: not the people after its head', text: 'A camp for Iraqi refugees attacked Syria.', at: { attacked: { subject: '', object: 'Syria' } } },
  // --- subjects of infinitives
  { rule: 'the object of an object-control verb is not a prepositional object', tags: '[France/PROPN] urged/VERB/urge in/ADP [Geneva/PROPN]pp [Syria/PROPN] to/PART withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { subject: 'Syria' } } },
  { rule: 'the object of an object-control verb is not a possessive modifier', tags: '[France/PROPN] urged/VERB/urge [Syria/PROPN]mod \'s/PART [leaders/NOUN] to/PART withdraw/VERB/withdraw ./PUNCT', at: { withdraw: { subject: 'leaders' } } },
  { rule: 'an object-control verb with no object before the infinitive: its subject', tags: '[France/PROPN] pressed/VERB/press to/PART withdraw/VERB/withdraw [its/PRON troops/NOUN]pro ./PUNCT', at: { withdraw: { carrier: 'pressed', subject: 'France', object: 'its troops' } } },
  { rule: 'what is called for: the actor after the noun, not a modifier', tags: 'The/DET calls/NOUN for/ADP [Syria/PROPN]mod \'s/PART [leaders/NOUN] to/PART withdraw/VERB/withdraw grew/VERB/grow ./PUNCT', at: { withdraw: { subject: 'leaders' } } },
  { rule: 'what a speaker asks for: the one told', text: 'Syria told him to withdraw.', at: { withdraw: { frame: 'demand', framedBy: 'told', reportedBy: 'told', subject: 'him' } } },

  // --- verb groups: which words head them (tagged where the tag is the point)
  { rule: 'an auxiliary before a verb heads no group', text: 'Iran has acted.', verbs: ['acted'], at: { acted: { start: 'has' } } },
  { rule: 'an auxiliary before an auxiliary heads no group', text: 'Iran has been attacked.', verbs: ['attacked'], at: { attacked: { start: 'has', passive: true } } },
  { rule: 'an auxiliary before an adverb heads no group', text: 'Iran has repeatedly acted.', verbs: ['acted'], at: { acted: { start: 'has' } } },
  { rule: 'an auxiliary at the end of the sentence heads no group', tags: '[Iran/PROPN] has/AUX/have', verbs: [] },
  { rule: '"had" as a main verb heads a group', tags: '[Iran/PROPN] had/AUX/have talks/NOUN with/ADP [Syria/PROPN] ./PUNCT', verbs: ['had'], at: { had: { subject: 'Iran', object: 'Syria' } } },
  { rule: 'a noun heads no group', tags: '[Iran/PROPN] talks/NOUN ./PUNCT', verbs: [] },
  { rule: 'an infinitive after an actor noun heads a group', text: 'Iran urged Syrian troops to withdraw.', verbs: ['urged', 'withdraw'], at: { withdraw: { subject: 'Syrian troops', frame: 'demand' } } },
  { rule: 'an "-s" base form after "to" heads a group ("to focus")', text: 'Syria decided to focus on Lebanon.', verbs: ['decided', 'focus'], at: { focus: { modality: 'intended' } } },
  { rule: 'a same-form participle with "by" after a noun heads a passive group', text: 'Iraq condemned the raid on the village hit by Syria.', verbs: ['condemned', 'hit'], at: { hit: { passive: true, byAgent: 'Syria' } } },
  { rule: 'a participle with "by" after an actor heads a group', text: 'Lebanese villagers attacked by Syrian troops fled.', verbs: ['attacked', 'fled'], at: { attacked: { passive: true, byAgent: 'Syrian troops', subject: 'Lebanese villagers' } } },
  { rule: 'a verb after a preposition is a noun', tags: '[Syria/PROPN] called/VERB/call for/ADP help/VERB/help ./PUNCT', verbs: ['called'] },
  { rule: 'a verb after "to" tagged as a preposition heads a group', tags: '[Syria/PROPN] agreed/VERB/agree to/ADP withdraw/VERB/withdraw ./PUNCT', verbs: ['agreed', 'withdraw'], at: { withdraw: { start: 'to', governedBy: 'agreed' } } },
  { rule: 'a verb after a determiner is a noun', tags: 'the/DET attack/VERB/attack angered/VERB/anger [Lebanon/PROPN] ./PUNCT', verbs: ['angered'] },
  { rule: 'a verb after a possessive is a noun', tags: '[Syria/PROPN]mod \'s/PART attack/VERB/attack angered/VERB/anger [Lebanon/PROPN] ./PUNCT', verbs: ['angered'] },
  { rule: 'a verb after a typographic possessive is a noun', tags: '[Syria/PROPN]mod ’s/PART attack/VERB/attack angered/VERB/anger [Lebanon/PROPN] ./PUNCT', verbs: ['angered'] },
  { rule: 'a base form after a singular noun in an actor heads a group', tags: '[the/DET government/NOUN] aid/VERB/aid [Syria/PROPN] ./PUNCT', verbs: ['aid'] },
  { rule: 'a base form after a singular noun before a verb heads a group', tags: 'the/DET government/NOUN aid/VERB/aid helped/VERB/help [Syria/PROPN] ./PUNCT', verbs: ['aid', 'helped'] },
  { rule: 'a base form after a singular noun opening the sentence is a noun', tags: 'government/NOUN aid/VERB/aid for/ADP [Syria/PROPN] ./PUNCT', verbs: [] },
  { rule: 'a base form after a determiner and a singular noun is a noun', tags: '[Iran/PROPN] wants/VERB/want the/DET government/NOUN aid/VERB/aid ./PUNCT', verbs: ['wants'] },
  { rule: 'a base form after an adjective and a singular noun is a noun', tags: '[Iran/PROPN] wants/VERB/want significant/ADJ government/NOUN aid/VERB/aid ./PUNCT', verbs: ['wants'] },
  { rule: 'a base form after two singular nouns is a noun', tags: '[Iran/PROPN] wants/VERB/want state/NOUN government/NOUN aid/VERB/aid ./PUNCT', verbs: ['wants'] },
  { rule: 'a base form after a preposition and a singular noun is a noun', tags: '[Iran/PROPN] asked/VERB/ask for/ADP government/NOUN aid/VERB/aid ./PUNCT', verbs: ['asked'] },
  { rule: 'a base form after a plural noun heads a group', tags: 'the/DET soldiers/NOUN attack/VERB/attack [Syria/PROPN] ./PUNCT', verbs: ['attack'] },
  { rule: 'a base form after a form of "be" heads a group', tags: '[Iran/PROPN] was/AUX/be attack/VERB/attack ./PUNCT', verbs: ['attack'] },
  { rule: 'a base form after a proper noun heads a group', tags: 'Damascus/PROPN aid/VERB/aid [Syria/PROPN] ./PUNCT', verbs: ['aid'] },
  // --- verb groups: the words before the verb
  { rule: 'a reported "\'d" is the future', tags: '[Syria/PROPN] said/VERB/say [it/PRON]pro \'d/AUX attack/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attack: { modality: 'future' } } },
  { rule: 'a speech verb eleven words before "would" reports it', tags: '[Syria/PROPN] said/VERB/say on/ADP Monday/PROPN in/ADP a/DET long/ADJ and/CCONJ angry/ADJ statement/NOUN that/SCONJ [it/PRON]pro would/AUX attack/VERB/attack ./PUNCT', at: { attack: { modality: 'future' } } },
  { rule: 'a speech verb twelve words before "would" does not', tags: '[Syria/PROPN] said/VERB/say on/ADP Monday/PROPN in/ADP a/DET very/ADV long/ADJ and/CCONJ angry/ADJ statement/NOUN that/SCONJ [it/PRON]pro would/AUX attack/VERB/attack ./PUNCT', at: { attack: { modality: 'hypothetical' } } },
  { rule: 'a speech noun before "would" does not report it', tags: '[Syria/PROPN]mod \'s/PART report/NOUN [it/PRON]pro would/AUX attack/VERB/attack ./PUNCT', at: { attack: { modality: 'hypothetical' } } },
  { rule: 'a form of "be" known by its lemma makes a passive', tags: '[I/PRON]pro \'m/AUX/be attacked/VERB/attack by/ADP [Syria/PROPN] ./PUNCT', at: { attacked: { passive: true, start: "'m", byAgent: 'Syria' } } },
  { rule: '"get" before "to" is no passive: it carries the verb', text: 'Syria got to visit Israel.', at: { visit: { carrier: 'got', passive: false, start: 'to' } } },
  { rule: 'a gerund after "was" is no passive', text: 'Syria was attacking Lebanon.', at: { attacking: { passive: false, start: 'was', object: 'Lebanon' } } },
  { rule: 'a participle known by its ending ("-en") after "be" is passive', tags: '[Lebanon/PROPN] was/AUX/be shaken/VERB by/ADP [Syria/PROPN] ./PUNCT', at: { shaken: { passive: true } } },
  { rule: 'a participle known by its ending ("-wn") after "be" is passive', tags: '[Lebanon/PROPN] was/AUX/be overthrown/VERB ./PUNCT', at: { overthrown: { passive: true } } },
  { rule: 'a participle known by its ending ("-ed") after "be" is passive', tags: '[Lebanon/PROPN] was/AUX/be bombarded/VERB ./PUNCT', at: { bombarded: { passive: true } } },
  { rule: 'a same-form participle after "be" is passive', tags: '[Lebanon/PROPN] was/AUX/be hit/VERB ./PUNCT', at: { hit: { passive: true } } },
  { rule: 'a base form after "be" is no passive', tags: '[Lebanon/PROPN] will/AUX be/AUX/be go/VERB ./PUNCT', at: { go: { passive: false } } },
  { rule: 'an inflected "-s" form after "be" is no passive', tags: '[Lebanon/PROPN] is/AUX/be attacks/VERB/attack ./PUNCT', at: { attacks: { passive: false } } },
  { rule: 'an "-ed" participle after a noun with an earlier verb, before "to", is active', text: 'Iran said the government pledged to withdraw.', at: { pledged: { passive: false, reportedBy: 'said' } } },
  { rule: 'a reduced relative with "by" over an adverb', text: 'Lebanese villagers attacked repeatedly by Syrian troops fled.', at: { attacked: { passive: true, byAgent: 'Syrian troops' } } },
  { rule: 'a reduced relative with "by" over a particle', tags: '[Lebanese/PROPN villagers/NOUN] beaten/VERB/beat up/PART by/ADP [Syrian/PROPN troops/NOUN] fled/VERB/flee ./PUNCT', at: { beaten: { passive: true, byAgent: 'Syrian troops' } } },
  { rule: 'a reduced relative with "by" over "to death"', tags: '[Lebanese/PROPN villagers/NOUN] beaten/VERB/beat to/ADP death/NOUN by/ADP [Syrian/PROPN troops/NOUN] fled/VERB/flee ./PUNCT', at: { beaten: { passive: true } } },
  { rule: 'a "by" four words after the participle makes no reduced relative', tags: '[Lebanese/PROPN villagers/NOUN] beaten/VERB/beat very/ADV badly/ADV again/ADV by/ADP [Syrian/PROPN troops/NOUN] fled/VERB/flee ./PUNCT', at: { beaten: { passive: false } } },
  { rule: 'a noun between the participle and "by" makes no reduced relative', tags: '[Syrian/PROPN troops/NOUN] attacked/VERB/attack houses/NOUN by/ADP night/NOUN ./PUNCT', at: { attacked: { passive: false } } },
  { rule: 'a reduced relative after a proper noun', tags: 'Beirut/PROPN hit/VERB/hit by/ADP [Syria/PROPN] ./PUNCT', at: { hit: { passive: true, byAgent: 'Syria' } } },
  { rule: 'a reduced relative after a mention', tags: '[the/DET Lebanese/ADJ]none hit/VERB/hit by/ADP [Syria/PROPN] ./PUNCT', at: { hit: { passive: true } } },
  { rule: 'a participle with "by" after an adjective is no reduced relative', tags: 'many/ADJ hit/VERB/hit by/ADP [Syria/PROPN] ./PUNCT', at: { hit: { passive: false } } },

  // --- subjects: the speaker of a pronoun (tagged)
  { rule: 'a personal pronoun of a reported clause is a person speaker', tags: '[Assad/PROPN]per said/VERB/say [he/PRON]pro attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'Assad' } } },
  { rule: '"it" is not a person speaker', tags: '[Assad/PROPN]per said/VERB/say [it/PRON]pro attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'it' } } },
  { rule: 'a speaker with no actor code does not replace the pronoun', tags: '[the/DET minister/NOUN]none said/VERB/say [it/PRON]pro attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'it' } } },
  { rule: 'a pronoun coordinated with an actor is kept', tags: '[Syria/PROPN] said/VERB/say [they/PRON]pro and/CCONJ [Iraq/PROPN] attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'they+Iraq' } } },
  { rule: 'a speaker after the pronoun does not replace it', tags: '[it/PRON]pro attacked/VERB/attack [Lebanon/PROPN] ,/PUNCT [Syria/PROPN] said/VERB/say ./PUNCT', at: { attacked: { subject: 'it', reportedBy: 'said' } } },
  // --- subjects: commas, modifiers, participles (tagged)
  { rule: 'a participle phrase between commas is passed over, with the actor in it', tags: '[Protesters/NOUN] ,/PUNCT shouting/VERB/shout angrily/ADV [Iran/PROPN] ,/PUNCT attacked/VERB/attack [police/NOUN] ./PUNCT', at: { attacked: { subject: 'Protesters', object: 'police' } } },
  { rule: 'an apposition with an actor in it is passed over', tags: '[Syria/PROPN] ,/PUNCT a/DET close/ADJ [Iran/PROPN] ally/NOUN ,/PUNCT attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'Syria' } } },
  { rule: 'a name no dictionary knows takes the actor of its apposition', tags: 'Karim/PROPN ,/PUNCT [Syria/PROPN]mod \'s/PART leading/VERB/lead [activist/NOUN] ,/PUNCT attacked/VERB/attack [Israel/PROPN] ./PUNCT', at: { attacked: { subject: 'activist', object: 'Israel' } } },
  { rule: 'a known name keeps its own actor over its apposition', tags: '[Karim/PROPN] ,/PUNCT [Syria/PROPN]mod \'s/PART leading/VERB/lead [activist/NOUN] ,/PUNCT attacked/VERB/attack [Israel/PROPN] ./PUNCT', at: { attacked: { subject: 'Karim' } } },
  { rule: 'a lower-case word before an apposition is no name', tags: 'karim/NOUN ,/PUNCT [Syria/PROPN]mod \'s/PART leading/VERB/lead [activist/NOUN] ,/PUNCT attacked/VERB/attack [Israel/PROPN] ./PUNCT', at: { attacked: { subject: '' } } },
  { rule: 'a possessive modifier right before the verb is no subject', tags: '[Syria/PROPN]mod attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: '' } } },
  { rule: 'a participle after a comma shares a passive\'s agent', text: 'Lebanon was attacked by Syria, killing villagers.', at: { killing: { subject: 'Syria', object: 'villagers' } } },
  { rule: 'a participle after a comma after a verb with no rules has no subject', tags: '[Syria/PROPN] crashed/VERB/crash ,/PUNCT killing/VERB/kill [villagers/NOUN] ./PUNCT', at: { killing: { subject: '' } } },
  { rule: 'a copula\'s subject that is a modifier is no subject', tags: '[The/DET bomber/NOUN]mod was/AUX/be young/ADJ and/CCONJ killed/VERB/kill [villagers/NOUN] ./PUNCT', at: { killed: { subject: '' } } },
  { rule: 'a relative clause with "which" on an actor', tags: 'the/DET [army/NOUN] which/PRON attacked/VERB/attack [Lebanon/PROPN] fled/VERB/flee ./PUNCT', at: { attacked: { subject: 'army', frame: null } } },
  { rule: 'a relative clause with "that" on an actor', tags: 'the/DET [army/NOUN] that/PRON attacked/VERB/attack [Lebanon/PROPN] fled/VERB/flee ./PUNCT', at: { attacked: { subject: 'army', frame: null } } },
  // --- subjects: the nearest actor before the verb (tagged)
  { rule: 'the nearest actor before the verb is not the object of a verb', tags: '[Iran/PROPN] met/VERB/meet [Syria/PROPN] Damascus/PROPN attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'Iran' } } },
  { rule: 'the nearest actor before the verb is not across "that"', tags: '[Iran/PROPN] said/VERB/say that/SCONJ Damascus/PROPN attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: '', reportedBy: 'said' } } },
  { rule: 'the nearest actor before the verb is not across a semicolon', tags: '[Iran/PROPN] left/VERB/leave ;/PUNCT Damascus/PROPN attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: '' } } },
  { rule: 'the nearest actor before the verb over a word that is no actor', tags: '[Iran/PROPN] troops/PROPN attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'Iran' } } },
  { rule: 'the nearest actor before the verb is not a prepositional object', tags: '[Iran/PROPN] in/ADP [Damascus/PROPN] Syria/PROPN attacked/VERB/attack [Lebanon/PROPN] ./PUNCT', at: { attacked: { subject: 'Iran' } } },

  // --- roles that ask for each other
  { rule: 'a subject that asks for its speaker\'s subject, which asks for it back, ends the cycle', tags: '[it/PRON]pro attacked/VERB/attack [Lebanon/PROPN] ,/PUNCT saying/VERB/say [Syria/PROPN] lied/VERB/lie ./PUNCT', at: { attacked: { subject: 'it', reportedBy: 'saying' }, lied: { subject: 'Syria', reportedBy: 'saying' } } },
  { rule: 'a verb coordinated with one in a condition is in the condition', tags: 'If/SCONJ [Syria/PROPN] attacks/VERB/attack [Lebanon/PROPN] and/CCONJ kills/VERB/kill [villagers/NOUN] ,/PUNCT [Iran/PROPN] will/AUX withdraw/VERB/withdraw ./PUNCT', at: { kills: { frame: 'condition', coordinatedWith: 'attacks', subject: 'Syria' }, withdraw: { frame: null } } },
];

/** A tagged sentence parsed with a lexicon of the given lemmas. */
function taggedParse(tags: string, rules: readonly string[]) {
  const { st, mentions } = tagged(tags);
  const g = parseSentence(st, mentions, { hasRules: (t) => rules.includes(t.lemma) });
  const at = (w: string, from = 0): number => {
    const k = st.tokens.findIndex((t, i) => i >= from && t.text === w);
    if (k < 0) throw new Error(`no "${w}" in ${tags}`);
    return k;
  };
  const clause = (w: string, from = 0): Clause => {
    const c = g.clauseAt(at(w, from));
    if (!c) throw new Error(`"${w}" heads no clause in ${tags}`);
    return c;
  };
  return { g, tokens: st.tokens, mentions, at, clause };
}

describe('the sentence grammar, clause by clause', () => {
  let parser: Parser;
  before(() => {
    parser = createParser();
  });

  for (const row of TABLE) {
    it(row.rule, () => {
      const p = row.tags !== undefined ? taggedParse(row.tags, row.rules ?? RULES) : parser.parse(row.text as string);
      const text = row.text ?? row.tags;
      // a word that occurs before is named "word#2", "word#3"
      const word = (i: number | null): string | null => {
        if (i === null) return null;
        const w = p.tokens[i]?.text ?? `#${i}`;
        const nth = p.tokens.slice(0, i).filter((t) => t.text === w).length + 1;
        return nth > 1 ? `${w}#${nth}` : w;
      };
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
      if (row.groups) {
        const seen = new Set<Mention>();
        const groups: string[] = [];
        for (const m of p.mentions) {
          if (seen.has(m)) continue;
          const members = p.g.groupOf(m);
          for (const x of members) seen.add(x);
          groups.push(names(members));
        }
        assert.deepEqual(groups, row.groups, text);
      }
      if (row.verbs) assert.deepEqual(p.g.clauses.map((c) => word(c.group.verb)), row.verbs, text);
      for (const [key, expected] of Object.entries(row.at ?? {})) {
        const [w, nth] = key.split('#');
        let from = 0;
        for (let k = 1; k < Number(nth ?? 1); k++) from = p.at(w as string, from) + 1;
        const v = view(p.clause(w as string, from));
        const got = Object.fromEntries(Object.keys(expected).map((f) => [f, v[f as keyof View]]));
        assert.deepEqual(got, expected, `${text} — "${key}"`);
      }
    });
  }
});

describe('the sentence grammar\'s lookups', () => {
  const rules = { hasRules: (t: { lemma: string }) => RULES.includes(t.lemma) };
  it('placeAt gives a place where it starts, unless an actor covers it', () => {
    const { st, mentions } = tagged('[Syria/PROPN] attacked/VERB/attack [Beirut/PROPN] and/CCONJ Tyre/PROPN ./PUNCT');
    const beirut = { ...(mentions[1] as Mention), place: true };
    const tyre = { ...beirut, start: 4, end: 5, head: 4, text: 'Tyre' };
    const g = parseSentence(st, mentions, rules, () => [beirut, tyre]);
    assert.equal(g.placeAt(4), tyre);
    assert.equal(g.placeAt(2), undefined, 'an actor is over Beirut');
    assert.equal(g.placeAt(3), undefined);
  });
  it('mentionOver gives the first mention over a position', () => {
    const { st, mentions } = tagged('[Hezbollah/PROPN]twice attacked/VERB/attack [Israel/PROPN] ./PUNCT');
    const g = parseSentence(st, mentions, rules);
    assert.equal(g.mentionOver(0), mentions[0]);
    assert.equal(g.mentionOver(1), undefined);
    assert.equal(g.mentionOver(2), mentions[2]);
  });
  it('groupOf a mention the grammar was not given is the mention alone', () => {
    const { st, mentions } = tagged('[Syria/PROPN] and/CCONJ [Iraq/PROPN] attacked/VERB/attack [Israel/PROPN] ./PUNCT');
    const g = parseSentence(st, mentions.slice(0, 2), rules);
    const israel = mentions[2] as Mention;
    assert.deepEqual(g.groupOf(israel), [israel]);
    assert.deepEqual(g.groupOf(mentions[1] as Mention), mentions.slice(0, 2));
  });
  it('clauseAt answers only for verbs that head groups', () => {
    const { st, mentions } = tagged('[Syria/PROPN] attacked/VERB/attack [Israel/PROPN] ./PUNCT');
    const g = parseSentence(st, mentions, rules);
    assert.equal(g.clauseAt(1)?.group.verb, 1);
    assert.equal(g.clauseAt(0), undefined);
    assert.equal(g.clauses.length, 1);
    assert.equal(g.sentence, st);
    assert.equal(g.mentions, mentions);
  });
});
