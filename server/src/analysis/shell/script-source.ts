/**
 * Which script an instruction hands to a shell, the way BuildKit builds it:
 * shell form runs `<shell> "<args>"`, with heredoc bodies appended as
 * `"\n" + body + delimiter`; a RUN whose arguments are a single `<<EOF`
 * runs the body itself (or, with a non-shell shebang, not as shell at all).
 */
import type { ExecForm, Heredoc, Instruction, SourceMap } from '../../parser/types.js';
import { rebaseMap, toLogical } from './source-maps.js';
import type { ShellSource } from './types.js';

const SCRIPT_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];
const SLASH = 0x2f;
const BACKSLASH = 0x5c;

export interface ShellScriptOptions {
  /** The SHELL in effect (see `shellInEffect`); a non-POSIX one (powershell, cmd) means no shell script. */
  shell?: readonly string[];
  /** The Dockerfile text (`tree.text`), so that words' `raw` is exactly what the document holds. */
  document?: string;
}

/** The shell script that RUN, CMD or ENTRYPOINT runs (ONBUILD: its trigger's), or undefined when it runs none we read. */
export function shellScriptOf(instruction: Instruction, options: ShellScriptOptions = {}): ShellSource | undefined {
  const source = scriptOfInstruction(instruction, options);
  if (source && options.document !== undefined) source.document = options.document;
  return source;
}

function scriptOfInstruction(instruction: Instruction, options: ShellScriptOptions): ShellSource | undefined {
  const target = instruction.trigger ?? instruction;
  if (!SCRIPT_KEYWORDS.has(target.keyword)) return undefined;
  if (target.exec) return execFormScript(target.exec);
  const shell = programName((options.shell ?? DEFAULT_SHELL)[0] ?? '');
  if (!isPosixShell(shell)) return undefined;
  const heredocs = target.keyword === 'RUN' ? target.heredocs : [];
  if (heredocs.length === 1 && isOnlyMarker(target, heredocs[0])) return heredocScript(heredocs[0], shell);
  return shellFormScript(target, heredocs, shell);
}

/** `sh`, `bash`, ... by base name (`/bin/bash` too). */
export function isPosixShell(program: string): boolean {
  return POSIX_SHELLS.has(programName(program).toLowerCase());
}

/** The base name of a program path: `apt-get` for `/usr/bin/apt-get`, `powershell` for `C:\Windows\...\powershell.exe`. */
export function programName(program: string): string {
  // Rules call this for every command of every script (a million calls a corpus pass): a loop over
  // character codes, since V8 runs String.prototype.lastIndexOf as a far slower call into C++.
  let slash = program.length - 1;
  while (slash >= 0 && program.charCodeAt(slash) !== SLASH && program.charCodeAt(slash) !== BACKSLASH) slash--;
  const name = slash < 0 ? program : program.slice(slash + 1);
  return name.length > 4 && name.charCodeAt(name.length - 4) === 46 && name.slice(-4).toLowerCase() === '.exe' ? name.slice(0, -4) : name;
}

function isOnlyMarker(instruction: Instruction, heredoc: Heredoc): boolean {
  return instruction.args.start === heredoc.marker.start && instruction.args.end === heredoc.marker.end;
}

/** `RUN <<EOF`: the body is the script, unless a shebang names another interpreter. */
function heredocScript(heredoc: Heredoc, shell: string): ShellSource | undefined {
  const body = heredoc.content;
  const interpreter = shebangInterpreter(body.value);
  if (interpreter !== undefined && !isPosixShell(interpreter)) return undefined;
  return { text: body.value, map: { logical: [0], source: [body.start] }, origin: 'heredoc-script', shell: interpreter ?? shell };
}

/** `#!/bin/bash -e` gives `bash`; `#!/usr/bin/env python3` gives `python3`. */
function shebangInterpreter(body: string): string | undefined {
  if (!body.startsWith('#!')) return undefined;
  const words = body.slice(2, body.search(/\r?\n|$/)).trim().split(/\s+/);
  const program = programName(words[0] ?? '');
  if (program !== 'env') return program;
  return programName(words.slice(1).find((word) => !word.startsWith('-') && !word.includes('=')) ?? '');
}

function shellFormScript(instruction: Instruction, heredocs: Heredoc[], shell: string): ShellSource {
  const args = instruction.args;
  const map = rebaseMap(instruction.argsMap, toLogical(instruction.argsMap, args.start), args.value.length);
  let text = args.value;
  for (const heredoc of heredocs) {
    // BuildKit appends "\n" + body + delimiter; the "\n" maps onto the newline that ends the line before the body.
    appendPiece(map, text.length, heredoc.content.start - 1);
    text += '\n' + heredoc.content.value;
    if (!heredoc.terminator) break;
    appendPiece(map, text.length, heredoc.terminator.end - heredoc.name.length);
    text += heredoc.name;
  }
  return { text, map, origin: 'shell-form', shell };
}

function appendPiece(map: SourceMap, logical: number, source: number): void {
  map.logical.push(logical);
  map.source.push(source);
}

/**
 * `["sh", "-c", "script"]` (any POSIX shell, `-c` possibly clustered as `-ec`).
 * Only when the script element has no JSON escapes: otherwise its characters
 * would not slice the document one to one.
 */
function execFormScript(exec: ExecForm): ShellSource | undefined {
  const [program, ...rest] = exec.elements;
  if (!program || !isPosixShell(program.value)) return undefined;
  const commandFlag = rest.findIndex((element) => !element.value.startsWith('-') || (/^-[a-z]*$/i.test(element.value) && /c/i.test(element.value)));
  const script = commandFlag >= 0 && rest[commandFlag].value.startsWith('-') ? rest[commandFlag + 1] : undefined;
  if (!script || script.end - script.start - 2 !== script.value.length) return undefined;
  return { text: script.value, map: { logical: [0], source: [script.start + 1] }, origin: 'exec-form', shell: programName(program.value) };
}

/** A script on its own (tests, tools): its offsets are offsets into `text`. */
export function scriptFromText(text: string): ShellSource {
  return { text, map: { logical: [0], source: [0] }, origin: 'shell-form', shell: 'sh', document: text };
}
