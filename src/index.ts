/**
 * wirecoder's library API.
 *
 *   import { createCoder } from 'wirecoder';
 *   const coder = await createCoder();
 *   const story = coder.codeStory({ id: 'x', text, date: '2008-02-08', origin: { file: 'x' } });
 */
export { createCoder, MAX_STORY_CHARS, StoryTooLongError } from './coder.js';
export type { Coder, CoderOptions } from './coder.js';
export type * from './types.js';
