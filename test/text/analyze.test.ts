/** The analyzer: a story is tokenized the same whatever the same analyzer read before it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/text/analyze.js';

const tokens = (a: ReturnType<typeof createAnalyzer>, text: string): string[] => a.analyze(text).tokens.filter((t) => t.pos !== 'SPACE').map((t) => t.text);

test('words wink-nlp learns whole from one story ("Arabia\'s,", "p.m EDT") do not change how later stories are cut', () => {
  const story = "Abdallah Jumah, the chief executive officer of Saudi Arabia's Saudi Aramco, said so. Bids ran from 2:30 p.m. to 4:30 p.m.. Poor's index fell.";
  const fresh = tokens(createAnalyzer(), story);
  assert.ok(fresh.includes('Arabia') && fresh.includes("'s"), fresh.join(' '));
  const used = createAnalyzer();
  // these teach wink-nlp "Arabia's", "p.m" and "Poor's" as single words
  tokens(used, "Four of them, including Saudi Arabia's, dropped. Oil was at $106.90 by 12:06 p.m EDT, up. Standard & Poor's/Case-Shiller index.");
  assert.deepEqual(tokens(used, story), fresh);
  // and the analyzer still works as before on the story that taught them
  assert.deepEqual(tokens(used, 'Saudi Arabia was quiet.'), ['Saudi', 'Arabia', 'was', 'quiet', '.']);
});

test('a word form is one number per spelling and part of speech: the same for every token of it, across stories', () => {
  const a = createAnalyzer({ verbLemma: (w) => w });
  const one = a.analyze('Rebels will attack the town. The attack failed. Rebels attack again.').tokens;
  const two = a.analyze('The rebels said the attack on the town failed.').tokens;
  const all = [...one, ...two].filter((t) => t.pos !== 'SPACE');
  for (const t of all) assert.ok(Number.isInteger(t.form) && t.form >= 0, `${t.text}: ${t.form}`);
  for (const x of all) {
    for (const y of all) {
      const same = x.text === y.text && x.pos === y.pos;
      assert.equal(x.form === y.form, same, `${x.text}/${x.pos} and ${y.text}/${y.pos}: forms ${x.form}, ${y.form}`);
    }
  }
  // "attack" as a verb and as a noun are two forms of one spelling
  const forms = new Set(all.filter((t) => t.lower === 'attack').map((t) => `${t.pos}:${t.form}`));
  assert.ok(forms.size >= 2, [...forms].join(' '));
});

test('without the coder\'s verb lemmas a token has no form (wink\'s lemma is not known to follow from one)', () => {
  const tokens = createAnalyzer().analyze('Rebels attacked the town.').tokens;
  assert.ok(tokens.length > 0 && tokens.every((t) => t.form === -1));
});

test('a full lexicon is dropped for a fresh model: stories read the same before and after, and no form number names two words', () => {
  // the default reloads past 600,000 lexemes (wink's sentence splitter reads ids from 1,080,000 as its
  // own hints); here every few stories of new words
  const a = createAnalyzer({ verbLemma: (w) => w, reloadAt: 88_000 + 1_500 });
  const fresh = createAnalyzer({ verbLemma: (w) => w });
  const story = 'Zorvath rebels attacked Kandahar on Monday. Qelmar said talks would resume. The U.S. sent 2,500 troops.';
  const view = (x: ReturnType<typeof createAnalyzer>): string =>
    JSON.stringify(x.analyze(story).tokens.map((t) => [t.text, t.pos, t.lemma, t.start, t.end, t.sentence]));
  const expected = view(fresh);
  const named = new Map<number, string>();
  const note = (text: string): void => {
    for (const t of a.analyze(text).tokens) {
      if (t.form < 0) continue;
      const word = `${t.text}/${t.pos}`;
      const before = named.get(t.form);
      assert.ok(before === undefined || before === word, `form ${t.form} names ${before} and ${word}`);
      named.set(t.form, word);
    }
  };
  let n = 0;
  for (let k = 0; k < 30; k++) {
    // some hundreds of words wink does not know, each story
    note(Array.from({ length: 400 }, () => `Wq${(n++).toString(36)} said.`).join(' '));
    assert.equal(view(a), expected, `after story ${k + 1}`);
    note(story);
  }
});
