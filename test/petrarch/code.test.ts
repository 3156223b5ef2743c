/**
 * Coding with PETRARCH-format dictionaries: every construct of the pattern language, verb forms, agents,
 * compounds, dated codes, discards and the options. The dictionaries here are small ones written for
 * these tests (fictional countries), in the PETRARCH formats.
 */
import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { createCoder, type Coder } from '../../src/coder.js';
import { loadGazetteer, type Gazetteer } from '../../src/attributes/places.js';
import { parseActors } from '../../src/petrarch/actors.js';
import { parseAgents } from '../../src/petrarch/agents.js';
import { parseDiscards } from '../../src/petrarch/lists.js';
import { parseVerbs } from '../../src/petrarch/verbs.js';
import { compilePetrarch, regularVerbForms } from '../../src/petrarch/compile.js';
import type { PetrarchDictionaries } from '../../src/petrarch/dictionaries.js';
import { DEFAULT_PETRARCH_OPTIONS, applyOption, type PetrarchOptions } from '../../src/petrarch/options.js';

const ACTORS = `
FREEDONIA [FRE]
+FREEDONIAN
SYLVANIA [SYL]
RURITANIA [RUR]
GRAND_FENWICK [GFW]
OSTERLICH [OST/WES]
RUFUS_FIREFLY
	[FREGOV 19330101-19331231]
	[FRE]
TRENTINO [SYL]
`;
const AGENTS = `
GOVERNMENT [~GOV]
OFFICIAL [~GOV]
SOLDIER [~MIL]
RELIEF_AGENCY [NGO~]
POLICE {} [~COP]
`;
const VERBS = `
&CASH
+DUCATS
+GOLD_BARS_

&MONEY
+&CASH
+CREDIT

--- MEET [031:031] ---
MEET {MET MEETS MEETING}

--- AID [070] ---
AID
GIVE {GAVE GIVEN GIVES GIVING}
- * &MONEY TO + [071]
- * FOOD {BAGS | SACKS} [0731]
- * (TO +) WATER [0732]
- * BLANKETS_FAST [0733]
- QUICKLY_* [0734]
- GLADLY * [0735]
- + * TO_BE_KIND $ [0736]

--- ATTACK [190] ---
ATTACK
- * ^ AND + [195]

--- AGREE [030] ---
AGREE
- % * [036]

--- CONDEMN [122] ---
CONDEMN
- * RUMOURS [---]

--- EXCLUDE [1721] ---
EXCLUDE
+SEAL_OFF {+SEALED_OFF +SEALS_OFF}
WIRE_+TAP {WIRE_+TAPPED}

--- SAID [---] ---
SAID
`;
const DISCARDS = `
FOOTBALL_MATCH
+STAMP_COLLECTING
`;

function dictionaries(): PetrarchDictionaries {
  const verbs = parseVerbs(VERBS, 'v.txt');
  const actors = [parseActors(ACTORS, 'a.txt')];
  const agents = [parseAgents(AGENTS, 'g.txt')];
  const discards = [parseDiscards(DISCARDS, 'd.txt')];
  const compiled = compilePetrarch({ verbs, actors, agents, discards });
  const problems = [verbs, ...actors, ...agents, ...discards].flatMap((d) => d.problems);
  return { files: { verbs: 'v.txt', actors: ['a.txt'], agents: ['g.txt'], discards: ['d.txt'], issues: [] }, verbs, actors, agents, discards, issues: [], problems, compiled, loadMs: 0 };
}

describe('PETRARCH-format coding', () => {
  let gazetteer: Gazetteer;
  let dicts: PetrarchDictionaries;
  const coders = new Map<string, Coder>();
  const coderFor = async (options: PetrarchOptions): Promise<Coder> => {
    const key = JSON.stringify(options);
    let c = coders.get(key);
    if (!c) {
      c = await createCoder({ petrarch: { dictionaries: dicts, options }, gazetteer });
      coders.set(key, c);
    }
    return c;
  };
  const code = async (text: string, options: Partial<PetrarchOptions> = {}, date = '1995-06-01'): Promise<string[]> => {
    const c = await coderFor({ ...DEFAULT_PETRARCH_OPTIONS, ...options });
    const r = c.codeStory({ id: 't', origin: { file: 'test' }, text, date });
    return r.events.map((e) => `${e.source.code} ${e.target?.code ?? '---'} ${e.cameo.code}`).sort();
  };
  before(() => {
    gazetteer = loadGazetteer();
    dicts = dictionaries();
  });

  it('the test dictionaries load without problems', () => {
    assert.deepEqual(dicts.problems.filter((p) => p.severity === 'error'), []);
  });

  it('regular verb forms are made as PETRARCH makes them', () => {
    assert.deepEqual(regularVerbForms('AID'), ['AID', 'AIDS', 'AIDED', 'AIDING']);
    assert.deepEqual(regularVerbForms('CONDEMN'), ['CONDEMN', 'CONDEMNS', 'CONDEMNED', 'CONDEMNING']);
    assert.deepEqual(regularVerbForms('AGREE'), ['AGREE', 'AGREES', 'AGREED', 'AGREEING']);
    assert.deepEqual(regularVerbForms('RELY'), ['RELY', 'RELIES', 'RELIED', 'RELYING']);
  });

  it('a verb alone codes its block code; source before, target after', async () => {
    assert.deepEqual(await code('Freedonia attacked Sylvania on Monday.'), ['FRE SYL 190']);
  });

  it('irregular forms given in braces, and only those', async () => {
    assert.deepEqual(await code('Freedonia gave Sylvania its support.'), ['FRE SYL 070']);
    assert.deepEqual(await code('Freedonia gaved Sylvania its support.'), []);
  });

  it('paired codes [A:B] give the reverse event too', async () => {
    assert.deepEqual(await code('Freedonia met Sylvania in Geneva.'), ['FRE SYL 031', 'SYL FRE 031']);
  });

  it('synsets match their members, plurals, and nested synsets; "_" members need no plural', async () => {
    assert.deepEqual(await code('Freedonia gave ducats to Sylvania.'), ['FRE SYL 071']);
    assert.deepEqual(await code('Freedonia gave credits to Sylvania.'), ['FRE SYL 071']);
    assert.deepEqual(await code('Freedonia gave gold bars to Sylvania.'), ['FRE SYL 071']);
  });

  it('words apart may have words between them; "_" joined words may not', async () => {
    assert.deepEqual(await code('Freedonia gave warm blankets fast to Sylvania.'), ['FRE SYL 0733']);
    assert.deepEqual(await code('Freedonia gave warm blankets very fast to Sylvania.'), ['FRE SYL 070']);
    assert.deepEqual(await code('Freedonia quickly gave Sylvania help.'), ['FRE SYL 0734']);
    assert.deepEqual(await code('Freedonia quickly then gave Sylvania help.'), ['FRE SYL 070']);
    assert.deepEqual(await code('Freedonia gladly then gave Sylvania help.'), ['FRE SYL 0735']);
  });

  it('{A | B} alternatives and (P ...) phrases', async () => {
    assert.deepEqual(await code('Freedonia gave food sacks to Sylvania.'), ['FRE SYL 0731']);
    assert.deepEqual(await code('Freedonia gave food boxes to Sylvania.'), ['FRE SYL 070']);
    assert.deepEqual(await code('Freedonia gave to Sylvania fresh water.'), ['FRE SYL 0732']);
  });

  it('"+" and "$" place target and source, also before the verb', async () => {
    assert.deepEqual(await code('Sylvania was given money to be kind by Freedonia.'), ['FRE SYL 0736']);
  });

  it('"^" skips an actor', async () => {
    assert.deepEqual(await code('Freedonia attacked Ruritania today and then Sylvania.'), ['FRE SYL 195']);
  });

  it('"%" before the verb: the event is among the members of the compound', async () => {
    assert.deepEqual(await code('Freedonia and Sylvania agreed on Tuesday.'), ['FRE SYL 036', 'SYL FRE 036']);
  });

  it('a [---] pattern recognises the phrase and codes nothing', async () => {
    assert.deepEqual(await code('Freedonia condemned rumours about Sylvania.'), []);
    assert.deepEqual(await code('Freedonia condemned Sylvania.'), ['FRE SYL 122']);
  });

  it('multi-word verbs, the verb word marked with "+"', async () => {
    assert.deepEqual(await code('Freedonian soldiers sealed off Sylvania.'), ['FREMIL SYL 1721']);
    assert.deepEqual(await code('Freedonia wire tapped Sylvania.'), ['FRE SYL 1721']);
  });

  it('agents: suffix and prefix codes, "of" phrases, possessives, an agent alone', async () => {
    assert.deepEqual(await code("Sylvania's government attacked Ruritania."), ['SYLGOV RUR 190']);
    assert.deepEqual(await code('The government of Sylvania attacked Ruritania.'), ['SYLGOV RUR 190']);
    assert.deepEqual(await code('A relief agency Sylvania official attacked Ruritania.'), ['NGOSYLGOV RUR 190']);
    assert.deepEqual(await code('Police attacked Ruritania.', { requireDyad: false }), ['---COP RUR 190']);
  });

  it('compound actors: lists closed by "and", codes that name several actors', async () => {
    assert.deepEqual(await code('Freedonia, Ruritania and Grand Fenwick attacked Sylvania.'), ['FRE SYL 190', 'GFW SYL 190', 'RUR SYL 190']);
    assert.deepEqual(await code('Freedonia attacked Osterlich.'), ['FRE OST 190', 'FRE WES 190']);
  });

  it('dated codes follow the story date', async () => {
    assert.deepEqual(await code('Rufus Firefly attacked Sylvania.', {}, '1933-06-01'), ['FREGOV SYL 190']);
    assert.deepEqual(await code('Rufus Firefly attacked Sylvania.', {}, '1950-06-01'), ['FRE SYL 190']);
  });

  it('the passive with "by" swaps source and target', async () => {
    assert.deepEqual(await code('Sylvania was attacked by Freedonia.'), ['FRE SYL 190']);
  });

  it('require_dyad drops events with one side missing', async () => {
    assert.deepEqual(await code('Freedonia attacked.'), []);
    assert.deepEqual(await code('Freedonia attacked.', { requireDyad: false }), ['FRE --- 190']);
  });

  it('comma phrases of the configured length are dropped before coding', async () => {
    const text = 'Freedonia attacked, in a surprise move, Sylvania.';
    assert.deepEqual(await code(text), ['FRE SYL 190']);
    // with the comma rules off the target search stops at the comma
    assert.deepEqual(await code(text, { commaMax: 0 }), []);
  });

  it('discards: a sentence discard skips the sentence, a story discard the story', async () => {
    const c = await coderFor({ ...DEFAULT_PETRARCH_OPTIONS });
    const s = c.codeStory({ id: 't', origin: { file: 'test' }, text: 'Freedonia attacked Sylvania after the football match. Ruritania attacked Sylvania.', date: '1995-06-01' });
    assert.deepEqual(s.events.map((e) => e.source.code), ['RUR']);
    assert.equal(s.discards?.[0]?.scope, 'sentence');
    assert.equal(s.discards?.[0]?.rule.line, 2);
    const t = c.codeStory({ id: 't', origin: { file: 'test' }, text: 'Ruritania attacked Sylvania. Freedonia likes stamp collecting.', date: '1995-06-01' });
    assert.deepEqual(t.events, []);
    assert.equal(t.discards?.[0]?.scope, 'story');
  });

  it('every event names the file and line of the rule that coded it', async () => {
    const c = await coderFor({ ...DEFAULT_PETRARCH_OPTIONS });
    const r = c.codeStory({ id: 't', origin: { file: 'test' }, text: 'Freedonia gave ducats to Sylvania.', date: '1995-06-01' });
    assert.equal(r.events[0]?.rule.file, 'v.txt');
    assert.equal(VERBS.split('\n')[(r.events[0]?.rule.line ?? 0) - 1]?.trim(), '- * &MONEY TO + [071]');
  });

  it('text that names no actor, or no dictionary verb, codes nothing', async () => {
    assert.deepEqual(await code('The weather attacked nobody in particular.'), []);
    assert.deepEqual(await code('Freedonia admired Sylvania.'), []);
  });

  it('options from <Config> elements: known ones apply, bad values are errors naming the option', () => {
    const o = applyOption(DEFAULT_PETRARCH_OPTIONS, 'require_dyad', 'False');
    assert.ok('options' in o && o.options.requireDyad === false);
    const bad = applyOption(DEFAULT_PETRARCH_OPTIONS, 'comma_max', 'lots');
    assert.ok('error' in bad && bad.error.includes('comma_max'));
    assert.ok('error' in applyOption(DEFAULT_PETRARCH_OPTIONS, 'no_such_option', '1'));
  });
});
