/**
 * Byte-level checks shared by the readers: binary detection and strict UTF-8 decoding.
 * Everything here is pure; nothing is read from disk.
 */

export type Decoded = { ok: true; text: string } | { ok: false; message: string; line?: number };

const BOM = '\uFEFF';

/** True when the bytes contain a NUL byte (binary files, UTF-16/32 text). */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/**
 * Decodes UTF-8 strictly. NUL bytes mean "binary"; invalid sequences are reported with the 1-based line
 * where the first bad byte sits. A leading byte-order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (looksBinary(bytes)) return { ok: false, message: 'binary file (contains NUL bytes), skipped' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: text.startsWith(BOM) ? text.slice(1) : text };
  } catch {
    return { ok: false, message: 'invalid UTF-8, skipped', line: firstBadLine(bytes) };
  }
}

/** A strict decoder (reusable: non-streaming decode() calls keep no state between them). */
export function strictDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

/** Decodes one line (no newline inside) strictly; null when it is not valid UTF-8. */
export function decodeLine(bytes: Uint8Array, decoder: TextDecoder = strictDecoder()): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The 1-based line of the first invalid UTF-8 sequence (error path only: decodes line by line). */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (decodeLine(bytes.subarray(start, end)) === null) return line;
    start = end + 1;
    line += 1;
  }
  return line;
}

/** Normalises line ends to "\n". */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Validates a story date. Accepts YYYY-MM-DD, an ISO timestamp starting with it, or YYYYMMDD; returns the
 * YYYY-MM-DD form, or null when the value is not a real calendar date.
 */
export function normaliseDate(value: string): string | null {
  const v = value.trim();
  const m = /^(\d{4})(-?)(\d{2})\2(\d{2})(?:$|[T ])/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[3]);
  const d = Number(m[4]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const last = new Date(0);
  last.setUTCFullYear(y, mo, 0);
  const days = last.getUTCDate();
  if (d > days) return null;
  return `${m[1]}-${m[3]}-${m[4]}`;
}
