/**
 * Wire-story datelines ("VILNIUS (Reuters) - ...") and credit lines
 * ("(Reporting by Patrick Lannin and Mark John; Editing by Catherine Evans)").
 */
import type { Credits, Dateline } from '../types.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/**
 * Optional byline ("By Jennifer Coogan "), the place in capitals (maybe "/OTHER PLACE", maybe ", Region"),
 * an optional date ("March 3"), the agency in parentheses and a dash.
 */
const DATELINE_RE = new RegExp(
  '^\\s*(?:By\\s+(?:[A-Z][\\w.\'-]*\\s+){1,4}?)?' +
    "([A-Z][A-Z.'\\-]*(?:\\s+[A-Z][A-Z.'\\-]*)*(?:\\s*/\\s*[A-Z][A-Z.'\\-]*(?:\\s+[A-Z][A-Z.'\\-]*)*)*)" +
    "((?:\\s*,\\s*(?!" + MONTH + '\\s+\\d)[A-Z][A-Za-z.\']*(?:\\s+[A-Z][A-Za-z.\']*)*)?)' +
    '(?:\\s*,\\s*' + MONTH + '\\s+\\d{1,2})?' +
    '\\s*\\(([A-Za-z][A-Za-z .&\'-]{0,40})\\)\\s*(?:-{1,2}|\u2013|\u2014)',
);

const LOWER_WORDS = new Set(['de', 'del', 'della', 'da', 'do', 'dos', 'das', 'es', 'al', 'el', 'la', 'le', 'of', 'the', 'and', 'upon', 'on', 'am', 'im', 'an', 'der', 'den', 'van', 'von']);

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/(\s+|-|\/)/)
    .map((w, i) => {
      if (i > 0 && LOWER_WORDS.has(w)) return w;
      return w.replace(/^([a-z])|(?<=['.])([a-z])/g, (c) => c.toUpperCase());
    })
    .join('');
}

/**
 * The dateline at the start of a story. `place` is title-cased ("New York"); with several places
 * ("SYDNEY/PHILADELPHIA") the first; a region after a comma is kept ("Calgary, Alberta").
 * The span covers the dateline through its dash.
 */
export function parseDateline(text: string): Dateline | null {
  const head = text.slice(0, 300);
  const m = DATELINE_RE.exec(head);
  if (!m) return null;
  const rawPlace = (m[1] ?? '').trim();
  const region = (m[2] ?? '').replace(/^\s*,\s*/, '').trim();
  const agency = (m[3] ?? '').trim();
  // The place must be written in capitals (at least two letters), or it is ordinary text.
  if (!/[A-Z]{2}/.test(rawPlace) || /[a-z]/.test(rawPlace)) return null;
  const first = rawPlace.split('/')[0]?.trim() ?? rawPlace;
  let place = titleCase(first.replace(/\s+/g, ' '));
  if (region && !rawPlace.includes('/')) place += ', ' + region.replace(/\s+/g, ' ');
  const start = m.index + (m[0].length - m[0].replace(/^\s+/, '').length);
  return { place: place || null, agency: agency || null, span: { start, end: m.index + m[0].length } };
}

const ROLE_RE = /\b(additional reporting|reporting|writing|compiled|editing|edited|research|polling)\s+by\b/gi;

/** Split a list of names: "A, B and C", "A/B", "A & B"; drops " in Paris", trims stray spaces. */
function splitNames(s: string): string[] {
  return s
    .split(/\s*(?:,|\/|&|\band\b)\s*/)
    .map((n) =>
      n
        .replace(/\s+(?:in|from|at)\s+[A-Z][\s\S]*$/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((n) => /^[A-Z][\w.'-]*(?:\s+[\w.'-]+){0,4}$/.test(n) && !/\b(?:Unit|Units|Desk|Bureau|Staff)\b/.test(n));
}

/**
 * Credits in parentheses, normally at the end of a story. Reporters come from "Reporting by",
 * "Additional reporting by", "Writing by", "Compiled by"; editors from "Editing by"/"edited by".
 * The span is that of the last parenthesised group holding a credit.
 */
export function parseCredits(text: string): Credits {
  const reporters: string[] = [];
  const editors: string[] = [];
  let span: Credits['span'] = null;
  const groupRe = /\(([^()]*\b(?:[Rr]eporting|[Ww]riting|[Cc]ompiled|[Ee]diting|[Ee]dited)\s+by\b[^()]*)\)/g;
  for (let g = groupRe.exec(text); g !== null; g = groupRe.exec(text)) {
    const body = g[1] ?? '';
    const roles: { role: string; at: number; end: number }[] = [];
    // matchAll works on its own copy of the (module-level) expression: no shared lastIndex
    for (const r of body.matchAll(ROLE_RE)) {
      const at = r.index ?? 0;
      roles.push({ role: (r[1] ?? '').toLowerCase(), at, end: at + r[0].length });
    }
    if (roles.length === 0) continue;
    roles.forEach((r, k) => {
      const next = roles[k + 1];
      let names = body.slice(r.end, next ? next.at : body.length);
      names = names.replace(/[;,.\s]+$/, '');
      const list = splitNames(names);
      const target = r.role.startsWith('edit') ? editors : r.role === 'research' || r.role === 'polling' ? null : reporters;
      if (!target) return;
      for (const n of list) if (!target.includes(n)) target.push(n);
    });
    span = { start: g.index, end: g.index + g[0].length };
  }
  return { reporters, editors, span };
}
