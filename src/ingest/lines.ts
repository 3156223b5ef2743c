/**
 * Splits a byte stream into lines without ever holding more than one line (bounded by maxLineBytes) in
 * memory. Lines are yielded as raw bytes so that each can be decoded, and rejected, on its own.
 */

export interface RawLine {
  /** 1-based line number. */
  line: number;
  bytes: Uint8Array;
  /** True when the line was longer than maxLineBytes: bytes is then empty and the line was skipped. */
  tooLong: boolean;
}

/** Yields the lines of a stream of Buffers/Uint8Arrays/strings; "\r\n" ends are trimmed. */
export async function* splitLines(
  source: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<RawLine> {
  for await (const batch of splitLineBatches(source, maxLineBytes)) yield* batch;
}

/**
 * As splitLines, but yields the lines completed by each chunk together (one await per chunk rather than
 * per line: several times faster on short lines). Each batch is only as large as one chunk.
 */
export async function* splitLineBatches(
  source: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<RawLine[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let line = 1;

  const finish = (tail: Buffer): RawLine => {
    const parts = pendingBytes === 0 ? [tail] : [...pending, tail];
    let bytes: Uint8Array = overflow ? new Uint8Array(0) : parts.length === 1 ? tail : Buffer.concat(parts);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const out: RawLine = { line, bytes, tooLong: overflow };
    pending = [];
    pendingBytes = 0;
    overflow = false;
    line += 1;
    return out;
  };

  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    const batch: RawLine[] = [];
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      if (nl === -1) break;
      const tail = buf.subarray(start, nl);
      if (!overflow && pendingBytes + tail.length > maxLineBytes) overflow = true;
      batch.push(finish(overflow ? Buffer.alloc(0) : tail));
      start = nl + 1;
    }
    if (batch.length > 0) yield batch;
    if (start < buf.length) {
      const rest = buf.subarray(start);
      if (!overflow) {
        if (pendingBytes + rest.length > maxLineBytes) {
          overflow = true;
          pending = [];
          pendingBytes = 0;
        } else {
          // Copy: the stream may reuse its buffer.
          pending.push(Buffer.from(rest));
          pendingBytes += rest.length;
        }
      }
    }
  }
  if (pendingBytes > 0 || overflow) yield [finish(Buffer.alloc(0))];
}
