/** runCode in-process with invented coders: warnings, coder failures, explanations. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Coder } from '../../src/coder.js';
import { main, runCode } from '../../src/cli/main.js';
import type { CodeOptions } from '../../src/cli/main.js';
import type { StoryInput } from '../../src/types.js';
import { sampleStory } from '../output/sample.js';
import { fakeStdin } from '../ingest/fixtures.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (d: Buffer) => parts.push(d));
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

function fakeCoder(code: (input: StoryInput) => ReturnType<Coder['codeStory']>): Coder {
  return { codeStory: code, info: { dictionaries: 'test', verbRules: 0, verbLemmas: 0, loadMs: 0 } } as Coder;
}

async function run(stdin: string, options: Partial<CodeOptions>, coder: Coder): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await runCode([], { format: 'jsonl', input: 'auto', date: null, explain: false, coder, ...options }, {
    stdin: fakeStdin(stdin),
    stdout: out.stream,
    stderr: err.stream,
  });
  return { code, out: out.text(), err: err.text() };
}

test('coder warnings go to stderr as "wirecoder: warning: DOC: ..." and do not fail the run', async () => {
  const coder = fakeCoder((input) => sampleStory({ doc: input.id, warnings: ['sentence 3 has 900 tokens (over 300): skipped'] }));
  const r = await run('{"id":"long-one","text":"x"}\n', {}, coder);
  assert.equal(r.code, 0);
  assert.equal(r.err, 'wirecoder: warning: long-one: sentence 3 has 900 tokens (over 300): skipped\n');
  assert.equal(r.out.trimEnd().split('\n').length, 1);
});

test('a story the coder throws on is a problem naming its origin; the others are still coded', async () => {
  const coder = fakeCoder((input) => {
    if (input.id === 'bad') throw new Error('boom');
    return sampleStory({ doc: input.id });
  });
  const r = await run('{"id":"ok1","text":"x"}\n{"id":"bad","text":"y"}\n{"id":"ok2","text":"z"}\n', { format: 'json' }, coder);
  assert.equal(r.code, 1);
  assert.equal(r.err, 'wirecoder: -:2: coding "bad" failed: boom\n');
  assert.deepEqual(r.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { doc: string }).doc), ['ok1', 'ok2']);
});

test('--explain with jsonl: events on stdout, explanation on stderr; invalid record date is a warning', async () => {
  const coder = fakeCoder((input) => sampleStory({ doc: input.id }));
  const r = await run('{"id":"s","text":"x","date":"2008-02-31"}\n', { explain: true }, coder);
  assert.equal(r.code, 0);
  assert.match(r.err, /^wirecoder: warning: -:1: record "s": invalid date "2008-02-31", using none\n/);
  assert.match(r.err, /verb {3}"sent" \(send\) → matched SEND-043/);
  const event = JSON.parse(r.out.trimEnd()) as { doc: string };
  assert.equal(event.doc, 'story-1');
});

test('output stops cleanly when the reader goes away', async () => {
  const coder = fakeCoder((input) => sampleStory({ doc: input.id }));
  const out = new PassThrough();
  let got = 0;
  out.on('data', () => {
    got += 1;
    out.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
  });
  const records = Array.from({ length: 5000 }, (_, i) => `{"id":"s${i}","text":"x"}`).join('\n');
  const err = capture();
  const code = await runCode([], { format: 'json', input: 'auto', date: null, explain: false, coder }, {
    stdin: fakeStdin(records, 4096),
    stdout: out,
    stderr: err.stream,
  });
  assert.equal(code, 0);
  assert.equal(err.text(), '');
  assert.ok(got >= 1);
});

test('code with no input on a terminal prints its usage and exits 2 instead of waiting', async () => {
  const out = capture();
  const err = capture();
  const terminal = Object.assign(new PassThrough(), { isTTY: true });
  const code = await main(['node', 'wirecoder', 'code'], { stdin: terminal, stdout: out.stream, stderr: err.stream });
  assert.equal(code, 2);
  assert.equal(out.text(), '');
  assert.match(err.text(), /Usage: wirecoder code/);
  assert.match(err.text(), /wirecoder: code: no input: give files or directories, or pipe stories in/);
  // "-" reads the terminal as asked; piped input is read as before
  const piped = capture();
  const codePiped = await main(['node', 'wirecoder', 'code'], { stdin: fakeStdin(''), stdout: out.stream, stderr: piped.stream });
  assert.equal(codePiped, 0);
  assert.equal(piped.text(), 'wirecoder: no stories in standard input\n');
});
