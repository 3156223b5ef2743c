/**
 * What a coded story shows: highlight spans (actors, verbs, dates, places, quantities, quotes) and the
 * commitments (threats, pledges, demands) made in it. Pure functions of a StoryResult, used both when a
 * story is stored and when a pasted text is coded without storing (POST /api/code), so the two agree.
 */
import type { EventRecord, StoryResult } from '../types.js';
import type { Annotation, Commitment, CommitmentKind } from './types.js';

/** CAMEO roots that are promises of action: 13 threaten, 03 express intent to cooperate, 10 demand. */
const COMMITMENT_ROOTS: ReadonlyMap<string, CommitmentKind> = new Map([
  ['13', 'threat'],
  ['03', 'pledge'],
  ['10', 'demand'],
]);

/** The kind of commitment an event is, or null. */
export function commitmentKind(e: EventRecord): CommitmentKind | null {
  return COMMITMENT_ROOTS.get(e.cameo.root) ?? null;
}

export function commitmentsOf(result: StoryResult): Commitment[] {
  const out: Commitment[] = [];
  result.events.forEach((e, i) => {
    const kind = commitmentKind(e);
    if (kind === null) return;
    out.push({
      kind,
      event: i,
      actor: e.source,
      target: e.target,
      cameo: e.cameo.code,
      action: e.verb.text,
      quantities: e.quantities,
      condition: e.condition,
      deadline: e.deadline,
      modality: e.modality,
      sentence: e.sentence,
    });
  });
  return out;
}

/** Finds `needle` inside sentence `index` of the story (case-sensitive first, then ignoring case). */
function findInSentence(result: StoryResult, index: number, needle: string): { start: number; end: number } | null {
  const s = result.sentences[index];
  if (s === undefined || needle.length === 0) return null;
  const text = result.text.slice(s.span.start, s.span.end);
  let at = text.indexOf(needle);
  if (at < 0) at = text.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return null;
  return { start: s.span.start + at, end: s.span.start + at + needle.length };
}

/** Highlight spans of a coded story, sorted by start (then longest first), without exact duplicates. */
export function annotationsOf(result: StoryResult): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<string>();
  const add = (a: Annotation): void => {
    if (a.start < 0 || a.end <= a.start || a.end > result.text.length) return;
    const key = `${a.kind}:${a.start}:${a.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  for (const m of result.actors) for (const sp of m.spans) add({ kind: 'actor', start: sp.start, end: sp.end, label: m.code, event: null });
  result.events.forEach((e, i) => {
    add({ kind: 'verb', start: e.verb.span.start, end: e.verb.span.end, label: e.cameo.code, event: i });
    if (e.date_text !== null && e.date !== null) {
      const sp = findInSentence(result, e.sentence, e.date_text);
      if (sp !== null) add({ kind: 'date', ...sp, label: e.date, event: i });
    }
    if (e.place !== null && !e.place.from_dateline) {
      const sp = findInSentence(result, e.sentence, e.place.name);
      if (sp !== null) add({ kind: 'place', ...sp, label: e.place.country ?? '', event: i });
    }
    for (const q of e.quantities) {
      const sp = q.span ?? findInSentence(result, e.sentence, q.text);
      if (sp !== null) add({ kind: 'quantity', start: sp.start, end: sp.end, label: `${q.value} ${q.unit}`, event: i });
    }
  });
  for (const q of result.quotes) add({ kind: 'quote', start: q.span.start, end: q.span.end, label: q.speaker?.code ?? q.speaker?.text ?? '', event: null });
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}
