/**
 * `wirecoder validate FILE.xml --dictionaries DIR`: runs a PETRARCH validation file (records with the
 * events they expect, `<Config>` option changes between them) against the PETRARCH dictionaries it
 * names, and reports each failing record, per-category counts and `N passed, M failed`.
 *
 * The dictionaries are read and compiled once; a coder instance is built per distinct option set.
 * Errors wirecoder never produces (`dateline`, `bad_input_parse`: PETRARCH's parse-tree checks) count
 * as failures, with a note saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadGazetteer, type Gazetteer } from '../attributes/places.js';
import { createCoder, type Coder } from '../coder.js';
import { formatProblem } from '../petrarch/common.js';
import {
  findPetrarchFiles,
  loadPetrarchDictionaries,
  namedPetrarchFiles,
  type PetrarchDictionaries,
  type PetrarchFiles,
} from '../petrarch/dictionaries.js';
import { applyOption, DEFAULT_PETRARCH_OPTIONS, type PetrarchOptions } from '../petrarch/options.js';
import { parseValidationFile, type Triple, type ValidationEnvironment, type ValidationRecord } from '../petrarch/validation.js';
import type { DiscardRecord, StoryResult } from '../types.js';

/** The file or the dictionaries cannot be read: the run cannot start. `message` is `FILE: problem`. */
export class ValidateError extends Error {}

/** A discard as a story result reports it (`StoryResult.discards`). */
export type Discard = DiscardRecord;

export interface RecordResult {
  id: string;
  category: string;
  line: number;
  pass: boolean;
  expectNoEvents: boolean;
  expectError: string | null;
}

export interface ValidateResult {
  passed: number;
  failed: number;
  byCategory: Map<string, { passed: number; failed: number }>;
  results: RecordResult[];
}

export interface Judgement {
  pass: boolean;
  /** Why it failed, when the expected/coded lines do not say it alone. */
  note: string | null;
}

const tripleKey = (t: Triple): string => `${t.source} ${t.target} ${t.event}`;

/** Distinct triples, in first-seen order. */
export function distinctTriples(triples: readonly Triple[]): Triple[] {
  const seen = new Set<string>();
  const out: Triple[] = [];
  for (const t of triples) {
    const k = tripleKey(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/** The triples a story result codes: `source target event`, a missing target as `---`, deduplicated. */
export function codedTriples(result: StoryResult): Triple[] {
  return distinctTriples(result.events.map((e) => ({ source: e.source.code, target: e.target?.code ?? '---', event: e.cameo.code })));
}

/**
 * Whether a record passes given what was coded:
 * - `error="sentencediscard"` / `"storydiscard"`: a discard of exactly that scope happened;
 * - any other expected error (PETRARCH's parse-tree checks): fails, wirecoder does not produce it;
 * - nothing expected (`noevents`, or no EventCoding): no events and no discard;
 * - otherwise: the set of coded triples equals the set expected, and nothing was discarded.
 */
export function judgeRecord(record: ValidationRecord, coded: readonly Triple[], discards: readonly Discard[]): Judgement {
  const err = record.expectError;
  if (err !== null) {
    const scope = err.toLowerCase() === 'sentencediscard' ? 'sentence' : err.toLowerCase() === 'storydiscard' ? 'story' : null;
    if (scope === null) return { pass: false, note: `expects error ${err}, which wirecoder does not produce` };
    if (discards.some((d) => d.scope === scope)) return { pass: true, note: null };
    const other = discards.find((d) => d.scope !== scope);
    return { pass: false, note: other ? `expects a ${scope} discard, got a ${other.scope} discard` : null };
  }
  if (discards.length) return { pass: false, note: null };
  const want = new Set(distinctTriples(record.expected).map(tripleKey));
  const got = new Set(coded.map(tripleKey));
  if (want.size !== got.size) return { pass: false, note: null };
  for (const k of got) if (!want.has(k)) return { pass: false, note: null };
  return { pass: true, note: null };
}

function describeExpected(record: ValidationRecord): string {
  if (record.expectError !== null) return `(error ${record.expectError})`;
  const t = distinctTriples(record.expected);
  return t.length ? t.map(tripleKey).join('; ') : '(no events)';
}

function describeCoded(coded: readonly Triple[], discards: readonly Discard[], failure: string | null): string {
  if (failure !== null) return `(coding failed: ${failure})`;
  const parts = coded.map(tripleKey);
  for (const d of discards) parts.push(`(discard: ${d.phrase}, ${d.rule.file}:${d.rule.line})`);
  return parts.length ? parts.join('; ') : '(no events)';
}

/** `YYYYMMDD` → `YYYY-MM-DD`; anything else → null (the record is coded undated). */
function isoDate(date: string): string | null {
  return /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : null;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The files the environment names when they are all in `dir`; else the set found there by name. */
function resolveFiles(dir: string, env: ValidationEnvironment): PetrarchFiles {
  const named = [env.verbs, ...env.actors, ...env.agents, ...env.discards, ...env.issues].filter((n): n is string => n !== undefined);
  try {
    if (env.verbs !== undefined && env.actors.length && named.every((n) => existsSync(resolve(dir, n)))) {
      return namedPetrarchFiles(dir, env);
    }
    return findPetrarchFiles(dir);
  } catch (e) {
    throw new ValidateError(message(e));
  }
}

/**
 * Runs a validation file. Every output line goes to `out`. Throws `ValidateError` when the file or
 * the dictionaries cannot be read; coder failures on single records count as failed records.
 */
export async function runValidate(
  xmlPath: string,
  opts: { dictionaries: string; verbose?: boolean },
  out: (line: string) => void,
): Promise<ValidateResult> {
  let text: string;
  try {
    text = readFileSync(xmlPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ValidateError(`${xmlPath}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : message(e)}`);
  }
  const parsed = parseValidationFile(text, xmlPath);
  for (const p of parsed.problems) out(formatProblem(p));
  const records = parsed.items.filter((i): i is ValidationRecord => i.kind === 'record');
  if (records.length === 0) {
    const first = parsed.problems.find((p) => p.severity === 'error');
    throw new ValidateError(first ? `${xmlPath}:${first.line}: ${first.message}` : `${xmlPath}: no validation records`);
  }

  const files = resolveFiles(opts.dictionaries, parsed.environment);
  let dictionaries: PetrarchDictionaries;
  try {
    dictionaries = loadPetrarchDictionaries(files);
  } catch (e) {
    throw new ValidateError(message(e));
  }
  let warnings = 0;
  for (const p of dictionaries.problems) {
    if (p.severity === 'error') out(formatProblem(p));
    else warnings++;
  }
  const errors = dictionaries.problems.length - warnings;
  out(`${errors} dictionary error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; dictionaries loaded in ${dictionaries.loadMs} ms`);

  // one coder per distinct option set, all sharing the dictionaries and one gazetteer
  const coders = new Map<string, Coder>();
  let gazetteer: Gazetteer | null = null;
  const coderFor = async (options: PetrarchOptions): Promise<Coder> => {
    const key = JSON.stringify(options);
    let coder = coders.get(key);
    if (coder === undefined) {
      gazetteer ??= loadGazetteer();
      coder = await createCoder({ gazetteer, petrarch: { dictionaries, options } });
      coders.set(key, coder);
    }
    return coder;
  };

  let options: PetrarchOptions = { ...DEFAULT_PETRARCH_OPTIONS };
  const results: RecordResult[] = [];
  const byCategory = new Map<string, { passed: number; failed: number }>();
  let passed = 0;
  let failed = 0;
  for (const item of parsed.items) {
    if (item.kind === 'config') {
      const applied = applyOption(options, item.name, item.value);
      if ('error' in applied) out(formatProblem({ file: xmlPath, line: item.line, severity: 'error', message: applied.error }));
      else options = applied.options;
      continue;
    }
    const coder = await coderFor(options);
    let coded: Triple[] = [];
    let discards: Discard[] = [];
    let failure: string | null = null;
    try {
      const result = coder.codeStory({ id: item.id, text: item.text, date: isoDate(item.date), origin: { file: xmlPath, line: item.line } });
      coded = codedTriples(result);
      discards = result.discards ?? [];
    } catch (e) {
      failure = message(e);
    }
    const judged: Judgement = failure !== null ? { pass: false, note: null } : judgeRecord(item, coded, discards);
    const where = `${item.id} (${item.category}, ${xmlPath}:${item.line})`;
    if (judged.pass) {
      passed++;
      if (opts.verbose) out(`PASS ${where}`);
    } else {
      failed++;
      out(`FAIL ${where}`);
      out(`  ${item.text}`);
      out(`  expected: ${describeExpected(item)}`);
      out(`  coded:    ${describeCoded(coded, discards, failure)}`);
      if (judged.note !== null) out(`  note:     ${judged.note}`);
    }
    const cat = byCategory.get(item.category) ?? { passed: 0, failed: 0 };
    if (judged.pass) cat.passed++;
    else cat.failed++;
    byCategory.set(item.category, cat);
    results.push({ id: item.id, category: item.category, line: item.line, pass: judged.pass, expectNoEvents: item.expectNoEvents, expectError: item.expectError });
  }

  const categories = [...byCategory.keys()].sort();
  const label = (c: string): string => c || '(none)';
  const width = Math.max(0, ...categories.map((c) => label(c).length));
  for (const c of categories) {
    const n = byCategory.get(c) ?? { passed: 0, failed: 0 };
    out(`  ${label(c).padEnd(width)}  ${n.passed}/${n.passed + n.failed}`);
  }
  out(`${passed} passed, ${failed} failed`);
  return { passed, failed, byCategory, results };
}
