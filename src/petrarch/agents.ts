/**
 * Reader for PETRARCH agent dictionaries (Phoenix.agents.txt, the validation suite's agent file):
 *
 *   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      a substitution marker
 *   AMBASSADOR [~GOV]                              suffix code: added after the actor code (USAGOV)
 *   HUMAN_RIGHTS_BODY  [NGO~]                      prefix code: added before it (NGOUSA)
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]    an irregular plural
 *   POLICE {} [~COP]                               no plural
 *   CONGRESS!PERSON! [~LEG]                        one agent per marker value, no plurals
 *
 * Without `{...}` the regular plural is made: -Y after a consonant → -IES, -S/-SS/-X/-Z/-CH/-SH → -ES,
 * else -S. (PETRARCH also turns -EY into -EIES; we do not.) Comments `#`, `<!-- -->`.
 */
import { basename } from 'node:path';
import type { Provenance } from '../types.js';
import { dictLines, phraseWords, ProblemSink, readDictionaryText, type PetrProblem } from './common.js';

export interface AgentForm {
  /** The phrase as generated, `_` kept, e.g. `ATTORNEYS_GENERAL`. */
  text: string;
  words: string[];
  plural: boolean;
}

export interface PetrAgentEntry {
  /** The phrase as written (markers unexpanded), e.g. `CONGRESS!PERSON!`. */
  text: string;
  /** The agent code without its `~`, e.g. `GOV`, `NGO`, `GOVMED`. */
  code: string;
  /** `suffix` for `[~GOV]` (actor code + agent), `prefix` for `[NGO~]` (agent + actor code). */
  position: 'suffix' | 'prefix';
  /** Every surface form: the singular(s) and plural(s), markers substituted. */
  forms: AgentForm[];
  prov: Provenance;
}

export interface PetrAgentDictionary {
  file: string;
  entries: PetrAgentEntry[];
  /** Substitution markers by name (without the `!`). */
  markers: Map<string, string[]>;
  problems: PetrProblem[];
}

/** Regular English plural of the last word of a phrase (upper case). */
export function regularPlural(phrase: string): string {
  if (/[^AEIOU]Y$/.test(phrase)) return phrase.slice(0, -1) + 'IES';
  if (/(?:S|X|Z|CH|SH)$/.test(phrase)) return phrase + 'ES';
  return phrase + 'S';
}

/** Applies an agent code to an actor code: `applyAgent('USA', entry)` → `USAGOV` or `NGOUSA`. */
export function applyAgent(actorCode: string, agent: Pick<PetrAgentEntry, 'code' | 'position'>): string {
  return agent.position === 'suffix' ? actorCode + agent.code : agent.code + actorCode;
}

const MARKER_DEF = /^!([^!\s]+)!\s*=\s*(.*)$/;
const AGENT_CODE = /^[A-Z0-9]+$/;

export function parseAgents(text: string, file: string): PetrAgentDictionary {
  const sink = new ProblemSink(file);
  const markers = new Map<string, string[]>();
  const entries: PetrAgentEntry[] = [];
  for (const l of dictLines(text, { hash: true, semicolon: false })) {
    const def = MARKER_DEF.exec(l.text);
    if (def) {
      const values = (def[2] ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (!values.length) sink.error(l.line, `substitution marker !${def[1] ?? ''}! has no values`);
      else markers.set(def[1] ?? '', values);
      continue;
    }
    const open = l.text.indexOf('[');
    if (open < 0) {
      sink.warn(l.line, `agent "${l.text}" has no [code]; skipped (as PETRARCH does)`);
      continue;
    }
    let close = l.text.indexOf(']', open);
    if (close < 0) {
      const brace = l.text.indexOf('}', open);
      if (brace < 0) {
        sink.error(l.line, `unterminated code bracket in "${l.text}"`);
        continue;
      }
      sink.warn(l.line, `code bracket closed with "}" instead of "]"`);
      close = brace;
    }
    const after = l.text.slice(close + 1).trim();
    if (after !== '') sink.warn(l.line, `text "${after}" after the code ignored`);
    const rawCode = l.text.slice(open + 1, close).replace(/\s+/g, '');
    let position: 'suffix' | 'prefix';
    let code: string;
    if (rawCode.startsWith('~') && !rawCode.endsWith('~')) {
      position = 'suffix';
      code = rawCode.slice(1);
    } else if (rawCode.endsWith('~') && !rawCode.startsWith('~')) {
      position = 'prefix';
      code = rawCode.slice(0, -1);
    } else if (!rawCode.includes('~')) {
      sink.warn(l.line, `agent code [${rawCode}] has no "~"; read as a suffix [~${rawCode}]`);
      position = 'suffix';
      code = rawCode;
    } else {
      sink.error(l.line, `bad agent code [${rawCode}]: expected [~CODE] or [CODE~]`);
      continue;
    }
    if (!AGENT_CODE.test(code)) {
      sink.error(l.line, `bad agent code [${rawCode}]`);
      continue;
    }
    let phrase = l.text.slice(0, open).trim();
    let plural: string | null | undefined; // undefined: regular; null: none ({}); string: given
    const brace = phrase.indexOf('{');
    if (brace >= 0) {
      const end = phrase.indexOf('}', brace);
      if (end < 0) {
        sink.error(l.line, `missing "}" in "${phrase}"`);
        continue;
      }
      const inner = phrase.slice(brace + 1, end).trim();
      plural = inner === '' ? null : inner;
      phrase = phrase.slice(0, brace).trim();
    }
    if (phraseWords(phrase).length === 0) {
      sink.error(l.line, `no agent phrase before the code [${rawCode}]`);
      continue;
    }
    const forms: AgentForm[] = [];
    const form = (t: string, isPlural: boolean): AgentForm => ({ text: t, words: phraseWords(t.toUpperCase()), plural: isPlural });
    const marker = /!([^!\s]*)!/.exec(phrase);
    if (phrase.includes('!')) {
      const values = marker ? markers.get(marker[1] ?? '') : undefined;
      if (!marker) {
        sink.error(l.line, `bad substitution marker in "${phrase}"`);
        continue;
      }
      if (!values) {
        sink.error(l.line, `substitution marker !${marker[1] ?? ''}! is not defined above; line skipped`);
        continue;
      }
      for (const v of values) forms.push(form(phrase.replace(marker[0], v), false));
    } else {
      forms.push(form(phrase, false));
      if (plural === undefined) forms.push(form(regularPlural(phrase), true));
      else if (plural !== null) forms.push(form(plural, true));
    }
    entries.push({
      text: phrase,
      code,
      position,
      forms,
      prov: { id: `agent:${phraseWords(phrase).join('_')}`, file, line: l.line },
    });
  }
  return { file, entries, markers, problems: sink.problems };
}

export function loadAgents(path: string, file: string = basename(path)): PetrAgentDictionary {
  const { text, problems } = readDictionaryText(path, file);
  const d = parseAgents(text, file);
  return { ...d, problems: [...problems, ...d.problems] };
}
