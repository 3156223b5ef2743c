import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatProblem, loadActors, loadAgents, loadVerbs, parseVerbs, type PatternNode, type PetrVerbDictionary, type VerbPattern } from '../../src/petrarch/index.js';
import { shared } from '../helpers.js';

const REF = (f: string): string => shared('reference', 'dictionaries', f);

/** Parses one PETRARCH block with the given lines and returns its patterns. */
function patterns(lines: string[], prelude: string[] = []): { d: PetrVerbDictionary; p: VerbPattern[] } {
  const d = parseVerbs([...prelude, '--- TEST  [010]  ---', 'TEST', ...lines].join('\n'), 't.verbs.txt');
  return { d, p: d.blocks[0]?.patterns ?? [] };
}
const w = (word: string, extra: Partial<{ joined: true; exact: true }> = {}): PatternNode => ({ kind: 'word', word, ...extra });
const V: PatternNode = { kind: 'verb' };

describe('petrarch verbs: CAMEO.2.0 (PETRARCH-2)', () => {
  it('loads with the Phoenix actors and agents in under 2 s', () => {
    const t0 = performance.now();
    const actors = loadActors(REF('Phoenix.Countries.actors.txt'));
    const agents = loadAgents(REF('Phoenix.agents.txt'));
    const verbs = loadVerbs(REF('CAMEO.2.0.txt'));
    const ms = performance.now() - t0;
    assert.ok(ms < 2000, `loading took ${ms.toFixed(0)} ms`);
    assert.ok(actors.entries.length > 18_000 && agents.entries.length > 2_000);
    assert.equal(verbs.format, 'petrarch');
    assert.ok(verbs.blocks.length > 390, `${verbs.blocks.length} blocks`);
    assert.ok(verbs.patternCount > 4_600, `${verbs.patternCount} patterns`);
    assert.ok(verbs.synsets.size >= 40);
    assert.equal(verbs.transformations.length, 8);
    assert.ok(verbs.blocks.reduce((s, b) => s + b.verbs.length, 0) > 1_800);
    // a couple of broken pattern lines in the file: errors by line, everything else read
    const errors = verbs.problems.filter((p) => p.severity === 'error');
    assert.ok(errors.length > 0 && errors.length < 10);
    for (const e of errors) assert.match(formatProblem(e), /^CAMEO\.2\.0\.txt:\d+: error: /);
  });

  it('reads synsets, multi-word verbs with irregular forms, and a transformation', () => {
    const d = loadVerbs(REF('CAMEO.2.0.txt'));
    const aux = d.synsets.get('AUXVERB1');
    assert.equal(aux?.label, '&AUXVERB1_');
    assert.equal(aux?.noPlural, true);
    assert.deepEqual(aux?.members.map((m) => m.text), ['WAS', 'WERE', 'BEEN']);
    const ask = d.blocks.find((b) => b.meaning === 'ASK');
    const askFor = ask?.verbs.find((v) => v.text === 'ASK_FOR');
    assert.deepEqual(askFor?.words, ['ASK', 'FOR']);
    assert.equal(askFor?.verbIndex, 0);
    assert.deepEqual(askFor?.forms?.map((f) => f.text), ['ASKED_FOR', 'ASKING_FOR', 'ASKS_FOR']);
    assert.equal(askFor?.code?.primary, '020');
    assert.equal(ask?.code?.primary, null); // [---]
    const t = d.transformations[0];
    assert.deepEqual(t?.pattern, ['a', '(', 'a', 'b', 'ATTACK', ')', 'SAY']);
    assert.deepEqual(t?.result, ['a', 'b', '015']);
  });
});

describe('petrarch verbs: validation suite and TABARI files', () => {
  it('reads PETR.Validate.verbs.txt: embedded synsets, a verb marked in the middle', () => {
    const d = loadVerbs(shared('peer', 'petrarch-unittest', 'PETR.Validate.verbs.txt'));
    assert.equal(d.format, 'petrarch');
    assert.ok(d.patternCount > 450, `${d.patternCount}`);
    assert.equal(d.problems.filter((p) => p.severity === 'error').length, 0);
    assert.deepEqual(d.synsets.get('ACCORDSYN')?.members.map((m) => m.synset ?? m.text), ['TIETYPES', 'CLOSER', 'NEARER', 'CURRENCY']);
    const abandon = d.blocks.find((b) => b.meaning === 'ABANDON');
    const klm = abandon?.verbs.find((v) => v.text === 'KLM_NOP_RST');
    assert.equal(klm?.verbIndex, 2);
    assert.equal(klm?.code?.raw, '[002]');
    const tie = abandon?.patterns.find((p) => p.text.includes('NEW_&TIETYPES_RELATIONS'));
    assert.deepEqual(tie?.after, [w('NEW'), { kind: 'synset', name: 'TIETYPES', joined: true }, w('RELATIONS', { joined: true })]);
    // "[###]" survives "#" comments
    assert.ok(d.blocks.some((b) => b.patterns.some((p) => p.code.raw === '[###]')));
  });

  it('reads the TABARI master verbs: one block per verb, ";" comments, { | } alternatives', () => {
    const d = loadVerbs(REF('CAMEO.091003.master.verbs'));
    assert.equal(d.format, 'tabari');
    assert.ok(d.blocks.length > 1_200, `${d.blocks.length}`);
    assert.ok(d.patternCount > 15_000, `${d.patternCount}`);
    const abduct = d.blocks.find((b) => b.meaning === 'ABDUCT');
    assert.equal(abduct?.code?.primary, '181');
    const alt = abduct?.patterns.find((p) => p.elements.some((n) => n.kind === 'alternatives'));
    assert.deepEqual(alt?.elements, [
      { kind: 'target' },
      w('IN', { exact: true }),
      { kind: 'source' },
      { kind: 'alternatives', options: [[w('WAS')], [w('WERE')]] },
      V,
    ]);
    assert.match(alt?.comment ?? '', /sls/);
  });
});

describe('petrarch verbs: the pattern language', () => {
  it('parses actors, prepositional phrases, noun phrases and synsets', () => {
    const { d, p } = patterns(
      ['- $ * (AS &AGENT) (IN TALK) (WITH +)  [045]  # made up', '- * {&ARMY AID} (FOR {FIGHTER JET})  [0232]', '- % * (AGAINST) ^  [113]'],
      ['&AGENT', '+GO_BETWEEN', '&ARMY_', '+ARMY'],
    );
    assert.deepEqual(d.problems, []);
    assert.deepEqual(p[0]?.elements, [
      { kind: 'source' },
      V,
      { kind: 'prep', elements: [w('AS'), { kind: 'synset', name: 'AGENT' }] },
      { kind: 'prep', elements: [w('IN'), w('TALK')] },
      { kind: 'prep', elements: [w('WITH'), { kind: 'target' }] },
    ]);
    assert.deepEqual(p[0]?.before, [{ kind: 'source' }]);
    assert.equal(p[0]?.code.primary, '045');
    assert.equal(p[0]?.comment, 'made up');
    assert.deepEqual(p[0]?.prov, { id: 'TEST:7', file: 't.verbs.txt', line: 7 });
    assert.deepEqual(p[1]?.after, [
      { kind: 'phrase', elements: [{ kind: 'synset', name: 'ARMY' }, w('AID')] },
      { kind: 'prep', elements: [w('FOR'), { kind: 'phrase', elements: [w('FIGHTER'), w('JET')] }] },
    ]);
    assert.deepEqual(p[2]?.elements, [{ kind: 'compound' }, V, { kind: 'prep', elements: [w('AGAINST')] }, { kind: 'skip' }]);
  });

  it('keeps "_" connections and exact words', () => {
    const { d, p } = patterns(['- SO IN_AND_*_OUT_AGAIN NOW [074]', '- IN_ *  [075A]', "- + WAS_* TO_ ^ FROM $ DID N'T [174]"]);
    assert.deepEqual(p[0]?.elements, [w('SO'), w('IN'), w('AND', { joined: true }), { kind: 'verb', joined: true }, w('OUT', { joined: true }), w('AGAIN', { joined: true }), w('NOW')]);
    assert.deepEqual(p[1]?.elements, [w('IN', { exact: true }), V]);
    assert.deepEqual(p[2]?.before, [{ kind: 'target' }, w('WAS')]);
    assert.deepEqual(p[2]?.elements[2], { kind: 'verb', joined: true });
    assert.deepEqual(p[2]?.after.at(-1), w("N'T"));
    assert.deepEqual(d.problems.filter((x) => x.severity === 'error'), []);
  });

  it('reads the code forms', () => {
    const { p } = patterns(['- * A [042:043]', '- * B [:190]', '- * C [080!]', '- * D [---]']);
    assert.deepEqual(
      p.map((x) => x.code),
      [
        { raw: '[042:043]', primary: '042', secondary: '043', paired: true, bang: false },
        { raw: '[:190]', primary: null, secondary: '190', paired: true, bang: false },
        { raw: '[080!]', primary: '080', secondary: null, paired: false, bang: true },
        { raw: '[---]', primary: null, secondary: null, paired: false, bang: false },
      ],
    );
  });

  it('reads verb lines: irregular forms, multi-word verbs, own codes', () => {
    const d = parseVerbs(['--- CORDON [191] ---', 'BESIEGE', 'HEW {HEWS HEWED HEWN HEWING} [190]', '+CORDON_OFF {+CORDONED_OFF, +CORDONS_OFF}', 'WIRE_+TAP'].join('\n'), 'v.txt');
    const [besiege, hew, cordon, tap] = d.blocks[0]?.verbs ?? [];
    assert.equal(besiege?.forms, null);
    assert.deepEqual(hew?.forms?.map((f) => f.text), ['HEWS', 'HEWED', 'HEWN', 'HEWING']);
    assert.equal(hew?.code?.primary, '190');
    assert.deepEqual(cordon?.forms?.map((f) => f.words), [['CORDONED', 'OFF'], ['CORDONS', 'OFF']]);
    assert.equal(tap?.verbIndex, 1);
    assert.deepEqual(tap?.prov, { id: 'verb:WIRE_TAP:5', file: 'v.txt', line: 5 });
  });

  it('names file and line for each malformed line, and reads the rest', () => {
    const lines = [
      '- * (FOR AID [020]', // 3: missing )
      '- * AID', // 4: no code
      '- * COMMIT * AID [010]', // 5: two verbs
      '- ATTACK + [190]', // 6: no verb
      '- * (TO (BORDER)) [154]', // 7: nested (
      '- * {} [010]', // 8: empty {}
      '- * { WAS | } [010]', // 9: empty alternative
      '- * (WITH *) [010]', // 10: verb inside brackets
      '- * AID [1;2]', // 11: ";" comment cuts the code
      '- * &NOWHERE [010]', // 12: undefined synset (warning; kept)
      '- * B@D [010]', // 13: bad word
      '- * AID [0;', // 14
      '- * FINE [020]', // 15
    ];
    const { d, p } = patterns(lines);
    assert.deepEqual(
      d.problems.map((x) => `${x.line}:${x.severity}`),
      ['3:error', '4:error', '5:error', '6:error', '7:error', '8:error', '9:error', '10:error', '11:error', '13:error', '14:error', '12:warning'],
    );
    assert.match(formatProblem(d.problems[0]!), /^t\.verbs\.txt:3: error: missing "\)" in pattern "\* \(FOR AID"$/);
    assert.match(formatProblem(d.problems[2]!), /^t\.verbs\.txt:5: error: more than one verb "\*"/);
    assert.deepEqual(p.map((x) => x.prov.line), [12, 15]);
    const orphan = parseVerbs(['- * AID [020]', 'LONELY', '+NOT_A_SYNSET_MEMBER'].join('\n'), 'o.txt', { format: 'petrarch' });
    assert.deepEqual(orphan.problems.map((x) => `${x.line}:${x.severity}`), ['1:error', '2:error', '3:error']);
  });
});
