/**
 * A PETRARCH / TABARI dictionary set: which files, read once (src/petrarch readers) and compiled into
 * the lookup tables the coder matches with (src/petrarch/compile.ts). Immutable once built, so one set
 * can serve many coder instances (a validation run builds one per `<Config>` change).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadActors, type PetrActorDictionary } from './actors.js';
import { loadAgents, type PetrAgentDictionary } from './agents.js';
import { loadDiscards, loadIssues, type DiscardEntry, type IssueEntry, type PetrList } from './lists.js';
import { loadVerbs, type PetrVerbDictionary } from './verbs.js';
import type { PetrProblem } from './common.js';
import { compilePetrarch, type CompiledPetrarch } from './compile.js';

export interface PetrarchFiles {
  verbs: string;
  actors: string[];
  agents: string[];
  discards: string[];
  issues: string[];
}

export class PetrarchFilesError extends Error {}

/**
 * Finds a dictionary set in a directory by the names PETRARCH distributions use: a verbs file
 * (`*verbs*`, `CAMEO.2.0.txt`; a TABARI `*.verbs` is used only when there is no PETRARCH one), actor
 * files (`*actors*`), agents (`*agents*`), discards (`*discards*`), issues (`*Issue*`).
 */
export function findPetrarchFiles(dir: string): PetrarchFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PetrarchFilesError(`${dir}: not a directory`);
  const names = readdirSync(dir).sort();
  const pick = (re: RegExp): string[] => names.filter((n) => re.test(n)).map((n) => join(dir, n));
  const petrVerbs = pick(/(^|\.)(verbs\.txt|CAMEO\.2\.0\.txt)$/i);
  const tabariVerbs = pick(/\.verbs$/i);
  const verbs = petrVerbs[0] ?? tabariVerbs[0];
  if (!verbs) throw new PetrarchFilesError(`${dir}: no verb dictionary (a file named *verbs.txt, CAMEO.2.0.txt or *.verbs)`);
  const actors = pick(/actors\.txt$/i);
  if (!actors.length) throw new PetrarchFilesError(`${dir}: no actor dictionary (a file named *actors.txt)`);
  return { verbs, actors, agents: pick(/agents\.txt$/i), discards: pick(/discards\.txt$/i), issues: pick(/issue\w*\.txt$/i) };
}

/** The files a validation file's `<Environment>` names, resolved against `dir`. */
export function namedPetrarchFiles(dir: string, named: { verbs?: string; actors?: string[]; agents?: string[]; discards?: string[]; issues?: string[] }): PetrarchFiles {
  const at = (n: string): string => {
    const p = resolve(dir, n);
    if (!existsSync(p)) throw new PetrarchFilesError(`${p}: dictionary file not found`);
    return p;
  };
  if (!named.verbs) throw new PetrarchFilesError('no verb dictionary named');
  return {
    verbs: at(named.verbs),
    actors: (named.actors ?? []).map(at),
    agents: (named.agents ?? []).map(at),
    discards: (named.discards ?? []).map(at),
    issues: (named.issues ?? []).map(at),
  };
}

export interface PetrarchDictionaries {
  files: PetrarchFiles;
  verbs: PetrVerbDictionary;
  actors: PetrActorDictionary[];
  agents: PetrAgentDictionary[];
  discards: PetrList<DiscardEntry>[];
  issues: PetrList<IssueEntry>[];
  /** Every problem of every file (`file:line`), errors and warnings. */
  problems: PetrProblem[];
  compiled: CompiledPetrarch;
  /** Time to read and compile, in milliseconds. */
  loadMs: number;
}

/** Reads and compiles a dictionary set. Bad lines become problems; only unreadable files throw. */
export function loadPetrarchDictionaries(files: PetrarchFiles): PetrarchDictionaries {
  const t0 = performance.now();
  const verbs = loadVerbs(files.verbs, basename(files.verbs));
  const actors = files.actors.map((f) => loadActors(f, basename(f)));
  const agents = files.agents.map((f) => loadAgents(f, basename(f)));
  const discards = files.discards.map((f) => loadDiscards(f, basename(f)));
  const issues = files.issues.map((f) => loadIssues(f, basename(f)));
  const compiled = compilePetrarch({ verbs, actors, agents, discards });
  const problems = [verbs, ...actors, ...agents, ...discards, ...issues].flatMap((d) => d.problems).concat(compiled.problems);
  return Object.freeze({ files, verbs, actors, agents, discards, issues, problems, compiled, loadMs: Math.round(performance.now() - t0) });
}

/** `petrarch:DIR` → DIR; anything else → null. */
export function petrarchDir(spec: string): string | null {
  return spec.startsWith('petrarch:') ? spec.slice('petrarch:'.length) : null;
}
