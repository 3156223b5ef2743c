/**
 * Event candidates to records: actor codes (a country or organisation with its sectors, or a role with no
 * country: "---COP"), every pair of a coordinated subject for events between them ("X, Y and Z met"),
 * the CAMEO and PLOVER information, and the attributes of the event's clause: its date (or, for a
 * threat or promise, its deadline), place, quantities and condition, and the speaker who reports it.
 * A candidate that cannot become a record is returned as dropped, with the reason.
 */
import type { ActorRef, EventRecord, Place, Quantity, Span, StoryInput } from '../types.js';
import { mentionCode, type DroppedEvent, type EventCandidate, type Mention, type SentenceGrammar, type Token } from '../contracts.js';
import type { Sentence } from '../text/analyze.js';
import type { CameoTable } from './cameo.js';
import type { Grammar } from './grammar.js';
import type { DateFinder, DateMention } from '../attributes/dates.js';
import type { Gazetteer, GazetteerEntry } from '../attributes/places.js';
import { findQuantities } from '../attributes/quantities.js';
import { SYMMETRIC_ROOTS } from '../grammar/words.js';

export interface StoryFacts {
  input: StoryInput;
  text: string;
  datelineEntry: GazetteerEntry | null;
  datelineCountry: string | null;
  storyCountries(): string[];
  /** The places a text of the story names (memoised per story). */
  placesIn(text: string): ReturnType<Gazetteer['findPlaces']>;
}

export interface RecordMakerOptions {
  cameo: CameoTable;
  gazetteer: Gazetteer;
  grammar: Grammar;
  dates: DateFinder;
  /** Codes must be in the CAMEO table (our rules); a dictionary's own codes are passed through otherwise. */
  strictCodes: boolean;
}

export interface MadeRecords {
  records: EventRecord[];
  /** The candidates that became records. */
  kept: EventCandidate[];
  dropped: DroppedEvent[];
}

interface SentenceAttributes {
  dates: DateMention[];
  places: { span: Span; entry: GazetteerEntry }[];
  quantities: Quantity[];
}

/** Roots of force and coercion (and threats of them) whose target, when none is named, is where they happen. */
const FORCE_ROOTS = new Set(['13', '15', '17', '18', '19', '20']);

/** Time words that point ahead of the story: they date plans, never a done event. */
const AHEAD_TIME = /\b(next|coming|from now)\b/i;

/** Time words that date a statement, not a deadline. */
const STATEMENT_TIME = /^(on )?(mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight|last |earlier|ago\b|this (morning|afternoon|evening)/i;

/**
 * A done event is dated on or before the story's date: a bare month or weekday that the date finder put
 * after it ("seized control of Gaza in June" in a March story) is the previous one. Dates with a year,
 * and the dates of plans and promises, stay as found.
 */
export function tensed(d: DateMention, done: boolean, story: string | null): string | null {
  if (!d.date || !done || !story || /\b(1[89]|20)\d\d\b|'\d\d\b/.test(d.text)) return d.date;
  const ref = story.slice(0, d.date.length);
  if (d.date <= ref) return d.date;
  if (/(mon|tues|wednes|thurs|fri|satur|sun)day/i.test(d.text) && d.precision === 'day') {
    const t = new Date(`${d.date}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() - 7);
    return t.toISOString().slice(0, 10);
  }
  if (d.precision === 'year') return d.date;
  return `${Number(d.date.slice(0, 4)) - 1}${d.date.slice(4)}`;
}

/** An actor the records can name: one with a root, a role, or a source's own code. */
const codable = (m: Mention): boolean => m.root !== null || m.sectors.length > 0 || m.code !== undefined;

const sourceless = (ev: EventCandidate): string => `no source with a country, an organisation or a role (${ev.sources.map((m) => m.text).join(', ') || 'none found'})`;

export function createRecordMaker(o: RecordMakerOptions): { make(cands: readonly EventCandidate[], g: SentenceGrammar, s: Sentence, story: StoryFacts): MadeRecords } {
  const UNATTRIBUTED = o.grammar.prov('grammar:unattributed-violence');
  const PROTEST_TARGET = o.grammar.prov('grammar:protest-target');
  const AUTHORITIES = o.grammar.prov('grammar:authorities');
  const PLACE_TARGET = o.grammar.prov('grammar:place-of-force');

  function attributesOf(s: Sentence, story: StoryFacts): SentenceAttributes {
    const at = (span: Span): Span => ({ start: span.start + s.span.start, end: span.end + s.span.start });
    return {
      dates: o.dates.find(s.text, story.input.date).map((d) => ({ ...d, span: at(d.span) })),
      places: story.placesIn(s.text).map((p) => ({ ...p, span: at(p.span) })),
      quantities: findQuantities(s.text).map((q) => ({ ...q, span: q.span ? at(q.span) : undefined })),
    };
  }

  function ref(m: Mention): ActorRef {
    return { code: mentionCode(m), text: m.text, country: m.country, sectors: [...m.sectors], name: m.person };
  }

  return {
    make(cands, g, s, story) {
      const out: MadeRecords = { records: [], kept: [], dropped: [] };
      if (!cands.length) return out;
      // dates, places and quantities are looked for only when some candidate can become a record
      let attrs: SentenceAttributes | null = null;
      for (const ev of cands) {
        const why = noSourceWhy(ev);
        if (why !== null) {
          out.dropped.push({ verb: ev.verb, rule: ev.rule, why });
          continue;
        }
        attrs ??= attributesOf(s, story);
        const recs = recordsOf(ev, g, s, story, attrs);
        if (typeof recs === 'string') out.dropped.push({ verb: ev.verb, rule: ev.rule, why: recs });
        else {
          out.kept.push(ev);
          out.records.push(...recs);
        }
      }
      return out;
    },
  };

  /** Why a candidate can have no source whatever the sentence's places: none of its own and none to be made; else null. */
  function noSourceWhy(ev: EventCandidate): string | null {
    if (ev.sources.some(codable) || ev.unattributed || ev.roleSource || ev.authorities || ev.unknownSource) return null;
    return sourceless(ev);
  }

  /** The speaker of an event reported by a speech verb: that verb's subject, else the actor right after it ("said Morin"). */
  function speakerOf(ev: EventCandidate, g: SentenceGrammar): Mention | null {
    if (ev.speechVerb === null) return null;
    const sv = ev.speechVerb;
    const subject = g.clauseAt(sv)?.subject()[0];
    if (subject && codable(subject)) return subject;
    let before: Mention | null = null;
    let after: Mention | null = null;
    for (const m of g.mentions) {
      if (m.end <= sv && sv - m.end <= 3) before = m;
      if (m.start > sv && m.start - sv <= 2 && !after) after = m;
    }
    const m = before ?? after;
    return m && codable(m) ? m : null;
  }

  function recordsOf(ev: EventCandidate, g: SentenceGrammar, s: Sentence, story: StoryFacts, a: SentenceAttributes): EventRecord[] | string {
    const tokens = g.sentence.tokens;
    const { text, input } = story;
    const verbTok = tokens[ev.verb] as Token;
    const verbLast = tokens[ev.verbEnd - 1] ?? verbTok;
    const clauseSpan = { start: (tokens[ev.clause.start] as Token).start, end: (tokens[ev.clause.end - 1] as Token).end };
    const condSpan = ev.condition ? { start: (tokens[ev.condition.start] as Token).start, end: (tokens[ev.condition.end - 1] as Token).end } : null;
    const isCommitment = ev.modality !== 'asserted' && ev.modality !== 'reported';
    // dates: the one in the verb's clause; for commitments a future date there is the deadline; else
    // the date of the speech verb that reports it; else the story's date
    const inClause = a.dates.filter((d) => d.span.start >= clauseSpan.start && d.span.end <= (condSpan?.start ?? clauseSpan.end) && d.date);
    const mainClauseEnd = condSpan?.start ?? Math.max(clauseSpan.end, verbTok.end);
    const afterVerbAll = a.dates.filter((d) => d.span.start > verbTok.start && d.span.end <= mainClauseEnd);
    const afterVerb = afterVerbAll.filter((d) => d.date);
    let deadline: string | null = null;
    if (isCommitment) {
      const future = afterVerb.find((d) => input.date === null || (d.date ?? '') > input.date.slice(0, (d.date ?? '').length) || (d.date ?? '') >= input.date.slice(0, 7));
      if (future) deadline = future.date;
    }
    // a done event is not dated by words that point ahead ("agreed to form it by next year"): that is
    // the date of what was agreed
    const done = ev.modality === 'asserted' || ev.modality === 'reported';
    const dates = done ? a.dates.filter((d) => !AHEAD_TIME.test(d.text)) : a.dates;
    let when: DateMention | null = inClause.find((d) => d.date !== deadline && (!done || !AHEAD_TIME.test(d.text))) ?? null;
    if (!when && ev.speechVerb !== null) {
      const sv = tokens[ev.speechVerb] as Token;
      when = dates.find((d) => d.date && d.date !== deadline && Math.abs(d.span.start - sv.start) < 40) ?? null;
    }
    if (!when) when = dates.find((d) => d.date && d.date !== deadline && d.span.end <= verbTok.start && d.span.start >= clauseSpan.start - 60) ?? null;
    // places: one in the event's clause (or condition), else the dateline's place, marked so
    const near = a.places.find((p) => p.span.start >= clauseSpan.start && p.span.end <= (condSpan?.end ?? clauseSpan.end)) ?? a.places.find((p) => p.span.start > verbTok.start) ?? a.places[0];
    let place: Place | null = near ? o.gazetteer.toPlace(near.entry, false) : null;
    if (!place && story.datelineEntry) place = o.gazetteer.toPlace(story.datelineEntry, true);
    const quantities = a.quantities.filter((q) => !q.span || (q.span.start >= clauseSpan.start - 80 && q.span.end <= (condSpan?.end ?? clauseSpan.end + 80)));
    // an ultimatum: a threat with a condition and a time for it, told by the words alone so that the code
    // does not depend on whether the story's date is known ("next February", "by March", "within a week";
    // a weekday, "today" or "last ..." date the threat itself)
    const timed = afterVerbAll.some((d) => !STATEMENT_TIME.test(d.text));
    const code = ev.condition && timed && ev.code.startsWith('13') ? '139' : ev.code;
    const { cameo: cameoInfo, plover } = o.strictCodes ? o.cameo.info(code) : o.cameo.infoOrRaw(code);
    const speaker = speakerOf(ev, g);

    const sources: ActorRef[] = ev.sources.filter(codable).map(ref);
    if (ev.unattributed) {
      const country = near?.entry.country ?? story.datelineCountry ?? ev.targets.find((t) => t.country)?.country ?? null;
      const p = UNATTRIBUTED;
      sources.push({ code: `${country ?? '---'}UAF`, text: `(unidentified, ${p.id} @ ${p.file}:${p.line})`, country, sectors: ['UAF'], name: null });
    }
    if (ev.roleSource && !sources.length) {
      const country = near?.entry.country ?? story.datelineCountry ?? null;
      const p = UNATTRIBUTED;
      sources.push({ code: `${country ?? '---'}${ev.roleSource}`, text: `(unidentified, ${p.id} @ ${p.file}:${p.line})`, country, sectors: [ev.roleSource], name: null });
    }
    if (ev.authorities && !sources.length) {
      const country = near?.entry.country ?? story.datelineCountry ?? ev.targets.find((t) => t.country)?.country ?? null;
      const p = AUTHORITIES;
      if (country) sources.push({ code: country, text: `(the authorities, ${p.id} @ ${p.file}:${p.line})`, country, sectors: [], name: null });
    }
    if (!sources.length && ev.unknownSource) sources.push({ code: '---', text: '(no source named)', country: null, sectors: [], name: null });
    if (!sources.length) return sourceless(ev);
    let targets: (ActorRef | null)[] = ev.targets.filter(codable).map(ref);
    // a protest with no target named is against the authorities where it happens
    if (!targets.length && code.startsWith('14')) {
      const country = near?.entry.country ?? sources.find((x) => x.country)?.country ?? null;
      if (country) targets = [{ code: `${country}GOV`, text: `(${PROTEST_TARGET.id} @ ${PROTEST_TARGET.file}:${PROTEST_TARGET.line})`, country, sectors: ['GOV'], name: null }];
    }
    // force, coercion and threats of them with no target named fall on the country where they happen
    // ("troops imposed a curfew in Freetown", "shelling went on in Aleppo")
    const placeInClause = a.places.find((p) => p.span.start >= clauseSpan.start && p.span.end <= clauseSpan.end);
    if (!targets.length && placeInClause && FORCE_ROOTS.has(code.slice(0, 2))) {
      const country = placeInClause.entry.country;
      if (country) targets = [{ code: country, text: `(${PLACE_TARGET.id} @ ${PLACE_TARGET.file}:${PLACE_TARGET.line})`, country, sectors: [], name: null }];
    }
    // arrests, bans, crackdowns with no one named: the source's own country ("police detained 40 people")
    if (!targets.length && code.startsWith('17')) {
      const country = sources.find((x) => x.country)?.country;
      if (country) targets = [{ code: country, text: `(${PLACE_TARGET.id} @ ${PLACE_TARGET.file}:${PLACE_TARGET.line})`, country, sectors: [], name: null }];
    }
    // a coordinated subject with no one else: the event is between its members ("X, Y and Z met")
    const pairs = !targets.length && sources.length > 1 && (ev.pairwise || SYMMETRIC_ROOTS.has(code.slice(0, 2)));
    if (!targets.length) targets = [null];
    const records: EventRecord[] = [];
    const seen = new Set<string>();
    const verb = { text: text.slice(verbTok.start, verbLast.end), span: { start: verbTok.start, end: verbLast.end } };
    const push = (source: ActorRef, target: ActorRef | null): void => {
      // an event whose source and target are one actor is not a dyad: the source alone
      const tgt = target && target.code === source.code ? null : target;
      const key = `${source.code}\u0000${tgt?.code ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      records.push({
        doc: input.id,
        sentence: s.index,
        text: s.text,
        date: (when ? tensed(when, done, input.date) : null) ?? input.date,
        date_text: when?.text ?? null,
        source,
        target: tgt,
        cameo: cameoInfo,
        plover,
        place,
        quantities: quantities.map(({ span: _span, ...q }) => q),
        condition: condSpan ? text.slice(condSpan.start, condSpan.end).trim() : null,
        deadline,
        negated: ev.negated,
        modality: ev.modality === 'asserted' && speaker ? 'reported' : ev.modality,
        speaker: speaker && !ev.sources.includes(speaker) ? ref(speaker) : null,
        rule: ev.rule,
        verb,
      });
    };
    for (const source of sources) {
      if (pairs) {
        for (const other of sources) if (other !== source && other.code !== source.code) push(source, other);
        continue;
      }
      for (const tgt of targets) push(source, tgt);
    }
    if (!records.length) for (const source of sources) push(source, null);
    return records;
  }
}
