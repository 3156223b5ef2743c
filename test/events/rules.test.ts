// The verb rule language, the CAMEO table and the grammar list: parsing, validation errors with file:line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../helpers.js';
import { loadCameoTable, parseCameoTable } from '../../src/events/cameo.js';
import { deinflections, loadVerbRules, parsePattern, parseVerbFile, RuleError } from '../../src/events/rules.js';
import { parseGrammar } from '../../src/events/grammar.js';
import { createLemmatizer } from '../../src/events/lemma.js';

const cameo = loadCameoTable(join(repoRoot, 'dictionaries', 'cameo.tsv'));

test('the CAMEO table: codes, roots, Goldstein, QuadClass and PLOVER; parents fill gaps', () => {
  assert.ok(cameo.size > 300);
  assert.deepEqual(cameo.info('042'), { cameo: { code: '042', root: '04', quad: 1, goldstein: 1.9 }, plover: { type: 'CONSULT', mode: 'visit' } });
  assert.equal(cameo.info('190').plover.type, 'ASSAULT');
  assert.equal(cameo.info('0110').cameo.goldstein, cameo.info('011').cameo.goldstein, 'a code with no weight takes its parent\'s');
  assert.throws(() => cameo.info('999'), /unknown CAMEO code "999"/);
  assert.throws(() => parseCameoTable('042\t05\tx\t1.0\t1\tCONSULT\t\n', 't.tsv'), /t\.tsv:1: root "05" does not match code "042"/);
  assert.throws(() => parseCameoTable('042\t04\tx\tabc\t1\tCONSULT\t\n', 't.tsv'), /t\.tsv:1: bad Goldstein weight "abc"/);
});

test('patterns: target, gap, alternatives; bad words are rejected with file and line', () => {
  assert.deepEqual(parsePattern('-', 'f', 1), []);
  const p = parsePattern('* troops|soldiers * to +', 'f', 1);
  assert.equal(p.length, 5);
  assert.deepEqual(p.map((e) => e.kind), ['gap', 'words', 'gap', 'words', 'target']);
  assert.throws(() => parsePattern('to Paris', 'verbs/x.txt', 7), (e: unknown) => e instanceof RuleError && /verbs\/x\.txt:7: bad pattern word "Paris"/.test(e.message));
});

test('verb files: blocks, rules with ids and provenance; errors name file:line', () => {
  const text = '# comment\n== attack raid\n190  +\n193  + with * rifle|rifles  @id=attack-small-arms\n---  on * football\n';
  const blocks = parseVerbFile(text, 'verbs/t.txt', cameo);
  assert.equal(blocks.length, 1);
  assert.deepEqual(blocks[0]?.lemmas, ['attack', 'raid']);
  assert.deepEqual(blocks[0]?.rules.map((r) => [r.code, r.prov.id, r.prov.line]), [['190', 'attack.3', 3], ['193', 'attack-small-arms', 4], ['---', 'attack.5', 5]]);
  assert.throws(() => parseVerbFile('190 +\n', 'verbs/t.txt', cameo), /verbs\/t\.txt:1: a rule before any "== verb" block header/);
  assert.throws(() => parseVerbFile('== attack\n999 +\n', 'verbs/t.txt', cameo), /verbs\/t\.txt:2: unknown CAMEO code 999/);
  assert.throws(() => parseVerbFile('== Attack\n', 'verbs/t.txt', cameo), /verbs\/t\.txt:1: bad verb lemma "Attack"/);
  assert.throws(() => parseVerbFile('== attack\n190 + with +\n', 'verbs/t.txt', cameo), /verbs\/t\.txt:2: a pattern may name one target/);
});

test('the project\'s verb files load; the most specific rule of a lemma comes first', async () => {
  const { loadNounClasses } = await import('../../src/events/classes.js');
  const rules = loadVerbRules(join(repoRoot, 'dictionaries', 'verbs'), join(repoRoot, 'dictionaries'), cameo, loadNounClasses(join(repoRoot, 'dictionaries', 'classes'), join(repoRoot, 'dictionaries')));
  assert.ok(rules.ruleCount > 800 && rules.lemmaCount > 300, `${rules.ruleCount} rules, ${rules.lemmaCount} lemmas`);
  const send = rules.forLemma('send') ?? [];
  for (let k = 1; k < send.length; k++) assert.ok((send[k - 1]?.literals ?? 0) >= (send[k]?.literals ?? 0));
  assert.equal(rules.forToken('stag', 'staged'), rules.forLemma('stage'), 'a wrong lemma falls back to de-inflecting the word');
});

test('de-inflection and the verb lemmatizer', () => {
  assert.ok(deinflections('staged').includes('stage'));
  assert.ok(deinflections('carried').includes('carry'));
  assert.ok(deinflections('meeting').includes('meet'));
  const lem = createLemmatizer(new Set(['stage', 'visit', 'agree', 'carry']));
  assert.deepEqual(['staged', 'visited', 'agreed', 'carried', 'sent', 'met', 'withdrew', 'was', 'unknownish'].map(lem.verb),
    ['stage', 'visit', 'agree', 'carry', 'send', 'meet', 'withdraw', 'be', 'unknownish']);
  // property: a known regular verb + "ed"/"ing"/"s" comes back to itself
  fc.assert(fc.property(fc.constantFrom('visit', 'attack', 'condemn', 'protest', 'warn'), fc.constantFrom('ed', 'ing', 's'), (v, sfx) => {
    const known = createLemmatizer(new Set([v]));
    return known.verb(v + sfx) === v;
  }));
});

test('grammar rules are listed with file and line; an unlisted id is a programming error', () => {
  const g = parseGrammar('# c\npronoun:it\tthe nearest\ngrammar:must\tdemands\n', 'grammar.tsv');
  assert.deepEqual(g.prov('grammar:must'), { id: 'grammar:must', file: 'grammar.tsv', line: 3 });
  assert.throws(() => g.prov('grammar:nope'), /not listed in grammar\.tsv/);
  assert.throws(() => parseGrammar('bad line\n', 'grammar.tsv'), /grammar\.tsv:1: expected/);
});

test('noun classes: members with plurals, phrases, includes; patterns name them; errors name file:line', async () => {
  const { parseClassFile, compileClasses, pluralOf } = await import('../../src/events/classes.js');
  assert.deepEqual(['rocket', 'embassy', 'bus', 'mortar'].map(pluralOf), ['rockets', 'embassies', 'buses', 'mortars']);
  const raws = parseClassFile('== ARMS\nrocket\ntear gas =\nrubber-bullet\n== FORCE\n@ARMS\nbaton\n', 'classes/t.txt');
  const classes = compileClasses(new Map(raws.map((c) => [c.name, c])));
  const arms = classes.get('ARMS');
  assert.ok(arms?.words.has('rocket') && arms.words.has('rockets'));
  assert.deepEqual(arms?.phrases.map((p) => p.join(' ')).sort(), ['rubber bullet', 'rubber bullets', 'tear gas']);
  assert.ok(classes.get('FORCE')?.words.has('rockets') && classes.get('FORCE')?.words.has('batons'), 'an included class lends its members');
  assert.throws(() => parseClassFile('rocket\n', 'classes/t.txt'), /classes\/t\.txt:1: a member before any "== NAME"/);
  assert.throws(() => parseClassFile('== arms\n', 'classes/t.txt'), /classes\/t\.txt:1: bad class name "arms"/);
  assert.throws(() => compileClasses(new Map(parseClassFile('== AA\n@BB\n', 'classes/t.txt').map((c) => [c.name, c]))), /classes\/t\.txt:2: unknown class @BB/);
  const p = parsePattern('* ARMS|stones at +', 'verbs/x.txt', 3, classes);
  assert.equal(p.length, 4);
  const el = p[1];
  assert.ok(el?.kind === 'words' && el.words.has('stones') && el.words.has('rockets') && el.phrases.length === 3);
  assert.throws(() => parsePattern('* WEAPONS at +', 'verbs/x.txt', 3, classes), /verbs\/x\.txt:3: unknown noun class WEAPONS/);
});

test('the project\'s class files load, and a class phrase matches across hyphens', async () => {
  const { loadNounClasses } = await import('../../src/events/classes.js');
  const { wordsAt } = await import('../../src/events/native.js');
  const { createAnalyzer } = await import('../../src/text/analyze.js');
  const classes = loadNounClasses(join(repoRoot, 'dictionaries', 'classes'), join(repoRoot, 'dictionaries'));
  const weapon = classes.get('WEAPON');
  assert.ok(weapon, 'WEAPON is defined');
  const toks = createAnalyzer().analyze('fired rubber-bullets and tear gas').tokens.filter((t) => t.pos !== 'SPACE');
  const el = parsePattern('WEAPON', 'verbs/x.txt', 1, classes)[0];
  assert.ok(el?.kind === 'words');
  assert.equal(wordsAt(el, toks, 1, toks.length), 4, '"rubber - bullets" is one member');
  assert.equal(wordsAt(el, toks, 5, toks.length), 7, '"tear gas"');
  assert.equal(wordsAt(el, toks, 0, toks.length), 0, '"fired" is no weapon');
});
