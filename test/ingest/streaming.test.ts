import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isInputProblem, readInputs } from '../../src/ingest/index.js';
import { removeDir, tempDir } from './fixtures.js';

/** A gc() function without --expose-gc on the command line. */
function getGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('no gc');
  return () => {
    (gc as () => void)();
  };
}

test('a 200k-record JSON Lines file is streamed: heap stays bounded', async () => {
  const RECORDS = 200_000;
  const dir = await tempDir();
  try {
    const path = join(dir, 'big.jsonl');
    const line = (i: number): string =>
      `{"id":"s${i}","text":"Freedonia envoy ${i} met Sylvania officials on Friday.","date":"2008-02-08","source":"wire"}\n`;
    const handle = await open(path, 'w');
    for (let start = 0; start < RECORDS; start += 20_000) {
      await handle.write(Array.from({ length: 20_000 }, (_, k) => line(start + k)).join(''));
    }
    await handle.close();

    const gc = getGc();
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let chars = 0;
    for await (const item of readInputs([path])) {
      assert.ok(!isInputProblem(item));
      count += 1;
      chars += item.text.length;
      if (count % 50_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    }
    assert.equal(count, RECORDS);
    assert.ok(chars > RECORDS * 40);
    // Retaining the records would take well over 50 MB; streaming keeps a few chunks.
    assert.ok(peak < 16 * 1024 * 1024, `heap grew by ${(peak / 1048576).toFixed(1)} MB`);
  } finally {
    await removeDir(dir);
  }
});
