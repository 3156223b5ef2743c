// TEMPORARY STUB so that other modules compile; replaced by the real orchestrator.
import type { StoryInput, StoryResult } from './types.js';

export interface CoderOptions {
  /** Directory of our own dictionaries (default: the package's dictionaries/). */
  dictionaries?: string;
  /** Fill StoryResult.explain. */
  explain?: boolean;
}

export interface Coder {
  codeStory(input: StoryInput): StoryResult;
}

export async function createCoder(_options: CoderOptions = {}): Promise<Coder> {
  return {
    codeStory(input: StoryInput): StoryResult {
      return {
        doc: input.id, date: input.date, headline: input.headline ?? null, url: input.url ?? null,
        dateline: null, credits: { reporters: [], editors: [] }, text: input.text, repairs: [],
        sentences: [], actors: [], quotes: [], events: [], warnings: [],
      };
    },
  };
}
