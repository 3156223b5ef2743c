/** Names, colour classes and number formats shared by the views. */
import type { ActorRef, Quantity } from './api.js';

export const QUADS: readonly { quad: 1 | 2 | 3 | 4; name: string; short: string }[] = [
  { quad: 1, name: 'Verbal cooperation', short: 'Verbal coop.' },
  { quad: 2, name: 'Material cooperation', short: 'Material coop.' },
  { quad: 3, name: 'Verbal conflict', short: 'Verbal conflict' },
  { quad: 4, name: 'Material conflict', short: 'Material conflict' },
];

export function quadName(q: number | null): string {
  return QUADS.find((x) => x.quad === q)?.name ?? 'no QuadClass';
}

/** The 20 CAMEO root categories. */
export const CAMEO_ROOTS: readonly [string, string][] = [
  ['01', 'Make public statement'],
  ['02', 'Appeal'],
  ['03', 'Express intent to cooperate'],
  ['04', 'Consult'],
  ['05', 'Engage in diplomatic cooperation'],
  ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'],
  ['08', 'Yield'],
  ['09', 'Investigate'],
  ['10', 'Demand'],
  ['11', 'Disapprove'],
  ['12', 'Reject'],
  ['13', 'Threaten'],
  ['14', 'Protest'],
  ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'],
  ['17', 'Coerce'],
  ['18', 'Assault'],
  ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

/** PLOVER event types, cooperative to conflictual. */
export const PLOVER_TYPES: readonly string[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

const intFmt = new Intl.NumberFormat('en-US');
export const fmtInt = (n: number): string => intFmt.format(n);

/** Goldstein score with a sign and one decimal; a dash when unknown. */
export function fmtGoldstein(g: number | null): string {
  if (g === null || !Number.isFinite(g)) return '–';
  const v = Math.round(g * 10) / 10;
  return `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
}

/**
 * Goldstein bucket (-3..3) for colours: strongly conflictual to strongly cooperative. CSS and SVG
 * use classes g-m3 … g-p3 so the colours live in style.css.
 */
export function goldsteinBucket(g: number | null): string {
  if (g === null || !Number.isFinite(g)) return 'g-na';
  if (g <= -6) return 'g-m3';
  if (g <= -3) return 'g-m2';
  if (g < -0.5) return 'g-m1';
  if (g <= 0.5) return 'g-0';
  if (g < 3) return 'g-p1';
  if (g < 6) return 'g-p2';
  return 'g-p3';
}

export const GOLDSTEIN_BUCKETS: readonly [string, string][] = [
  ['g-m3', '≤ −6'],
  ['g-m2', '−6 to −3'],
  ['g-m1', '−3 to −0.5'],
  ['g-0', 'about 0'],
  ['g-p1', '0.5 to 3'],
  ['g-p2', '3 to 6'],
  ['g-p3', '≥ 6'],
];

/** "CAN (Canada)": the code and, when it says more, the text it was coded from. */
export function actorLabel(a: ActorRef | null): string {
  if (a === null) return '—';
  const text = a.name ?? a.text;
  return text !== '' && text !== a.code ? `${a.code} (${text})` : a.code;
}

export function quantityText(q: Quantity): string {
  return q.text !== '' ? q.text : `${q.value} ${q.unit}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}
