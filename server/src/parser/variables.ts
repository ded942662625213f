import { Char, isDigit, isNameChar, isNameStart } from './chars.js';
import { toSourceSpan } from './source-map.js';
import type { SourceMap, Span, VariableRef } from './types.js';

export interface ScannedVariable {
  start: number;
  end: number;
  name: string;
  nameStart: number;
  braced: boolean;
  operator?: string;
  operandStart?: number;
}

const OPERATORS = [':-', ':+', ':?', '##', '%%', '//', '-', '+', '?', '#', '%', '/'];

/**
 * Finds `$NAME` and `${NAME<op>word}` references in [start, end). Nesting is
 * tracked with an explicit stack, so `${a:-${b:-...}}` of any depth is safe.
 * Single quotes and the escape character stop expansion, as in BuildKit's lexer.
 */
export function scanVariables(text: string, start: number, end: number, escape: number): ScannedVariable[] {
  const found: ScannedVariable[] = [];
  if (text.indexOf('$', start) < 0) return found;
  const open: ScannedVariable[] = [];
  let inSingle = false;
  let inDouble = false;
  for (let pos = start; pos < end; pos++) {
    const code = text.charCodeAt(pos);
    if (inSingle) {
      if (code === Char.SingleQuote) inSingle = false;
      continue;
    }
    if (code === escape) {
      pos++;
    } else if (code === Char.SingleQuote && !inDouble && open.length === 0) {
      inSingle = true;
    } else if (code === Char.DoubleQuote) {
      inDouble = !inDouble;
    } else if (code === Char.CloseBrace && open.length > 0) {
      const variable = open.pop()!;
      variable.end = pos + 1;
      found.push(variable);
    } else if (code === Char.Dollar) {
      pos = readReference(text, pos, end, found, open);
    }
  }
  // Nested references close before the ones around them.
  if (found.some((variable, i) => i > 0 && variable.start < found[i - 1].start)) found.sort((a, b) => a.start - b.start);
  return found;
}

/** Reads the reference at `$`; returns the last offset it consumed. */
function readReference(text: string, dollar: number, end: number, found: ScannedVariable[], open: ScannedVariable[]): number {
  const next = text.charCodeAt(dollar + 1);
  if (next === Char.OpenBrace) {
    const nameStart = dollar + 2;
    let pos = nameStart;
    while (pos < end && isNameChar(text.charCodeAt(pos))) pos++;
    if (pos === nameStart || isDigit(text.charCodeAt(nameStart))) return dollar;
    const variable: ScannedVariable = { start: dollar, end: pos, name: text.slice(nameStart, pos), nameStart, braced: true };
    if (text.charCodeAt(pos) === Char.CloseBrace) {
      variable.end = pos + 1;
      found.push(variable);
      return pos;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, pos));
    if (!operator) return pos - 1;
    variable.operator = operator;
    variable.operandStart = pos + operator.length;
    open.push(variable);
    return pos + operator.length - 1;
  }
  if (!isNameStart(next)) return dollar;
  let pos = dollar + 1;
  while (pos < end && isNameChar(text.charCodeAt(pos))) pos++;
  found.push({ start: dollar, end: pos, name: text.slice(dollar + 1, pos), nameStart: dollar + 1, braced: false });
  return pos - 1;
}

/** Variable references in [start, end) of `text`, with spans mapped through `map` (source text when absent). */
export function variableRefs(text: string, start: number, end: number, escape: number, map?: SourceMap): VariableRef[] {
  const span = map ? (from: number, to: number): Span => toSourceSpan(map, from, to) : (from: number, to: number): Span => ({ start: from, end: to });
  return scanVariables(text, start, end, escape).map((found) => {
    const ref: VariableRef = {
      ...span(found.start, found.end),
      name: found.name,
      nameSpan: span(found.nameStart, found.nameStart + found.name.length),
      braced: found.braced,
    };
    if (found.operator !== undefined && found.operandStart !== undefined) {
      ref.operator = found.operator;
      const operandEnd = found.end - 1;
      ref.operand = { value: text.slice(found.operandStart, operandEnd), ...span(found.operandStart, operandEnd) };
    }
    return ref;
  });
}
