import type { InputProblem, StoryInput } from '../types.js';

/**
 * A problem that does not stop the story (e.g. an invalid record date replaced by the fallback).
 * Structurally still an InputProblem; consumers that ignore `warning` just see a stricter report.
 */
export interface InputWarning extends InputProblem {
  warning: true;
}

/** What the readers yield: a story, or a problem with one input (file, line) that was skipped or degraded. */
export type IngestItem = StoryInput | InputProblem | InputWarning;

/** True for problems and warnings; false for stories. (Stories have `text`, problems never do.) */
export function isInputProblem(item: IngestItem): item is InputProblem | InputWarning {
  return !('text' in item);
}

/** True for a non-fatal warning (the related story, if any, is yielded as well). */
export function isInputWarning(item: IngestItem): item is InputWarning {
  return isInputProblem(item) && 'warning' in item && item.warning === true;
}

/** "FILE:LINE" or "FILE" for messages: of a problem, or of a story's origin. */
export function problemLocation(p: { file: string; line?: number }): string {
  return p.line === undefined ? p.file : `${p.file}:${p.line}`;
}
