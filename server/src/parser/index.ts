export { parse } from './parse.js';
export { applyEdit, type TextEdit } from './incremental.js';
export { SlicedParse } from './sliced.js';
export { dumpBuildkit } from './buildkit-dump.js';
export { LineIndex, type Position } from './line-index.js';
export { toSource, toSourceEnd, toSourceSpan } from './source-map.js';
export type * from './types.js';
