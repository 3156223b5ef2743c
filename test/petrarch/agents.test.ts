import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyAgent, loadAgents, parseAgents, regularPlural, type PetrAgentEntry } from '../../src/petrarch/index.js';
import { shared } from '../helpers.js';

function agent(entries: readonly PetrAgentEntry[], text: string): PetrAgentEntry {
  const e = entries.find((x) => x.text === text);
  assert.ok(e, `no agent ${text}`);
  return e;
}
const forms = (e: PetrAgentEntry): string[] => e.forms.map((f) => f.text);

describe('petrarch agents: validation suite', () => {
  const d = loadAgents(shared('peer', 'petrarch-unittest', 'PETR.Validate.agents.txt'));

  it('loads every agent, with suffix and prefix codes', () => {
    assert.ok(d.entries.length >= 85, `${d.entries.length}`);
    assert.deepEqual(d.problems, []);
    const amb = agent(d.entries, 'AMBASSADOR');
    assert.equal(amb.code, 'GOV');
    assert.equal(amb.position, 'suffix');
    assert.equal(applyAgent('GON', amb), 'GONGOV');
    const body = agent(d.entries, 'HUMAN_RIGHTS_BODY');
    assert.equal(body.position, 'prefix');
    assert.equal(body.code, 'NGO');
    assert.equal(applyAgent('ARN', body), 'NGOARN');
    assert.equal(agent(d.entries, 'HUMAN_RIGHTS_ORGANIZATION').position, 'prefix'); // "[  NGO~]"
    assert.equal(agent(d.entries, 'POLICE').code, 'COP'); // "[ ~COP]"
  });

  it('makes plurals: regular, given in {...}, none with {}', () => {
    assert.deepEqual(forms(agent(d.entries, 'PRESIDENT')), ['PRESIDENT', 'PRESIDENTS']);
    assert.deepEqual(forms(agent(d.entries, 'CONGRESS')), ['CONGRESS', 'CONGRESSES']);
    assert.deepEqual(forms(agent(d.entries, 'AUTHORITY')), ['AUTHORITY', 'AUTHORITIES']);
    assert.deepEqual(forms(agent(d.entries, 'ATTORNEY_GENERAL')), ['ATTORNEY_GENERAL', 'ATTORNEYS_GENERAL']);
    assert.deepEqual(forms(agent(d.entries, 'POLICE')), ['POLICE']);
    assert.deepEqual(agent(d.entries, 'ATTORNEY_GENERAL').forms[1]?.words, ['ATTORNEYS', 'GENERAL']);
  });

  it('substitutes !MARKER! values, without plurals', () => {
    assert.deepEqual(forms(agent(d.entries, 'CONGRESS!PERSON!')), ['CONGRESSMAN', 'CONGRESSMEN', 'CONGRESSWOMAN', 'CONGRESSWOMEN', 'CONGRESSPERSON']);
    assert.equal(agent(d.entries, '!MINST!_OF_SILLY_WALKS').forms[3]?.text, 'MINISTRIES_OF_SILLY_WALKS');
  });
});

describe('petrarch agents: Phoenix', () => {
  it('loads and reports its two faulty lines as warnings', () => {
    const d = loadAgents(shared('reference', 'dictionaries', 'Phoenix.agents.txt'));
    assert.ok(d.entries.length > 2_000, `${d.entries.length}`);
    assert.deepEqual(d.problems.map((p) => p.severity), ['warning', 'warning']);
    assert.ok(d.entries.filter((e) => e.position === 'prefix').length >= 3);
  });
});

describe('petrarch agents: parse', () => {
  it('reports malformed lines by file and line', () => {
    const text = ['LORE_MASTER [~EDU]', 'RANGER', '!FOLK!_OF_BREE [~CVL]', 'WARDEN [~GOV~]', 'WARDEN {WARDENS [~GOV]', 'SCRIBE [~E D U]'].join('\n');
    const d = parseAgents(text, 'a.agents.txt');
    assert.deepEqual(
      d.problems.map((p) => `${p.file}:${p.line}:${p.severity}`),
      ['a.agents.txt:2:warning', 'a.agents.txt:3:error', 'a.agents.txt:4:error', 'a.agents.txt:5:error'],
    );
    assert.deepEqual(d.entries.map((e) => `${e.text}=${e.code}`), ['LORE_MASTER=EDU', 'SCRIBE=EDU']);
    assert.equal(regularPlural('DAY'), 'DAYS');
    assert.equal(regularPlural('SPY'), 'SPIES');
  });
});
