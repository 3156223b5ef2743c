/**
 * The CAMEO code table (dictionaries/cameo.tsv): names, Goldstein weights, QuadClass and the PLOVER
 * type/mode of each code. Loaded once per coder and validated at the boundary.
 */
import { readFileSync } from 'node:fs';
import type { CameoInfo, PloverInfo } from '../types.js';

export interface CameoCode {
  code: string;
  root: string;
  name: string;
  goldstein: number | null;
  quad: number;
  plover: PloverInfo;
  line: number;
}

export interface CameoTable {
  get(code: string): CameoCode | undefined;
  /** The CAMEO and PLOVER blocks of an event with this code; throws on an unknown code. */
  info(code: string): { cameo: CameoInfo; plover: PloverInfo };
  /**
   * As `info`, but a code that is not in the table (PETRARCH dictionaries carry their own, e.g. `174K`)
   * is kept as written, with no QuadClass, Goldstein weight or PLOVER type.
   */
  infoOrRaw(code: string): { cameo: CameoInfo; plover: PloverInfo };
  readonly size: number;
}

export function parseCameoTable(text: string, file: string): CameoTable {
  const codes = new Map<string, CameoCode>();
  const lines = text.split('\n');
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (!raw.trim() || raw.startsWith('#') || raw.startsWith('code\t')) return;
    const cells = raw.split('\t');
    if (cells.length !== 7) throw new Error(`${file}:${line}: expected 7 tab-separated columns, found ${cells.length}`);
    const [code = '', root = '', name = '', goldstein = '', quad = '', plover = '', mode = ''] = cells;
    if (!/^\d{2,4}$/.test(code)) throw new Error(`${file}:${line}: bad CAMEO code "${code}"`);
    if (root !== code.slice(0, 2)) throw new Error(`${file}:${line}: root "${root}" does not match code "${code}"`);
    const q = Number(quad);
    if (!Number.isInteger(q) || q < 1 || q > 4) throw new Error(`${file}:${line}: bad QuadClass "${quad}"`);
    const g = goldstein === '' ? null : Number(goldstein);
    if (g !== null && !Number.isFinite(g)) throw new Error(`${file}:${line}: bad Goldstein weight "${goldstein}"`);
    if (codes.has(code)) throw new Error(`${file}:${line}: duplicate code ${code}`);
    codes.set(code, { code, root, name, goldstein: g, quad: q, plover: { type: plover || null, mode: mode || null }, line });
  });
  return {
    get: (code) => codes.get(code),
    info(code) {
      const c = codes.get(code);
      if (!c) throw new Error(`unknown CAMEO code "${code}" (not in ${file})`);
      // a code without its own Goldstein weight takes its parent's (e.g. 0110 → 011 → 01)
      let goldstein = c.goldstein;
      for (let p = code.slice(0, -1); goldstein === null && p.length >= 2; p = p.slice(0, -1)) goldstein = codes.get(p)?.goldstein ?? null;
      let plover = c.plover;
      for (let p = code.slice(0, -1); plover.type === null && p.length >= 2; p = p.slice(0, -1)) plover = codes.get(p)?.plover ?? plover;
      return { cameo: { code, root: c.root, quad: c.quad, goldstein }, plover: { ...plover } };
    },
    infoOrRaw(code) {
      if (codes.has(code)) return this.info(code);
      return { cameo: { code, root: code.slice(0, 2), quad: null, goldstein: null }, plover: { type: null, mode: null } };
    },
    get size() {
      return codes.size;
    },
  };
}

export function loadCameoTable(path: string): CameoTable {
  return parseCameoTable(readFileSync(path, 'utf8'), path);
}
