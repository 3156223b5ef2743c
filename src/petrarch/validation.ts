/**
 * Reader for PETRARCH validation files (`PETR.UnitTest.records.xml` and its kin): an `<Environment>`
 * naming the dictionary files, then `<Sentence>` records and `<Config>` option changes in document
 * order. Each record carries the events it expects (`<EventCoding sourcecode targetcode eventcode>`),
 * or `noevents="True"`, or an expected error (`error="storydiscard"` ...), and its `<Text>`; the
 * `<Parse>` tree is ignored (wirecoder does not use parse trees).
 *
 * Like the dictionary readers this never throws: a malformed file or record becomes a `PetrProblem`
 * naming the file and 1-based line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PetrProblem } from './common.js';

/** One expected (or coded) event: actor codes as written, e.g. `"INJURY TOLL"` keeps its quotes. */
export interface Triple {
  source: string;
  target: string;
  event: string;
}

export interface ValidationConfig {
  kind: 'config';
  name: string;
  value: string;
  /** 1-based line of the `<Config` opening. */
  line: number;
}

export interface ValidationRecord {
  kind: 'record';
  /** The record's id, or `line N` when it has none. */
  id: string;
  category: string;
  /** The date as written, normally `YYYYMMDD`. */
  date: string;
  /** The sentence, white space collapsed and trimmed, entities decoded. */
  text: string;
  expected: Triple[];
  /** Expects no events and no error: `<EventCoding noevents="True">`, or no EventCoding at all. */
  expectNoEvents: boolean;
  /** `<EventCoding error="...">`: `sentencediscard`, `storydiscard`, `dateline`, `bad_input_parse`... */
  expectError: string | null;
  /** 1-based line of the `<Sentence` opening. */
  line: number;
}

export type ValidationItem = ValidationConfig | ValidationRecord;

export interface ValidationEnvironment {
  verbs?: string;
  actors: string[];
  agents: string[];
  discards: string[];
  issues: string[];
}

export interface ValidationFile {
  environment: ValidationEnvironment;
  items: ValidationItem[];
  problems: PetrProblem[];
}

/** A node of fast-xml-parser's `preserveOrder` output: `{ Tag: children, ':@'?: attributes }` or `{ '#text': s }`. */
type XmlNode = Record<string, unknown>;

const ATTRS = ':@';
const TEXT = '#text';
const COMMENT = '#comment';

function tagOf(node: XmlNode): string | null {
  for (const k of Object.keys(node)) if (k !== ATTRS) return k;
  return null;
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const c = node[tag];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

/** Attributes by lower-cased name. */
function attrsOf(node: XmlNode): Map<string, string> {
  const out = new Map<string, string>();
  const a = node[ATTRS];
  if (a && typeof a === 'object') {
    for (const [k, v] of Object.entries(a as Record<string, unknown>)) out.set(k.toLowerCase(), typeof v === 'string' ? v : String(v));
  }
  return out;
}

/** The element's character data (comments and nested elements' text excluded unless `deep`). */
function textOf(nodes: XmlNode[], deep = false): string {
  let s = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === TEXT) s += String(n[TEXT]);
    else if (deep && tag !== null && tag !== COMMENT) s += textOf(childrenOf(n, tag), true);
  }
  return s;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The 1-based lines where `<Sentence` and `<Config` elements open, in document order, skipping
 * comments, CDATA sections and processing instructions (fast-xml-parser gives no positions).
 */
export function elementLines(text: string): { tag: 'Sentence' | 'Config'; line: number }[] {
  const out: { tag: 'Sentence' | 'Config'; line: number }[] = [];
  const re = /<!--|<!\[CDATA\[|<\?|<(Sentence|Config)(?=[\s/>])/g;
  let line = 1;
  let counted = 0;
  const advance = (to: number): void => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, to);
  };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const tag = m[1];
    if (tag === 'Sentence' || tag === 'Config') {
      advance(m.index);
      out.push({ tag, line });
      continue;
    }
    const close = m[0] === '<!--' ? '-->' : m[0] === '<?' ? '?>' : ']]>';
    const end = text.indexOf(close, m.index + m[0].length);
    if (end < 0) break;
    re.lastIndex = end + close.length;
  }
  return out;
}

const ENV_FILES: Record<string, keyof Omit<ValidationEnvironment, 'verbs'> | 'verbs'> = {
  verbfile: 'verbs',
  actorfile: 'actors',
  agentfile: 'agents',
  discardfile: 'discards',
  issuefile: 'issues',
};

/** Parses a validation file. `file` names it in problems. Never throws. */
export function parseValidationFile(text: string, file: string): ValidationFile {
  const environment: ValidationEnvironment = { actors: [], agents: [], discards: [], issues: [] };
  const items: ValidationItem[] = [];
  const problems: PetrProblem[] = [];
  const error = (line: number, message: string): void => {
    problems.push({ file, line, severity: 'error', message });
  };
  const warn = (line: number, message: string): void => {
    problems.push({ file, line, severity: 'warning', message });
  };

  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    error(valid.err.line, `malformed XML: ${valid.err.msg}`);
    return { environment, items, problems };
  }
  let tree: XmlNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseAttributeValue: false,
      parseTagValue: false,
      trimValues: false,
      commentPropName: COMMENT,
      processEntities: true,
    });
    tree = parser.parse(text) as XmlNode[];
  } catch (e) {
    error(1, `malformed XML: ${e instanceof Error ? e.message : String(e)}`);
    return { environment, items, problems };
  }

  const lines = elementLines(text);
  const nextLine: Record<'Sentence' | 'Config', number> = { Sentence: 0, Config: 0 };
  const linesOf = { Sentence: lines.filter((l) => l.tag === 'Sentence'), Config: lines.filter((l) => l.tag === 'Config') };
  /** Line of the next `<tag` opening (document order matches the tree walk's order). */
  const lineFor = (tag: 'Sentence' | 'Config'): number => linesOf[tag][nextLine[tag]++]?.line ?? 1;

  const readConfig = (node: XmlNode): void => {
    const line = lineFor('Config');
    const a = attrsOf(node);
    const name = a.get('option');
    const value = a.get('value');
    if (name === undefined || value === undefined) {
      error(line, '<Config> without option="..." and value="...": ignored');
      return;
    }
    items.push({ kind: 'config', name, value, line });
  };

  const readEnvironment = (nodes: XmlNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === null || tag === TEXT || tag === COMMENT) continue;
      if (tag === 'Config') {
        readConfig(n);
        continue;
      }
      if (tag === 'Sentence') {
        readSentence(n); // not where it belongs, but keep the line bookkeeping in step
        continue;
      }
      const field = ENV_FILES[tag.toLowerCase()];
      if (field === undefined) continue; // Errorfile, Include, Pause ...: not ours
      const names = textOf(childrenOf(n, tag)).split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (field === 'verbs') {
        if (names[0] !== undefined) environment.verbs = names[0];
      } else environment[field].push(...names);
    }
  };

  const readSentence = (node: XmlNode): void => {
    const line = lineFor('Sentence');
    const a = attrsOf(node);
    const id = a.get('id')?.trim() || `line ${line}`;
    const category = a.get('category')?.trim() ?? '';
    const date = a.get('date')?.trim() ?? '';
    const expected: Triple[] = [];
    let saidNoEvents = false;
    let expectError: string | null = null;
    let text: string | null = null;
    for (const c of childrenOf(node, 'Sentence')) {
      const tag = tagOf(c);
      if (tag === 'EventCoding') {
        const ea = attrsOf(c);
        const err = ea.get('error');
        const none = ea.get('noevents');
        if (err !== undefined) expectError = err.trim();
        else if (none !== undefined) {
          if (none.trim().toLowerCase() === 'true') saidNoEvents = true;
          else warn(line, `${id}: <EventCoding noevents="${none}">: not "True", ignored`);
        } else {
          const source = ea.get('sourcecode');
          const target = ea.get('targetcode');
          const event = ea.get('eventcode');
          if (source === undefined || target === undefined || event === undefined) {
            error(line, `${id}: <EventCoding> lacks sourcecode, targetcode or eventcode: ignored`);
          } else expected.push({ source: source.trim(), target: target.trim(), event: event.trim() });
        }
      } else if (tag === 'Text') {
        text = collapse(textOf(childrenOf(c, 'Text'), true));
      } else if (tag === 'Config') {
        readConfig(c);
      } else if (tag === 'Sentence') {
        readSentence(c);
      }
    }
    if (text === null) {
      error(line, `${id}: record without <Text>: skipped`);
      return;
    }
    if (saidNoEvents && expected.length) warn(line, `${id}: noevents="True" and expected events: the events are expected`);
    if (expectError !== null && (expected.length || saidNoEvents)) warn(line, `${id}: error="${expectError}" with other codings: the error is expected`);
    // no EventCoding at all also expects nothing
    const expectNoEvents = expectError === null && expected.length === 0;
    if (!/^\d{8}$/.test(date)) warn(line, `${id}: date "${date}" is not YYYYMMDD`);
    items.push({ kind: 'record', id, category, date, text, expected, expectNoEvents, expectError, line });
  };

  const walk = (nodes: XmlNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === null || tag === TEXT || tag === COMMENT) continue;
      if (tag === 'Environment') readEnvironment(childrenOf(n, tag));
      else if (tag === 'Sentence') readSentence(n);
      else if (tag === 'Config') readConfig(n);
      else walk(childrenOf(n, tag)); // Validation, Sentences; Stop / Pause hold nothing of ours
    }
  };
  walk(tree);
  if (!items.some((i) => i.kind === 'record')) warn(1, 'no <Sentence> records');
  return { environment, items, problems };
}
