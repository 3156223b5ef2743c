/** `wirecoder validate`: the pass rules, the runner on the PETRARCH unit-test suite, exit codes. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { judgeRecord, runValidate, type Discard } from '../../src/cli/validate.js';
import type { Triple, ValidationRecord } from '../../src/petrarch/validation.js';
import { removeDir, tempDir } from '../ingest/fixtures.js';
import { shared } from '../helpers.js';
import { lines, runCli } from './run.js';

const SUITE_DIR = shared('peer', 'petrarch-unittest');
const SUITE = join(SUITE_DIR, 'PETR.UnitTest.records.xml');
const SUITE_RECORDS = 284;

function record(over: Partial<ValidationRecord>): ValidationRecord {
  return { kind: 'record', id: 'R', category: 'C', date: '20080101', text: 't', expected: [], expectNoEvents: true, expectError: null, line: 1, ...over };
}
const t = (source: string, target: string, event: string): Triple => ({ source, target, event });
const discard = (scope: 'story' | 'sentence'): Discard => ({ scope, sentence: scope === 'story' ? null : 0, phrase: 'WORLD GOLF', rule: { id: 'd', file: 'd.txt', line: 3 } });

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (d: Buffer) => parts.push(d));
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

describe('validate: pass rules', () => {
  test('events: the coded set equals the expected set, duplicates ignored, no discard', () => {
    const r = record({ expected: [t('ARN', 'GON', '064'), t('GON', 'ARN', '064')], expectNoEvents: false });
    assert.equal(judgeRecord(r, [t('GON', 'ARN', '064'), t('ARN', 'GON', '064')], []).pass, true);
    assert.equal(judgeRecord(record({ expected: [t('A', 'B', '010'), t('A', 'B', '010')], expectNoEvents: false }), [t('A', 'B', '010')], []).pass, true);
    assert.equal(judgeRecord(r, [t('ARN', 'GON', '064')], []).pass, false, 'one missing');
    assert.equal(judgeRecord(r, [t('ARN', 'GON', '064'), t('GON', 'ARN', '064'), t('ARN', '---', '064')], []).pass, false, 'one extra');
    assert.equal(judgeRecord(r, [t('ARN', 'GON', '064'), t('GON', 'ARN', '064')], [discard('sentence')]).pass, false, 'a discard');
  });

  test('no events: nothing coded and nothing discarded', () => {
    assert.equal(judgeRecord(record({}), [], []).pass, true);
    assert.equal(judgeRecord(record({}), [t('A', 'B', '010')], []).pass, false);
    assert.equal(judgeRecord(record({}), [], [discard('story')]).pass, false);
  });

  test('discards must have the expected scope; other errors always fail, with a note', () => {
    const story = record({ expectError: 'storydiscard', expectNoEvents: false });
    const sentence = record({ expectError: 'sentencediscard', expectNoEvents: false });
    assert.equal(judgeRecord(story, [], [discard('story')]).pass, true);
    assert.deepEqual(judgeRecord(story, [], [discard('sentence')]), { pass: false, note: 'expects a story discard, got a sentence discard' });
    assert.equal(judgeRecord(story, [], []).pass, false);
    assert.equal(judgeRecord(sentence, [], [discard('sentence')]).pass, true);
    assert.equal(judgeRecord(sentence, [], [discard('story')]).pass, false);
    assert.deepEqual(judgeRecord(record({ expectError: 'dateline', expectNoEvents: false }), [], []), {
      pass: false,
      note: 'expects error dateline, which wirecoder does not produce',
    });
  });
});

describe('validate: exit codes that need no coder (spawned)', { concurrency: true }, () => {
  test('an unreadable file exits 2 and names it', async () => {
    const r = await runCli(['validate', '/no/such/suite.xml', '--dictionaries', SUITE_DIR]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'wirecoder: /no/such/suite.xml: no such file\n');
  });

  test('missing dictionaries exit 2', async () => {
    const r = await runCli(['validate', SUITE, '--dictionaries', '/no/such/dir']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^wirecoder: \/no\/such\/dir: not a directory\n$/);
  });

  test('malformed XML exits 2 with file:line', async () => {
    const dir = await tempDir();
    try {
      const bad = join(dir, 'bad.xml');
      await writeFile(bad, '<Validation>\n<Sentences>\n<Sentence id="A"><Text>x</Sentence>\n</Validation>\n');
      const r = await runCli(['validate', bad, '--dictionaries', SUITE_DIR]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`^wirecoder: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: malformed XML`));
    } finally {
      await removeDir(dir);
    }
  });

  test('usage errors exit 2', async () => {
    assert.equal((await runCli(['validate', SUITE])).code, 2, '--dictionaries is required');
    assert.equal((await runCli(['validate', SUITE, '--dictionaries', SUITE_DIR, '--min-pass', '1.5'])).code, 2);
  });
});

describe('validate: runs', () => {
  test('a small file: failure blocks, config errors, categories, summary', async () => {
    const dir = await tempDir();
    try {
      const xml = join(dir, 'small.xml');
      await writeFile(
        xml,
        [
          '<Validation><Environment><Verbfile>PETR.Validate.verbs.txt</Verbfile><Actorfile>PETR.Validate.actors.txt</Actorfile></Environment>',
          '<Sentences>',
          '<Config option="bogus_option" value="1"></Config>',
          '<Sentence date="19950101" id="IMPOSSIBLE" category="DEMO" sentence="true">',
          '<EventCoding sourcecode="ARN" targetcode="GON" eventcode="999"></EventCoding>',
          '<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>',
          '</Sentence>',
          '<Sentence date="20080801" id="DATELINE" category="ERROR" sentence="true">',
          '<EventCoding error="dateline"></EventCoding>',
          '<Text>CEBU CITY: -- Cordova Mayor Adelino Sitoy filed a suit.</Text>',
          '</Sentence>',
          '</Sentences></Validation>',
        ].join('\n'),
      );
      const out: string[] = [];
      const r = await runValidate(xml, { dictionaries: SUITE_DIR }, (l) => out.push(l));
      assert.deepEqual([r.passed, r.failed], [0, 2]);
      assert.deepEqual(r.results.map((x) => [x.id, x.pass]), [['IMPOSSIBLE', false], ['DATELINE', false]]);
      assert.ok(out.includes(`${xml}:3: error: unknown option "bogus_option"`), out.join('\n'));
      assert.match(out.find((l) => l.endsWith(' ms')) ?? '', /^\d+ dictionary errors?, \d+ warnings?; dictionaries loaded in \d+ ms$/);
      const fail = out.indexOf(`FAIL IMPOSSIBLE (DEMO, ${xml}:4)`);
      assert.ok(fail >= 0, out.join('\n'));
      assert.equal(out[fail + 1], '  Arnor is about to restore full diplomatic ties with Gondor.');
      assert.equal(out[fail + 2], '  expected: ARN GON 999');
      assert.match(out[fail + 3] ?? '', /^ {2}coded: {4}/);
      const dl = out.indexOf(`FAIL DATELINE (ERROR, ${xml}:8)`);
      assert.equal(out[dl + 2], '  expected: (error dateline)');
      assert.ok(out.includes('  note:     expects error dateline, which wirecoder does not produce'), out.join('\n'));
      assert.deepEqual(out.slice(-3), ['  DEMO   0/1', '  ERROR  0/1', '0 passed, 2 failed']);
    } finally {
      await removeDir(dir);
    }
  });

  test('the PETRARCH unit-test suite runs to a summary (wirecoder validate, in-process)', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await main(['node', 'wirecoder', 'validate', SUITE, '--dictionaries', SUITE_DIR, '--min-pass', '1'], {
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    assert.equal(stderr.text(), '');
    const out = lines(stdout.text());
    const last = out[out.length - 1] ?? '';
    const m = /^(\d+) passed, (\d+) failed$/.exec(last);
    assert.ok(m, last);
    const passed = Number(m[1]);
    const failed = Number(m[2]);
    assert.equal(passed + failed, SUITE_RECORDS);
    // a floor: the suite coded through the one sentence grammar (issue 9)
    assert.ok(passed >= 247, `${passed} records pass (floor 247)`);
    assert.equal(code, failed > 0 ? 1 : 0, '--min-pass 1 fails unless every record passes');
    assert.equal(out.filter((l) => l.startsWith('FAIL ')).length, failed);
    const cats = out.filter((l) => /^ {2}\S+ +\d+\/\d+$/.test(l));
    assert.equal(cats.reduce((n, l) => n + Number(/(\d+)$/.exec(l)?.[1]), 0), SUITE_RECORDS);
  });

  test('honesty: with every expected event code made impossible, only no-event and discard records can pass', async () => {
    const dir = await tempDir();
    try {
      const xml = join(dir, 'impossible.xml');
      const text = readFileSync(SUITE, 'utf8').replace(/eventcode\s*=\s*"[^"]*"/g, 'eventcode="999"');
      await writeFile(xml, text);
      const r = await runValidate(xml, { dictionaries: SUITE_DIR }, () => {});
      assert.equal(r.results.length, SUITE_RECORDS);
      assert.equal(r.passed + r.failed, SUITE_RECORDS);
      const cheats = r.results.filter((x) => x.pass && !x.expectNoEvents && x.expectError !== 'sentencediscard' && x.expectError !== 'storydiscard');
      assert.deepEqual(cheats, []);
      assert.ok(r.results.filter((x) => !x.expectNoEvents && x.expectError === null).every((x) => !x.pass));
    } finally {
      await removeDir(dir);
    }
  });
});
