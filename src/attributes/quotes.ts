/**
 * Quotations and their speakers. A quote is text between double quotes (straight or curly); its speaker
 * is the actor of the attribution next to it: `"...," X said` / `"...," said X` / `X said: "..."`, a
 * pronoun there resolved by the actor stage ("he said" → the last person), or, for a quote that runs on
 * without attribution, the speaker of the quote before it in the same paragraph.
 */
import type { Span } from '../types.js';
import type { Token } from '../text/analyze.js';
import type { Mention } from '../actors/recognize.js';

export interface Quote {
  text: string;
  span: Span;
  speaker: Mention | null;
}

const SPEECH = /^(said|says|say|told|tells|added|adds|stated|declared|insisted|stressed|noted|explained|asked|warned|replied|wrote|according)$/;

export function findQuotes(text: string, tokens: readonly Token[], mentions: readonly Mention[]): Quote[] {
  const quotes: Quote[] = [];
  const re = /["“]([^"“”\n]{3,2000}?)["”]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1] ?? '';
    const span = { start: m.index + 1, end: m.index + 1 + inner.length };
    quotes.push({ text: inner.replace(/[,\s]+$/, ''), span, speaker: null });
  }
  const tokenAt = (offset: number): number => {
    // first token starting at or after offset (binary search)
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] as Token).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mentionStartingNear = (from: number, to: number): Mention | null =>
    mentions.find((x) => x.root && x.start >= from && x.start <= to) ?? null;

  quotes.forEach((q, k) => {
    const after = tokenAt(q.span.end + 1);
    // attribution after the quote: up to 12 tokens until a speech verb, before the sentence ends
    let verb = -1;
    for (let i = after; i < Math.min(tokens.length, after + 14); i++) {
      const t = tokens[i] as Token;
      if (t.text === '"' || t.text === '“' || t.text === '\n' || t.pos === 'SPACE') break;
      if (SPEECH.test(t.lower)) {
        verb = i;
        break;
      }
    }
    if (verb >= 0) {
      q.speaker = mentionStartingNear(after, verb - 1) ?? mentionStartingNear(verb + 1, verb + 3);
    }
    if (!q.speaker) {
      // attribution before the quote: `X said: "...` or `X said, "...`
      const before = tokenAt(q.span.start) - 2;
      for (let i = before; i >= Math.max(0, before - 4); i--) {
        if (SPEECH.test((tokens[i] as Token | undefined)?.lower ?? '')) {
          q.speaker = [...mentions].reverse().find((x) => x.root && x.end <= i && i - x.end <= 3) ?? null;
          break;
        }
      }
    }
    if (!q.speaker && k > 0) {
      const prev = quotes[k - 1] as Quote;
      const between = text.slice(prev.span.end, q.span.start);
      if (prev.speaker && between.length < 200) q.speaker = prev.speaker;
    }
  });
  // a run-on quote resolved later ("... he said. "We achieved ...") gets its speaker from the next one
  for (let k = quotes.length - 2; k >= 0; k--) {
    const q = quotes[k] as Quote;
    const next = quotes[k + 1] as Quote;
    if (!q.speaker && next.speaker && next.span.start - q.span.end < 80) q.speaker = next.speaker;
  }
  return quotes;
}
