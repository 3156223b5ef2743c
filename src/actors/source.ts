/**
 * Our actor dictionaries (dictionaries/actors/*.tsv) as an actor source: per story, the mentions of each
 * sentence, resolved from the story's context (src/actors/recognize.ts).
 */
import type { ActorSource, SentencePlace, Token } from '../contracts.js';
import type { Grammar } from '../events/grammar.js';
import { actorWordTests, assembleMentions, findPieces, StoryActors, type ActorLexicon, type ActorWordTests } from './recognize.js';
import { formPredicate } from '../text/forms.js';

export function nativeActorSource(lexicon: ActorLexicon, grammar: Grammar): ActorSource {
  const plain = actorWordTests(lexicon);
  // asked once per word form of this coder's analyzer
  const words: ActorWordTests = { mayStart: formPredicate(plain.mayStart), mayRefer: formPredicate(plain.mayRefer) };
  return {
    forStory(ctx) {
      const story = new StoryActors(ctx.datelineCountry, grammar);
      return {
        countries: story.countries,
        mentions(st) {
          const tokens = st.tokens;
          const blocked = (i: number): boolean => ctx.blocked((tokens[i] as Token).i);
          const pieces = findPieces(lexicon, tokens, 0, tokens.length, blocked, words);
          let places: readonly SentencePlace[] | null = null;
          const sentencePlaces = (): readonly SentencePlace[] => (places ??= ctx.places(st));
          return assembleMentions(lexicon, tokens, ctx.text, 0, tokens.length, pieces, story, blocked, sentencePlaces, words);
        },
      };
    },
  };
}
