import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../../src/types.js';
import { createFormatter, formatExplain, storyRecord, truncate, TSV_COLUMNS, width } from '../../src/output/index.js';
import { EVENT_FIELDS, sampleEvent, sampleStory } from './sample.js';

test('jsonl: one event per line, exactly the EventRecord fields in declared order', () => {
  const extra = { ...sampleEvent({ sentence: 1 }), internal: 'not for output' } as EventRecord;
  const story = sampleStory({ events: [sampleEvent(), extra] });
  const f = createFormatter('jsonl');
  assert.equal(f.begin(), '');
  const out = f.story(story);
  const lines = out.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  for (const line of lines) {
    const obj = JSON.parse(line) as Record<string, unknown>;
    assert.deepEqual(Object.keys(obj), EVENT_FIELDS);
  }
  assert.equal(f.story(sampleStory({ events: [] })), '', 'no events, no lines');
  assert.equal(f.end(), '');
});

test('json: one StoryResult per line, explain only when asked', () => {
  const story = sampleStory();
  const plain = JSON.parse(createFormatter('json').story(story)) as Record<string, unknown>;
  assert.equal('explain' in plain, false);
  assert.equal(plain['doc'], 'story-1');
  const explained = JSON.parse(createFormatter('json', { explain: true }).story(story)) as Record<string, unknown>;
  assert.ok(Array.isArray(explained['explain']));
  assert.deepEqual(Object.keys(explained).slice(-2), ['explain', 'warnings']);
  assert.equal(createFormatter('json').story(story).split('\n').length, 2, 'exactly one line');
  assert.equal(storyRecord(sampleStory({ explain: undefined }), true).explain, undefined);
});

test('tsv: header and PETRARCH-style rows', () => {
  const f = createFormatter('tsv');
  assert.equal(f.begin(), TSV_COLUMNS.join('\t') + '\n');
  const rows = f.story(sampleStory({
    events: [
      sampleEvent(),
      sampleEvent({ date: null, target: null, cameo: { code: '010', root: '01', quad: 1, goldstein: null }, plover: { type: null, mode: null }, doc: 'odd\tdoc' }),
    ],
  })).trimEnd().split('\n');
  assert.deepEqual(rows[0]?.split('\t'), ['20080208', 'FRDGOV', 'SYL', '043', 'story-1', '0', '2.8', '1', 'CONSULT', 'SEND-043']);
  // Falls back to the story date; empty cells for nulls; tabs inside cells cannot break the row.
  assert.deepEqual(rows[1]?.split('\t'), ['20080208', 'FRDGOV', '', '010', 'odd doc', '0', '', '1', '', 'SEND-043']);
});

test('table: fixed-width rows with truncation, story headings, totals', () => {
  const f = createFormatter('table', { width: 130, cameoName: (c) => (c === '043' ? 'Host or receive a visitor at residence' : null) });
  const head = f.begin();
  assert.match(head, /date\s+source → target\s+cameo/);
  const long = 'if the other side withdraws its forces from the disputed border region before the end of the month';
  const out = f.story(sampleStory({ events: [sampleEvent({ condition: long, negated: true, modality: 'future' })] }));
  const lines = out.trimEnd().split('\n');
  assert.match(lines[0] ?? '', /^▸ story-1 · 2008-02-08 · Freedonia sends envoys/);
  const row = lines[1] ?? '';
  assert.ok(width(row) <= 130, `row fits: ${width(row)}`);
  assert.match(row, /FRDGOV → SYL/);
  assert.match(row, /043 Host or receive a \S*…/);
  assert.match(row, /CONSULT/);
  assert.match(row, /not futu/);
  assert.match(row, /2,500 troops/);
  assert.match(row, / if the .*…$/);
  const empty = f.story(sampleStory({ doc: 'quiet', events: [] }));
  assert.match(empty, /no events in 1 sentence\)/);
  assert.equal(f.end(), '\n2 stories, 2 sentences, 1 event\n');
  // Without names the CAMEO column is just the code.
  const plain = createFormatter('table').story(sampleStory());
  assert.match(plain, / 043 +CONSULT/);
  // Narrow terminals: every row still fits.
  for (const w of [80, 100]) {
    const narrow = createFormatter('table', { width: w, cameoName: () => 'A rather long CAMEO event name' });
    const text = narrow.begin() + narrow.story(sampleStory({ events: [sampleEvent({ condition: long })] }));
    for (const l of text.trimEnd().split('\n')) assert.ok(width(l) <= w, `${w}: ${width(l)} ${l}`);
  }
});

test('explain text: actors, verbs with the rule that matched or why none did', () => {
  const text = formatExplain(sampleStory());
  assert.match(text, /^== story-1 \(2008-02-08\) — Freedonia sends envoys/);
  assert.match(text, /actor {2}"Freedonia" → FRD {2}\(FRD @ dictionaries\/actors\/countries.tsv:3\)/);
  assert.match(text, /verb {3}"sent" \(send\) → matched SEND-043 @ dictionaries\/verbs\/send.tsv:12/);
  assert.match(text, /verb {3}"met" \(meet\) → no rule: no target after the verb/);
  assert.match(text, /event {2}FRDGOV → SYL {2}043 {2}CONSULT/);
  assert.match(formatExplain(sampleStory({ explain: undefined })), /run with --explain/);
  assert.equal(createFormatter('explain').story(sampleStory()), text);
});

test('truncate and width count code points', () => {
  assert.equal(truncate('Kraków', 10), 'Kraków');
  assert.equal(truncate('Kraków talks', 7), 'Kraków…');
  assert.equal(width('→é'), 2);
  assert.equal(truncate('abc', 0), '');
});
