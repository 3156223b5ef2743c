/**
 * Verb lemmas for the rules, without asking the tagger: an irregular-verb table, then regular
 * de-inflection checked against the verbs the coder knows (its rules and grammar words). A verb the coder
 * does not know keeps its lower-case form: no rule looks at it. About a tenth of wink-nlp's own time saved.
 */
import { deinflections } from './rules.js';

/** Irregular English verbs: base, past, past participle (and a few other forms), facts of the language. */
const IRREGULAR = `
arise arose arisen|awake awoke awoken|be was were been being is are am 's 're 'm|bear bore borne born|beat beat beaten|
become became become|begin began begun|bend bent|bet bet|bid bid|bind bound|bite bit bitten|bleed bled|blow blew blown|
break broke broken|breed bred|bring brought|broadcast broadcast|build built|burn burnt|burst burst|buy bought|
cast cast|catch caught|choose chose chosen|cling clung|come came come|cost cost|creep crept|cut cut|deal dealt|
dig dug|do did done does|draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|
feed fed|feel felt|fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|forecast forecast|
foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|
give gave given|go went gone goes|grind ground|grow grew grown|hang hung|have had has|hear heard|hide hid hidden|
hit hit|hold held|hurt hurt|keep kept|kneel knelt|know knew known|lay laid|lead led|lean leant|leap leapt|learn learnt|
leave left|lend lent|let let|lie lay lain|light lit|lose lost|make made|mean meant|meet met|mislead misled|
mistake mistook mistaken|overcome overcame|overrun overran|oversee oversaw overseen|overtake overtook overtaken|
overthrow overthrew overthrown|pay paid|prove proven|put put|quit quit|read read|rebuild rebuilt|repay repaid|
retake retook retaken|rid rid|ride rode ridden|ring rang rung|rise rose risen|run ran|say said says|see saw seen|
seek sought|sell sold|send sent|set set|shake shook shaken|shed shed|shine shone|shoot shot|show showed shown|
shrink shrank shrunk|shut shut|sing sang sung|sink sank sunk|sit sat|slay slew slain|sleep slept|slide slid|
speak spoke spoken|spend spent|spin spun|split split|spread spread|spring sprang sprung|stand stood|steal stole stolen|
stick stuck|sting stung|strike struck stricken|strive strove striven|swear swore sworn|sweep swept|swim swam swum|
swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|thrust thrust|
undergo underwent undergone|understand understood|undertake undertook undertaken|undo undid undone|uphold upheld|
upset upset|wake woke woken|wear wore worn|weep wept|win won|withdraw withdrew withdrawn|withhold withheld|
withstand withstood|write wrote written|shall|will would|can could|may might|must|ought`;

export interface Lemmatizer {
  /** The lemma of a verb or auxiliary written `lower` (lower-case). */
  verb(lower: string): string;
}

/** `known`: base forms the coder looks verbs up by (rule lemmas, speech and intent words, ...). */
export function createLemmatizer(known: ReadonlySet<string>): Lemmatizer {
  const irregular = new Map<string, string>();
  for (const group of IRREGULAR.split('|')) {
    const forms = group.trim().split(/\s+/).filter(Boolean);
    const base = forms[0];
    if (!base) continue;
    for (const f of forms) if (!irregular.has(f)) irregular.set(f, base);
  }
  const memo = new Map<string, string>();
  return {
    verb(lower: string): string {
      const irr = irregular.get(lower);
      if (irr !== undefined) return irr;
      const hit = memo.get(lower);
      if (hit !== undefined) return hit;
      let lemma = lower;
      for (const c of deinflections(lower)) {
        if (known.has(c)) {
          lemma = c;
          break;
        }
      }
      if (memo.size > 100_000) memo.clear(); // bounded: a cache
      memo.set(lower, lemma);
      return lemma;
    },
  };
}
