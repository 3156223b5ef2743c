/** Small text helpers for the human-readable formats. */

/** Length in code points (close enough to terminal columns for the text we print). */
export function width(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

/** Collapses whitespace (tabs, newlines) to single spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Cuts to at most `max` columns, marking the cut with "…". */
export function truncate(s: string, max: number): string {
  if (max <= 0) return '';
  if (width(s) <= max) return s;
  const chars = Array.from(s);
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Truncates then pads to exactly `size` columns. */
export function cell(s: string, size: number): string {
  const t = truncate(oneLine(s), size);
  return t + ' '.repeat(Math.max(0, size - width(t)));
}
