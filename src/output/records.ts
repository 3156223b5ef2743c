/**
 * Stable record shapes for machine-readable output: exactly the fields of the types in src/types.ts, in
 * their declared order, whatever extra or reordered properties an in-memory object may carry.
 */
import type { EventRecord, StoryResult } from '../types.js';

/** An EventRecord with exactly its declared fields, in declared order. */
export function eventRecord(e: EventRecord): EventRecord {
  return {
    doc: e.doc,
    sentence: e.sentence,
    text: e.text,
    date: e.date,
    date_text: e.date_text,
    source: e.source,
    target: e.target,
    cameo: e.cameo,
    plover: e.plover,
    place: e.place,
    quantities: e.quantities,
    condition: e.condition,
    deadline: e.deadline,
    negated: e.negated,
    modality: e.modality,
    speaker: e.speaker,
    rule: e.rule,
    verb: e.verb,
  };
}

/** A StoryResult with its declared fields in order; `explain` only when asked for and present. */
export function storyRecord(r: StoryResult, explain: boolean): StoryResult {
  const out: StoryResult = {
    doc: r.doc,
    date: r.date,
    headline: r.headline,
    url: r.url,
    dateline: r.dateline,
    credits: r.credits,
    text: r.text,
    repairs: r.repairs,
    sentences: r.sentences,
    actors: r.actors,
    quotes: r.quotes,
    events: r.events.map(eventRecord),
    warnings: r.warnings,
  };
  if (explain && r.explain !== undefined) {
    // Keep the declared order: explain comes before warnings.
    const { warnings, ...rest } = out;
    return { ...rest, explain: r.explain, warnings };
  }
  return out;
}
