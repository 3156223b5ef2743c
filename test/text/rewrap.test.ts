import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRepairer } from '../../src/text/repair.js';
import { wrap } from './corpus.js';

const repairer = createRepairer({ extraWords: ['Lannin'] });

// Written for this test (not corpus text): a story hard-wrapped at 60 columns, lines joined WITHOUT the space.
const PARAGRAPHS = [
  'OTTAWA (Reuters) - The government said on Tuesday it would ask parliament to extend the mission of its ' +
    'soldiers in the southern province by two years, provided that allies send another battalion and more ' +
    'helicopters before the end of next February.',
  'The defence minister told reporters that talks with several European governments had gone well, but that ' +
    'no country had yet made a firm offer of troops, equipment or money for the operation.',
  '"We are asking our partners to carry a fair share of the burden," the minister said, adding that the ' +
    'cabinet would decide on the matter within weeks and that opposition parties would be consulted first.',
  '(Reporting by Patrick Lannin and Illona Wiessenbach; Editing by Catherine Evans)',
];

function damage(paragraphs: string[], width: number): { text: string; joins: number[] } {
  const joins: number[] = [];
  const out: string[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    let para = '';
    wrap(p, width).forEach((line, k) => {
      if (k > 0) joins.push(offset + para.length);
      para += line;
    });
    out.push(para);
    offset += para.length + 1;
  }
  return { text: out.join('\n'), joins };
}

test('wrap structure: a text wrapped at 60 and joined without spaces comes back exactly', () => {
  const { text } = damage(PARAGRAPHS, 60);
  assert.notEqual(text, PARAGRAPHS.join('\n'));
  const out = repairer.repair(text);
  assert.equal(out.text, PARAGRAPHS.join('\n'));
  for (const r of out.repairs) assert.equal(text.slice(r.offset, r.offset + r.from.length), r.from);
});

test('wrap structure: other widths are found too', () => {
  for (const width of [50, 72]) {
    const { text } = damage(PARAGRAPHS, width);
    assert.equal(repairer.repair(text).text, PARAGRAPHS.join('\n'), `width ${width}`);
  }
});

test('wrap structure: names joined at a break point are split ("LanninIllona")', () => {
  const credit = '(Reporting by the bureau staff in Ottawa, Patrick Lannin Illona Wiessenbach; Editing by Catherine Evans)';
  const lines = wrap(credit, 60);
  assert.ok(lines[0]?.endsWith('Lannin'), lines[0]);
  const { text } = damage([...PARAGRAPHS.slice(0, 3), credit], 60);
  assert.ok(text.includes('LanninIllona'));
  assert.ok(repairer.repair(text).text.includes('Patrick Lannin Illona Wiessenbach'));
});

test('wrap structure: clean text and words away from break points are left alone', () => {
  const clean = PARAGRAPHS.join('\n');
  assert.deepEqual(repairer.repair(clean).repairs, []);
  // in a damaged text, names and brands away from the break points are not touched
  const { text } = damage(PARAGRAPHS.map((p) => p.replace('the minister said', 'MacKay told YouTube')), 60);
  const fixed = repairer.repair(text).text;
  assert.ok(fixed.includes('MacKay told YouTube'), fixed);
});
