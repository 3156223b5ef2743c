/**
 * What POST /api/code answers, made from a posted text: its reading (an HTML page's article, title and
 * date; the posted fields first) and the coded result's fields. Pure functions, so that a coding thread
 * can read, code and serialise a request without the server's thread (src/pool/jobs.ts).
 */
import { storyText, type TextKind } from '../ingest/html.js';
import { annotationsOf, commitmentsOf } from '../store/annotate.js';
import type { CodedText } from '../store/types.js';
import type { StoryInput, StoryResult } from '../types.js';

/** A posted story as it came, its date already checked (a real day or absent). */
export interface PostedText {
  id: string;
  text: string;
  headline: string | null;
  date: string | null;
  url: string | null;
  format: TextKind;
  origin: StoryInput['origin'];
}

/** A posted story as the coder reads it: an HTML page's article, title and date; the posted fields first. */
export function postedStory(p: PostedText): StoryInput {
  const read = storyText(p.text, p.format);
  return { id: p.id, text: read.text, date: p.date ?? read.date, headline: p.headline ?? read.headline, url: p.url, origin: p.origin };
}

/** The answer of POST /api/code for a coded story. */
export function codedText(result: StoryResult): CodedText {
  return {
    doc: result.doc,
    headline: result.headline,
    date: result.date,
    text: result.text,
    sentences: result.sentences,
    events: result.events,
    annotations: annotationsOf(result),
    quotes: result.quotes,
    commitments: commitmentsOf(result),
    repairs: result.repairs,
    warnings: result.warnings,
  };
}
