import { unpinnedPackageRule } from '../../lint/helpers/package-pins.js';

export default unpinnedPackageRule(
  {
    id: 'unpinned-pip-package',
    aliases: ['DL3013'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unpinned: '`{package}` is installed without a version: write `{package}==<version>`, or install from a requirements file that pins it.',
        noRevision: '`{package}` installs whatever its repository holds today: add `@<tag or commit>` before `#egg=`.',
      },
      'zh-cn': {
        unpinned: '安装 `{package}` 时没有指定版本：请写成 `{package}==<version>`，或改用固定了版本的 requirements 文件安装。',
        noRevision: '`{package}` 安装的是仓库当前的内容：请在 `#egg=` 之前加上 `@<标签或提交>`。',
      },
    },
    docs: {
      en: {
        summary: 'Reports packages that `pip install` (also `pip3`, `python -m pip`, `pipx`) names without a version, and VCS sources without a tag or commit.',
        why: 'Without a version, pip installs the newest release on the day of the build, so the same Dockerfile gives different images over time and a new release upstream can break it without any change on your side. A specifier (`==`, `~=`, `>=`, ...) states what the image was tested with. Installs from a requirements or constraints file (`-r`, `-c`), from the project folder (`.`), from local archives and paths are left to those files; `git+https://...` sources need `@<tag or commit>`.',
      },
      'zh-cn': {
        summary: '报告 `pip install`（以及 `pip3`、`python -m pip`、`pipx`）中没有指定版本的包，以及没有指定标签或提交的 VCS 源。',
        why: '不指定版本时，pip 会安装构建当天的最新版本，同一个 Dockerfile 随时间推移会得到不同的镜像，上游一发新版就可能在你毫无改动的情况下构建失败。版本约束（`==`、`~=`、`>=` 等）写明了镜像是基于哪个版本测试的。通过 requirements 或 constraints 文件（`-r`、`-c`）、项目目录（`.`）、本地归档或路径安装的，交由这些文件决定；`git+https://...` 之类的源需要写上 `@<标签或提交>`。',
      },
    },
    examples: {
      bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    },
  },
  ['pip'],
  { 'no-version': 'unpinned', 'no-revision': 'noRevision' },
);
