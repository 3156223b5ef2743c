import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { elementLines, parseValidationFile, type ValidationConfig, type ValidationRecord } from '../../src/petrarch/validation.js';
import { shared } from '../helpers.js';

const SMALL = `<Validation>
<!-- a header comment with a fake <Sentence id="X"> and a <Config option="a" value="b"> in it -->
<Environment>
    <Verbfile>V.verbs.txt</Verbfile>
    <Actorfile>A.actors.txt</Actorfile>
    <Agentfile>A.agents.txt</Agentfile>
    <Discardfile>D.discards.txt</Discardfile>
    <Errorfile>Errors.txt</Errorfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="ONE" category="DEMO" sentence="true">
<!-- comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor   restores ties
with Gondor &amp; the Shire.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20080801" category="PARSING"  sentence="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing here.</Text>
</Sentence>
<!--
<Sentence date="19950101" id="COMMENTED" category="DEMO">
-->
<Config option="require_dyad" value="true"></Config>
<Sentence date="20080801" id ="ERR" category="ERROR" sentence="true"><EventCoding error="storydiscard"></EventCoding>
<Text>World golf championships.</Text>
</Sentence>
<Sentence date="20080801" id="BARE" category="DEMO" sentence="true">
<Text>No coding at all.</Text>
</Sentence>
<Stop></Stop>
</Sentences>
</Validation>
`;

describe('PETRARCH validation files', () => {
  it('reads the environment, records and configs in document order, with their lines', () => {
    const v = parseValidationFile(SMALL, 'small.xml');
    assert.deepEqual(v.problems, []);
    assert.deepEqual(v.environment, { verbs: 'V.verbs.txt', actors: ['A.actors.txt'], agents: ['A.agents.txt'], discards: ['D.discards.txt'], issues: [] });
    assert.deepEqual(
      v.items.map((i) => (i.kind === 'config' ? `config ${i.name}=${i.value}@${i.line}` : `record ${i.id}@${i.line}`)),
      ['record ONE@11', 'config require_dyad=false@21', 'record line 22@22', 'config require_dyad=true@29', 'record ERR@30', 'record BARE@33'],
    );
    const [one, , none, , err, bare] = v.items as [ValidationRecord, ValidationConfig, ValidationRecord, ValidationConfig, ValidationRecord, ValidationRecord];
    assert.equal(one.text, 'Arnor restores ties with Gondor & the Shire.');
    assert.equal(one.date, '19950101');
    assert.equal(one.category, 'DEMO');
    assert.deepEqual(one.expected, [
      { source: 'ARN', target: 'GON', event: '064' },
      { source: '"INJURY TOLL"', target: 'OSG', event: '223' },
    ]);
    assert.deepEqual([one.expectNoEvents, one.expectError], [false, null]);
    assert.deepEqual([none.id, none.category, none.date, none.expectNoEvents, none.expected], ['line 22', 'PARSING', '20080801', true, []]);
    assert.deepEqual([err.expectError, err.expectNoEvents, err.text], ['storydiscard', false, 'World golf championships.']);
    assert.deepEqual([bare.expectNoEvents, bare.expectError, bare.expected], [true, null, []]);
  });

  it('finds element lines outside comments only', () => {
    assert.deepEqual(elementLines('<a>\n<!-- <Sentence x="1"> -->\n<Sentences>\n<Sentence id="a">\n<Config option="x"/>'), [
      { tag: 'Sentence', line: 4 },
      { tag: 'Config', line: 5 },
    ]);
  });

  it('reports malformed XML with its line instead of throwing', () => {
    const v = parseValidationFile('<Validation>\n<Sentences>\n<Sentence id="A">\n<Text>x</Sentence>\n</Sentences>\n</Validation>\n', 'bad.xml');
    assert.deepEqual(v.items, []);
    assert.equal(v.problems.length, 1);
    assert.equal(v.problems[0]?.file, 'bad.xml');
    assert.equal(v.problems[0]?.severity, 'error');
    assert.equal(v.problems[0]?.line, 4);
    assert.match(v.problems[0]?.message ?? '', /^malformed XML/);
    assert.equal(parseValidationFile('', 'empty.xml').items.length, 0);
    assert.doesNotThrow(() => parseValidationFile('<<<>>>', 'junk.xml'));
  });

  it('reports records it cannot use, and keeps the rest', () => {
    const xml = '<Validation><Sentences>\n<Sentence id="NOTEXT" category="X" date="20080101"><EventCoding sourcecode="A" eventcode="010"/></Sentence>\n<Sentence id="OK" category="X" date="2008"><Text>Fine.</Text></Sentence>\n<Config option="x"></Config></Sentences></Validation>';
    const v = parseValidationFile(xml, 'p.xml');
    assert.deepEqual(v.items.map((i) => i.kind), ['record']);
    assert.deepEqual(
      v.problems.map((p) => `${p.line}:${p.severity}`),
      ['2:error', '2:error', '3:warning', '4:error'],
    );
  });

  it('reads the PETRARCH unit-test suite', () => {
    const file = shared('peer', 'petrarch-unittest', 'PETR.UnitTest.records.xml');
    const v = parseValidationFile(readFileSync(file, 'utf8'), 'PETR.UnitTest.records.xml');
    assert.deepEqual(v.problems.filter((p) => p.severity === 'error'), []);
    const records = v.items.filter((i): i is ValidationRecord => i.kind === 'record');
    const configs = v.items.filter((i): i is ValidationConfig => i.kind === 'config');
    assert.equal(records.length, 284);
    assert.equal(new Set(records.map((r) => r.id)).size, records.length - 2, 'AGENTS-18 and AGENTS-19 appear twice');
    // one in <Environment> (stop_on_error), 28 between the records
    assert.equal(configs.length, 29);
    assert.deepEqual(configs[0], { kind: 'config', name: 'stop_on_error', value: 'True', line: 45 });
    assert.deepEqual(configs[1], { kind: 'config', name: 'new_actor_length', value: '4', line: 1007 });
    assert.deepEqual(v.environment, {
      verbs: 'PETR.Validate.verbs.txt',
      actors: ['PETR.Validate.actors.txt'],
      agents: ['PETR.Validate.agents.txt'],
      discards: ['PETR.Validate.discards.txt'],
      issues: [],
    });
    const demo2 = records.find((r) => r.id === 'DEMO-02');
    assert.equal(demo2?.line, 160);
    assert.equal(demo2?.date, '19950103');
    assert.deepEqual(demo2?.expected, [
      { source: 'DAGGOV', target: 'GON', event: '032' },
      { source: 'GON', target: 'DAGGOV', event: '033' },
    ]);
    assert.match(demo2?.text ?? '', /^Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith on Wednesday/);
    assert.equal(records.find((r) => r.id === 'ERROR-01')?.expectError, 'dateline');
    assert.equal(records.filter((r) => r.expectError !== null).length, 7);
    assert.ok(records.some((r) => r.expected.some((t) => t.source === '"INJURY TOLL"')));
    assert.ok(records.some((r) => r.text.includes('&TIETYPE')));
    const last = records[records.length - 1];
    assert.deepEqual([last?.id, last?.expectNoEvents, last?.text], ['FINAL-RECORD', true, 'ALL OF THE UNIT TESTS WERE CODED CORRECTLY.']);
  });
});
