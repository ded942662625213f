import type { Locale } from '../lint/types.js';
import { en } from './en.js';
import type { DocsTable } from './types.js';
import { zhCn } from './zh-cn.js';

export type { DirectiveName, DocsTable, InstructionDoc, InterfaceText } from './types.js';
export { DIRECTIVE_VALUES, EXAMPLES, FLAG_VALUES, FORMS, SIGNALS, SNIPPETS, type SyntaxForm, type SyntaxParameter } from './syntax.js';

const TABLES: Record<Locale, DocsTable> = { en, 'zh-cn': zhCn };

export function docsFor(locale: Locale): DocsTable {
  return TABLES[locale];
}

/** A signature parameter's docs: the instruction's own entry, else the shared one. */
export function parameterDoc(docs: DocsTable, keyword: string, label: string): string | undefined {
  return docs.parameters[`${keyword} ${label}`] ?? docs.parameters[label];
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
