import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codeAt, formatProblem, loadActors, parseActors, type PetrActorEntry } from '../../src/petrarch/index.js';
import { shared } from '../helpers.js';

const PHOENIX = shared('reference', 'dictionaries', 'Phoenix.Countries.actors.txt');
const VALIDATE = shared('peer', 'petrarch-unittest', 'PETR.Validate.actors.txt');

function entry(entries: readonly PetrActorEntry[], name: string): PetrActorEntry {
  const e = entries.find((x) => x.names.some((n) => n.words.join('_') === name));
  assert.ok(e, `no actor ${name}`);
  return e;
}

describe('petrarch actors: Phoenix countries', () => {
  const d = loadActors(PHOENIX);

  it('loads every entry with its synonyms and codes', () => {
    assert.equal(d.file, 'Phoenix.Countries.actors.txt');
    assert.ok(d.entries.length > 18_000, `${d.entries.length} entries`);
    const names = d.entries.reduce((s, e) => s + e.names.length, 0);
    const codes = d.entries.reduce((s, e) => s + e.codes.length, 0);
    assert.ok(names > 25_000, `${names} names`);
    assert.ok(codes > 28_000, `${codes} codes`);
    const afg = entry(d.entries, 'AFGHANISTAN');
    assert.deepEqual(afg.prov, { id: 'actor:AFGHANISTAN', file: 'Phoenix.Countries.actors.txt', line: afg.names[0]?.line ?? 0 });
    assert.ok(afg.names.some((n) => n.text === 'KABUL_' && n.exact));
    assert.equal(codeAt(afg, null), 'AFG');
  });

  it('resolves a date-restricted code by date', () => {
    const shah = entry(d.entries, 'MOHAMMAD_ZAHIR_SHAH');
    assert.deepEqual(shah.codes[1]?.validity, { kind: 'range', from: '1933-11-08', to: '1973-07-17' });
    assert.equal(codeAt(shah, '1950-06-01'), 'AFGGOV');
    assert.equal(codeAt(shah, '19320601'), 'AFGELI');
    assert.equal(codeAt(shah, '1990-01-01'), 'AFGELI'); // [AFGELI 730717-070723]: 070723 is 2007
    assert.equal(codeAt(shah, '2010-01-01'), null); // no default code
  });

  it('reports the malformed date codes of the file by line, and keeps going', () => {
    const bad = d.problems.filter((p) => p.severity === 'error');
    assert.ok(bad.length > 0 && bad.length < 20);
    for (const p of bad) assert.match(formatProblem(p), /^Phoenix\.Countries\.actors\.txt:\d+: error: /);
    assert.ok(bad.some((p) => p.message.includes('[ARMUNR 9008223-911221]')));
  });
});

describe('petrarch actors: validation suite dictionary', () => {
  const d = loadActors(VALIDATE);

  it('loads the entries, XML comments and all', () => {
    assert.ok(d.entries.length >= 120, `${d.entries.length}`);
    assert.equal(d.problems.filter((p) => p.severity === 'error').length, 0);
    // the block commented out with "#NASGUL" is not an entry; names separated by blanks are one entry
    assert.ok(!d.entries.some((e) => e.names[0]?.words[0] === 'NASGUL'));
    assert.deepEqual(entry(d.entries, 'CARAS_GALADHON').codes.map((c) => c.code), ['ELF']);
  });

  it('follows the TABARI date rules: first matching period, else the default', () => {
    const sam = entry(d.entries, 'SAM_GAMGEE');
    assert.equal(codeAt(sam, null), 'HOB');
    assert.equal(codeAt(sam, '2007-05-01'), 'HOBCIV');
    assert.equal(codeAt(sam, '2009-05-01'), 'HOBMIL');
    assert.equal(codeAt(sam, '2010-01-10'), 'ORCHOB'); // listed first: overrides HOBMIL
    assert.equal(codeAt(sam, '2013-01-01'), 'HOBGOV');
    assert.equal(codeAt(sam, '2014-01-01'), 'HOBELI');
    const gollum = entry(d.entries, 'GOLLUM');
    assert.deepEqual(gollum.names.map((n) => n.text), ['GOLLUM', 'SMEAGOL', 'SLINKER', 'STINKER']);
    assert.equal(codeAt(gollum, '1990-01-01'), 'HOB');
    assert.equal(codeAt(gollum, '1995-06-01'), 'HOBGOV'); // "[HOBGOV 19950601 - 19990815]"
    assert.equal(codeAt(gollum, '1999-08-16'), 'HOBREB');
    assert.equal(codeAt(gollum, new Date('2001-01-01T00:00:00Z')), 'HOBREB');
    const ono = entry(d.entries, 'ONODOHER');
    assert.equal(codeAt(ono, '1991-12-25'), 'ONO');
    assert.equal(codeAt(ono, '1991-12-26'), null);
  });
});

describe('petrarch actors: parse', () => {
  it('reads names, synonyms, codes on their own lines and several on one line', () => {
    const text = [
      '<!-- header',
      '# spanning lines -->',
      'ERIADOR_KING  # made up',
      '+KING_OF ERIADOR',
      '\t[ERIGOV 880101-951231] [ERIELI]',
      'WESTMARCH [WSM]',
    ].join('\n');
    const d = parseActors(text, 'x.actors.txt');
    assert.deepEqual(d.problems, []);
    assert.equal(d.entries.length, 2);
    const [king, west] = d.entries;
    assert.deepEqual(king?.prov, { id: 'actor:ERIADOR_KING', file: 'x.actors.txt', line: 3 });
    assert.deepEqual(king?.names[1], { text: 'KING_OF ERIADOR', words: ['KING', 'OF', 'ERIADOR'], joined: [false, true, false], exact: false, line: 4 });
    assert.equal(codeAt(king!, '1990-01-01'), 'ERIGOV');
    assert.equal(codeAt(king!, '1996-01-01'), 'ERIELI');
    assert.equal(west?.codes[0]?.raw, '[WSM]');
  });

  it('turns malformed lines into file:line problems and goes on', () => {
    const text = [
      '+ORPHAN', // 1: synonym before any entry
      'BREE_TOWN', // 2
      '\t[950601-990815]', // 3: date without code
      '\t[AAA950601-990815]', // 4: code and date run together
      '\t[BRE 990230-991231]', // 5: 30 Feb
      '\t[BRE >abc]', // 6
      '\t[BRE', // 7: unterminated
      '\t[BRE 990101-990201]', // 8: fine
      'NOCODE_HILL', // 9: no code at all (warning)
    ].join('\n');
    const d = parseActors(text, 'bad.actors.txt');
    const lines = d.problems.map((p) => `${p.line}:${p.severity}`);
    assert.deepEqual(lines, ['1:error', '3:error', '4:error', '5:error', '6:error', '7:error', '9:warning']);
    assert.match(formatProblem(d.problems[1]!), /^bad\.actors\.txt:3: error: code block \[950601-990815\] has a date but no actor code$/);
    assert.equal(d.entries.length, 2);
    assert.deepEqual(d.entries[0]?.codes.map((c) => c.raw), ['[BRE 990101-990201]']);
  });
});
