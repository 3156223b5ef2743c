/** Shared by the text tests: real Reuters 2008 story bodies, read at run time from ../shared. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shared } from '../helpers.js';

export interface CorpusStory {
  file: string;
  /** Body paragraphs: whitespace collapsed, trimmed, non-empty. */
  paragraphs: string[];
}

/** The first `limit` stories (sorted by day folder, then file name) whose body has at least `minChars`. */
export function loadCorpusStories(limit: number, minChars = 300): CorpusStory[] {
  const root = shared('corpus', 'reuters-2008');
  const out: CorpusStory[] = [];
  for (const day of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, day)).sort()) {
      const file = join(root, day, name);
      const lines = readFileSync(file, 'utf8').split('\n');
      if (!lines.slice(0, 4).every((l) => l.startsWith('-- '))) continue;
      const paragraphs = lines
        .slice(4)
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter((l) => l.length > 0);
      if (paragraphs.join(' ').length < minChars) continue;
      out.push({ file, paragraphs });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Greedy wrap of one paragraph at `width` columns: the lines. */
export function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= width) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
