import { defineRule } from '../../lint/define-rule.js';

/** Operating systems and architectures as containerd's platform parser knows them. */
const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le',
  'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);
const ARCH_ALIASES: Record<string, string> = { i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm' };
const COMPONENT = /^[A-Za-z0-9_.-]+$/;

export default defineRule({
  meta: {
    id: 'from-platform-flag-const',
    aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    messages: {
      en: {
        constant: 'FROM --platform={platform} pins this stage to one platform; use a variable such as $BUILDPLATFORM, or name the stage after its platform.',
      },
      'zh-cn': {
        constant: 'FROM --platform={platform} 把这个阶段固定在一个平台上；请改用 $BUILDPLATFORM 等变量，或在阶段名中注明所针对的平台。',
      },
    },
    docs: {
      en: {
        summary: 'Reports FROM --platform with a constant platform (`linux/amd64`), unless the stage name mentions its OS or architecture.',
        why: 'A constant platform ignores `docker build --platform`: a multi-platform build gets this stage for one platform only, usually under emulation. Use `$BUILDPLATFORM` for stages that run build tools and leave the rest to the default target platform. A stage named after its platform (`build_amd64`) is meant to be platform-specific, typically picked with `FROM build_${TARGETARCH}`, and is not reported.',
      },
      'zh-cn': {
        summary: '报告使用常量平台（如 `linux/amd64`）的 FROM --platform，阶段名中注明了操作系统或架构的除外。',
        why: '常量平台会无视 `docker build --platform`：多平台构建时这个阶段只会按一个平台构建，而且通常要在模拟器中运行。运行构建工具的阶段请用 `$BUILDPLATFORM`，其余阶段交给默认的目标平台即可。阶段名中带有平台的（如 `build_amd64`）本来就是针对特定平台的，通常配合 `FROM build_${TARGETARCH}` 选用，不会被报告。',
      },
    },
    examples: {
      bad: 'FROM --platform=linux/amd64 golang:1.23 AS build\nRUN go build -o /out/app .\n',
      good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM --platform=linux/amd64 alpine:3.20 AS runtime_amd64\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const flag = instruction.flags.find((candidate) => candidate.name === 'platform');
        const value = flag?.value;
        // Any `$` is left to the build: the platform is not a constant then.
        if (!value || value.value.includes('$')) return;
        const platform = parsePlatform(value.value);
        if (!platform) return;
        const stageName = instruction.from?.stageName?.value.toLowerCase() ?? '';
        if ((platform.os && stageName.includes(platform.os)) || (platform.arch && stageName.includes(platform.arch))) return;
        context.report({ span: value, messageId: 'constant', data: { platform: value.value } });
      },
    };
  },
});

/** `os[/arch[/variant]]`, or a lone OS or architecture, as containerd reads it; undefined when it cannot. */
function parsePlatform(specifier: string): { os?: string; arch?: string } | undefined {
  const parts = specifier.toLowerCase().split('/');
  if (parts.length > 3 || !parts.every((part) => COMPONENT.test(part))) return undefined;
  const os = parts[0] === 'macos' ? 'darwin' : parts[0];
  const arch = (part: string) => ARCH_ALIASES[part] ?? part;
  if (parts.length > 1) return { os, arch: arch(parts[1]) };
  if (KNOWN_OS.has(os)) return { os };
  return KNOWN_ARCH.has(arch(parts[0])) ? { arch: arch(parts[0]) } : undefined;
}
