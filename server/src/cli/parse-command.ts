import { dumpBuildkit, LineIndex, parse, type DockerfileTree } from '../parser/index.js';
import { lastValue, parseOptions, readDockerfile } from './input.js';

/** `layerwise parse [--format json|buildkit] FILE`: exit 1 when the file has parse errors. */
export function parseCommand(args: string[]): number {
  const parsed = parseOptions(args, { values: ['format'], switches: [] });
  const { positional, error } = parsed;
  const format = lastValue(parsed, 'format') ?? 'json';
  if (error || positional.length !== 1 || (format !== 'json' && format !== 'buildkit')) {
    process.stderr.write(`layerwise parse: ${error ?? 'expected one FILE and --format json|buildkit'}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readDockerfile(positional[0]);
  } catch (cause) {
    process.stderr.write(`layerwise parse: cannot read ${positional[0]}: ${(cause as Error).message}\n`);
    return 2;
  }
  const tree = parse(text);
  const lines = new LineIndex(text);
  const fatal = tree.errors.filter((problem) => problem.severity === 'error');
  for (const problem of tree.errors) {
    const at = lines.positionAt(problem.start);
    process.stderr.write(`${positional[0]}:${at.line + 1}:${at.character + 1}: ${problem.severity}: ${problem.message} [${problem.code}]\n`);
  }
  if (format === 'buildkit') {
    if (fatal.length > 0) return 1;
    process.stdout.write(dumpBuildkit(tree));
    return 0;
  }
  process.stdout.write(`${JSON.stringify(treeForPeople(tree, lines), null, 2)}\n`);
  return fatal.length > 0 ? 1 : 0;
}

/** The tree as JSON: every span also gets `range` as 0-based [line, character, line, character]. */
function treeForPeople(tree: DockerfileTree, lines: LineIndex): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value) => {
    if (key === 'text' || key === 'argsMap') return undefined;
    if (value && typeof value === 'object' && typeof value.start === 'number' && typeof value.end === 'number') {
      const start = lines.positionAt(value.start);
      const end = lines.positionAt(value.end);
      return { ...value, range: [start.line, start.character, end.line, end.character] };
    }
    return value;
  }));
}
