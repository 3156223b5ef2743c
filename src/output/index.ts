export { createFormatter, FORMAT_NAMES, jsonFormatter, jsonlFormatter, tableFormatter, tsvFormatter, explainFormatter, tsvRow, compactDate, TSV_COLUMNS } from './formatters.js';
export type { FormatName, FormatOptions, Formatter } from './formatters.js';
export { formatExplain } from './explain.js';
export { eventRecord, storyRecord } from './records.js';
export { truncate, cell, oneLine, width } from './text.js';
