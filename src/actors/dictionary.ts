/**
 * Actor dictionaries: loader and validator for the hand-edited, line-oriented files in
 * `dictionaries/actors/` (countries.tsv, organizations.tsv, agents.tsv).
 *
 * Every entry keeps its provenance (file relative to the dictionaries root, 1-based line, id), so
 * each actor code the recognizer assigns can be traced to one line of one file. Any problem in a
 * file is a DictionaryError whose message starts with `file:line:`.
 *
 * File format (all three): UTF-8, one entry per line, cells separated by TAB, multi-valued cells
 * separated by ";" (spaces around items are trimmed, empty items ignored). Lines starting with
 * `#` and blank lines are ignored; the first other line may be a header (its first cell is
 * `code` or `sector`). The column meanings are documented at the top of each file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provenance } from '../types.js';

export interface CountryEntry {
  code: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
  metonyms: { text: string; sector: string }[];
  leaders: string[];
  prov: Provenance;
}

export interface OrgEntry {
  code: string;
  names: string[];
  country: string | null;
  prov: Provenance;
}

export type AgentRole = 'title' | 'group' | 'institution';

export interface AgentEntry {
  sector: string;
  words: string[];
  role: AgentRole;
  prov: Provenance;
}

export interface ActorDictionaries {
  countries: CountryEntry[];
  organizations: OrgEntry[];
  agents: AgentEntry[];
}

/** A problem in a dictionary file; the message reads `file:line: problem`. */
export class DictionaryError extends Error {
  readonly file: string;
  readonly line: number;
  readonly problem: string;

  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'DictionaryError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}

/**
 * CAMEO agent (sector) codes accepted in agents.tsv and in country metonyms. A sector may be a
 * compound of these (GOVMIL, GOVBUS, OPPEDU...), as in CAMEO itself.
 */
export const AGENT_CODES: ReadonlySet<string> = new Set([
  'GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'REB', 'INS', 'UAF', 'CRM', 'OPP', 'PTY', 'ELI',
  'BUS', 'MED', 'NGO', 'HRI', 'ENV', 'DEV', 'CVL', 'REF', 'EDU', 'HLH', 'LAB', 'AGR', 'REL',
  'MUS', 'CHR', 'JEW', 'BUD', 'HIN', 'RAD', 'MOD', 'SEP', 'IGO', 'PKO', 'PPL', 'SET',
]);

/** The key under which names are compared: lowercase, single spaces, straight apostrophes. */
export function normalizeName(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

const COUNTRY_CODE = /^[A-Z]{3}$/;
const BLOCK_CODE = /^(?:[A-Z]{3})+$/;
const ROLES: readonly AgentRole[] = ['title', 'group', 'institution'];

interface RawLine {
  line: number;
  cells: string[];
}

/** Data lines of a file: comments, blanks and a leading header removed, cells split and trimmed. */
function dataLines(text: string, headerFirstCell: string): RawLine[] {
  const out: RawLine[] = [];
  const lines = text.split('\n');
  let seenData = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const cells = raw.split('\t').map((c) => c.trim());
    if (!seenData) {
      seenData = true;
      if ((cells[0] ?? '').toLowerCase() === headerFirstCell) continue;
    }
    out.push({ line: i + 1, cells });
  }
  return out;
}

function checkColumns(file: string, row: RawLine, names: readonly string[]): void {
  if (row.cells.length !== names.length) {
    throw new DictionaryError(
      file,
      row.line,
      `expected ${names.length} TAB-separated columns (${names.join(', ')}), found ${row.cells.length}`,
    );
  }
}

function cell(row: RawLine, index: number): string {
  return row.cells[index] ?? '';
}

function list(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Checks that a compound sector code is made of known agent codes. */
function checkSector(file: string, line: number, sector: string, what: string): void {
  if (!BLOCK_CODE.test(sector)) {
    throw new DictionaryError(file, line, `bad ${what} "${sector}": expected uppercase 3-letter CAMEO agent code(s)`);
  }
  for (let i = 0; i < sector.length; i += 3) {
    const block = sector.slice(i, i + 3);
    if (!AGENT_CODES.has(block)) {
      throw new DictionaryError(file, line, `unknown agent code "${block}" in ${what} "${sector}"`);
    }
  }
}

/** Where a name was first seen, for reporting clashes with both lines. */
interface NameOwner {
  owner: string;
  file: string;
  line: number;
}

/**
 * Registers the names of one entry; throws when a name already belongs to another owner.
 * Repeats within the same entry are harmless and allowed.
 */
function claimNames(
  index: Map<string, NameOwner>,
  names: Iterable<string>,
  owner: NameOwner,
  describe: (o: NameOwner) => string,
): void {
  for (const name of names) {
    const key = normalizeName(name);
    const prior = index.get(key);
    if (prior === undefined) {
      index.set(key, owner);
    } else if (prior.owner !== owner.owner) {
      throw new DictionaryError(
        owner.file,
        owner.line,
        `"${name}" is claimed by ${describe(owner)} here and by ${describe(prior)} at ${prior.file}:${prior.line}`,
      );
    }
  }
}

function countryStrings(c: CountryEntry): string[] {
  return [c.name, ...c.aliases, ...c.demonyms, ...c.capitals, ...c.metonyms.map((m) => m.text), ...c.leaders];
}

const COUNTRY_COLUMNS = ['code', 'name', 'aliases', 'demonyms', 'capitals', 'metonyms', 'leaders'] as const;

/** Parses countries.tsv text. Pure; `file` is used in provenance and error messages. */
export function parseCountries(text: string, file: string): CountryEntry[] {
  const out: CountryEntry[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, NameOwner>();
  for (const row of dataLines(text, 'code')) {
    checkColumns(file, row, COUNTRY_COLUMNS);
    const code = cell(row, 0);
    if (!COUNTRY_CODE.test(code)) {
      throw new DictionaryError(file, row.line, `bad country code "${code}": expected 3 uppercase letters`);
    }
    const prior = codes.get(code);
    if (prior !== undefined) {
      throw new DictionaryError(file, row.line, `duplicate country code ${code} (first at ${file}:${prior})`);
    }
    codes.set(code, row.line);
    const name = cell(row, 1);
    if (name === '') throw new DictionaryError(file, row.line, `empty name for country ${code}`);
    const metonyms = list(cell(row, 5)).map((item) => {
      const eq = item.lastIndexOf('=');
      const text = eq < 0 ? '' : item.slice(0, eq).trim();
      const sector = eq < 0 ? '' : item.slice(eq + 1).trim();
      if (text === '' || sector === '') {
        throw new DictionaryError(file, row.line, `bad metonym "${item}": expected TEXT=SECTOR, e.g. "White House=GOV"`);
      }
      checkSector(file, row.line, sector, 'metonym sector');
      return { text, sector };
    });
    const entry: CountryEntry = {
      code,
      name,
      aliases: list(cell(row, 2)),
      demonyms: list(cell(row, 3)),
      capitals: list(cell(row, 4)),
      metonyms,
      leaders: list(cell(row, 6)),
      prov: { id: `country:${code}`, file, line: row.line },
    };
    claimNames(names, countryStrings(entry), { owner: code, file, line: row.line }, (o) => `country ${o.owner}`);
    out.push(entry);
  }
  return out;
}

const ORG_COLUMNS = ['code', 'names', 'country'] as const;

/** Parses organizations.tsv text. Pure: checks within the file only (see loadActorDictionaries). */
export function parseOrganizations(text: string, file: string): OrgEntry[] {
  const out: OrgEntry[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, NameOwner>();
  for (const row of dataLines(text, 'code')) {
    checkColumns(file, row, ORG_COLUMNS);
    const code = cell(row, 0);
    if (!BLOCK_CODE.test(code)) {
      throw new DictionaryError(file, row.line, `bad organization code "${code}": expected uppercase letters in 3-letter blocks`);
    }
    const prior = codes.get(code);
    if (prior !== undefined) {
      throw new DictionaryError(file, row.line, `duplicate organization code ${code} (first at ${file}:${prior}); put all its names on one line`);
    }
    codes.set(code, row.line);
    const orgNames = list(cell(row, 1));
    if (orgNames.length === 0) throw new DictionaryError(file, row.line, `empty name for organization ${code}`);
    const countryCell = cell(row, 2);
    let country: string | null = null;
    if (countryCell !== '') {
      if (!COUNTRY_CODE.test(countryCell)) {
        throw new DictionaryError(file, row.line, `bad country code "${countryCell}" for ${code}: expected 3 uppercase letters`);
      }
      if (!code.startsWith(countryCell)) {
        throw new DictionaryError(file, row.line, `organization code ${code} does not begin with its country ${countryCell}`);
      }
      country = countryCell;
    }
    claimNames(names, orgNames, { owner: code, file, line: row.line }, (o) => `organization ${o.owner}`);
    out.push({ code, names: orgNames, country, prov: { id: `org:${code}`, file, line: row.line } });
  }
  return out;
}

const AGENT_COLUMNS = ['sector', 'words', 'role'] as const;

function isRole(value: string): value is AgentRole {
  return (ROLES as readonly string[]).includes(value);
}

/** Parses agents.tsv text. Pure. */
export function parseAgents(text: string, file: string): AgentEntry[] {
  const out: AgentEntry[] = [];
  const words = new Map<string, NameOwner>();
  for (const row of dataLines(text, 'sector')) {
    checkColumns(file, row, AGENT_COLUMNS);
    const sector = cell(row, 0);
    checkSector(file, row.line, sector, 'sector');
    const role = cell(row, 2);
    if (!isRole(role)) {
      throw new DictionaryError(file, row.line, `bad role "${role}": expected one of ${ROLES.join(', ')}`);
    }
    const entryWords = list(cell(row, 1));
    const first = entryWords[0];
    if (first === undefined) throw new DictionaryError(file, row.line, `no words for sector ${sector}`);
    // Each line is its own owner: the same word on two lines is ambiguous even within one sector.
    claimNames(words, entryWords, { owner: `line ${row.line}`, file, line: row.line }, (o) => `an agent line (${o.owner})`);
    out.push({
      sector,
      words: entryWords,
      role,
      prov: { id: `agent:${sector}:${normalizeName(first)}`, file, line: row.line },
    });
  }
  return out;
}

/**
 * Cross-file checks: organization countries exist, and no string is claimed both by a country
 * and by an organization, or by an agent line and a country/organization.
 */
export function validateActorDictionaries(d: ActorDictionaries): void {
  const countryCodes = new Set(d.countries.map((c) => c.code));
  const index = new Map<string, NameOwner>();
  const owners = new Map<string, string>();
  const describe = (o: NameOwner): string => owners.get(o.owner) ?? o.owner;
  for (const c of d.countries) {
    const owner = `country:${c.code}`;
    owners.set(owner, `country ${c.code}`);
    claimNames(index, countryStrings(c), { owner, file: c.prov.file, line: c.prov.line }, describe);
  }
  for (const o of d.organizations) {
    if (o.country !== null && !countryCodes.has(o.country)) {
      throw new DictionaryError(o.prov.file, o.prov.line, `unknown country ${o.country} for ${o.code} (not in countries)`);
    }
    const owner = `org:${o.code}`;
    owners.set(owner, `organization ${o.code}`);
    claimNames(index, o.names, { owner, file: o.prov.file, line: o.prov.line }, describe);
  }
  for (const a of d.agents) {
    const owner = `agent:${a.prov.line}`;
    owners.set(owner, `agent ${a.sector}`);
    claimNames(index, a.words, { owner, file: a.prov.file, line: a.prov.line }, describe);
  }
}

export const ACTOR_FILES = {
  countries: 'countries.tsv',
  organizations: 'organizations.tsv',
  agents: 'agents.tsv',
} as const;

/**
 * Loads and validates the three actor dictionaries from `dir` (normally
 * `<dictionaries root>/actors`). Provenance files are relative to the dictionaries root, e.g.
 * `actors/countries.tsv`. Throws DictionaryError on the first problem, or a plain Error when a
 * file cannot be read.
 */
export function loadActorDictionaries(dir: string = join(defaultDictionariesDir(), 'actors')): ActorDictionaries {
  const folder = basename(dir);
  const read = (name: string): { text: string; label: string } => {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(`cannot read actor dictionary ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { text: text.replace(/^\uFEFF/, ''), label: `${folder}/${name}` };
  };
  const c = read(ACTOR_FILES.countries);
  const o = read(ACTOR_FILES.organizations);
  const a = read(ACTOR_FILES.agents);
  const dicts: ActorDictionaries = {
    countries: parseCountries(c.text, c.label),
    organizations: parseOrganizations(o.text, o.label),
    agents: parseAgents(a.text, a.label),
  };
  validateActorDictionaries(dicts);
  return dicts;
}

/**
 * The package's `dictionaries/` folder: found by walking up from this module (dist/src/actors/
 * when compiled, src/actors/ in source) to the folder holding package.json.
 */
export function defaultDictionariesDir(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}: cannot find the dictionaries folder`);
    dir = up;
  }
  return join(dir, 'dictionaries');
}
