/**
 * The explore view's filters: which there are, how they read from and write to the hash
 * (`#/explore?actor=CAN&quad=4`), and the checks the server's query schema makes, so a bad value is
 * reported next to its field instead of as a 400.
 */
import { CAMEO_ROOTS, PLOVER_TYPES, QUADS } from './format.js';

export interface FilterField {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'select';
  placeholder?: string;
  /** HTML pattern (whole value), mirroring the API schema. */
  pattern?: string;
  /** What the pattern wants, shown when it fails. */
  hint?: string;
  options?: readonly [string, string][];
  /** Upper-cased before use (actor codes, countries, PLOVER types). */
  upper?: boolean;
  wide?: boolean;
}

const CODE = '[A-Za-z0-9]{1,40}';
const ISO3 = '[A-Za-z]{3}';

export const FILTER_FIELDS: readonly FilterField[] = [
  { name: 'q', label: 'Text search', kind: 'text', placeholder: 'words in headline or text', wide: true },
  { name: 'actor', label: 'Actor (either side)', kind: 'text', placeholder: 'CAN, CANGOV', pattern: CODE, hint: 'an actor code prefix: letters and digits', upper: true },
  { name: 'source', label: 'Source', kind: 'text', placeholder: 'code prefix', pattern: CODE, hint: 'an actor code prefix: letters and digits', upper: true },
  { name: 'target', label: 'Target', kind: 'text', placeholder: 'code prefix', pattern: CODE, hint: 'an actor code prefix: letters and digits', upper: true },
  { name: 'country', label: 'Actor country', kind: 'text', placeholder: 'ISO3, e.g. ETH', pattern: ISO3, hint: 'three letters (ISO alpha-3)', upper: true },
  { name: 'cameo', label: 'CAMEO code', kind: 'text', placeholder: 'prefix, e.g. 13', pattern: '[0-9]{2,4}', hint: '2 to 4 digits' },
  { name: 'root', label: 'CAMEO root', kind: 'select', options: [['', 'any'], ...CAMEO_ROOTS.map(([c, n]): [string, string] => [c, `${c} ${n}`])] },
  { name: 'plover', label: 'PLOVER type', kind: 'select', options: [['', 'any'], ...PLOVER_TYPES.map((t): [string, string] => [t, t])] },
  { name: 'quad', label: 'QuadClass', kind: 'select', options: [['', 'any'], ...QUADS.map((q): [string, string] => [String(q.quad), `${q.quad} ${q.name}`])] },
  { name: 'from', label: 'From', kind: 'date' },
  { name: 'to', label: 'To', kind: 'date' },
  { name: 'place_country', label: 'Place country', kind: 'text', placeholder: 'ISO3, e.g. IRQ', pattern: ISO3, hint: 'three letters (ISO alpha-3)', upper: true },
  { name: 'near', label: 'Near (lat,lon,km)', kind: 'text', placeholder: '50.85,4.35,200', pattern: ' *-?[0-9]{1,3}(\\.[0-9]{1,10})? *, *-?[0-9]{1,3}(\\.[0-9]{1,10})? *, *[0-9]{1,5}(\\.[0-9]{1,6})? *', hint: 'latitude,longitude,radius in km' },
];

export const FILTER_NAMES: readonly string[] = FILTER_FIELDS.map((f) => f.name);

/** Normalises one value the way the form submits it; '' means unset. */
export function normalise(name: string, value: string): string {
  const field = FILTER_FIELDS.find((f) => f.name === name);
  let v = value.trim();
  if (name === 'near') v = v.replace(/\s+/g, '');
  if (field?.upper === true) v = v.toUpperCase();
  return v;
}

/** The known, non-empty filters of a query string (the part of the hash after '?'). */
export function parseFilters(query: string): URLSearchParams {
  const given = new URLSearchParams(query);
  const out = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const v = given.get(name);
    if (v === null) continue;
    const n = normalise(name, v);
    if (n !== '') out.set(name, n);
  }
  return out;
}

/** A filter value the API would refuse, as a message; null when fine. */
export function checkFilter(name: string, value: string): string | null {
  const field = FILTER_FIELDS.find((f) => f.name === name);
  if (field === undefined || value === '') return null;
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(value)) return `${field.label}: ${field.hint ?? 'not a valid value'}`;
  if (field.kind === 'select' && field.options !== undefined && !field.options.some(([v]) => v === value)) return `${field.label}: not one of the choices`;
  if (name === 'q' && !/[\p{L}\p{N}]/u.test(value)) return 'Text search: give at least one word';
  if (name === 'q' && value.length > 500) return 'Text search: at most 500 characters';
  if (name === 'near') {
    const [lat, lon, km] = value.split(',').map(Number);
    if (lat === undefined || lon === undefined || km === undefined) return 'Near: latitude,longitude,radius in km';
    if (Math.abs(lat) > 90) return 'Near: latitude must be within −90..90';
    if (Math.abs(lon) > 180) return 'Near: longitude must be within −180..180';
    if (!(km > 0) || km > 20050) return 'Near: radius must be above 0 and at most 20050 km';
  }
  return null;
}

export function checkFilters(filters: URLSearchParams): string[] {
  const problems: string[] = [];
  for (const [k, v] of filters) {
    const p = checkFilter(k, v);
    if (p !== null) problems.push(p);
  }
  const from = filters.get('from');
  const to = filters.get('to');
  if (from !== null && to !== null && from > to) problems.push('From is after To');
  return problems;
}

/** "actor CAN · QuadClass 4" for headings and announcements. */
export function describeFilters(filters: URLSearchParams): string {
  const parts: string[] = [];
  for (const [k, v] of filters) {
    const field = FILTER_FIELDS.find((f) => f.name === k);
    const shown = field?.options?.find(([value]) => value === v)?.[1] ?? v;
    parts.push(`${field?.label ?? k}: ${shown}`);
  }
  return parts.length === 0 ? 'all events' : parts.join(' · ');
}

/** A source → target pair of actor code prefixes: the explore view's selected dyad. */
export interface Dyad {
  source: string;
  target: string;
}

const DYAD_CODE = new RegExp(`^${CODE}$`);

/** "CAN~IGOWSTNAT": the dyad as the hash carries it (`dyad=`) and as the charts mark it (`data-dyad`). */
export const dyadKey = (d: Dyad): string => `${d.source}~${d.target}`;

export const sameDyad = (a: Dyad | null, b: Dyad | null): boolean => (a === null || b === null ? a === b : dyadKey(a) === dyadKey(b));

/** The dyad of a hash value (`CAN~IGOWSTNAT`, any case); null when it is not two codes the API takes. */
export function parseDyad(value: string): Dyad | null {
  const parts = value.trim().toUpperCase().split('~');
  if (parts.length !== 2) return null;
  const [source, target] = parts;
  if (source === undefined || target === undefined || !DYAD_CODE.test(source) || !DYAD_CODE.test(target)) return null;
  return { source, target };
}

/** The explore hash of filters and, last, the selected dyad. */
export function exploreHash(filters: URLSearchParams, dyad: Dyad | null = null): string {
  const p = new URLSearchParams(filters);
  if (dyad !== null) p.set('dyad', dyadKey(dyad));
  // '~' is safe in a URL: keep the dyad readable
  const q = p.toString().replace(/%7E/gi, '~');
  return q === '' ? '#/explore' : `#/explore?${q}`;
}
