/**
 * Identities for the store: what a story is (its content hash, the public story id) and what coded it
 * (the coder's fingerprint: wirecoder's version and its dictionaries). A story whose hash is stored with
 * the current fingerprint is not coded again; a new fingerprint re-codes it in place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDictionariesDir } from '../actors/dictionary.js';
import { normaliseNewlines } from '../ingest/decode.js';
import { petrarchDir } from '../petrarch/dictionaries.js';
import type { StoryInput } from '../types.js';

/** The version in wirecoder's package.json (found above this file). */
export function packageVersion(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}: cannot tell wirecoder's version`);
    dir = up;
  }
  const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  if (typeof version !== 'string') throw new Error(`${join(dir, 'package.json')}: no "version"`);
  return version;
}

/** Regular files under dir (recursively unless `recursive` is false), as sorted '/'-separated relative paths. */
function filesUnder(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const childAbs = join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const info = statSync(childAbs);
        isDir = info.isDirectory();
        isFile = info.isFile();
      }
      if (isFile) out.push(childRel);
      else if (isDir && recursive) walk(childAbs, childRel);
    }
  };
  walk(dir, '');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function hashFiles(h: ReturnType<typeof createHash>, label: string, dir: string, recursive: boolean): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: dictionaries directory not found`);
  const files = filesUnder(dir, recursive);
  h.update(`${label}\0${files.length}\0`);
  for (const rel of files) {
    const content = readFileSync(join(dir, rel));
    h.update(`${rel}\0${content.length}\0`);
    h.update(content);
  }
}

/**
 * sha256 (hex) over wirecoder's version and every file of the dictionaries (sorted relative paths and
 * contents). `petrarch:DIR` hashes the files in DIR, plus our own dictionaries (their CAMEO table and
 * grammar are still used).
 */
export function coderFingerprint(dictionariesPath: string): string {
  const h = createHash('sha256');
  h.update(`wirecoder\0${packageVersion()}\0`);
  const petr = petrarchDir(dictionariesPath);
  if (petr !== null) {
    hashFiles(h, 'petrarch', petr, false);
    hashFiles(h, 'dictionaries', defaultDictionariesDir(), true);
  } else {
    hashFiles(h, 'dictionaries', dictionariesPath, true);
  }
  return h.digest('hex');
}

/**
 * sha256 (hex) of a story's identity: a canonical JSON of its text (line ends normalised), headline,
 * date and url. Not its id or origin: the same story read from two files is one story.
 */
export function storyHash(input: StoryInput): string {
  const canonical = JSON.stringify({
    date: input.date ?? null,
    headline: input.headline ?? null,
    text: normaliseNewlines(input.text),
    url: input.url ?? null,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
