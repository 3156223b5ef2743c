/**
 * The jobs a coding thread does, by name (a worker is told a name, not given a function): code a story,
 * or read, code and serialise a text posted to POST /api/code, so that the server's thread neither codes,
 * nor extracts HTML, nor turns a large result into JSON (a 1 MB text can give 30 MB of JSON).
 */
import type { Coder } from '../coder.js';
import { codedText, postedStory, type PostedText } from '../server/coded.js';
import type { StoryInput, StoryResult } from '../types.js';

const encoder = new TextEncoder();

export const jobs = {
  /** A story's result. */
  code: (coder: Coder, story: StoryInput): StoryResult => coder.codeStory(story),
  /** The UTF-8 JSON answer of POST /api/code for a posted text. */
  codedJson: (coder: Coder, posted: PostedText): Uint8Array => encoder.encode(JSON.stringify(codedText(coder.codeStory(postedStory(posted))))),
} as const;

export type JobName = keyof typeof jobs;
export type JobInput<K extends JobName> = Parameters<(typeof jobs)[K]>[1];
export type JobOutput<K extends JobName> = ReturnType<(typeof jobs)[K]>;

/** A job's input's length in characters, for the pool's estimates (0 for a malformed input). */
export function inputChars(input: StoryInput | PostedText): number {
  return typeof input.text === 'string' ? input.text.length : 0;
}
