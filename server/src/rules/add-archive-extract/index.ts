import { copyArguments } from '../../analysis/copy.js';
import { commandsWithDirectory, copiedPaths, readTar, shellWordPath, workdirAt } from '../../analysis/filesystem-effects.js';
import { layersShip } from '../../analysis/layers.js';
import { parseInstructionScript, programName } from '../../analysis/shell/index.js';
import type { Instruction, Span } from '../../parser/index.js';
import { defineRule } from '../../lint/define-rule.js';

/** The tar archives ADD unpacks by itself: plain, gzip, bzip2, xz and zstd. */
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;
/** Options ADD cannot imitate: it unpacks the whole archive as it is. */
const SELECTIVE = ['--strip-components', '--exclude', '--wildcards', '--transform', '--xform', '-O', '--to-stdout', '-T', '--files-from', '-X', '--exclude-from', '-t', '--list'];

interface Archive {
  copy: Instruction;
  source: Span;
  /** Its file name in the image, and where it may be. */
  name: string;
  paths: string[];
  /** A Windows path, which only the file name can match. */
  windows: boolean;
}

const WINDOWS = /\\|^[A-Za-z]:/;
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export default defineRule({
  meta: {
    id: 'add-archive-extract',
    aliases: ['DL3010'],
    category: 'layers',
    severity: 'info',
    fixable: false,
    messages: {
      en: {
        useAdd: '{archive} is unpacked by the RUN on line {line}: ADD unpacks it in one step, and the archive itself never lands in a layer.',
      },
      'zh-cn': {
        useAdd: '{archive} 会在第 {line} 行的 RUN 中解压：改用 ADD 可以一步完成解压，压缩包本身也不会进入任何一层。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a COPY of a local tar archive that a later RUN of the same stage unpacks with tar.',
        why: 'COPY puts the archive in a layer and the RUN that unpacks it adds the files in another, so the image holds the contents twice, compressed and unpacked; deleting the archive afterwards does not take it out of the COPY’s layer. `ADD archive.tar.gz /dest/` unpacks a local tar archive (plain, gzip, bzip2, xz or zstd) straight into the destination in a single layer. Only tar extraction that ADD can do is reported: not zip files (ADD copies them as they are), nor `tar` with --strip-components, --exclude, selected members or output to stdout. Stages whose layers never reach the image (used only by COPY --from, or not at all) are not reported.',
      },
      'zh-cn': {
        summary: '报告用 COPY 复制本地 tar 压缩包、随后在同一阶段的 RUN 中用 tar 解压的情况。',
        why: 'COPY 会把压缩包放进一层，解压的 RUN 又把文件放进另一层，于是镜像里同时有压缩和解压后的两份内容；事后删除压缩包也无法把它从 COPY 那一层中去掉。`ADD archive.tar.gz /dest/` 会把本地 tar 压缩包（未压缩、gzip、bzip2、xz 或 zstd）直接解压到目标目录，只占一层。只报告 ADD 能做到的 tar 解压：zip 文件不报告（ADD 会原样复制），带 --strip-components、--exclude、指定成员或输出到标准输出的 `tar` 也不报告。镜像层不会进入最终镜像的阶段（只被 COPY --from 使用或完全未被使用）不报告。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nCOPY dist/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      good: 'FROM debian:12-slim\nADD dist/app.tar.gz /opt/\n',
    },
  },
  create(context) {
    let archives: Archive[] = [];
    return {
      stage() {
        archives = [];
      },
      COPY(instruction, stage, onbuild) {
        if (onbuild || !layersShip(context.tree, stage) || instruction.flags.some((flag) => flag.name === 'from')) return;
        const cwd = workdirAt(context.tree, stage, instruction, context.variables);
        // Windows paths are read without escapes: their backslashes are separators.
        const raw = copyArguments(instruction, '\0');
        const destination = raw.destination?.value ?? '';
        const destinationNamesArchive = TAR_ARCHIVE.test(destination);
        for (const copy of copiedPaths(context.tree, instruction, cwd, context.variables)) {
          const rawSource = raw.sources.find((source) => source.start === copy.span.start)?.value ?? copy.source;
          if (!TAR_ARCHIVE.test(fileName(rawSource))) continue;
          const name = fileName(destinationNamesArchive ? destination : rawSource);
          archives.push({ copy: instruction, source: copy.span, name, paths: [copy.path, ...copy.alternatives], windows: WINDOWS.test(rawSource) || WINDOWS.test(destination) });
        }
      },
      RUN(instruction, stage, onbuild) {
        if (onbuild || archives.length === 0) return;
        const script = parseInstructionScript(context.tree, instruction);
        if (!script || script.hasErrors) return;
        const cwd = workdirAt(context.tree, stage, instruction, context.variables);
        const scope = context.variables.scopeAt(instruction.start);
        for (const { command, cwd: folder } of commandsWithDirectory(script, cwd, scope)) {
          if (programName(command.name) !== 'tar') continue;
          const tar = readTar(command);
          if (!tar.extract || !tar.archive || tar.members.length > 0 || SELECTIVE.some((option) => tar.options.has(option))) continue;
          const path = shellWordPath(tar.archive, folder, scope);
          const name = fileName(tar.archive.value);
          const byName = WINDOWS.test(tar.archive.value);
          const extracted = archives.filter((archive) => (path !== undefined && archive.paths.includes(path)) || ((byName || archive.windows) && archive.name === name));
          for (const archive of extracted) {
            context.report({ span: archive.source, messageId: 'useAdd', data: { archive: archive.name, line: context.lines.positionAt(instruction.start).line + 1 } });
          }
          archives = archives.filter((archive) => !extracted.includes(archive));
        }
      },
    };
  },
});
