import { programName } from '../../analysis/shell/index.js';
import { defineRule } from '../../lint/define-rule.js';
import { runScripts } from '../../lint/helpers/run-scripts.js';

const DOWNLOADERS = new Set(['wget', 'curl']);

export default defineRule({
  meta: {
    id: 'wget-and-curl',
    aliases: ['DL4001'],
    category: 'maintainability',
    severity: 'warning',
    messages: {
      en: {
        both: 'This stage uses both wget and curl: pick one, so the image needs (and installs) only one of them.',
      },
      'zh-cn': {
        both: '这个阶段同时用到了 wget 和 curl：请只选其一，这样镜像只需要（也只安装）其中一个。',
      },
    },
    docs: {
      en: {
        summary: 'Reports, in a stage that runs both `wget` and `curl`, each RUN that runs one of them once both have appeared.',
        why: 'Either tool can download a file. Using both means both have to be installed in the image, two sets of options and failure behaviours to get right (`curl` without `-f` happily saves an error page), and one more package for scanners to report. Settle on one per stage. ONBUILD triggers are counted separately, since they run in another build.',
      },
      'zh-cn': {
        summary: '在同时运行了 `wget` 和 `curl` 的阶段中，两者都出现之后，报告每个用到其中之一的 RUN。',
        why: '两个工具都能下载文件。同时使用意味着镜像里两个都要安装，要掌握两套选项和出错行为（`curl` 不加 `-f` 会把错误页面照样保存下来），安全扫描也多报一个软件包。每个阶段请只用其中一个。ONBUILD 触发器会在另一次构建中运行，因此单独统计。',
      },
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN wget -nv https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n',
      good: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n',
    },
  },
  create(context) {
    /** The downloaders seen so far in the stage, and in its ONBUILD triggers. */
    let seen = new Set<string>();
    let seenOnbuild = new Set<string>();
    const visit = runScripts(context, ({ onbuild, commands }) => {
      const used = commands.filter((command) => DOWNLOADERS.has(programName(command.name)));
      if (used.length === 0) return;
      const set = onbuild ? seenOnbuild : seen;
      for (const command of used) set.add(programName(command.name));
      if (set.size === DOWNLOADERS.size) context.report({ span: used[0].nameWord, messageId: 'both' });
    });
    return {
      stage() {
        seen = new Set();
        seenOnbuild = new Set();
      },
      RUN: visit,
    };
  },
});
