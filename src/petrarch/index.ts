/**
 * Readers for the TABARI / PETRARCH-2 dictionary formats (issue 3 groundwork). Each reader is a pure
 * `parseX(text, file)` plus a `loadX(path)`; entries keep `{id, file, line}` provenance and problems
 * are collected (`file:line`), never thrown. Not wired into the coder yet.
 */
export * from './common.js';
export * from './actors.js';
export * from './agents.js';
export * from './lists.js';
export * from './verbs.js';
