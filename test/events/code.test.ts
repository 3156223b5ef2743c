// Behaviour of the event stage on short wire-style sentences written for these tests.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder, type Coder } from '../../src/coder.js';
import type { EventRecord } from '../../src/types.js';

let coder: Coder;
before(async () => {
  coder = await createCoder();
});

const code = (text: string, date: string | null = '2008-02-08'): EventRecord[] =>
  coder.codeStory({ id: 't', text, date, origin: { file: 't' } }).events;
const brief = (evs: EventRecord[]): string[] => evs.map((e) => `${e.source.code.slice(0, 3)}>${e.target?.code.slice(0, 3) ?? '-'} ${e.cameo.code}`);

test('a plain attack codes source, target and an 19x/18x code', () => {
  const evs = code('Syrian troops attacked Lebanese positions on Tuesday.');
  assert.equal(evs.length, 1);
  assert.equal(evs[0]?.source.code, 'SYRMIL');
  assert.equal(evs[0]?.target?.country, 'LBN');
  assert.equal(evs[0]?.cameo.root, '19');
  assert.equal(evs[0]?.plover.type, 'ASSAULT');
  assert.equal(evs[0]?.date, '2008-02-05');
  assert.equal(evs[0]?.date_text, 'on Tuesday');
});

test('negation: "did not attack" codes nothing', () => {
  assert.deepEqual(code('Syrian troops did not attack Lebanese positions on Tuesday.'), []);
});

test('negated cooperation is a rejection (12x), flagged negated', () => {
  const evs = code('Syria said it will not accept any more refugees from Iraq.');
  assert.ok(evs.length >= 1);
  assert.equal(evs[0]?.cameo.root, '12');
  assert.equal(evs[0]?.negated, true);
});

test('reported speech codes the reported act, with the speaker', () => {
  const evs = code('Iraqi officials said Turkish warplanes bombed Kurdish rebels in northern Iraq.');
  const bomb = evs.find((e) => e.cameo.root === '19');
  assert.ok(bomb, brief(evs).join(', '));
  assert.equal(bomb.source.code.slice(0, 3), 'TUR');
  assert.equal(bomb.speaker?.country, 'IRQ');
  assert.equal(bomb.modality, 'reported');
});

test('an ultimatum: future act + unless is a threat with its condition, target and deadline', () => {
  const evs = code('Canada will pull its troops out of Kandahar next February unless NATO sends 1,000 more soldiers.');
  assert.equal(evs.length, 1, brief(evs).join(', '));
  const t = evs[0] as EventRecord;
  assert.equal(t.plover.type, 'THREATEN');
  assert.equal(t.source.code, 'CAN');
  assert.equal(t.target?.code, 'IGOWSTNAT');
  assert.match(t.condition ?? '', /^unless NATO sends 1,000 more soldiers/);
  assert.equal(t.deadline, '2009-02');
  assert.equal(t.modality, 'conditional');
  assert.deepEqual(t.quantities.map((q) => q.value), [1000]);
  assert.equal(t.place?.name, 'Kandahar');
});

test('an intention to cooperate becomes an intent code (03x) marked intended', () => {
  const evs = code('France is willing to help Canada, the minister said.');
  assert.equal(brief(evs)[0], 'FRA>CAN 033');
  assert.equal(evs[0]?.modality, 'intended');
});

test('passive voice: the "by" agent is the source', () => {
  const evs = code('A Kenyan village was attacked by Somali militiamen on Friday.');
  assert.equal(brief(evs)[0], 'SOM>KEN 190');
});

test('a coordinated subject with no one else gives every pair of its members', () => {
  const evs = code('The United States and Jordan signed a free-trade agreement on Monday.');
  assert.deepEqual(brief(evs).sort(), ['JOR>USA 057', 'USA>JOR 057']);
  const three = code('France, Germany and Italy met in Rome on Monday.');
  assert.deepEqual(brief(three).sort(), ['DEU>FRA 040', 'DEU>ITA 040', 'FRA>DEU 040', 'FRA>ITA 040', 'ITA>DEU 040', 'ITA>FRA 040']);
});

test('a purpose clause shares the subject of the verb it continues', () => {
  const evs = code('Canada sent officials to Paris on Friday to sound out France.');
  assert.deepEqual(brief(evs), ['CAN>FRA 042', 'CAN>FRA 040']);
});

test('capital as metonym, pronoun resolution, and "told reporters" never an actor', () => {
  const evs = code('Paris condemned the raid. It also told reporters it would recall its ambassador from Damascus.');
  assert.equal(evs[0]?.source.code, 'FRAGOV');
  assert.ok(evs.every((e) => !/reporter/i.test(e.target?.text ?? '')));
});

test('every event carries the rule that coded it, with file and line', () => {
  const evs = code('Israel released 200 Palestinian prisoners on Sunday.');
  assert.equal(evs.length, 1);
  assert.match(evs[0]?.rule.file ?? '', /^verbs\/.+\.txt$/);
  assert.ok((evs[0]?.rule.line ?? 0) > 0);
  assert.equal(evs[0]?.cameo.root, '08');
  assert.deepEqual(evs[0]?.quantities, [{ value: 200, unit: 'prisoners', text: '200 Palestinian prisoners' }]);
});

test('without a story date, relative dates stay unresolved', () => {
  const evs = code('Syrian troops attacked Lebanese positions on Tuesday.', null);
  assert.equal(evs[0]?.date, null);
});

test('violence with a weapon but no perpetrator is attributed to an unidentified armed actor of the place', () => {
  const evs = code('A roadside bomb near the town of Kandahar killed two Canadian soldiers on Monday.');
  assert.equal(brief(evs)[0], 'AFG>CAN 190');
  assert.equal(evs[0]?.source.code, 'AFGUAF');
  assert.match(evs[0]?.source.text ?? '', /grammar:unattributed-violence @ grammar\.tsv:\d+/);
  // no weapon, no perpetrator: nothing
  assert.deepEqual(code('Two Canadian soldiers were killed in an accident near Kandahar on Monday.'), []);
});

test('a done event with a bare month or weekday is dated before the story date; a planned one after it', () => {
  const seized = code('Israel seized control of Gaza in June.', '2008-03-12');
  assert.equal(seized[0]?.date, '2007-06', 'June before a March story is last June');
  const attacked = code('Israel attacked Gaza on Friday.', '2008-03-12');
  assert.equal(attacked[0]?.date, '2008-03-07');
  const talks = code('Israel will hold talks with Syria in January.', '2008-03-12');
  assert.equal(talks[0]?.deadline, '2009-01', 'a planned event in January is next January');
  const dated = code('Israel seized control of Gaza in June 2008.', '2008-03-12');
  assert.equal(dated[0]?.date, '2008-06', 'a date with its year stays');
  const agreed = code('Israel and Egypt agreed to open the crossing next year, officials said on Monday.', '2008-03-12');
  assert.equal(agreed[0]?.date, '2008-03-10', 'a done event is not dated by what points ahead ("next year")');
});

test('the CAMEO code of a threat does not depend on whether the story date is known', () => {
  const text = 'Canada will pull its troops out of Kandahar next February unless NATO sends 1,000 more soldiers.';
  assert.deepEqual(code(text, null).map((e) => e.cameo.code), code(text, '2008-02-08').map((e) => e.cameo.code));
});

test('events written as nouns: with their own participants, or happening with no one named; not beside a coded verb', () => {
  assert.deepEqual(brief(code('Clashes between Armenian and Azerbaijani troops left three dead on Monday.')).sort(), ['ARM>AZE 190', 'AZE>ARM 190']);
  assert.deepEqual(brief(code('Clashes broke out in Caracas on Monday.')), ['VEN>VEN 190']);
  assert.deepEqual(brief(code('A protest was held in Nairobi against the new tax.')), ['KEN>KEN 141']);
  assert.deepEqual(brief(code('The rally in shares continued on Monday.')), [], 'a market rally is no protest');
  assert.deepEqual(brief(code('France condemned the Israeli air strikes on Gaza.')), ['FRA>ISR 111'], 'the condemned strikes are not coded again');
});

test('read as an analyst: forecasts, nouns the tagger took for verbs, pronouns, relative clauses in appositions', () => {
  assert.deepEqual(code('The move is likely to be hailed by Ukraine.'), [], '"likely to" is a forecast');
  assert.deepEqual(brief(code('Five Iraqi judges escaped when bombs exploded outside their homes.')).filter((e) => e.startsWith('IRQ>')), [], '"bombs exploded": no bombing by the judges');
  assert.deepEqual(code('Gunmen killed two Iraqi soldiers in Mosul when they attacked their checkpoint.').map((e) => e.source.code), ['IRQUAF', 'IRQUAF'], 'they = the gunmen');
  const g20 = brief(code('The G20, which includes China, India and Brazil, will meet in Washington on November 15.'));
  assert.ok(!g20.some((e) => /^(CHN|IND|BRA)>/.test(e)), g20.join(', '));
});

test('more aid is aid given: "stepped up food aid to" codes 070; "stepped up attacks" stays force', () => {
  assert.deepEqual(brief(code('Japan stepped up food aid to Haiti on Monday.')), ['JPN>HTI 070']);
  assert.deepEqual(brief(code('Syrian troops stepped up attacks on Lebanese positions.')), ['SYR>LBN 190']);
});

test('agentless harm told in a relative clause is background: not coded as unattributed violence', () => {
  assert.deepEqual(brief(code('Kenyan police lifted the curfew in the province, where dozens of people have been killed this year.')), ['KEN>- 0813']);
  assert.deepEqual(brief(code('Dozens of people have been killed in Nairobi this year.')), ['KEN>KEN 190'], 'told as the main clause, it is coded');
});
