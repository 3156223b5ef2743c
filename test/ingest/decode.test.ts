import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8, looksBinary, normaliseDate, normaliseNewlines } from '../../src/ingest/index.js';

test('decodeUtf8 accepts UTF-8 and drops a BOM', () => {
  const r = decodeUtf8(Buffer.from('\uFEFFKraków talks — ok', 'utf8'));
  assert.deepEqual(r, { ok: true, text: 'Kraków talks — ok' });
});

test('decodeUtf8 rejects NUL bytes as binary', () => {
  const r = decodeUtf8(Uint8Array.from([0x41, 0x00, 0x42]));
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.message, /binary/);
  assert.ok(looksBinary(Buffer.from('a\u0000b')));
});

test('decodeUtf8 reports invalid UTF-8 with the line of the first bad byte', () => {
  const bytes = Buffer.concat([Buffer.from('line one\nline two\nbad '), Buffer.from([0xc3, 0x28]), Buffer.from('\nfour')]);
  const r = decodeUtf8(bytes);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /invalid UTF-8/);
    assert.equal(r.line, 3);
  }
  // Latin-1 text is not silently accepted.
  assert.equal(decodeUtf8(Buffer.from('caf\xe9', 'latin1')).ok, false);
});

test('normaliseNewlines turns CRLF and CR into LF', () => {
  assert.equal(normaliseNewlines('a\r\nb\rc\n'), 'a\nb\nc\n');
});

test('normaliseDate validates calendar dates', () => {
  assert.equal(normaliseDate('2008-02-11'), '2008-02-11');
  assert.equal(normaliseDate('2008-02-11T14:54:00Z'), '2008-02-11');
  assert.equal(normaliseDate('20080211'), '2008-02-11');
  assert.equal(normaliseDate('2008-02-29'), '2008-02-29');
  assert.equal(normaliseDate('2007-02-29'), null);
  assert.equal(normaliseDate('2008-13-01'), null);
  assert.equal(normaliseDate('2008-04-31'), null);
  assert.equal(normaliseDate('Feb 11, 2008'), null);
  assert.equal(normaliseDate('2008-0211'), null);
  assert.equal(normaliseDate(''), null);
});
