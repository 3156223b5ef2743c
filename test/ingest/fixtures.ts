/** Test fixtures written to a fresh temp directory (never copied from ../shared). */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { IngestItem } from '../../src/ingest/index.js';

export async function tempDir(prefix = 'wirecoder-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Writes files (relative path → content) under dir, creating folders. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

/** An invented story in the Reuters dump layout. */
export function reutersFile(opts: { headline: string; byline?: string; date: string; url: string; body: string }): string {
  return [
    `-- ${opts.headline}`,
    `-- ${opts.byline ?? ''}`,
    `-- ${opts.date}`,
    `-- ${opts.url}`,
    '',
    ' ',
    '',
    opts.body,
  ].join('\n');
}

export const REUTERS_SAMPLE = reutersFile({
  headline: 'Freedonia and Sylvania agree to talks on river dispute',
  byline: 'By  Ann Example',
  date: 'Tue Mar 4, 2008 11:05am EST',
  url: 'http://www.example.com/article/2008/03/04/freedonia-sylvania-idUSX0000120080304',
  body: ' FREEDONIA CITY  (Reuters) - Freedonia and Sylvania agreed on Tuesday to hold talks \nnext month on the use of the shared river, officials said. \n\n The two governments had traded \naccusations for weeks.',
});

/** A readable standard input holding these bytes, in small chunks to exercise boundaries. */
export function fakeStdin(content: string | Uint8Array, chunk = 7): Readable {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
}

export async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
