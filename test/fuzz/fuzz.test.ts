/**
 * The fuzz suite: generated inputs of every awkward kind (random code points, lone surrogates, control
 * characters, right-to-left marks, emoji, very long tokens and lines, deep brackets and quotes, HTML,
 * nested JSON) through the public functions: readers, repair, analysis, the coder, the HTTP API.
 * Asserted: nothing throws out of them; every offset in a result lies inside the text and points at the
 * words it names; coding is deterministic, and a story codes the same alone as after others.
 *
 * FUZZ_RUNS cases per property (default 150 in `npm test`; `npm run fuzz -- N` runs N).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { createCoder, type Coder } from '../../src/coder.js';
import { storyFromBytes } from '../../src/ingest/readers.js';
import { parseJsonlLine } from '../../src/ingest/jsonl.js';
import { extractArticle } from '../../src/ingest/html.js';
import { createRepairer } from '../../src/text/repair.js';
import { createAnalyzer } from '../../src/text/analyze.js';
import { inProcess } from '../../src/pool/pool.js';
import { buildServer } from '../../src/server/app.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { EventStore } from '../../src/store/types.js';
import type { StoryInput, StoryResult } from '../../src/types.js';

const RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? 150));
/**
 * `npm test` runs a fixed seed (the same cases every run: CI is not a lottery); `npm run fuzz` a random
 * one, or FUZZ_SEED (and FUZZ_PATH, as fast-check prints them) to replay a failure.
 */
const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : process.env['FUZZ_RUNS'] === undefined ? 20261204 : undefined;
const PATH = process.env['FUZZ_PATH'];
const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH !== undefined ? { path: PATH } : {}) };

const WORDS = [
  'Canada', 'NATO', 'Israel', 'Hamas', 'troops', 'police', 'said', 'attacked', 'will', 'withdraw', 'unless', 'met', 'in',
  'Kandahar', 'the', 'of', 'on', 'Monday', 'next', 'February', '2,500', 'killed', 'protesters', 'Reuters', '-', '(', ')',
];
/** Pieces of awkward text. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\u0007', '\u001B', '\u202E', '\u200F', '\u200B', '\uFEFF', '\u00A0', '😀', '👩‍👩‍👧', 'ש', 'مرحبا') },
  { weight: 1, arbitrary: fc.constantFrom('"', '“', '”', "'", '((((', '))))', '[[[', '<b>', '</p>', '&amp;', '&#39;', '&#xD800;', '<script>', '\n', '\n\n', '\r\n', '\t', '. ', '!!!', '...') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).chain((n) => fc.constantFrom('x', 'A', '.', '"', '(', ' ').map((c) => c.repeat(n))) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', ', ');
const awkward = fc.array(fc.tuple(piece, separator), { maxLength: 80 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
const html = fc.array(fc.tuple(fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<script>', '</script>', '<script>var zqxj = "Iran attacked Israel";</script>', '<style>', '<!--', '-->', '<title>', '<meta property="article:published_time" content="2008-02-30">', '<time datetime="x">', '<br>', '< 3'), awkward), { maxLength: 20 })
  // the text between tags has no "<" of its own, so that each generated tag stays one tag
  .map((parts) => `<!doctype html><html><body>${parts.map(([t, x]) => t + x.replace(/</g, '&lt;')).join('')}`);
const anyText = fc.oneof({ weight: 4, arbitrary: awkward }, { weight: 1, arbitrary: html });

/** Every offset of a result inside its text, pointing at the words it names. */
function assertOffsets(r: StoryResult): void {
  const t = r.text;
  const inside = (s: { start: number; end: number }, what: string): void => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= t.length, `${what}: ${s.start}-${s.end} of ${t.length}`);
  };
  for (const s of r.sentences) {
    inside(s.span, 'sentence');
    assert.equal(t.slice(s.span.start, s.span.end), s.text);
  }
  for (const a of r.actors) {
    for (const s of a.spans) {
      inside(s, `actor ${a.code}`);
      assert.equal(t.slice(s.start, s.end), a.text);
    }
  }
  for (const e of r.events) {
    inside(e.verb.span, 'verb');
    assert.equal(t.slice(e.verb.span.start, e.verb.span.end), e.verb.text);
    assert.ok(r.sentences.some((s) => s.index === e.sentence && s.text === e.text), 'an event names its sentence');
    for (const q of e.quantities) if (q.span) inside(q.span, 'quantity');
  }
  for (const q of r.quotes) inside(q.span, 'quote');
}

const brief = (r: StoryResult): string => JSON.stringify([r.text, r.sentences, r.actors, r.events.map((e) => [e.cameo.code, e.source.code, e.target?.code, e.sentence, e.rule.id, e.verb.span, e.date])]);

describe('fuzz', () => {
  let coder: Coder;
  before(async () => {
    coder = await createCoder();
  });

  test('readers: bytes of any kind as a text, Reuters, HTML or auto story, and as a JSON Lines line, never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), anyText.map((s) => new TextEncoder().encode(s))), fc.constantFrom('auto', 'text', 'reuters', 'html'), (bytes, format) => {
        const items = storyFromBytes(bytes, 'fuzz.txt', 'fuzz.txt', format as 'auto', null);
        for (const it of items) assert.ok('text' in it ? typeof it.text === 'string' : typeof it.message === 'string');
        const line = parseJsonlLine({ bytes: Buffer.from(bytes), line: 1, tooLong: false }, 'fuzz.jsonl', { fallbackDate: null, maxLineBytes: 1 << 20 });
        assert.ok(Array.isArray(line));
      }),
      params,
    );
    // deeply nested JSON
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), (depth) => {
        const json = `{"id":"n","text":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
        const items = parseJsonlLine({ bytes: Buffer.from(json), line: 1, tooLong: false }, 'deep.jsonl', { fallbackDate: null, maxLineBytes: 1 << 22 });
        assert.ok(items.every((x) => !('text' in x)), 'a record whose text is no string is a problem');
      }),
      { ...params, numRuns: Math.min(RUNS, 50) },
    );
  });

  test('HTML pages of any shape: an article or nothing, never an exception', () => {
    fc.assert(
      fc.property(html, (page) => {
        const a = extractArticle(page);
        assert.equal(typeof a.text, 'string');
        assert.doesNotMatch(a.text, /zqxj/, 'script content never becomes text');
      }),
      params,
    );
  });

  test('repair and analysis: never throw; tokens lie inside the text, in order, and are what they say', () => {
    const repairer = createRepairer();
    const analyzer = createAnalyzer({ verbLemma: (w) => w });
    fc.assert(
      fc.property(anyText, (s) => {
        const { text } = repairer.repair(s);
        const { tokens, sentences } = analyzer.analyze(text);
        let last = 0;
        for (const t of tokens) {
          assert.ok(t.start >= last && t.end <= text.length && t.start <= t.end, `token ${t.text} at ${t.start}`);
          assert.equal(text.slice(t.start, t.end), t.text);
          last = t.start;
        }
        for (const st of sentences) assert.equal(text.slice(st.span.start, st.span.end), st.text);
      }),
      params,
    );
  });

  test('the coder: never throws, offsets inside the text, deterministic, the same alone as after other stories', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 3 }), (s, others) => {
        const story: StoryInput = { id: 'fuzz', text: s, date: '2008-02-21', origin: { file: 'fuzz' } };
        const first = coder.codeStory(story);
        assertOffsets(first);
        for (const o of others) coder.codeStory({ id: 'other', text: o, date: null, origin: { file: 'fuzz' } });
        assert.equal(brief(coder.codeStory(story)), brief(first), 'the same after other stories');
      }),
      params,
    );
  });

  describe('the HTTP API', () => {
    let dir: string;
    let store: EventStore;
    let app: FastifyInstance;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'wirecoder-fuzz-'));
      store = openSqliteStore(join(dir, 'fuzz.db'));
      const pool = inProcess(async () => coder);
      app = await buildServer({ store, coder: pool, storeStories: async () => [], token: 'fuzz-token', webRoot: null });
    });
    after(async () => {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('POST /api/code with any text and format, GET /api/events with any query: no 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(anyText, fc.constantFrom(undefined, 'auto', 'text', 'html', 'pdf'), fc.string({ unit: 'binary', maxLength: 40 }), async (text, format, q) => {
          const r = await app.inject({ method: 'POST', url: '/api/code', payload: { text, ...(format ? { format } : {}) } });
          assert.ok(r.statusCode < 500, `${r.statusCode}: ${r.body.slice(0, 200)}`);
          const g = await app.inject({ method: 'GET', url: `/api/events?q=${encodeURIComponent(q)}&source=${encodeURIComponent(q)}&from=${encodeURIComponent(q)}` });
          assert.ok(g.statusCode < 500, `${g.statusCode}: ${g.body.slice(0, 200)}`);
        }),
        { ...params, numRuns: Math.max(1, Math.floor(RUNS / 3)) },
      );
    });
  });
});
