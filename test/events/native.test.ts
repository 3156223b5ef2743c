/** Our rule source's cheap test: a verb's rules "may match" exactly where matching could find something. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { loadCameoTable } from '../../src/events/cameo.js';
import { loadVerbRules } from '../../src/events/rules.js';
import { nativeRuleSource } from '../../src/events/native.js';
import { createAnalyzer } from '../../src/text/analyze.js';

const cameo = loadCameoTable(join(repoRoot, 'dictionaries', 'cameo.tsv'));

function source(rules: string): ReturnType<typeof nativeRuleSource> {
  const root = mkdtempSync(join(tmpdir(), 'wirecoder-native-'));
  mkdirSync(join(root, 'verbs'));
  writeFileSync(join(root, 'verbs', 'test.txt'), rules);
  return nativeRuleSource(loadVerbRules(join(root, 'verbs'), root, cameo));
}

const analyzer = createAnalyzer({ verbLemma: (w) => (w === 'stormed' ? 'storm' : w === 'visited' ? 'visit' : w) });
const words = (text: string): { tokens: ReturnType<typeof analyzer.analyze>['tokens']; at: (w: string) => number } => {
  const tokens = analyzer.analyze(text).tokens.filter((t) => t.pos !== 'SPACE');
  return { tokens, at: (w) => tokens.findIndex((t) => t.text === w) };
};

test('a verb whose every rule names a word may match only where one of its rarest words follows it', () => {
  const rules = source('== storm\n193  the building\n194  + with * rifles|guns\n');
  const a = words('Police stormed the building.');
  assert.equal(rules.mayMatch(a.tokens, a.at('stormed')), true);
  // "rifles" is the rarer word of the second rule; "the building" is absent
  const b = words('Police stormed in with rifles.');
  assert.equal(rules.mayMatch(b.tokens, b.at('stormed')), true);
  const c = words('Police stormed out of the meeting.');
  assert.equal(rules.mayMatch(c.tokens, c.at('stormed')), false, 'no rule word after the verb: nothing can match');
  // words before the verb do not count
  const d = words('The building was quiet until police stormed out.');
  assert.equal(rules.mayMatch(d.tokens, d.at('stormed')), false);
});

test('a verb with a rule that names no word may always match; a word with no rules never', () => {
  const rules = source('== visit\n042  +\n== storm\n193  the building\n');
  const a = words('Rudd visited quietly.');
  assert.equal(rules.mayMatch(a.tokens, a.at('visited')), true);
  assert.equal(rules.mayMatch(a.tokens, a.at('quietly')), false);
});
