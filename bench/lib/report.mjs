// Renders a section's results to the terminal and to its block of
// BENCHMARKS.md. A section returns `{ title, tables, notes, warnings }`; a
// table is `{ title, columns, rows }` with rows of already formatted strings.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export function formatMs(ms) {
  if (ms === undefined) return 'n/a';
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function formatRatio(ratio) {
  if (ratio >= 10) return `${ratio.toFixed(0)}×`;
  if (ratio >= 1) return `${ratio.toFixed(1)}×`;
  return `${ratio.toPrecision(2)}×`;
}

export function formatRate(megabytesPerSecond) {
  return megabytesPerSecond >= 100 ? megabytesPerSecond.toFixed(0) : megabytesPerSecond.toFixed(1);
}

export function formatBytes(bytes) {
  if (bytes === undefined) return 'n/a (run node with --expose-gc)';
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(0)} KB`;
}

export function formatGoal(met) {
  return met ? 'met' : '**missed**';
}

/** node version, CPU model and cores: what the figures depend on; the load says whether other work competed. */
export function machineDescription() {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU';
  const load = os.loadavg()[0].toFixed(1);
  return `node ${process.version}, ${model}, ${cpus.length} cores, ${os.platform()} ${os.arch()} (load average ${load} at start)`;
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

// ---- terminal ----

function plain(cell) {
  return cell.replace(/\*\*/g, '').replace(/`/g, '');
}

function textTable({ title, columns, rows }) {
  const cells = [columns, ...rows].map((row) => row.map(plain));
  const widths = columns.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [title, line(cells[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function printSection(section) {
  console.log(`\n== ${section.title} ==`);
  for (const table of section.tables) console.log(`\n${textTable(table)}`);
  if (section.notes.length > 0) console.log(`\n${section.notes.map(plain).join('\n')}`);
  for (const warning of section.warnings) console.log(`WARNING: ${plain(warning)}`);
}

// ---- markdown ----

function markdownTable({ title, columns, rows }) {
  const escape = (cell) => cell.replace(/\|/g, '\\|');
  return [
    `### ${title}`,
    '',
    `| ${columns.map(escape).join(' | ')} |`,
    `|${columns.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function sectionMarkdown(id, section, machine) {
  return [
    `## ${section.title}`,
    '',
    `Measured ${today()} on ${machine}; \`npm run bench -- ${id}\` reruns only this block.`,
    ...section.tables.flatMap((table) => ['', markdownTable(table)]),
    ...(section.notes.length > 0 ? ['', ...section.notes.map((note) => `- ${note}`)] : []),
    ...section.warnings.map((warning) => `\n> **Warning:** ${warning}`),
  ].join('\n');
}

function runMarkdown(command, machine) {
  return `Last run: ${today()}, \`${command}\`, on ${machine}.`;
}

const SKELETON = '# Benchmarks\n\nRun with `npm run bench` (all sections) or `npm run bench -- <section>` (one).\n';

/** Replaces the text between `<!-- bench:id -->` and `<!-- /bench:id -->`, or appends the block. */
function replaceBlock(document, id, body) {
  const open = `<!-- bench:${id} -->`;
  const close = `<!-- /bench:${id} -->`;
  const block = `${open}\n${body}\n${close}`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${block}\n`;
  return document.slice(0, start) + block + document.slice(end + close.length);
}

/**
 * Rewrites only the blocks of the sections that ran (and the `run` block that
 * says when and where); hand-written text outside the blocks is kept.
 */
export function updateBenchmarksFile(path, results, { command, machine }) {
  let document = existsSync(path) ? readFileSync(path, 'utf8') : SKELETON;
  document = replaceBlock(document, 'run', runMarkdown(command, machine));
  for (const [id, section] of results) document = replaceBlock(document, id, sectionMarkdown(id, section, machine));
  writeFileSync(path, document);
}
