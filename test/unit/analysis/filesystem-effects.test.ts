import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  copiedPaths,
  globMatches,
  IMAGE_WORKDIR,
  normalizePath,
  readTar,
  removalCovers,
  removalEmpties,
  resolvePath,
  runEffects,
  substituteVariables,
  workdirAt,
} from '../../../server/src/analysis/filesystem-effects.js';
import { initShell, parseInstructionScript, unwrappedCommands } from '../../../server/src/analysis/shell/index.js';
import { VariableResolver } from '../../../server/src/analysis/variables.js';
import { parse, type Instruction } from '../../../server/src/parser/index.js';

before(() => initShell());

/** The instruction whose text starts with `marker`. */
function instructionAt(text: string, marker: string): { tree: ReturnType<typeof parse>; instruction: Instruction } {
  const tree = parse(text);
  const instruction = tree.instructions.find((candidate) => text.startsWith(marker, candidate.start));
  assert.ok(instruction, `an instruction starts with ${marker}`);
  return { tree, instruction };
}

function stageOf(tree: ReturnType<typeof parse>, instruction: Instruction) {
  return tree.stages.find((stage) => stage.instructions.includes(instruction));
}

describe('filesystem effects: paths', () => {
  it('normalizes, and refuses to climb above the root', () => {
    assert.equal(normalizePath('/a//b/./c/../d/'), '/a/b/d');
    assert.equal(normalizePath('/'), '/');
    assert.equal(normalizePath('/..'), undefined);
    assert.equal(normalizePath('${HOME}/x/..'), '${HOME}');
    assert.equal(normalizePath('relative'), undefined);
  });

  it('resolves against the working directory, ~ as ${HOME}', () => {
    assert.equal(resolvePath('b/c', '/a'), '/a/b/c');
    assert.equal(resolvePath('./c', '/'), '/c');
    assert.equal(resolvePath('~/.npm', '/a'), '${HOME}/.npm');
    assert.equal(resolvePath('${APP}/x', undefined), '${APP}/x');
    assert.equal(resolvePath('x', undefined), undefined);
    assert.equal(resolvePath('x', IMAGE_WORKDIR), '${WORKDIR}/x');
  });

  it('globs segment by segment, hidden files only by a dot', () => {
    assert.ok(globMatches('/tmp/*.sh', '/tmp/a.sh'));
    assert.ok(!globMatches('/tmp/*.sh', '/tmp/x/a.sh'));
    assert.ok(!globMatches('/tmp/*', '/tmp/.hidden'));
    assert.ok(globMatches('/var/lib/gems/[0-9]*/cache', '/var/lib/gems/3.1.0/cache'));
  });

  it('knows what a removal takes with it', () => {
    assert.ok(removalCovers('/tmp', '/tmp/a/b'));
    assert.ok(removalCovers('/tmp/*', '/tmp/a/b'));
    assert.ok(!removalCovers('/tmp/a', '/tmp/ab'));
    assert.ok(removalEmpties('/var/lib/apt/lists/*', '/var/lib/apt/lists'));
    assert.ok(removalEmpties('/var/lib/apt', '/var/lib/apt/lists'));
    assert.ok(!removalEmpties('/var/lib/apt/lists/partial', '/var/lib/apt/lists'));
  });

  it('substitutes variables the Dockerfile knows, and keeps the others by name', () => {
    const scope = new Map([['APP', { name: 'APP', kind: 'env' as const, value: '/srv/app' }]]);
    assert.equal(substituteVariables('$APP/bin:${OTHER}', scope), '/srv/app/bin:${OTHER}');
    assert.equal(substituteVariables('$(pwd)/x', scope), undefined);
    assert.equal(substituteVariables('${APP:-/x}', scope), undefined);
  });
});

describe('filesystem effects: working directories', () => {
  const text = ['FROM alpine AS base', 'WORKDIR app', 'ENV DIR=/srv', 'WORKDIR $DIR/x', 'RUN one', 'FROM base', 'RUN two', 'FROM scratch', 'RUN three', 'WORKDIR $UNKNOWN', 'RUN four'].join('\n');

  const at = (marker: string) => {
    const { tree, instruction } = instructionAt(text, marker);
    return workdirAt(tree, stageOf(tree, instruction), instruction, new VariableResolver(tree));
  };

  it('starts from the image’s unknown directory and follows WORKDIR', () => {
    assert.equal(at('WORKDIR $DIR'), '${WORKDIR}/app');
    assert.equal(at('RUN one'), '/srv/x');
  });

  it('inherits the parent stage’s, starts at / in scratch, and gives up on unknown values', () => {
    assert.equal(at('RUN two'), '/srv/x');
    assert.equal(at('RUN three'), '/');
    assert.equal(at('RUN four'), undefined);
  });
});

describe('filesystem effects: COPY and ADD', () => {
  const copies = (text: string, marker: string) => {
    const { tree, instruction } = instructionAt(text, marker);
    const variables = new VariableResolver(tree);
    return copiedPaths(tree, instruction, workdirAt(tree, stageOf(tree, instruction), instruction, variables), variables).map((copy) => [copy.path, ...copy.alternatives]);
  };

  it('places sources in a folder destination, or at the destination itself', () => {
    assert.deepEqual(copies('FROM a\nCOPY x.sh y.sh /usr/bin/\n', 'COPY'), [['/usr/bin/x.sh'], ['/usr/bin/y.sh']]);
    assert.deepEqual(copies('FROM a\nCOPY app.tar /opt/app\n', 'COPY'), [['/opt/app', '/opt/app/app.tar']]);
    assert.deepEqual(copies('FROM a\nWORKDIR /w\nCOPY ["a b", "./"]\n', 'COPY'), [['/w/a b']]);
    assert.deepEqual(copies('FROM a\nENV D=/d\nADD https://x.org/f.tgz?x=1 $D/\n', 'ADD'), [['/d/f.tgz?x=1']]);
    assert.deepEqual(copies('FROM a\nCOPY . .\n', 'COPY'), [['${WORKDIR}']]);
  });

  it('gives nothing for --parents or a destination it cannot know', () => {
    assert.deepEqual(copies('FROM a\nCOPY --parents a/b /x/\n', 'COPY'), []);
    assert.deepEqual(copies('FROM a\nCOPY a $(x)\n', 'COPY'), []);
  });
});

describe('filesystem effects: RUN', () => {
  /** `null`: the working directory is not known. */
  const effects = (script: string, cwd: string | null = '/w') => {
    const text = `FROM a\nRUN ${script}\n`;
    const tree = parse(text);
    const parsed = parseInstructionScript(tree, tree.instructions[1])!;
    return runEffects(parsed, cwd ?? undefined, new Map()).map((effect) => `${effect.kind} ${effect.path}${effect.recursive ? ' -r' : ''}${effect.folder ? ' (folder)' : ''}`);
  };

  it('reads removals, chmod and chown', () => {
    assert.deepEqual(effects('rm -rf /tmp/* build && sudo chmod -R 755 bin && chown app:app y && chown --reference=/x z'), [
      'remove /tmp/* -r',
      'remove /w/build -r',
      'chmod /w/bin -r',
      'chown /w/y',
      'chown /w/z',
    ]);
  });

  it('reads downloads: curl, wget, redirects, git clone, tar -C', () => {
    // The shell layer gives a redirect after the last command of an && list to none of them, so it stands first here.
    assert.deepEqual(effects('curl https://x > /tmp/c 2>/dev/null && curl -fsSLo a.tgz https://x/a.tgz && curl -O https://x/b.zip?raw'), [
      'create /tmp/c',
      'create /w/a.tgz',
      'create /w/b.zip',
    ]);
    assert.deepEqual(effects('wget -q https://x/d.tar.gz && wget -O /tmp/e https://x/e && wget -P /opt https://x/f.deb'), ['create /w/d.tar.gz', 'create /tmp/e', 'create /opt/f.deb']);
    assert.deepEqual(effects('git clone --depth 1 https://github.com/a/b.git && git clone https://x/c.git /src/c'), ['create /w/b (folder)', 'create /src/c (folder)']);
    assert.deepEqual(effects('tar xzf a.tgz -C /opt && unzip -q b.zip -d /srv'), ['create /opt (folder)', 'create /srv (folder)']);
  });

  it('follows cd, and forgets the directory when it cannot', () => {
    assert.deepEqual(effects('cd /tmp && rm x && cd sub && rm y'), ['remove /tmp/x', 'remove /tmp/sub/y']);
    assert.deepEqual(effects('(cd /tmp && rm x); rm y && rm /abs'), ['remove /abs']);
    assert.deepEqual(effects('rm x && rm /abs', null), ['remove /abs']);
  });

  it('reads tar in both forms', () => {
    const tar = (script: string) => {
      const tree = parse(`FROM a\nRUN ${script}\n`);
      const command = unwrappedCommands(parseInstructionScript(tree, tree.instructions[1])!)[0];
      const read = readTar(command);
      return { extract: read.extract, archive: read.archive?.value, directory: read.directory?.value, members: read.members.map((word) => word.value) };
    };
    assert.deepEqual(tar('tar xzf a.tgz -C /opt'), { extract: true, archive: 'a.tgz', directory: '/opt', members: [] });
    assert.deepEqual(tar('tar -xvf a.tar --strip-components=1 b/c'), { extract: true, archive: 'a.tar', directory: undefined, members: ['b/c'] });
    assert.deepEqual(tar('tar -czf out.tgz dir'), { extract: false, archive: 'out.tgz', directory: undefined, members: ['dir'] });
  });
});
