/**
 * A set of lower-case a–z words as a flat 26-way trie, looked up straight from a text's characters: no
 * substring and no string hash per lookup (the repairer asks about every word of every story).
 */
export interface WordTrie {
  /** Is text[start, end) a word of the set, the first letter read as lower case? */
  has(text: string, start: number, end: number): boolean;
  readonly nodes: number;
}

export function buildWordTrie(words: Iterable<string>): WordTrie {
  let children = new Int32Array(26 * 4096);
  let terminal = new Uint8Array(4096);
  let count = 1; // node 0 is the root
  const grow = (): void => {
    const c = new Int32Array(children.length * 2);
    c.set(children);
    children = c;
    const t = new Uint8Array(terminal.length * 2);
    t.set(terminal);
    terminal = t;
  };
  for (const w of words) {
    if (!/^[a-z]+$/.test(w)) continue;
    let node = 0;
    for (let k = 0; k < w.length; k++) {
      const slot = node * 26 + (w.charCodeAt(k) - 97);
      let next = children[slot] ?? 0;
      if (next === 0) {
        if (count >= terminal.length) grow();
        next = count++;
        children[slot] = next;
      }
      node = next;
    }
    terminal[node] = 1;
  }
  const finalChildren = children.slice(0, count * 26);
  const finalTerminal = terminal.slice(0, count);
  return {
    has(text: string, start: number, end: number): boolean {
      let node = 0;
      for (let k = start; k < end; k++) {
        let c = text.charCodeAt(k);
        if (k === start && c >= 65 && c <= 90) c += 32;
        if (c < 97 || c > 122) return false;
        node = finalChildren[node * 26 + (c - 97)] ?? 0;
        if (node === 0) return false;
      }
      return finalTerminal[node] === 1;
    },
    nodes: count,
  };
}
