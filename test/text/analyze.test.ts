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
