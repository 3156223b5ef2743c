/**
 * A set of lower-case a–z words looked up straight from a text's characters: no substring and no string
 * hash per lookup (the repairer asks about every word of every story). Open addressing: a slot holds a
 * word's first 12 letters packed in two 32-bit words with its length, so most lookups read one slot, one
 * cache line. (A 26-way trie was here before: one memory access per letter into a table of megabytes;
 * a profile showed the lookups as half the repairer's own time.)
 */
export interface WordSet {
  /** Is text[start, end) a word of the set, the first letter read as lower case? */
  has(text: string, start: number, end: number): boolean;
  readonly size: number;
}

/** Letters packed into a slot's two key words: 6 letters of 5 bits each per 32-bit word. */
const PACKED = 12;
/** Slots per word, at least (load factor under 2/3 keeps linear probes short). */
const SPREAD = 1.5;

/** Mixes a word's two packed keys and its length into a slot number (any good 32-bit mix will do). */
function mix(p1: number, p2: number, len: number): number {
  let h = Math.imul(p1 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ p2, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ len, 0x27d4eb2f);
  return h ^ (h >>> 15);
}

export function buildWordSet(words: Iterable<string>): WordSet {
  const list: string[] = [];
  const seen = new Set<string>();
  for (const w of words) {
    if (!/^[a-z]+$/.test(w) || seen.has(w)) continue;
    seen.add(w);
    list.push(w);
  }
  let capacity = 16;
  while (capacity < list.length * SPREAD) capacity *= 2;
  const mask = capacity - 1;
  // slot k, four words: the first 12 letters packed (two words), the length, the word's index + 1 (0:
  // empty). A word of up to 12 letters is matched inside its slot (one memory access); the letters of
  // longer ones are compared from \`tails\`.
  const slots = new Int32Array(capacity * 4);
  const tails: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const w = list[i] as string;
    let p1 = 0;
    let p2 = 0;
    for (let k = 0; k < w.length && k < PACKED; k++) {
      const c = w.charCodeAt(k) - 96;
      if (k < 6) p1 = (p1 << 5) | c;
      else p2 = (p2 << 5) | c;
    }
    let slot = mix(p1, p2, w.length) & mask;
    while ((slots[4 * slot + 3] ?? 0) !== 0) slot = (slot + 1) & mask;
    slots[4 * slot] = p1;
    slots[4 * slot + 1] = p2;
    slots[4 * slot + 2] = w.length;
    slots[4 * slot + 3] = i + 1;
    tails.push(w.length > PACKED ? w.slice(PACKED) : '');
  }

  return Object.freeze({
    has(text: string, start: number, end: number): boolean {
      if (end <= start) return false;
      let p1 = 0;
      let p2 = 0;
      const packedEnd = Math.min(end, start + PACKED);
      for (let k = start; k < packedEnd; k++) {
        let c = text.charCodeAt(k);
        if (k === start && c >= 65 && c <= 90) c += 32;
        if (c < 97 || c > 122) return false;
        if (k - start < 6) p1 = (p1 << 5) | (c - 96);
        else p2 = (p2 << 5) | (c - 96);
      }
      const len = end - start;
      for (let slot = mix(p1, p2, len) & mask; ; slot = (slot + 1) & mask) {
        const b = 4 * slot;
        const idx = slots[b + 3] ?? 0;
        if (idx === 0) return false;
        if (slots[b] !== p1 || slots[b + 1] !== p2 || slots[b + 2] !== len) continue;
        if (len <= PACKED) return true;
        // words that share their first 12 letters and their length share a probe chain: compare the rest
        const tail = tails[idx - 1] ?? '';
        let k = 0;
        while (k < tail.length && text.charCodeAt(start + PACKED + k) === tail.charCodeAt(k)) k++;
        if (k === tail.length) return true;
      }
    },
    size: list.length,
  });
}

/**
 * A bounded memo from stretches of text to a small number, looked up straight from a text's characters
 * (no substring per lookup; a key is copied only when stored). Open addressing; emptied when full.
 */
export interface ChunkMemo {
  /** The value stored for text[start, end), or -1. */
  get(text: string, start: number, end: number): number;
  set(text: string, start: number, end: number, value: number): void;
  readonly size: number;
}

/** FNV-1a over text[start, end), mixed. */
function chunkHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** A chunk memo of at most `limit` entries (then emptied: a cache, not a store). */
export function createChunkMemo(limit: number): ChunkMemo {
  let capacity = 16;
  while (capacity < limit * SPREAD) capacity *= 2;
  const mask = capacity - 1;
  // per slot: the key's hash and its value + 1 (0: empty); the key itself
  const hashes = new Int32Array(capacity);
  const values = new Int32Array(capacity);
  const keys: string[] = new Array<string>(capacity).fill('');
  let size = 0;
  const same = (key: string, text: string, start: number, end: number): boolean => {
    if (key.length !== end - start) return false;
    for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
    return true;
  };
  return {
    get(text, start, end) {
      const h = chunkHash(text, start, end);
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const v = values[slot] as number;
        if (v === 0) return -1;
        if (hashes[slot] === h && same(keys[slot] as string, text, start, end)) return v - 1;
      }
    },
    set(text, start, end, value) {
      if (size >= limit) {
        values.fill(0);
        keys.fill('');
        size = 0;
      }
      const h = chunkHash(text, start, end);
      let slot = h & mask;
      for (; (values[slot] as number) !== 0; slot = (slot + 1) & mask) {
        if (hashes[slot] === h && same(keys[slot] as string, text, start, end)) {
          values[slot] = value + 1;
          return;
        }
      }
      hashes[slot] = h;
      values[slot] = value + 1;
      keys[slot] = text.slice(start, end);
      size++;
    },
    get size() {
      return size;
    },
  };
}
