/** Story hashes (content identity) and coder fingerprints (version + dictionaries). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { coderFingerprint, packageVersion, storyHash } from '../../src/store/fingerprint.js';
import type { StoryInput } from '../../src/types.js';
import { removeDir, tempDir, writeTree } from '../ingest/fixtures.js';
import { repoRoot } from '../helpers.js';

const story: StoryInput = {
  id: 'a',
  text: 'Freedonia and Sylvania signed a treaty.\nIt was sunny.',
  date: '2008-02-08',
  headline: 'Treaty',
  url: 'https://example.org/1',
  origin: { file: 'a.txt' },
};

test('storyHash: the content decides, not the id or the origin; line ends are normalised', () => {
  const h = storyHash(story);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(storyHash({ ...story, id: 'other', origin: { file: 'b.jsonl', line: 7 } }), h);
  assert.equal(storyHash({ ...story, text: story.text.replace('\n', '\r\n') }), h);
  assert.equal(storyHash({ ...story, headline: undefined, url: undefined }), storyHash({ ...story, headline: null, url: null }));
  for (const change of [{ text: story.text + '!' }, { date: '2008-02-09' }, { date: null }, { headline: 'Treaty!' }, { url: null }]) {
    assert.notEqual(storyHash({ ...story, ...change }), h, JSON.stringify(change));
  }
  // fields cannot be shifted into one another
  assert.notEqual(storyHash({ ...story, headline: 'a', text: 'b' }), storyHash({ ...story, headline: 'ab', text: '' }));
});

let dir: string;
before(async () => {
  dir = await tempDir();
});
after(async () => {
  await removeDir(dir);
});

test('coderFingerprint: version and every dictionary file; any change makes a new one', async () => {
  assert.match(packageVersion(), /^\d+\.\d+\.\d+/);
  await writeTree(dir, { 'cameo.tsv': 'a\tb\n', 'actors/countries.tsv': 'x\n', 'verbs/a.txt': 'y\n' });
  const fp = coderFingerprint(dir);
  assert.match(fp, /^[0-9a-f]{64}$/);
  assert.equal(coderFingerprint(dir), fp, 'stable');
  await writeTree(dir, { 'verbs/a.txt': 'y \n' });
  const changed = coderFingerprint(dir);
  assert.notEqual(changed, fp);
  await writeTree(dir, { 'verbs/b.txt': '' });
  assert.notEqual(coderFingerprint(dir), changed, 'a new (even empty) file counts');
  assert.throws(() => coderFingerprint(join(dir, 'missing')), /missing: dictionaries directory not found/);
  // the package's own dictionaries, and PETRARCH dictionaries as their own set
  const own = coderFingerprint(join(repoRoot, 'dictionaries'));
  assert.notEqual(own, fp);
  const petr = coderFingerprint(`petrarch:${join(dir, 'actors')}`);
  assert.notEqual(petr, own);
  await writeTree(dir, { 'actors/more.txt': 'z\n' });
  assert.notEqual(coderFingerprint(`petrarch:${join(dir, 'actors')}`), petr);
});
