// Bundles our parser with esbuild, with the options scripts/build.mjs uses for
// dist/, so the bench times the JavaScript the product ships rather than tsx's
// on-the-fly transform.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Builds server/src/parser into `<cacheDir>/parser.js` and loads it: `{ parse, applyEdit, ... }`. */
export async function loadOurParser(root, cacheDir) {
  const outfile = join(cacheDir, 'parser.js');
  await build({
    entryPoints: [join(root, 'server/src/parser/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
