import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from '../../../server/src/parser/index.js';
import {
  argsAfter,
  commandAfter,
  commandsNamed,
  flagValue,
  hasFlag,
  initShell,
  isShellReady,
  matchesCommand,
  operands,
  parseInstructionScript,
  parseShell,
  runsAfter,
  shellInEffect,
  shellScriptOf,
  subcommand,
  unwrapCommand,
  type ShellCommand,
  type ShellScript,
  type ShellWord,
} from '../../../server/src/analysis/shell/index.js';

/** A word as a table shows it: its value, quoted when it holds spaces. */
const shown = (word: ShellWord) => (/\s|^$/.test(word.value) ? JSON.stringify(word.value) : word.value);
/** `name args... operator`, the newline operator written as ⏎. */
const summary = (command: ShellCommand) =>
  [command.nameWord, ...command.args].map(shown).join(' ') + (command.next ? ` ${command.next === '\n' ? '⏎' : command.next}` : '');
const summaries = (script: string) => parseShell(script).commands.map(summary);
const contexts = (script: string) => parseShell(script).commands.map((command) => `${command.name}: ${command.within.join('/')}`);

/** The script of the last instruction of a Dockerfile, parsed as rules see it. */
function lastScript(dockerfile: string): ShellScript | undefined {
  const tree = parse(dockerfile);
  return parseInstructionScript(tree, tree.instructions[tree.instructions.length - 1]);
}

/** Every word, name, assignment and redirect target slices the document to its raw text. */
function assertSlices(document: string, script: ShellScript): void {
  for (const command of script.commands) {
    const words = [command.nameWord, ...command.args, ...command.redirects.flatMap((redirect) => (redirect.target ? [redirect.target] : []))];
    for (const word of words) assert.equal(document.slice(word.start, word.end), word.raw, `word ${word.raw}`);
    for (const assignment of command.assignments) assert.equal(document.slice(assignment.start, assignment.end), assignment.raw);
  }
}

before(async () => {
  await Promise.all([initShell(), initShell()]);
});

describe('shell: loading', () => {
  it('loads once and is ready afterwards', async () => {
    assert.equal(isShellReady(), true);
    assert.strictEqual(initShell(), initShell());
    await initShell();
  });
});

describe('shell: words and operators', () => {
  const cases: Array<[title: string, script: string, expected: string[]]> = [
    ['removes double quotes, single quotes and escapes', `echo "a b" 'c d' e\\ f "g\\"h" $'i\\tj'`, ['echo "a b" "c d" "e f" g"h "i\\tj"']],
    ['keeps expansions as written', 'echo "$HOME/x" pre$(date)post ${A:-b}', ['echo $HOME/x pre$(date)post ${A:-b}', 'date']],
    ['reads && || ; | & between commands', 'a && b || c; d | e & f', ['a &&', 'b ||', 'c ;', 'd |', 'e &', 'f']],
    ['reads a newline as a separator', 'a\nb', ['a ⏎', 'b']],
    ['reads |& as a pipe of both streams', 'make |& tee log', ['make |&', 'tee log']],
    ['ends a subshell list inside the subshell', '(cd /x && make) && rm -rf /x', ['cd /x &&', 'make', 'rm -rf /x']],
    ['reads { ; } groups', '{ a; b; } && c', ['a ;', 'b ;', 'c']],
    ['reads if / then / else', 'if [ -f x ]; then a; else b; fi', ['[ -f x ;', 'a ;', 'b ;']],
    ['reads for and while loops', 'for p in a b; do pip install "$p"; done; while read l; do echo "$l"; done < f', ['pip install $p ;', 'read l ;', 'echo $l ;']],
    ['reads case branches', 'case "$a" in x) apk add x;; *) true;; esac', ['apk add x', 'true']],
    ['reads functions', 'f() { g; }; f', ['g ;', 'f']],
    ['reads $( ) and backticks as commands', 'echo $(id -u) `id -g`', ['echo "$(id -u)" "`id -g`"', 'id -u', 'id -g']],
    ['reads export and unset as commands', 'export A=1 B; unset C', ['export A=1 B ;', 'unset C']],
    ['reads [[ ]] tests', '[[ "$a" == b* ]] || exit 1', ['[[ $a == b* ||', 'exit 1']],
    ['passes over comments', 'a # note\n# more\nb', ['a ⏎', 'b']],
    ['reads a pipeline that starts on a heredoc line', 'cat <<EOF | sh\necho hi\nEOF', ['cat |', 'sh']],
    ['reads && on a heredoc line', 'cat <<EOF > /f && chmod +x /f\nbody\nEOF\nnext', ['cat &&', 'chmod +x /f ⏎', 'next']],
  ];
  for (const [title, script, expected] of cases) {
    it(title, () => assert.deepEqual(summaries(script), expected));
  }

  it('says which words are static and which are quoted', () => {
    const [command] = parseShell(`x plain "q" $V "a$V" 'lit'`).commands;
    assert.deepEqual(command.args.map((word) => [word.value, word.isStatic, word.quoted]), [
      ['plain', true, false], ['q', true, true], ['$V', false, false], ['a$V', false, true], ['lit', true, true],
    ]);
  });
});

describe('shell: contexts', () => {
  const cases: Array<[title: string, script: string, expected: string[]]> = [
    ['subshell and pipeline', '(a) | b', ['a: pipeline/subshell', 'b: pipeline']],
    ['group', '{ a; }', ['a: group']],
    ['if condition and branches', 'if a; then b; elif c; then d; else e; fi', ['a: condition', 'b: branch', 'c: condition', 'd: branch', 'e: branch']],
    ['while condition and body', 'while a; do b; done', ['a: loop/condition', 'b: loop']],
    ['for body', 'for x in 1; do b; done', ['b: loop']],
    ['function body', 'f() { a; }', ['a: function']],
    ['command substitution', 'echo "$(a)"', ['echo: ', 'a: substitution']],
    ['case branch', 'case x in *) a;; esac', ['a: branch']],
    ['pipeline written on a heredoc line', 'cat <<EOF | sh\necho hi\nEOF', ['cat: pipeline', 'sh: pipeline']],
  ];
  for (const [title, script, expected] of cases) {
    it(title, () => assert.deepEqual(contexts(script), expected));
  }
});

describe('shell: assignments and redirects', () => {
  it('reads assignments before a command', () => {
    const [command] = parseShell('DEBIAN_FRONTEND=noninteractive A="x y" apt-get update').commands;
    assert.equal(command.name, 'apt-get');
    assert.deepEqual(command.assignments.map((assignment) => [assignment.name, assignment.value?.value]), [['DEBIAN_FRONTEND', 'noninteractive'], ['A', 'x y']]);
  });

  it('reads redirects before, among and after the arguments', () => {
    const [command] = parseShell('<in cmd a 2>&1 > out >> log').commands;
    assert.deepEqual(command.redirects.map((redirect) => [redirect.descriptor, redirect.operator, redirect.target?.value]), [
      [undefined, '<', 'in'], [2, '>&', '1'], [undefined, '>', 'out'], [undefined, '>>', 'log'],
    ]);
    assert.deepEqual(command.args.map((word) => word.value), ['a']);
  });

  it('gives a heredoc redirect its delimiter and body', () => {
    const text = "cat <<'EOF' > /etc/x\nline\nEOF\n";
    const [command] = parseShell(text).commands;
    const heredoc = command.redirects.find((redirect) => redirect.operator === '<<');
    assert.equal(heredoc?.target?.value, 'EOF');
    assert.equal(text.slice(heredoc!.heredocBody!.start, heredoc!.heredocBody!.end), 'line\n');
    assert.ok(command.redirects.some((redirect) => redirect.operator === '>' && redirect.target?.value === '/etc/x'));
  });
});

describe('shell: wrappers', () => {
  const cases: Array<[script: string, name: string, args: string[], wrappers: string[]]> = [
    ['sudo apt-get install x', 'apt-get', ['install', 'x'], ['sudo']],
    ['sudo -E -u app make all', 'make', ['all'], ['sudo', '-E', '-u', 'app']],
    ['env A=1 B=2 make', 'make', [], ['env', 'A=1', 'B=2']],
    ['sudo env -u X DEBIAN_FRONTEND=x apt-get update', 'apt-get', ['update'], ['sudo', 'env', '-u', 'X', 'DEBIAN_FRONTEND=x']],
    ['command apt-get update', 'apt-get', ['update'], ['command']],
    ['gosu nobody true', 'true', [], ['gosu', 'nobody']],
    ['command -v apt-get', 'command', ['-v', 'apt-get'], []],
    ['sudo -l', 'sudo', ['-l'], []],
    ['env', 'env', [], []],
  ];
  for (const [script, name, args, wrappers] of cases) {
    it(`unwraps ${script}`, () => {
      const command = unwrapCommand(parseShell(script).commands[0]);
      assert.deepEqual([command.name, command.args.map((word) => word.value), command.wrappers.map((word) => word.value)], [name, args, wrappers]);
    });
  }

  it('keeps the written name on parsed commands and unwraps in commandsNamed', () => {
    const script = parseShell('sudo DEBIAN_FRONTEND=x /usr/bin/apt-get install -y curl');
    assert.equal(script.commands[0].name, 'sudo');
    const [apt] = commandsNamed(script, 'apt-get');
    assert.deepEqual(apt.assignments.map((assignment) => [assignment.name, assignment.value?.value]), [['DEBIAN_FRONTEND', 'x']]);
    assert.equal(apt.nameWord.value, '/usr/bin/apt-get');
  });
});

describe('shell: flags and operands', () => {
  const first = (script: string) => parseShell(script).commands[0];

  const flagCases: Array<[script: string, flag: string | string[], expected: boolean]> = [
    ['apt-get -y install x', '-y', true],
    ['apt-get -qy install x', '-y', true],
    ['apt-get -qq install x', '-y', false],
    ['apt-get install --yes x', ['-y', '--yes', '--assume-yes'], true],
    ['apt-get install --assume-yes=true x', '--assume-yes', true],
    ['apt-get install -o Dpkg::Options::=--force-confnew x', '--force-confnew', false],
    ['rm -- -y', '-y', false],
    ['find . -name x', '-name', true],
  ];
  for (const [script, flag, expected] of flagCases) {
    it(`${expected ? 'finds' : 'does not find'} ${flag} in ${script}`, () => assert.equal(hasFlag(first(script), flag), expected));
  }

  it('reads --flag=value, --flag value and -fvalue', () => {
    assert.equal(flagValue(first('pip install --index-url=https://x a'), '--index-url'), 'https://x');
    assert.equal(flagValue(first('pip install -r req.txt a'), ['-r', '--requirement']), 'req.txt');
    assert.equal(flagValue(first('apt-get -oAcquire::Retries=3 update'), '-o'), 'Acquire::Retries=3');
    assert.equal(flagValue(first('apt-get -t bookworm-backports install x'), ['-t', '--target-release']), 'bookworm-backports');
  });

  it('finds the subcommand and the operands after it', () => {
    const command = first('apt-get -q -o Dpkg::Options::="--force-confold" install -y --no-install-recommends curl "ca-certificates"');
    assert.equal(subcommand(command)?.value, 'install');
    assert.deepEqual(argsAfter(command, 'install').map((word) => word.value), ['curl', 'ca-certificates']);
    assert.deepEqual(argsAfter(command, 'remove'), []);
  });

  it('takes a spec for commands it does not know', () => {
    const command = first('tool --profile dev build app');
    assert.equal(subcommand(command)?.value, 'dev');
    assert.equal(subcommand(command, { valueOptions: ['--profile'] })?.value, 'build');
    assert.deepEqual(operands(command, { valueOptions: ['--profile'] }).map((word) => word.value), ['build', 'app']);
  });
});

describe('shell: queries', () => {
  const cleanup = (command: ShellCommand) => command.name === 'rm' && command.args.some((word) => word.value.startsWith('/var/lib/apt/lists'));
  const cases: Array<[script: string, expected: boolean]> = [
    ['apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*', true],
    ['apt-get update && sudo apt-get install -y x; rm -rf /var/lib/apt/lists/*', true],
    ['rm -rf /var/lib/apt/lists/* && apt-get install -y x', false],
    ['apt-get install -y x && rm -rf /var/lib/apt/lists/* && apt-get install -y z', false],
    ['apt-get update && apt-get upgrade && rm -rf /var/lib/apt/lists/*', false],
  ];
  for (const [script, expected] of cases) {
    it(`${expected ? 'sees' : 'does not see'} cleanup after install in: ${script}`, () => {
      assert.equal(runsAfter(parseShell(script), 'apt-get install', cleanup), expected);
    });
  }

  it('returns the command that runs after', () => {
    const script = parseShell('apk add x && rm -rf /var/cache/apk/*');
    assert.equal(commandAfter(script, 'apk add', 'rm')?.args[1].value, '/var/cache/apk/*');
    assert.equal(matchesCommand(script.commands[0], 'apk add'), true);
    assert.equal(matchesCommand(script.commands[0], 'apk del'), false);
  });
});

describe('shell: scripts of instructions', () => {
  it('maps words of a RUN with continuations back into the document', () => {
    const text = 'FROM a\nRUN apt-get update && \\\n  apt-get install -y \\\n# a comment line\n    curl "wget"\n';
    const script = lastScript(text)!;
    assert.equal(script.source.origin, 'shell-form');
    assert.deepEqual(script.commands.map(summary), ['apt-get update &&', 'apt-get install -y curl wget']);
    assertSlices(text, script);
    assert.equal(text.slice(script.commands[1].args[3].start, script.commands[1].args[3].end), '"wget"');
  });

  it('gives a word that spans a continuation its document text as raw', () => {
    const text = "FROM a\nRUN sh -c 'a \\\n  b'\n";
    const [command] = lastScript(text)!.commands;
    assert.equal(command.args[1].value, 'a   b');
    assert.equal(command.args[1].raw, "'a \\\n  b'");
    assertSlices(text, lastScript(text)!);
  });

  it('maps offsets in CRLF files and after non-ASCII text', () => {
    const text = 'FROM a\r\nRUN echo "é😀" && \\\r\n  apk add x\r\n';
    const script = lastScript(text)!;
    assert.deepEqual(script.commands.map(summary), ['echo é😀 &&', 'apk add x']);
    assertSlices(text, script);
  });

  it('reads a heredoc RUN body as the script', () => {
    const text = 'FROM a\nRUN --mount=type=cache,target=/var/cache/apt <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n';
    const script = lastScript(text)!;
    assert.equal(script.source.origin, 'heredoc-script');
    assert.deepEqual(script.commands.map(summary), ['set -e ⏎', 'apt-get update ⏎', 'apt-get install -y curl']);
    assertSlices(text, script);
  });

  it('follows a heredoc shebang', () => {
    assert.equal(lastScript('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n'), undefined);
    assert.equal(lastScript('FROM a\nRUN <<EOF\n#!/bin/bash -e\necho hi\nEOF\n')?.source.shell, 'bash');
  });

  it('passes a heredoc to a command on stdin, as BuildKit does', () => {
    const text = 'FROM a\nRUN python3 <<EOF && echo done\nimport os\nEOF\n';
    const script = lastScript(text)!;
    assert.equal(script.source.text, 'python3 <<EOF && echo done\nimport os\nEOF');
    assert.equal(script.hasErrors, false);
    assert.deepEqual(script.commands.map(summary), ['python3 &&', 'echo done']);
    const heredoc = script.commands[0].redirects[0];
    assert.equal(text.slice(heredoc.heredocBody!.start, heredoc.heredocBody!.end), 'import os\n');
  });

  it('reads a heredoc given to a shell as a nested script', () => {
    const text = "FROM a\nRUN bash -e <<'EOF'\napt-get update\nrm -rf /var/lib/apt/lists/*\nEOF\n";
    const script = lastScript(text)!;
    assert.deepEqual(script.commands.map((command) => `${summary(command)} {${command.within.join('/')}}`), [
      'bash -e {}', 'apt-get update ⏎ {heredoc}', 'rm -rf /var/lib/apt/lists/* {heredoc}',
    ]);
    assertSlices(text, script);
  });

  it('reports an error for several heredocs on one line, which tree-sitter-bash cannot read', () => {
    const text = 'FROM a\nRUN cat <<A > /a && cat <<B > /b\none\nA\ntwo\nB\n';
    const script = lastScript(text)!;
    assert.equal(script.source.text, 'cat <<A > /a && cat <<B > /b\none\nA\ntwo\nB');
    assert.equal(script.hasErrors, true);
    assertSlices(text, script);
  });

  it('reads the script of sh -c in exec form, when it has no JSON escapes', () => {
    const text = 'FROM a\nRUN ["/bin/bash", "-ec", "apt-get update && apt-get install -y x"]\n';
    const script = lastScript(text)!;
    assert.equal(script.source.origin, 'exec-form');
    assert.equal(script.source.shell, 'bash');
    assert.deepEqual(script.commands.map(summary), ['apt-get update &&', 'apt-get install -y x']);
    assertSlices(text, script);
    assert.equal(lastScript('FROM a\nRUN ["apt-get", "update"]\n'), undefined);
    assert.equal(lastScript('FROM a\nRUN ["sh", "-c", "echo \\"x\\""]\n'), undefined);
  });

  it('reads CMD, ENTRYPOINT and ONBUILD RUN', () => {
    assert.deepEqual(lastScript('FROM a\nCMD exec nginx -g "daemon off;"\n')?.commands.map(summary), ['exec nginx -g "daemon off;"']);
    const text = 'FROM a\nONBUILD RUN npm ci && \\\n  npm run build\n';
    const script = lastScript(text)!;
    assert.deepEqual(script.commands.map(summary), ['npm ci &&', 'npm run build']);
    assertSlices(text, script);
    assert.equal(lastScript('FROM a\nCOPY x y\n'), undefined);
  });

  it('follows SHELL, within the stage and from the base stage', () => {
    const text = 'FROM a AS base\nSHELL ["powershell", "-Command"]\nRUN Write-Host hi\nFROM base\nRUN Write-Host again\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN set -x\n';
    const tree = parse(text);
    const [, , first, , second, , third] = tree.instructions;
    assert.equal(parseInstructionScript(tree, first), undefined);
    assert.equal(parseInstructionScript(tree, second), undefined);
    assert.deepEqual(shellInEffect(tree, third), ['/bin/bash', '-o', 'pipefail', '-c']);
    assert.equal(parseInstructionScript(tree, third)?.source.shell, 'bash');
    assert.ok(shellScriptOf(first), 'without a shell option, /bin/sh is assumed');
  });

  it('parses an instruction once for all rules', () => {
    const tree = parse('FROM a\nRUN a && b\n');
    assert.strictEqual(parseInstructionScript(tree, tree.instructions[1]), parseInstructionScript(tree, tree.instructions[1]));
  });
});

describe('shell: broken scripts', () => {
  const cases: Array<[title: string, script: string]> = [
    ['an unterminated double quote', 'echo "abc && true'],
    ['a missing fi', 'if a; then b'],
    ['a dangling &&', 'apt-get update &&'],
    ['an unclosed subshell', '(cd /x && make'],
    ['an unclosed $(', 'echo $(date'],
    ['an empty pipeline stage', 'a | | b'],
    ['a template', 'set -eux; {{ dnf_install }} "mysql"'],
  ];
  for (const [title, script] of cases) {
    it(`reports errors for ${title} without throwing`, () => {
      const parsed = parseShell(script);
      assert.equal(parsed.hasErrors, true);
      assert.ok(parsed.errors.length > 0);
      for (const error of parsed.errors) assert.ok(error.start >= 0 && error.end <= script.length);
    });
  }

  it('reports no errors for a clean script', () => {
    assert.equal(parseShell('set -eux; apt-get update; rm -rf /var/lib/apt/lists/*').hasErrors, false);
  });
});
