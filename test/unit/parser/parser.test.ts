import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, parse } from '../../../server/src/parser/index.js';

/** The source text under a span. */
const textOf = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('parser', () => {
  it('reads FROM with platform flag, image and stage name', () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang:1.22 AS Build\n';
    const [from] = parse(text).instructions;
    assert.equal(from.flags[0].name, 'platform');
    assert.equal(textOf(text, from.flags[0].value!), '$BUILDPLATFORM');
    assert.equal(from.from?.image.value, 'golang:1.22');
    assert.equal(from.from?.stageName?.value, 'Build');
    assert.equal(parse(text).stages[0].name, 'build');
  });

  it('splits RUN --mount into options with their own spans', () => {
    const text = 'FROM a\nRUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci\n';
    const flag = parse(text).instructions[1].flags[0];
    assert.deepEqual(flag.options?.map((option) => [option.key.value, option.value?.value]), [
      ['type', 'cache'], ['target', '/root/.npm'], ['sharing', 'locked'],
    ]);
    assert.equal(textOf(text, flag.options![1].value!), '/root/.npm');
  });

  it('reads COPY flags, --link without a value', () => {
    const text = 'FROM a\nCOPY --link --chmod=0755 --from=build /out /usr/bin/\n';
    const copy = parse(text).instructions[1];
    assert.deepEqual(copy.flags.map((flag) => [flag.name, flag.value?.value]), [['link', undefined], ['chmod', '0755'], ['from', 'build']]);
    assert.deepEqual(copy.words.map((word) => word.value), ['/out', '/usr/bin/']);
  });

  it('gives each JSON element its range and reads escapes', () => {
    const text = 'FROM a\nCMD ["node", "server.js", "a\\"b"]\n';
    const cmd = parse(text).instructions[1];
    assert.deepEqual(cmd.exec?.elements.map((element) => element.value), ['node', 'server.js', 'a"b']);
    assert.equal(textOf(text, cmd.exec!.elements[1]), '"server.js"');
  });

  it('keeps invalid JSON as shell form', () => {
    const cmd = parse("FROM a\nCMD ['single']\n").instructions[1];
    assert.equal(cmd.exec, undefined);
    assert.equal(cmd.args.value, "['single']");
  });

  it('reads ARG, ENV and LABEL pairs in both forms', () => {
    const text = 'FROM a\nARG A B=2\nENV K legacy value\nLABEL "org.x"="y z"\n';
    const [, arg, env, label] = parse(text).instructions;
    assert.deepEqual(arg.pairs?.map((pair) => [pair.key.value, pair.value?.value]), [['A', undefined], ['B', '2']]);
    assert.deepEqual(env.pairs?.map((pair) => [pair.key.value, pair.value?.value, pair.legacy]), [['K', 'legacy value', true]]);
    assert.deepEqual(label.pairs?.map((pair) => [pair.key.value, pair.value?.value]), [['"org.x"', '"y z"']]);
  });

  it('honours the backtick escape directive', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n  && echo done\n';
    const tree = parse(text);
    assert.equal(tree.escapeChar, '`');
    assert.equal(tree.instructions[1].args.value, 'dir C:\\   && echo done');
  });

  it('treats a directive after a comment as a comment', () => {
    const tree = parse('# hello\n# escape=`\nFROM a\n');
    assert.equal(tree.directives.length, 0);
    assert.equal(tree.comments.length, 2);
  });

  it('reports a repeated directive and an invalid escape', () => {
    const tree = parse('# escape=`\n# escape=\\\nFROM a\n');
    assert.deepEqual(tree.errors.map((error) => error.code), ['duplicate-directive']);
    assert.deepEqual(parse('# escape=x\nFROM a\n').errors.map((error) => error.code), ['invalid-escape']);
  });

  it('reads ONBUILD with its trigger and a heredoc on the trigger', () => {
    const text = 'FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\nRUN after\n';
    const tree = parse(text);
    const onbuild = tree.instructions[1];
    assert.equal(onbuild.trigger?.keyword, 'RUN');
    assert.equal(onbuild.trigger?.heredocs[0].content.value, 'echo hi\n');
    assert.equal(tree.instructions[2].args.value, 'after');
  });

  it('reports an unterminated heredoc and keeps its body', () => {
    const tree = parse('FROM a\nRUN <<EOF\necho hi\n');
    assert.deepEqual(tree.errors.map((error) => error.code), ['unterminated-heredoc']);
    assert.equal(tree.instructions[1].heredocs[0].content.value, 'echo hi\n');
  });

  it('warns on an empty continuation line, as BuildKit does', () => {
    const tree = parse('FROM a\nRUN a \\\n\n  b\n');
    assert.deepEqual(tree.errors.map((error) => [error.code, error.severity]), [['empty-continuation-line', 'warning']]);
    assert.equal(tree.instructions[1].args.value, 'a   b');
  });

  it('keeps comments inside continuations', () => {
    const tree = parse('FROM a\nRUN a \\\n  # note\n  b\n');
    assert.deepEqual(tree.comments.map((comment) => [comment.text, comment.inContinuation]), [['note', true]]);
  });

  it('gives variables, nested ones too, their ranges', () => {
    const text = 'FROM a\nENV P=${X:-${Y:-d}}/$Z\n';
    const variables = parse(text).instructions[1].variables;
    assert.deepEqual(variables.map((variable) => [variable.name, textOf(text, variable), variable.operator]), [
      ['X', '${X:-${Y:-d}}', ':-'], ['Y', '${Y:-d}', ':-'], ['Z', '$Z', undefined],
    ]);
  });

  it('handles a BOM and CRLF line ends', () => {
    const text = '\ufeffFROM a\r\nRUN b \\\r\n  c\r\n';
    const tree = parse(text);
    assert.equal(tree.bom, true);
    assert.deepEqual(tree.instructions.map((instruction) => instruction.args.value), ['a', 'b   c']);
    assert.deepEqual(new LineIndex(text).positionAt(text.indexOf('c\r\n')), { line: 2, character: 2 });
  });

  it('never throws on arbitrary bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'RUN FROM COPY ADD ENV ARG \\\n\r\t "\'`[]{}$#=<<-EOF\u0000\ufeff\ud800';
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(next() * 200);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const tree = parse(text);
      for (const instruction of tree.instructions) {
        assert.ok(instruction.start >= 0 && instruction.end <= text.length);
      }
    }
  });

  it('parses 10,000 nested variable defaults without overflowing the stack', () => {
    const text = `FROM a\nENV X=${'${A:-'.repeat(10_000)}x${'}'.repeat(10_000)}\n`;
    assert.equal(parse(text).instructions[1].variables.length, 10_000);
  });
});
