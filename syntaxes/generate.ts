// Writes syntaxes/dockerfile.tmLanguage.json from syntaxes/dockerfile.grammar.ts (`npm run grammar`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGrammar } from './dockerfile.grammar.js';

const target = join(__dirname, 'dockerfile.tmLanguage.json');
writeFileSync(target, renderGrammar());
console.log(`wrote ${target}`);
