import type { BuildPlan, BuildPlanInstruction } from '../../../server/src/features/build-plan-protocol.js';

/**
 * The size each instruction added to a built image, from the engine's
 * `history` of that image, matched to the Dockerfile's instructions. Pure.
 *
 * Which rows belong to which instruction: an image's history lists, newest
 * first, one row per instruction of the stage that was built, then the rows
 * of the image it was built FROM. When that FROM names an earlier stage, those
 * rows are that stage's instructions, and so on up to an external image,
 * whose rows (and only those) are the base. Stages that the build only copies
 * from (`COPY --from`) leave no rows. So the rows are matched, newest first,
 * against that chain of stages' instructions, newest first, with an
 * order-keeping best match on keyword and command text; rows that match
 * nothing (a base image's, an ONBUILD trigger's) and instructions without a
 * row are skipped instead of shifting every later match.
 */

export interface HistoryRow {
  createdBy: string;
  /** Bytes this layer adds. */
  size: number;
}

export interface LayerSize {
  /** Stage index and instruction index within it (0 is the FROM). */
  stage: number;
  instruction: number;
  line: number;
  keyword: string;
  size: number;
}

export interface LayerSizes {
  layers: LayerSize[];
  /** The base image's rows: their total, shown at the root stage's FROM. */
  base: { stage: number; line: number; size: number; rows: number };
  total: number;
}

/** podman's `--format json` (an array) or docker's and nerdctl's `--format {{json .}}` (one object a line). */
export function parseHistory(output: string): HistoryRow[] {
  const text = output.trim();
  if (text === '') return [];
  const records: unknown[] = text.startsWith('[') ? (JSON.parse(text) as unknown[]) : text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
  return records.map((record) => {
    const fields = (record ?? {}) as Record<string, unknown>;
    const createdBy = String(fields.CreatedBy ?? fields.createdBy ?? fields.created_by ?? '');
    return { createdBy, size: parseSize(fields.Size ?? fields.size) };
  });
}

const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** A size in bytes: a number, digits, or a human size (`2.05kB`, `1.99 MB`) from a CLI that ignores `--human=false`. */
export function parseSize(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '').trim();
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([\d.]+)\s*([a-zA-Z]+)$/.exec(text);
  if (!match) return 0;
  return Math.round(Number(match[1]) * (UNITS[match[2].toLowerCase()] ?? 1));
}

/** BuildKit's ` # buildkit` after a row's text. Starts where the white space does: tried inside it, the match rescanned the run (quadratic). */
const BUILDKIT_MARK = /(?<!\s)\s+# buildkit$/;
/** The legacy builder's `|2 A=1 B=2 ` before a command; a name runs to its first `=` so that each word splits one way only (linear). */
const BUILD_ARGS = /^\|\d+ (?:\S[^\s=]*=\S* )*/;

/** What a history row says it ran: the keyword, and for RUN the command. */
export function describeRow(createdBy: string): { keyword?: string; command?: string } {
  let text = createdBy.trim().replace(BUILDKIT_MARK, '');
  // BuildKit: `RUN /bin/sh -c make # buildkit`, `COPY . /app # buildkit`, `ENV A=1`.
  const buildkit = /^([A-Z]+)\b\s*(.*)$/s.exec(text);
  if (buildkit && KEYWORDS.has(buildkit[1])) {
    return buildkit[1] === 'RUN' ? { keyword: 'RUN', command: runCommand(buildkit[2]) } : { keyword: buildkit[1] };
  }
  // podman and the legacy builder: `/bin/sh -c #(nop) ENV A=1`, `|2 A=1 B=2 /bin/sh -c make`, `/bin/sh -c make`.
  text = text.replace(BUILD_ARGS, '');
  const nop = /^(?:\/bin\/sh -c |cmd \/S \/C )?#\(nop\)\s+([A-Z]+)\b/.exec(text);
  if (nop) return KEYWORDS.has(nop[1]) ? { keyword: nop[1] } : {};
  if (text !== '') return { keyword: 'RUN', command: runCommand(text) };
  return {};
}

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

function runCommand(text: string): string {
  return normalize(text.replace(BUILD_ARGS, '').replace(/^(?:\/bin\/sh -c |\/bin\/bash -c |cmd \/S \/C )/, ''));
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A RUN's arguments as the history prints them: a JSON array becomes its words joined. */
function instructionCommand(instruction: BuildPlanInstruction): string {
  const text = instruction.arguments.trim();
  if (text.startsWith('[')) {
    try {
      const words = JSON.parse(text) as unknown;
      if (Array.isArray(words) && words.every((word) => typeof word === 'string')) return normalize(words.join(' '));
    } catch {
      // shell form after all
    }
  }
  return normalize(text);
}

interface ChainEntry {
  stage: number;
  instruction: number;
  value: BuildPlanInstruction;
}

/** The built stage's instructions and those of the stages its FROM names, oldest first, FROMs left out. */
export function instructionChain(plan: BuildPlan, target: number): { chain: ChainEntry[]; root: number } {
  const stages: number[] = [];
  const seen = new Set<number>();
  for (let stage: number | undefined = target; stage !== undefined && !seen.has(stage); stage = plan.stages[stage]?.parent) {
    seen.add(stage);
    stages.unshift(stage);
  }
  const chain = stages.flatMap((stage) => plan.stages[stage].instructions.slice(1).map((value, index) => ({ stage, instruction: index + 1, value })));
  return { chain, root: stages[0] ?? target };
}

function score(row: { keyword?: string; command?: string }, entry: ChainEntry): number {
  if (row.keyword === undefined || row.keyword !== entry.value.keyword) return 0;
  if (row.keyword !== 'RUN') return 2;
  const expected = instructionCommand(entry.value);
  const actual = row.command ?? '';
  if (actual === expected) return 3;
  // Heredocs and exotic forms print differently; the engine may also truncate.
  return actual.startsWith(expected) || expected.startsWith(actual) || actual.includes(expected) ? 2 : 1;
}

/**
 * Matches history rows (newest first, as every engine lists them) to the
 * instruction chain of the built stage; see the module comment.
 */
export function layerSizes(plan: BuildPlan, target: number, rows: HistoryRow[]): LayerSizes {
  const { chain, root } = instructionChain(plan, target);
  const instructions = [...chain].reverse();
  const described = rows.map((row) => describeRow(row.createdBy));
  const rowCount = rows.length;
  const count = instructions.length;
  // best[i][j]: the best total score matching rows[i..] with instructions[j..].
  const best: number[][] = Array.from({ length: rowCount + 1 }, () => new Array<number>(count + 1).fill(0));
  for (let i = rowCount - 1; i >= 0; i--) {
    for (let j = count - 1; j >= 0; j--) {
      const pair = score(described[i], instructions[j]);
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], pair > 0 ? pair + best[i + 1][j + 1] : 0);
    }
  }
  const layers: LayerSize[] = [];
  const matched = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < rowCount && j < count) {
    const pair = score(described[i], instructions[j]);
    if (pair > 0 && best[i][j] === pair + best[i + 1][j + 1]) {
      const entry = instructions[j];
      layers.push({ stage: entry.stage, instruction: entry.instruction, line: entry.value.line, keyword: entry.value.keyword, size: rows[i].size });
      matched.add(i);
      i++;
      j++;
    } else if (best[i][j] === best[i][j + 1]) {
      j++;
    } else {
      i++;
    }
  }
  // Rows after the oldest match are the base image's; unmatched rows among the chain's (ONBUILD triggers) count in the total only.
  const lastMatched = matched.size > 0 ? Math.max(...matched) : -1;
  const baseRows = rows.slice(lastMatched + 1);
  const rootFrom = plan.stages[root]?.instructions[0];
  return {
    layers: layers.reverse(),
    base: { stage: root, line: rootFrom?.line ?? 0, size: baseRows.reduce((sum, row) => sum + row.size, 0), rows: baseRows.length },
    total: rows.reduce((sum, row) => sum + row.size, 0),
  };
}

/** Sizes as `docker history` prints them: powers of 1000, three significant digits. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${units[unit]}`;
}

/** The instructions worth a hint: any that added bytes, and every RUN, COPY and ADD (0 B is news there too). */
export function worthShowing(layer: LayerSize): boolean {
  return layer.size > 0 || layer.keyword === 'RUN' || layer.keyword === 'COPY' || layer.keyword === 'ADD';
}
