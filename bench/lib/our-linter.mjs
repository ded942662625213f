// Bundles our parser, lint engine and rules with esbuild, with the options
// scripts/build.mjs uses for dist/ (as our-parser.mjs does for the parser), so
// the bench times the JavaScript the product ships.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ENTRY = `
export { parse, LineIndex } from './parser/index.ts';
export { lint } from './lint/engine.ts';
export { allRules } from './rules/index.ts';
export { VariableResolver } from './analysis/variables.ts';
export { initShell, parseInstructionScript } from './analysis/shell/index.ts';
`;

/**
 * Builds `<cacheDir>/lint.js` and loads it: `{ parse, lint, allRules, VariableResolver, LineIndex }`,
 * with the shell parser ready (shell-aware rules need it before the first lint).
 */
export async function loadOurLinter(root, cacheDir) {
  const outfile = join(cacheDir, 'lint.js');
  await build({
    stdin: { contents: ENTRY, resolveDir: join(root, 'server/src'), loader: 'ts', sourcefile: 'bench-lint-entry.ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const linter = createRequire(import.meta.url)(outfile);
  await linter.initShell();
  return linter;
}

/**
 * "Every rule on": each rule at its own severity, the ones off by default
 * (`defaultOff`) included. Settings stay the defaults (no config file), so
 * rules that need a schema or a registry list have nothing to check.
 * Rules named in `except` are off.
 */
export function everyRuleOn(allRules, { except = [] } = {}) {
  return {
    rules: allRules,
    severities: Object.fromEntries(allRules.map((rule) => [rule.meta.id, except.includes(rule.meta.id) ? 'off' : rule.meta.severity])),
  };
}
