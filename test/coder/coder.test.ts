// The coder as a library: instances, bad input inside a story, story-level outputs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder, type Coder } from '../../src/coder.js';

let coder: Coder;
before(async () => {
  coder = await createCoder();
});

test('an absurdly long "sentence" is skipped with a warning, quickly, and the rest is still coded', () => {
  const long = Array.from({ length: 4000 }, (_, k) => (k % 7 === 0 ? 'Israel' : 'word')).join(' ');
  const t0 = performance.now();
  const r = coder.codeStory({ id: 'long', text: `${long}\nSyrian troops attacked Lebanese positions on Tuesday.`, date: '2008-02-08', origin: { file: 'long' } });
  assert.ok(performance.now() - t0 < 5000);
  assert.ok(r.warnings.some((w) => /tokens \(over \d+\): skipped/.test(w)), r.warnings.join('; '));
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0]?.source.country, 'SYR');
});

test('empty text codes nothing and warns about nothing', () => {
  const r = coder.codeStory({ id: 'empty', text: '', date: null, origin: { file: 'empty' } });
  assert.deepEqual([r.events, r.actors, r.quotes, r.warnings], [[], [], [], []]);
});

test('people met in one story are not known in the next (story state is per story)', () => {
  const a = coder.codeStory({ id: 'a', text: 'Canadian Defence Minister Anita Laurier met French officials. Laurier praised France.', date: '2008-02-08', origin: { file: 'a' } });
  assert.ok(a.events.some((e) => e.source.text === 'Laurier' && e.source.country === 'CAN'), 'the surname resolves inside its story');
  const b = coder.codeStory({ id: 'b', text: 'Laurier praised France.', date: '2008-02-08', origin: { file: 'b' } });
  assert.deepEqual(b.events, []);
  assert.ok(Object.isFrozen(coder));
});

test('the story result names the dateline place and agency, and the dateline is the fallback place', () => {
  const r = coder.codeStory({ id: 'd', text: 'BAGHDAD (Reuters) - Police arrested 20 protesters on Friday.', date: '2008-02-08', origin: { file: 'd' } });
  assert.deepEqual(r.dateline, { place: 'Baghdad', agency: 'Reuters' });
  const e = r.events[0];
  assert.ok(e, 'an arrest event');
  assert.equal(e.source.code, 'IRQCOP');
  assert.equal(e.place?.name, 'Baghdad');
  assert.equal(e.place?.from_dateline, true);
  assert.ok(!r.actors.some((x) => /Reuters/.test(x.text)));
});

test('a sentence is left unparsed only when no word in it can code: a verb with rules (also one tagged as a noun), an event noun alone, "must" alone all code as they do when every sentence is parsed', async () => {
  const everySentence = await createCoder({ explain: true });
  const story = [
    // event nouns with no verb that has rules ("summit", "truce" are not verbs)
    'A summit between Iran and Syria in Damascus on Monday.',
    'A truce between Israel and Hamas.',
    // "must" with a verb that has no rules: a demand by the speaker
    'The German minister added that Israel must listen.',
    // the one verb is tagged as a noun ("abducted/NOUN"); it is retagged as a verb (which has rules) before the check
    'Sudanese rebels abducted the soldiers on Sunday.',
    // nothing can code here
    'The Danish cabinet was in Copenhagen on Monday.',
  ].join(' ');
  const input = { id: 'pre', text: story, date: '2008-03-04', origin: { file: 'pre' } };
  const brief = (r: ReturnType<Coder['codeStory']>): string[] => r.events.map((e) => `${e.source.code}>${e.target?.code ?? '-'} ${e.cameo.code} ${e.rule.id} s${e.sentence}`);
  const fast = coder.codeStory(input);
  const full = everySentence.codeStory(input);
  assert.deepEqual(brief(fast), brief(full));
  assert.deepEqual(fast.actors, full.actors, 'actors of the unparsed sentence still count for the story');
  const rules = new Set(fast.events.map((e) => e.rule.id.replace(/\.\d+$/, '')));
  assert.deepEqual([...rules].sort(), ['abduct', 'grammar:must', 'noun'], 'the event nouns, the demand and the retagged verb are coded');
  assert.equal(new Set(fast.events.map((e) => e.sentence)).size, 4, 'each of the first four sentences codes');
  assert.ok(fast.actors.some((a) => a.code.startsWith('DNK')), 'the Danish cabinet is a story actor');
  assert.deepEqual(full.explain?.map((x) => x.sentence), [0, 1, 2, 3, 4], 'an explanation lists every sentence, the unparsed kind too');
  assert.deepEqual(full.explain?.[4]?.actors.map((a) => a.code), ['DNKGOV']);
});

test('a story with a 100 KB run of letters and no space still codes its sentences, and says where it cut', () => {
  const junk = 'qwertyuiopasdfghjklzxcvbnm'.repeat(4000);
  const input = { id: 'long-run', text: `Israeli troops killed two Palestinians in Gaza on Monday. ${junk}`, date: '2008-03-04', origin: { file: 'long-run' } };
  const r = coder.codeStory(input);
  assert.ok(r.events.some((e) => e.cameo.code.startsWith('19') && e.sentence === 0), r.events.map((e) => e.cameo.code).join(' '));
  assert.ok(r.repairs.filter((x) => x.kind === 'cut').length >= 400);
  assert.ok(r.warnings.some((w) => /no white space for over 256 characters: cut in \d+ places/.test(w)), r.warnings.join(' | '));
  for (const s of r.sentences) for (const run of s.text.split(/\s+/)) assert.ok(run.length <= 256);
});

test('a text longer than one story may be is refused at once with StoryTooLongError, which says so; one at the limit is coded', async () => {
  const { MAX_STORY_CHARS, StoryTooLongError } = await import('../../src/coder.js');
  const line = 'Canada said it would pull 2,500 troops out of Kandahar. ';
  const over = line.repeat(Math.ceil((MAX_STORY_CHARS + 1) / line.length));
  const t0 = performance.now();
  assert.throws(() => coder.codeStory({ id: 'huge', text: over, date: null, origin: { file: 'huge' } }), (e: unknown) => {
    assert.ok(e instanceof StoryTooLongError);
    assert.match(e.message, /^text of [\d,]+ characters is longer than one story may be \(2,000,000\): not coded; split it into stories$/);
    return true;
  });
  assert.ok(performance.now() - t0 < 100);
  // the limit is the coder's option
  const small = await createCoder({ maxStoryChars: 200 });
  assert.throws(() => small.codeStory({ id: 'x', text: line.repeat(4), date: null, origin: { file: 'x' } }), StoryTooLongError);
  assert.ok(small.codeStory({ id: 'x', text: line.repeat(3), date: '2008-03-04', origin: { file: 'x' } }).events.length > 0);
});
