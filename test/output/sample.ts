/** Invented StoryResult/EventRecord values for formatter tests. */
import type { EventRecord, StoryResult } from '../../src/types.js';

export function sampleEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    doc: 'story-1',
    sentence: 0,
    text: 'Freedonia sent envoys to Sylvania on Friday.',
    date: '2008-02-08',
    date_text: 'on Friday',
    source: { code: 'FRDGOV', text: 'Freedonia', country: 'FRD', sectors: ['GOV'] },
    target: { code: 'SYL', text: 'Sylvania', country: 'SYL', sectors: [] },
    cameo: { code: '043', root: '04', quad: 1, goldstein: 2.8 },
    plover: { type: 'CONSULT', mode: 'visit' },
    place: { name: 'Sylvania City', country: 'SYL', lat: 1.5, lon: 2.5, geonames: null, from_dateline: false },
    quantities: [{ value: 2500, unit: 'troops', text: '2,500 troops' }],
    condition: null,
    deadline: null,
    negated: false,
    modality: 'asserted',
    speaker: null,
    rule: { id: 'SEND-043', file: 'dictionaries/verbs/send.tsv', line: 12 },
    verb: { text: 'sent', span: { start: 10, end: 14 } },
    ...overrides,
  };
}

export function sampleStory(overrides: Partial<StoryResult> = {}): StoryResult {
  return {
    doc: 'story-1',
    date: '2008-02-08',
    headline: 'Freedonia sends envoys',
    url: null,
    dateline: { place: 'FREEDONIA CITY', agency: 'Reuters' },
    credits: { reporters: ['Ann Example'], editors: [] },
    text: 'Freedonia sent envoys to Sylvania on Friday.',
    repairs: [],
    sentences: [{ index: 0, span: { start: 0, end: 44 }, text: 'Freedonia sent envoys to Sylvania on Friday.' }],
    actors: [{ text: 'Freedonia', code: 'FRD', spans: [{ start: 0, end: 9 }] }],
    quotes: [],
    events: [sampleEvent()],
    explain: [{
      sentence: 0,
      text: 'Freedonia sent envoys to Sylvania on Friday.',
      actors: [{ text: 'Freedonia', code: 'FRD', rule: { id: 'FRD', file: 'dictionaries/actors/countries.tsv', line: 3 } }],
      verbs: [
        { text: 'sent', lemma: 'send', matched: { id: 'SEND-043', file: 'dictionaries/verbs/send.tsv', line: 12 }, why: '' },
        { text: 'met', lemma: 'meet', matched: null, why: 'no target after the verb' },
      ],
    }],
    warnings: [],
    ...overrides,
  };
}

export const EVENT_FIELDS = [
  'doc', 'sentence', 'text', 'date', 'date_text', 'source', 'target', 'cameo', 'plover', 'place', 'quantities',
  'condition', 'deadline', 'negated', 'modality', 'speaker', 'rule', 'verb',
];
