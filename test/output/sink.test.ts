import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Sink } from '../../src/output/sink.js';

test('Sink waits for drain: a slow writer receives everything, in order, with bounded buffering', async () => {
  const received: string[] = [];
  let maxBuffered = 0;
  const slow = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _enc, done) {
      received.push(chunk.toString());
      setImmediate(done);
    },
  });
  const sink = new Sink(slow);
  for (let i = 0; i < 200; i += 1) {
    await sink.write(`line ${i} ${'x'.repeat(40)}\n`);
    maxBuffered = Math.max(maxBuffered, slow.writableLength);
  }
  await sink.end();
  assert.equal(received.length, 200);
  assert.equal(received[199], `line 199 ${'x'.repeat(40)}\n`);
  assert.ok(maxBuffered < 200, `buffered ${maxBuffered} bytes`);
});

test('Sink: a closed pipe stops writing quietly; other errors are kept', async () => {
  const epipe = new Writable({
    write(_c, _e, done) {
      const err = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      done(err);
    },
  });
  const a = new Sink(epipe);
  await a.write('one\n');
  await new Promise((r) => setImmediate(r));
  assert.equal(a.closed, true);
  assert.equal(a.error, null);
  await a.write('two\n'); // no throw

  const broken = new Writable({
    write(_c, _e, done) {
      done(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    },
  });
  const b = new Sink(broken);
  await b.write('one\n');
  await new Promise((r) => setImmediate(r));
  assert.equal(b.error?.message, 'disk full');
});
