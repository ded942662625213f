import { unpinnedPackageRule } from '../../lint/helpers/package-pins.js';

export default unpinnedPackageRule(
  {
    id: 'unpinned-go-package',
    aliases: ['DL3062'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        unpinned: '`{package}` is fetched without a version: write `{package}@<version>`.',
        movingVersion: '`{package}` names a version that moves: write a release such as `@v1.2.3` instead.',
      },
      'zh-cn': {
        unpinned: '获取 `{package}` 时没有指定版本：请写成 `{package}@<version>`。',
        movingVersion: '`{package}` 指定的版本会变化：请改为具体的发布版本，如 `@v1.2.3`。',
      },
    },
    docs: {
      en: {
        summary: 'Reports packages that `go install`, `go get` or `go run` fetch without a version, or at a moving one such as `@latest`.',
        why: 'Without a version (or with `@latest`, `@master`, `@main`), Go resolves the newest code of the module on the day of the build, so the same Dockerfile builds different binaries over time and an upstream change can break the image without any change in the repository. `@v1.2.3` (or a commit) fixes what gets built. Local packages (`.`, `./cmd/...`, absolute paths, `.go` files) build from what the image holds and are not reported.',
      },
      'zh-cn': {
        summary: '报告 `go install`、`go get` 或 `go run` 中没有指定版本或使用 `@latest` 这类会变化版本的包。',
        why: '不指定版本（或写 `@latest`、`@master`、`@main`）时，Go 会解析构建当天模块的最新代码，同一个 Dockerfile 随时间推移会构建出不同的二进制，上游的改动也可能在仓库毫无变化的情况下破坏镜像。写成 `@v1.2.3`（或某个提交）才能确定构建的内容。本地包（`.`、`./cmd/...`、绝对路径、`.go` 文件）使用镜像中已有的代码，不报告。',
      },
    },
    examples: {
      bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n',
      good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    },
  },
  ['go'],
  { 'no-version': 'unpinned', 'moving-version': 'movingVersion' },
);
