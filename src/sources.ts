/**
 * Our own dictionaries as the pipeline's sources (src/contracts.ts CodingSources): the actor TSVs, the
 * verb rules with their noun classes. PETRARCH / TABARI dictionaries are the other implementation
 * (src/petrarch/source.ts).
 */
import { join } from 'node:path';
import type { CodingSources, Token } from './contracts.js';
import type { Gazetteer } from './attributes/places.js';
import type { CameoTable } from './events/cameo.js';
import type { Grammar } from './events/grammar.js';
import type { Tokenize } from './actors/recognize.js';
import { loadActorDictionaries } from './actors/dictionary.js';
import { compileActorLexicon } from './actors/recognize.js';
import { nativeActorSource } from './actors/source.js';
import { loadNounClasses } from './events/classes.js';
import { loadVerbRules, type VerbRules } from './events/rules.js';
import { nativeRuleSource } from './events/native.js';
import { adjustCode } from './events/build.js';
import { loadNounRules, nominalEvents, type NounRules } from './events/nominal.js';
import { formPredicate } from './text/forms.js';
import { mayHeadGroup } from './grammar/groups.js';

export interface NativeSources extends CodingSources {
  verbRules: VerbRules;
}

/** The verb rules under `root` with their noun classes (read first: the analyzer's lemmas come from them). */
export function loadNativeRules(root: string, cameo: CameoTable): VerbRules {
  return loadVerbRules(join(root, 'verbs'), root, cameo, loadNounClasses(join(root, 'classes'), root));
}

/** Event nouns whose start test is asked once per word form (of this coder's analyzer). */
function withFormMemo(raw: NounRules): NounRules {
  const starts = formPredicate(raw.starts);
  return {
    size: raw.size,
    starts,
    at(tokens, i) {
      const t = tokens[i];
      return t && starts(t) ? raw.at(tokens, i) : null;
    },
  };
}

/** Our sources from the dictionaries under `root`: `tokenize` must cut phrases as the analyzer cuts stories. */
export function nativeSources(root: string, verbRules: VerbRules, cameo: CameoTable, grammar: Grammar, tokenize: Tokenize, gazetteer: Gazetteer): NativeSources {
  const nouns = withFormMemo(loadNounRules(join(root, 'nouns'), root, cameo));
  const lexicon = compileActorLexicon(loadActorDictionaries(join(root, 'actors')), tokenize, (name) => (gazetteer.lookup(name)?.population ?? 0) >= 20000);
  const rules = nativeRuleSource(verbRules);
  const ruleVerb = formPredicate((t: Token): boolean => mayHeadGroup(t) && rules.hasRules(t));
  return {
    verbRules,
    actors: nativeActorSource(lexicon, grammar),
    rules,
    adjust: adjustCode,
    nominal: (g, coded) => nominalEvents(g, nouns, coded),
    triggers(tokens, i) {
      const t = tokens[i];
      return !!t && ((ruleVerb(t) && rules.mayMatch(tokens, i)) || nouns.starts(t));
    },
    refiners: [],
    properWords: lexicon.properWords,
    countryOf: (name) => lexicon.countryByName.get(name) ?? null,
  };
}
