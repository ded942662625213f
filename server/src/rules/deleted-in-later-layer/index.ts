import { copiedPaths, isWithin, removalCovers, runEffects, workdirAt, type RunEffect } from '../../analysis/filesystem-effects.js';
import { layersShip, mountTargets } from '../../analysis/layers.js';
import { parseInstructionScript, programName } from '../../analysis/shell/index.js';
import type { Instruction } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';

/** A path an earlier layer of the stage holds. */
interface Added {
  /** Where it may be: the path, and where it lands when the destination is an existing folder. */
  paths: string[];
  instruction: Instruction;
  /** What added it: `COPY`, `ADD`, or the command (`curl`, `git clone`). */
  origin: string;
  /** A folder `git clone` made: its `.git` certainly came with it. */
  clone: boolean;
}

const ARCHIVE_ADD = /\.(tar|tgz|tbz2?|txz|tzst|tar\.[a-z0-9]+)$/i;

/** The removal takes the added path with it, or is the `.git` of a clone. */
function removes(removed: RunEffect, added: Added): boolean {
  return added.paths.some((path) => removalCovers(removed.path, path) || (added.clone && removed.path === `${path}/.git`));
}

function originOf(effect: RunEffect): string {
  const name = programName(effect.command.name);
  return name === 'git' ? 'git clone' : name;
}

export default defineRule({
  meta: {
    id: 'deleted-in-later-layer',
    aliases: [],
    category: 'layers',
    severity: 'warning',
    fixable: false,
    messages: {
      en: {
        deletedLater: 'This removes {path}, which {origin} added on line {line}: the bytes stay in that layer, so the image does not get smaller. Remove it in the same layer, or keep it out of the image (a multi-stage build, RUN --mount, .dockerignore).',
      },
      'zh-cn': {
        deletedLater: '这里删除的 {path} 是第 {line} 行的 {origin} 添加的：它的字节仍然留在那一层，镜像并不会变小。请在同一层中删除，或者不让它进入镜像（多阶段构建、RUN --mount、.dockerignore）。',
      },
    },
    docs: {
      en: {
        summary: 'Reports `rm` of a file or folder that an earlier instruction of the same stage added: a COPY or ADD, or a RUN that downloaded it (curl, wget), cloned it (git clone) or unpacked into it (tar -C, unzip -d).',
        why: 'An image is a stack of layers, and a later layer can only hide a file, not take it out of the layer that added it: deleting an installer, an archive or a source tree in a later RUN leaves every byte of it in the image. Download, use and delete in one RUN, bind-mount what is only needed during the build (`RUN --mount=type=bind`), copy only the result out of a build stage, or leave the file out of the build context. Paths are matched after resolving WORKDIR and `cd`, variables and globs; a removal inside a copied folder (`COPY . /app` then `rm -rf /app/tests`) is not reported, because the file may have come from elsewhere. Stages whose layers never reach the image (used only by COPY --from, or not at all) are not reported.',
      },
      'zh-cn': {
        summary: '报告用 `rm` 删除同一阶段中之前某条指令添加的文件或目录：由 COPY、ADD 添加，或由 RUN 下载（curl、wget）、克隆（git clone）、解压到其中（tar -C、unzip -d）。',
        why: '镜像是一层层叠起来的，后面的层只能把文件隐藏起来，无法把它从添加它的那一层中去掉：在后面的 RUN 中删除安装包、压缩包或源码树，它们的每个字节仍然留在镜像里。应在同一个 RUN 中下载、使用并删除；只在构建时需要的文件用 `RUN --mount=type=bind` 挂载；从构建阶段只复制结果；或者干脆不把文件放进构建上下文。路径会结合 WORKDIR、`cd`、变量和通配符解析后再比较；删除复制进来的目录中的某个文件（`COPY . /app` 后 `rm -rf /app/tests`）不报告，因为该文件可能来自别处。镜像层不会进入最终镜像的阶段（只被 COPY --from 使用或完全未被使用）不报告。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nCOPY vendor/installer.run /tmp/\nRUN sh /tmp/installer.run --quiet\nRUN rm /tmp/installer.run\n',
      good: 'FROM debian:12-slim\nRUN --mount=type=bind,source=vendor/installer.run,target=/tmp/installer.run \\\n    sh /tmp/installer.run --quiet\n',
    },
  },
  create(context) {
    let added: Added[] = [];
    const line = (instruction: Instruction) => context.lines.positionAt(instruction.start).line + 1;
    return {
      stage() {
        added = [];
      },
      instruction(instruction, stage, onbuild) {
        if (onbuild || !layersShip(context.tree, stage)) return;
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          for (const copy of copiedPaths(context.tree, instruction, workdirAt(context.tree, stage, instruction, context.variables), context.variables)) {
            // ADD unpacks a local tar archive into the destination: what lands there has other names.
            if (instruction.keyword === 'ADD' && ARCHIVE_ADD.test(copy.source) && !/^[a-z]+:\/\//i.test(copy.source)) continue;
            added.push({ paths: [copy.path, ...copy.alternatives], instruction, origin: instruction.keyword, clone: false });
          }
          return;
        }
        if (instruction.keyword !== 'RUN') return;
        const script = parseInstructionScript(context.tree, instruction);
        if (!script || script.hasErrors) return;
        // What a RUN writes or deletes under one of its mounts happens in the mount, not in a layer.
        const mounts = mountTargets(instruction);
        const inLayer = (effect: RunEffect) => !mounts.some((mount) => isWithin(effect.path, mount.target));
        const effects = runEffects(script, workdirAt(context.tree, stage, instruction, context.variables), context.variables.scopeAt(instruction.start)).filter(inLayer);
        const removals = effects.filter((effect) => effect.kind === 'remove');
        for (const removal of removals) {
          const earlier = added.filter((entry) => removes(removal, entry));
          if (earlier.length === 0) continue;
          const source = earlier[earlier.length - 1];
          context.report({
            span: removal.word,
            messageId: 'deletedLater',
            data: { path: removal.word.raw, origin: source.origin, line: line(source.instruction) },
          });
          added = added.filter((entry) => !earlier.includes(entry));
        }
        for (const effect of effects) {
          if (effect.kind !== 'create') continue;
          const entry: Added = { paths: [effect.path], instruction, origin: originOf(effect), clone: effect.folder && originOf(effect) === 'git clone' };
          // Removed later in the same RUN: it never reaches a layer.
          if (!removals.some((removal) => removal.command.index > effect.command.index && removes(removal, entry))) added.push(entry);
        }
      },
    };
  },
});
