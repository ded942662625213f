import { Char, isDigit, isNameChar, isNameStart } from './chars.js';
import { toSource, toSourceEnd } from './source-map.js';
import type { SourceMap, VariableRef } from './types.js';

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
  const firstDollar = text.indexOf('$', start);
  if (firstDollar < 0 || firstDollar >= end) return found;
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

const NO_VARIABLES: VariableRef[] = Object.freeze([]) as never[];

/** Variable references in [start, end) of `text`, with spans mapped through `map` (source text when absent). */
export function variableRefs(text: string, start: number, end: number, escape: number, map?: SourceMap): VariableRef[] {
  const found = scanVariables(text, start, end, escape);
  if (found.length === 0) return NO_VARIABLES;
  const from = map ? (offset: number) => toSource(map, offset) : (offset: number) => offset;
  const to = map ? (offset: number) => toSourceEnd(map, offset) : (offset: number) => offset;
  return found.map((variable) => {
    const nameEnd = variable.nameStart + variable.name.length;
    const operandStart = variable.operandStart;
    const operandEnd = variable.end - 1;
    return {
      start: from(variable.start),
      end: to(variable.end),
      name: variable.name,
      nameSpan: { start: from(variable.nameStart), end: to(nameEnd) },
      braced: variable.braced,
      operator: variable.operator,
      operand: operandStart === undefined
        ? undefined
        : { value: text.slice(operandStart, operandEnd), start: from(operandStart), end: operandEnd > operandStart ? to(operandEnd) : from(operandStart) },
    };
  });
}
