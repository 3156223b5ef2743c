/**
 * Lost line breaks of a hard-wrapped text: finds where a greedy wrapper at some width W broke the lines
 * when the text reaches us with those breaks dropped WITHOUT a space ("ceasefiretalks").
 *
 * A greedy wrapper ends a line at the last word that fits in W columns, so in the damaged paragraph
 * each lost break sits inside the one chunk (run of non-space characters) that straddles column W of
 * its line, at most W characters after the previous break. Given W, the breaks of a paragraph are then
 * a shortest path over line starts: from each line start only the few positions of one chunk are
 * possible, and the lexicon (via {@link JoinLexicon}) picks among them. W itself is estimated per text:
 * the W whose forced chunks are mostly words run together (and not ordinary words) wins.
 *
 * Pure functions; all caches live in one call.
 */

export interface JoinLexicon {
  /**
   * Cost of one original word with its punctuation ("said,", "(Reuters)", "NATO-led"): lower = more plausible.
   * `inStory(w)`: how often the lowercase letter run `w` stands on its own elsewhere in the text (names recur).
   */
  tokenCost(token: string, inStory: (w: string) => number): number;
  /** Cheap test: could this chunk be two words run together ("thesouthern", "Canada,but")? */
  looksJoined(token: string): boolean;
  /** Extra cost of `word` right after `prev` (both as written), for sequences one word at a time cannot judge. */
  pairCost?(prev: string, word: string): number;
}

export interface WrapJoins {
  /** The estimated wrap width. */
  width: number;
  /** Offsets in the text where a space was lost (the second word starts there), ascending. */
  joins: number[];
  /** [start, end) of the paragraphs judged hard-wrapped-and-joined, or too short to have been wrapped. */
  settled: [number, number][];
}

/** Added to a split: "into" is not "in to". */
const SPLIT_PENALTY = 3;
/** A line break where the text kept a space (or where nothing fits): the escape hatch. */
const SPACE_BREAK = 10;
/** A split is scored against keeping the chunk whole, counted up to this cost. */
const WHOLE_CAP = 26;
/** A forced chunk counts as a lost break when splitting it is this much cheaper than keeping it. */
const EVIDENCE_MARGIN = 1;
/** Evidence of one forced chunk is clamped to ± this. */
const EVIDENCE_CLAMP = 8;
const clampEvidence = (e: number): number => Math.max(-EVIDENCE_CLAMP, Math.min(EVIDENCE_CLAMP, e));
/** Whole chunks at least this costly are suspects (not plain words). */
const SUSPECT_COST = 11;
/** Widths considered. */
const MIN_WIDTH = 35;
const MAX_WIDTH = 120;
/** Chunks longer than this are never split (URLs, tables). */
const MAX_CHUNK = 48;
/** Lost breaks needed in a text before the structure is trusted. */
const MIN_EVIDENCE = 4;
/** The prefilter asks for one joined-looking chunk per this many characters (a wrapped text has ~1 per line). */
const JOIN_DENSITY_CHARS = 500;
/** Summed evidence needed at the best width. */
const MIN_EVIDENCE_SUM = 20;

interface Chunk {
  /** Index in the chunk list. */
  i: number;
  a: number;
  b: number;
  whole: number;
  /** Cost of a break before offset a+1+i (i = 0 .. b-a-2), computed on demand. */
  splits: Float64Array | null;
}

interface Para {
  start: number;
  end: number;
}

interface Step {
  cost: number;
  prev: number;
  join: number; // -1: a space break
  evidence: number; // clamped: how much cheaper the split is than the whole chunk
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

const OPENERS = '([{$\u201C\u2018';
/** Marks a repair cannot put a space before ("Evans )" is read "Evans)"). */
const SILENT_BEFORE = ',.;:!?)]';
const CLOSERS = ',.;:!?)]}%\u201D\u2019';

/**
 * `joinedLooking`: how many chunks of the text look like words run together, when the caller has already
 * counted them (the repairer does, in its own pass over the chunks); otherwise counted here.
 */
/** Joined-looking chunks a text of length n needs before its wrap structure is looked for. */
export function wrapEvidenceNeeded(n: number): number {
  return Math.max(MIN_EVIDENCE, Math.floor(n / JOIN_DENSITY_CHARS));
}

export function findWrapJoins(text: string, lex: JoinLexicon, joinedLooking?: number): WrapJoins | null {
  const n = text.length;
  if (n < 2 * MIN_WIDTH) return null;
  // quick rejection (clean text): too few chunks that could be words run together. A text whose wrap
  // breaks were lost has one about every line (50-120 characters); clean text has a rare unknown word.
  const needed = wrapEvidenceNeeded(n);
  let count = joinedLooking ?? 0;
  if (joinedLooking === undefined) {
    for (const m of text.matchAll(/\S{5,}/g)) {
      if (lex.looksJoined(m[0]) && ++count >= needed) break;
    }
  }
  if (count < needed) return null;
  // chunks and the chunk at each offset
  const chunks: Chunk[] = [];
  const chunkAt = new Int32Array(n + 1).fill(-1);
  for (let i = 0; i < n; ) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(text[j])) j++;
    const id = chunks.length;
    chunks.push({ i: id, a: i, b: j, whole: -1, splits: null });
    chunkAt.fill(id, i, j);
    i = j;
  }
  const paras: Para[] = [];
  for (let s = 0; s <= n; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = n;
    let ce = e;
    while (ce > s && isSpace(text[ce - 1])) ce--;
    if (ce > s) paras.push({ start: s, end: ce });
    s = e + 1;
  }

  // quote parity: is the '"' at offset p a closing one (odd number of quotes before it in its paragraph)?
  const closingQuote = new Uint8Array(n);
  for (const p of paras) {
    let odd = false;
    for (let i = p.start; i < p.end; i++) {
      if (text[i] === '"') {
        closingQuote[i] = odd ? 1 : 0;
        odd = !odd;
      }
    }
  }

  // letter runs of the text, counted (lazily: clean text rarely gets this far)
  let runs: Map<string, number> | null = null;
  const runCount = (w: string): number => {
    if (!runs) {
      runs = new Map<string, number>();
      for (const m of text.matchAll(/[A-Za-z\u00C0-\u024F]+/g)) {
        const k = m[0].toLowerCase();
        runs.set(k, (runs.get(k) ?? 0) + 1);
      }
    }
    return runs.get(w) ?? 0;
  };
  /** Occurrences of a letter run outside chunk c. */
  const outside = (c: Chunk): ((w: string) => number) => {
    const own = text.slice(c.a, c.b).toLowerCase().match(/[a-z\u00C0-\u024F]+/g) ?? [];
    return (w: string): number => runCount(w) - own.filter((o) => o === w).length;
  };
  const wholeCost = (c: Chunk): number => {
    if (c.whole < 0) c.whole = c.b - c.a > MAX_CHUNK ? 0 : lex.tokenCost(text.slice(c.a, c.b), outside(c));
    return c.whole;
  };
  const splitCost = (c: Chunk, p: number): number => {
    if (c.b - c.a > MAX_CHUNK) return Infinity;
    if (!c.splits) c.splits = new Float64Array(c.b - c.a - 1).fill(-1);
    const k = p - c.a - 1;
    const known = c.splits[k] ?? -1;
    if (known >= 0) return known;
    const elsewhere = outside(c);
    const left = text.slice(c.a, p);
    const right = text.slice(p, c.b);
    if (silentBreak(p)) {
      // the text had a space here the repair cannot put back ("Ando ;", "Average .DJI", "2,500 3"):
      // the line may end here all the same, changing nothing
      const sv = SPLIT_PENALTY + lex.tokenCost(left, elsewhere) + lex.tokenCost(right, elsewhere);
      c.splits[k] = sv;
      return sv;
    }
    let v = SPLIT_PENALTY + lex.tokenCost(left, elsewhere) + lex.tokenCost(right, elsewhere) + boundaryPenalty(p);
    if (lex.pairCost) {
      v += lex.pairCost(left, right);
      const before = chunks[c.i - 1];
      const nl = before ? text.indexOf('\n', before.b) : -1;
      if (before && (nl < 0 || nl >= c.a)) v += lex.pairCost(text.slice(before.a, before.b), left);
    }
    c.splits[k] = v;
    return v;
  };
  /** A break before closing punctuation, after an opening bracket or between digits: no space to insert. */
  function silentBreak(p: number): boolean {
    const l = text[p - 1] ?? '';
    const r = text[p] ?? '';
    return SILENT_BEFORE.includes(r) || l === '(' || l === '[' || (l >= '0' && l <= '9' && ((r >= '0' && r <= '9') || r === '-' || r === '+' || r === '$'));
  }
  function boundaryPenalty(p: number): number {
    const l = text[p - 1] ?? '';
    const r = text[p] ?? '';
    let pen = 0;
    if (OPENERS.includes(l)) pen += 8;
    if (CLOSERS.includes(r)) pen += 6;
    if (l === '"' && closingQuote[p - 1] === 0) pen += 8;
    if (r === '"' && closingQuote[p] === 1) pen += 8;
    const dash = (l === '-' && text[p - 2] === '-') || (r === '-' && text[p + 1] === '-'); // "--amid", "split--"
    if (!dash && (l === '-' || r === '-' || l === '/' || r === '/')) pen += 8;
    if (r === '\'' || r === '\u2019') pen += 8;
    if ((l === '\'' || l === '\u2019') && text[p - 2] !== 's') pen += 8; // "manufacturers'" ends a word
    if (l >= '0' && l <= '9' && r >= '0' && r <= '9') pen += 8;
    return pen;
  }
  /** Best (lowest) split cost of a chunk over offsets (a, limit]. */
  const bestSplit = (c: Chunk, limit: number): { p: number; cost: number } => {
    let best = { p: -1, cost: Infinity };
    const hi = Math.min(c.b - 1, limit);
    for (let p = c.a + 1; p <= hi; p++) {
      const v = splitCost(c, p);
      if (v < best.cost) best = { p, cost: v };
    }
    return best;
  };

  // quick rejection: too few chunks that look like two words run together
  let suspects = 0;
  for (const c of chunks) {
    if (c.b - c.a < 3 || wholeCost(c) < SUSPECT_COST) continue;
    if (wholeCost(c) - bestSplit(c, c.b).cost >= EVIDENCE_MARGIN) suspects++;
  }
  if (suspects < MIN_EVIDENCE) return null;

  /**
   * Shortest path over line starts of one paragraph at width w. `full`: evaluate splits of every forced
   * chunk (else only of suspects, the others take a space break: cheap enough to scan all widths).
   */
  function walk(para: Para, w: number, full: boolean): { joins: number[]; pos: number; neg: number; breaks: number; cost: number } {
    const best = new Map<number, Step>();
    best.set(para.start, { cost: 0, prev: -1, join: -1, evidence: 0 });
    const pending: number[] = [para.start];
    let endState = -1;
    let endCost = Infinity;
    const relax = (from: number, to: number, cost: number, join: number, evidence: number): void => {
      const old = best.get(to);
      if (old && old.cost <= cost) return;
      if (!old) pending.push(to);
      best.set(to, { cost, prev: from, join, evidence });
    };
    while (pending.length > 0) {
      // smallest pending start (edges only go forward)
      let mi = 0;
      for (let i = 1; i < pending.length; i++) if ((pending[i] ?? 0) < (pending[mi] ?? 0)) mi = i;
      const s = pending[mi] ?? 0;
      pending.splice(mi, 1);
      const here = best.get(s);
      if (!here) continue;
      if (para.end - s <= w) {
        if (here.cost < endCost) {
          endCost = here.cost;
          endState = s;
        }
        continue;
      }
      const q = s + w;
      let ci = chunkAt[q] ?? -1;
      if (ci < 0 && q > s) ci = chunkAt[q - 1] ?? -1;
      if (ci < 0) {
        // nothing straddles column w: the line ended at a space
        let t = q;
        while (t < para.end && isSpace(text[t])) t++;
        relax(s, t, here.cost + SPACE_BREAK, -1, -EVIDENCE_CLAMP);
        continue;
      }
      const c = chunks[ci];
      if (!c) continue;
      const whole = wholeCost(c);
      if (full || whole >= SUSPECT_COST) {
        const hi = Math.min(c.b - 1, q);
        for (let p = Math.max(c.a + 1, s + 1); p <= hi; p++) {
          const v = splitCost(c, p);
          if (v === Infinity) continue;
          relax(s, p, here.cost + v - Math.min(whole, WHOLE_CAP), silentBreak(p) ? -1 : p, clampEvidence(whole - v - EVIDENCE_MARGIN));
        }
      }
      if (c.b > q && c.a > s) {
        relax(s, c.a, here.cost + SPACE_BREAK, -1, -EVIDENCE_CLAMP);
      } else if (c.b === q) {
        let t = q;
        while (t < para.end && isSpace(text[t])) t++;
        relax(s, t, here.cost + SPACE_BREAK, -1, -EVIDENCE_CLAMP);
      } else if (c.a <= s) {
        // one word longer than the line
        let t = c.b;
        while (t < para.end && isSpace(text[t])) t++;
        relax(s, t, here.cost + SPACE_BREAK, -1, -EVIDENCE_CLAMP);
      }
    }
    const joins: number[] = [];
    let pos = 0;
    let neg = 0;
    let breaks = 0;
    for (let s = endState; s >= 0; ) {
      const st = best.get(s);
      if (!st || st.prev < 0) break;
      breaks++;
      if (st.join >= 0) joins.push(st.join);
      if (st.evidence > 0) pos += st.evidence;
      else neg -= st.evidence;
      s = st.prev;
    }
    joins.reverse();
    return { joins, pos, neg, breaks, cost: endCost };
  }

  // width: the one whose forced chunks are most often lost breaks
  let bestW = -1;
  let bestScore = -Infinity;
  let bestPos = 0;
  let bestNeg = 0;
  const longest = paras.reduce((m, p) => Math.max(m, p.end - p.start), 0);
  for (let w = MIN_WIDTH; w <= Math.min(MAX_WIDTH, longest - 1); w++) {
    let pos = 0;
    let neg = 0;
    for (const para of paras) {
      if (para.end - para.start <= w) continue;
      const r = walk(para, w, false);
      pos += r.pos;
      neg += r.neg;
    }
    const score = pos - neg;
    if (score > bestScore) {
      bestScore = score;
      bestW = w;
      bestPos = pos;
      bestNeg = neg;
    }
  }
  if (bestW < 0 || bestPos < MIN_EVIDENCE_SUM || bestPos < 1.5 * bestNeg) return null;

  // the scan above judged suspects only; neighbouring widths are settled on the full cost of every break
  const fullCost = (w: number): number => {
    let cost = 0;
    for (const para of paras) if (para.end - para.start > w) cost += walk(para, w, true).cost;
    return cost;
  };
  let bestFull = fullCost(bestW);
  for (const w of [bestW - 2, bestW - 1, bestW + 1, bestW + 2]) {
    if (w < MIN_WIDTH || w > MAX_WIDTH) continue;
    const c = fullCost(w);
    if (c < bestFull) {
      bestFull = c;
      bestW = w;
    }
  }

  const joins: number[] = [];
  const settled: [number, number][] = [];
  for (const para of paras) {
    if (para.end - para.start <= bestW) {
      settled.push([para.start, para.end]);
      continue;
    }
    const r = walk(para, bestW, true);
    // in a text found wrapped, a paragraph of two lines is taken as wrapped too (its one break may be
    // two names, "LanninIllona"); longer ones must show it themselves
    if (r.pos <= r.neg && !(r.breaks === 1 && r.joins.length === 1)) continue;
    settled.push([para.start, para.end]);
    joins.push(...r.joins);
  }
  return { width: bestW, joins, settled };
}
