import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in package.json, which sits one folder above the bundle in dist/. */
export function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}
