import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flagsOf, INSTRUCTIONS } from '../../../server/src/analysis/instructions.js';
import { MOUNT_KEY_ALIASES, MOUNT_TYPES, mountKeys } from '../../../server/src/analysis/mounts.js';
import { PLATFORM_ARGS } from '../../../server/src/analysis/variables.js';
import { docsFor, EXAMPLES, FORMS, parameterDoc, SNIPPETS } from '../../../server/src/docs/index.js';
import { LOCALES, type Keyword } from '../../../server/src/lint/types.js';
import { parse } from '../../../server/src/parser/index.js';

/** Every key of a nested table, as paths. */
function keys(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [path];
  return Object.entries(value).flatMap(([key, child]) => keys(child, path ? `${path}.${key}` : key));
}

describe('editor docs (server/src/docs)', () => {
  it('have the same entries in every language, none empty', () => {
    const english = keys(docsFor('en')).sort();
    for (const locale of LOCALES) {
      assert.deepEqual(keys(docsFor(locale)).sort(), english, locale);
      for (const path of english) {
        const text = path.split('.').reduce<unknown>((table, key) => (table as Record<string, unknown>)[key], docsFor(locale));
        assert.ok(typeof text === 'string' && text.trim() !== '', `${locale}: ${path} is empty`);
      }
    }
  });

  it('document every instruction, each flag it accepts, and every signature parameter', () => {
    for (const locale of LOCALES) {
      const docs = docsFor(locale);
      for (const keyword of INSTRUCTIONS) {
        assert.ok(docs.instructions[keyword as Keyword], `${locale}: ${keyword}`);
        for (const flag of Object.keys(flagsOf(keyword))) assert.ok(docs.flags[`${keyword} --${flag}`], `${locale}: ${keyword} --${flag}`);
        for (const form of FORMS[keyword as Keyword]) {
          for (const parameter of form.parameters) {
            assert.ok(form.label.includes(parameter.label), `${keyword}: ${parameter.label} is in ${form.label}`);
            assert.ok(parameterDoc(docs, keyword, parameter.label), `${locale}: ${keyword} ${parameter.label}`);
          }
        }
      }
      assert.deepEqual(Object.keys(docs.flags).filter((key) => !(key.split(' --')[1] in flagsOf(key.split(' ')[0]))), [], `${locale}: docs of flags no instruction has`);
      for (const type of MOUNT_TYPES) {
        assert.ok(docs.flagValues[`RUN --mount type=${type}`], `${locale}: mount type ${type}`);
        for (const key of mountKeys(type)) assert.ok(docs.mountOptions[key], `${locale}: mount option ${key}`);
      }
      for (const alias of Object.values(MOUNT_KEY_ALIASES)) assert.ok(docs.mountOptions[alias], alias);
      for (const name of PLATFORM_ARGS) assert.ok(docs.builtinVariables[name], `${locale}: ${name}`);
    }
  });

  it('give each instruction an example and a snippet that parse to that instruction', () => {
    for (const keyword of INSTRUCTIONS) {
      const example = parse(EXAMPLES[keyword as Keyword]);
      assert.deepEqual(example.errors.filter((error) => error.severity === 'error' && error.code !== 'no-instructions'), [], `${keyword} example`);
      const expected = keyword === 'MAINTAINER' ? 'LABEL' : keyword;
      assert.ok(example.instructions.some((instruction) => instruction.keyword === expected), `${keyword}: its example shows it`);
      const snippet = SNIPPETS[keyword as Keyword].replace(/\$\{\d+:([^}]*)\}/g, '$1');
      assert.equal(parse(`${snippet}\n`).instructions[0].keyword, keyword, `${keyword} snippet`);
    }
  });

  it('are written in Chinese for zh-cn, not left in English', () => {
    const chinese = docsFor('zh-cn');
    for (const [keyword, doc] of Object.entries(chinese.instructions)) {
      assert.match(doc.summary, /[\u4e00-\u9fff]/, `${keyword} summary`);
      assert.match(doc.layers, /[\u4e00-\u9fff]/, `${keyword} layers`);
    }
    for (const [flag, doc] of Object.entries(chinese.flags)) assert.match(doc, /[\u4e00-\u9fff]/, flag);
  });
});
