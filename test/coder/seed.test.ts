// The seed story (third-party text, read from ../shared, never copied): the whole pipeline through the CLI
// in --format json, checked against what a reader of the story knows.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, shared } from '../helpers.js';
import type { EventRecord, StoryResult } from '../../src/types.js';

let story: StoryResult;
before(() => {
  const out = execFileSync(process.execPath, [join(repoRoot, 'bin', 'wirecoder.js'), 'code', '--format', 'json', shared('gold', 'seed.jsonl')], { encoding: 'utf8' });
  const lines = out.trim().split('\n');
  assert.equal(lines.length, 1, 'one JSON document per story');
  story = JSON.parse(lines[0] as string) as StoryResult;
});

const find = (pred: (e: EventRecord) => boolean): EventRecord => {
  const e = story.events.find(pred);
  assert.ok(e, 'event not found among ' + story.events.map((x) => `${x.source.code}>${x.target?.code} ${x.cameo.code}`).join(', '));
  return e;
};

test('the document has the story-level fields', () => {
  assert.equal(story.doc, '000_b7e1029fb9729208');
  assert.equal(story.date, '2008-02-10');
  assert.deepEqual(story.dateline, { place: 'Vilnius', agency: 'Reuters' });
  for (const k of ['headline', 'text', 'repairs', 'actors', 'quotes', 'events', 'credits']) assert.ok(k in story, k);
});

test('Canada → France visit dated 2008-02-08 ("on Friday")', () => {
  const e = find((x) => x.source.country === 'CAN' && x.target?.country === 'FRA' && x.cameo.root === '04' && x.sentence === 0);
  assert.equal(e.date, '2008-02-08');
  assert.equal(e.date_text, 'on Friday');
});

test("France's offer to help Canada dated 2008-02-07 (said \"on Thursday\")", () => {
  const e = find((x) => x.source.country === 'FRA' && x.target?.country === 'CAN' && ['03', '05', '07'].includes(x.cameo.root));
  assert.equal(e.date, '2008-02-07');
});

test('the threat to withdraw: 1,000 troops, Kandahar with coordinates, condition, deadline February 2009', () => {
  const e = find((x) => x.source.country === 'CAN' && x.plover.type === 'THREATEN');
  assert.ok(e.quantities.some((q) => q.value === 1000 && q.unit === 'troops'), JSON.stringify(e.quantities));
  assert.equal(e.place?.name, 'Kandahar');
  assert.equal(e.place?.country, 'AFG');
  assert.ok(Math.abs((e.place?.lat ?? 0) - 31.61) < 0.1 && Math.abs((e.place?.lon ?? 0) - 65.71) < 0.1, JSON.stringify(e.place));
  assert.equal(e.place?.from_dateline, false);
  assert.match(e.condition ?? '', /^unless other NATO nations provide an extra 1,000 troops/);
  assert.match(e.deadline ?? '', /^2009-02/);
  assert.equal(e.target?.code, 'IGOWSTNAT');
});

test('MacKay\'s quote has a Canadian speaker', () => {
  const q = story.quotes.find((x) => x.text.startsWith('We knocked on a lot of doors'));
  assert.ok(q);
  assert.match(q.speaker?.code ?? '', /^CAN/);
  const later = story.quotes.find((x) => x.text.startsWith('We came here with a clear message'));
  assert.match(later?.speaker?.code ?? '', /^CAN/);
});

test('credits: three reporters and one editor; none of them, nor Reuters, nor "reporters", is an actor', () => {
  assert.deepEqual(story.credits.reporters, ['Patrick Lannin', 'Illona Wiessenbach', 'Mark John']);
  assert.deepEqual(story.credits.editors, ['Catherine Evans']);
  const bad = /Reuters|reporters?\b|Lannin|Wiessenbach|Mark John|Catherine Evans/i;
  for (const a of story.actors) assert.doesNotMatch(a.text, bad);
  for (const e of story.events) for (const r of [e.source, e.target]) assert.doesNotMatch(r?.text ?? '', bad);
});

test('the repaired text reads right and keeps names', () => {
  for (const s of ['peacekeeping mission', 'next February unless', 'Mark John', 'a delegation', 'MacKay', 'Kandahar', 'NATO-led']) {
    assert.ok(story.text.includes(s), s);
  }
  assert.ok(!story.text.includes('peacekeepingmission'));
  assert.ok(story.repairs.some((r) => r.from === 'peacekeepingmission' && r.to === 'peacekeeping mission'));
});
