// Checks that every position a server answers with lies inside the document it
// is about: positions and ranges anywhere in a result, semantic tokens, folding
// lines. Results about other documents (a Location elsewhere) are skipped.

/** Line lengths as LSP counts lines: `\r\n`, `\r` and `\n` all end one. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

interface Position {
  line: number;
  character: number;
}

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

function positionProblem(position: Position, lines: number[]): string | undefined {
  const { line, character } = position;
  if (!Number.isInteger(line) || line < 0 || line >= lines.length) return `line ${line} of ${lines.length}`;
  if (!Number.isInteger(character) || character < 0 || character > lines[line]) return `character ${character} on line ${line} of length ${lines[line]}`;
  return undefined;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Semantic tokens are five numbers each, relative to the previous token. */
function semanticTokensProblem(data: number[], lines: number[]): string | undefined {
  let line = 0;
  let start = 0;
  for (let i = 0; i + 5 <= data.length; i += 5) {
    const [deltaLine, deltaStart, length] = [data[i], data[i + 1], data[i + 2]];
    line += deltaLine;
    start = deltaLine === 0 ? start + deltaStart : deltaStart;
    if (line >= lines.length || start + length > lines[line] || length < 0) return `semantic token ${i / 5} at ${line}:${start} length ${length}`;
  }
  if (data.length % 5 !== 0) return `semantic token data of length ${data.length}`;
  return undefined;
}

/** The first position in `result` outside the document `uri` (whose text is `text`), with its path; undefined when all are inside. */
export function rangeProblem(result: unknown, uri: string, text: string): string | undefined {
  const lines = lineLengths(text);
  const seen = new Set<object>();
  const visit = (value: unknown, path: string, ours: boolean): string | undefined => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = visit(value[i], `${path}[${i}]`, ours);
        if (problem) return problem;
      }
      return undefined;
    }
    const record = value as Record<string, unknown>;
    // A result about another document (a Location, a link's target) says nothing about this one.
    const about = [record.uri, record.targetUri, (record.textDocument as { uri?: unknown } | undefined)?.uri].find((candidate) => typeof candidate === 'string');
    if (about !== undefined) ours = about === uri;
    if (!ours) return undefined;
    if (isPosition(record)) {
      const problem = positionProblem(record, lines);
      return problem ? `${path}: ${problem}` : undefined;
    }
    if (isPosition(record.start) && isPosition(record.end) && !before(record.start, record.end)) return `${path}: range ends before it starts`;
    if (typeof record.startLine === 'number' && typeof record.endLine === 'number') {
      if (record.startLine < 0 || record.endLine < record.startLine || record.endLine >= lines.length) return `${path}: folding lines ${record.startLine}-${record.endLine} of ${lines.length}`;
    }
    // Only a semantic tokens result has number data at the top; `data` elsewhere is the server's own.
    if (path === 'result' && Array.isArray(record.data) && record.data.every((item) => typeof item === 'number')) {
      const problem = semanticTokensProblem(record.data as number[], lines);
      if (problem) return `${path}: ${problem}`;
    }
    for (const [key, child] of Object.entries(record)) {
      // WorkspaceEdit.changes is keyed by document.
      if (path.endsWith('.changes')) {
        const problem = visit(child, `${path}[${JSON.stringify(key)}]`, key === uri);
        if (problem) return problem;
        continue;
      }
      const problem = visit(child, `${path}.${key}`, ours);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(result, 'result', true);
}
