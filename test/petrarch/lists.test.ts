import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { expandIssuePhrase, loadDiscards, loadIssues, loadPrepositions, parseIssues } from '../../src/petrarch/index.js';
import { shared } from '../helpers.js';

describe('petrarch lists', () => {
  it('reads discards: story (+) and sentence scope', () => {
    const v = loadDiscards(shared('peer', 'petrarch-unittest', 'PETR.Validate.discards.txt'));
    assert.equal(v.entries.length, 9);
    assert.equal(v.entries.filter((e) => e.scope === 'story').length, 4);
    assert.deepEqual(v.entries[2]?.words, ['WORLD', 'GOLF', 'CHAMPIONSHIPS']);
    assert.equal(v.entries[2]?.prov.line, 5);
    const p = loadDiscards(shared('reference', 'dictionaries', 'Phoenix.discards.txt'));
    assert.ok(p.entries.length > 500, `${p.entries.length}`);
    assert.deepEqual(p.problems, []);
  });

  it('reads issues with categories and expansions', () => {
    const d = loadIssues(shared('reference', 'dictionaries', 'Phoenix.IssueCoding.txt'));
    assert.ok(d.entries.length > 3_000, `${d.entries.length}`);
    const pre = d.entries.find((e) => e.text === 'pre+n:school');
    assert.equal(pre?.category, 'EDUCATION');
    assert.equal(pre?.code, 'EARLY_CHILDHOOD_EDUCATION');
    assert.deepEqual(pre?.forms, ['PRE SCHOOL', 'PRE-SCHOOL', 'PRE SCHOOLS', 'PRE-SCHOOLS']);
    assert.ok(d.entries.some((e) => e.kind === 'ignore-sentence'));
    assert.deepEqual(expandIssuePhrase('ethnic v:purge'), ['ETHNIC PURGE', 'ETHNIC PURGES', 'ETHNIC PURGED', 'ETHNIC PURGING']);
    const bad = parseIssues(['<ISSUE CATEGORY="X">', 'n:atrocity', 'war n:crime [WAR_CRIME]', '~~armenian genocide', '<BOGUS>'].join('\n'), 'i.txt');
    assert.deepEqual(bad.problems.map((p) => `${p.line}:${p.severity}`), ['2:warning', '5:error', '5:warning']);
    assert.deepEqual(bad.entries.map((e) => e.kind), ['issue', 'ignore-story']);
  });

  it('reads prepositions', () => {
    const d = loadPrepositions(shared('reference', 'dictionaries', 'Phoenix.prepositions.txt'));
    assert.ok(d.entries.length > 100);
    assert.equal(d.entries[0]?.word, 'abaft');
  });
});
