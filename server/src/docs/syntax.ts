import type { Keyword } from '../lint/types.js';

/**
 * How a signature parameter lines up with what is written: the flags, the
 * n-th word, the words up to the last one, the last word, or an element of a
 * JSON array (the first, or any after it).
 */
export type ParameterRole = 'flags' | 'word' | 'rest' | 'last' | 'first-element' | 'next-elements';

export interface SyntaxParameter {
  /** Text of the parameter, as it appears in the form's label. */
  label: string;
  role: ParameterRole;
}

/** One way of writing an instruction; `kind` picks the form that matches what is written. */
export interface SyntaxForm {
  kind: 'plain' | 'shell' | 'exec' | 'heredoc' | 'none';
  label: string;
  parameters: SyntaxParameter[];
}

const flags: SyntaxParameter = { label: '[OPTIONS]', role: 'flags' };
const word = (label: string): SyntaxParameter => ({ label, role: 'word' });
const rest = (label: string): SyntaxParameter => ({ label, role: 'rest' });
const last = (label: string): SyntaxParameter => ({ label, role: 'last' });
const execForm = (keyword: string, first: string, next: string, withFlags = false): SyntaxForm => ({
  kind: 'exec',
  label: `${keyword}${withFlags ? ' [OPTIONS]' : ''} ["${first}", "${next}", ...]`,
  parameters: [...(withFlags ? [flags] : []), { label: `"${first}"`, role: 'first-element' }, { label: `"${next}"`, role: 'next-elements' }],
});

/** The forms of each instruction, for signature help and the hover's syntax block. */
export const FORMS: Record<Keyword, SyntaxForm[]> = {
  ADD: [
    { kind: 'plain', label: 'ADD [OPTIONS] <src> ... <dest>', parameters: [flags, rest('<src>'), last('<dest>')] },
    { kind: 'exec', label: 'ADD [OPTIONS] ["<src>", ... "<dest>"]', parameters: [flags, { label: '"<src>"', role: 'first-element' }, { label: '"<dest>"', role: 'next-elements' }] },
  ],
  ARG: [{ kind: 'plain', label: 'ARG <name>[=<default>] ...', parameters: [rest('<name>'), rest('<default>')] }],
  CMD: [
    execForm('CMD', 'executable', 'param'),
    execForm('CMD', 'param', 'param'),
    { kind: 'shell', label: 'CMD <command>', parameters: [rest('<command>')] },
  ],
  COPY: [
    { kind: 'plain', label: 'COPY [OPTIONS] <src> ... <dest>', parameters: [flags, rest('<src>'), last('<dest>')] },
    { kind: 'exec', label: 'COPY [OPTIONS] ["<src>", ... "<dest>"]', parameters: [flags, { label: '"<src>"', role: 'first-element' }, { label: '"<dest>"', role: 'next-elements' }] },
  ],
  ENTRYPOINT: [execForm('ENTRYPOINT', 'executable', 'param'), { kind: 'shell', label: 'ENTRYPOINT <command>', parameters: [rest('<command>')] }],
  ENV: [{ kind: 'plain', label: 'ENV <key>=<value> ...', parameters: [rest('<key>'), rest('<value>')] }],
  EXPOSE: [{ kind: 'plain', label: 'EXPOSE <port>[/<protocol>] ...', parameters: [rest('<port>'), rest('<protocol>')] }],
  FROM: [
    {
      kind: 'plain',
      label: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]',
      parameters: [{ label: '[--platform=<platform>]', role: 'flags' }, word('<image>'), word('AS'), word('<name>')],
    },
  ],
  HEALTHCHECK: [
    { kind: 'plain', label: 'HEALTHCHECK [OPTIONS] CMD <command>', parameters: [flags, word('CMD'), rest('<command>')] },
    { kind: 'none', label: 'HEALTHCHECK NONE', parameters: [word('NONE')] },
  ],
  LABEL: [{ kind: 'plain', label: 'LABEL <key>=<value> ...', parameters: [rest('<key>'), rest('<value>')] }],
  MAINTAINER: [{ kind: 'plain', label: 'MAINTAINER <name>', parameters: [rest('<name>')] }],
  ONBUILD: [{ kind: 'plain', label: 'ONBUILD <INSTRUCTION>', parameters: [rest('<INSTRUCTION>')] }],
  RUN: [
    { kind: 'shell', label: 'RUN [OPTIONS] <command>', parameters: [flags, rest('<command>')] },
    execForm('RUN', 'executable', 'param', true),
    { kind: 'heredoc', label: 'RUN [OPTIONS] <<EOF', parameters: [flags, rest('<<EOF')] },
  ],
  SHELL: [execForm('SHELL', 'executable', 'param')],
  STOPSIGNAL: [{ kind: 'plain', label: 'STOPSIGNAL <signal>', parameters: [rest('<signal>')] }],
  USER: [{ kind: 'plain', label: 'USER <user>[:<group>]', parameters: [rest('<user>'), rest('<group>')] }],
  VOLUME: [
    execForm('VOLUME', 'path', 'path'),
    { kind: 'plain', label: 'VOLUME <path> ...', parameters: [rest('<path>')] },
  ],
  WORKDIR: [{ kind: 'plain', label: 'WORKDIR <path>', parameters: [rest('<path>')] }],
};

/** A short example of each instruction, shown in hover. */
export const EXAMPLES: Record<Keyword, string> = {
  ADD: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n    https://example.com/tool.tar.gz /opt/',
  ARG: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine',
  CMD: 'CMD ["node", "server.js"]',
  COPY: 'COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
  ENTRYPOINT: 'ENTRYPOINT ["/usr/local/bin/app"]\nCMD ["--port", "8080"]',
  ENV: 'ENV PATH=/opt/app/bin:$PATH LANG=C.UTF-8',
  EXPOSE: 'EXPOSE 8080 9090/udp',
  FROM: 'FROM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
  HEALTHCHECK: 'HEALTHCHECK --interval=30s --timeout=3s \\\n    CMD wget -qO- http://localhost:8080/health || exit 1',
  LABEL: 'LABEL org.opencontainers.image.source="https://github.com/example/app"',
  MAINTAINER: 'LABEL org.opencontainers.image.authors="team@example.com"',
  ONBUILD: 'ONBUILD COPY . /src\nONBUILD RUN make -C /src',
  RUN: 'RUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y --no-install-recommends curl',
  SHELL: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  STOPSIGNAL: 'STOPSIGNAL SIGQUIT',
  USER: 'USER 10001:10001',
  VOLUME: 'VOLUME ["/var/lib/data"]',
  WORKDIR: 'WORKDIR /app',
};

/** The text completion inserts for each instruction, as an LSP snippet. */
export const SNIPPETS: Record<Keyword, string> = {
  ADD: 'ADD ${1:source} ${2:destination}',
  ARG: 'ARG ${1:NAME}',
  CMD: 'CMD ["${1:executable}"]',
  COPY: 'COPY ${1:source} ${2:destination}',
  ENTRYPOINT: 'ENTRYPOINT ["${1:executable}"]',
  ENV: 'ENV ${1:NAME}=${2:value}',
  EXPOSE: 'EXPOSE ${1:8080}',
  FROM: 'FROM ${1:image}:${2:tag}',
  HEALTHCHECK: 'HEALTHCHECK --interval=${1:30s} --timeout=${2:5s} CMD ${3:command}',
  LABEL: 'LABEL ${1:key}="${2:value}"',
  MAINTAINER: 'MAINTAINER ${1:name}',
  ONBUILD: 'ONBUILD ${1:INSTRUCTION}',
  RUN: 'RUN ${1:command}',
  SHELL: 'SHELL ["${1:/bin/sh}", "${2:-c}"]',
  STOPSIGNAL: 'STOPSIGNAL ${1:SIGTERM}',
  USER: 'USER ${1:user}',
  VOLUME: 'VOLUME ["${1:/data}"]',
  WORKDIR: 'WORKDIR ${1:/app}',
};

/** Values completion offers for flags whose values are a known set (or common choices). */
export const FLAG_VALUES: Record<string, readonly string[]> = {
  'FROM --platform': ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64'],
  'RUN --network': ['default', 'none', 'host'],
  'RUN --security': ['sandbox', 'insecure'],
  'COPY --chmod': ['755', '644', '700', '600', '555', '444'],
  'ADD --chmod': ['755', '644', '700', '600', '555', '444'],
  'COPY --link': ['true', 'false'],
  'ADD --link': ['true', 'false'],
  'COPY --parents': ['true', 'false'],
  'ADD --keep-git-dir': ['true', 'false'],
  'ADD --unpack': ['true', 'false'],
  'ADD --checksum': ['sha256:'],
  'HEALTHCHECK --interval': ['30s', '1m', '10s'],
  'HEALTHCHECK --timeout': ['30s', '10s', '3s'],
  'HEALTHCHECK --start-period': ['0s', '10s', '1m'],
  'HEALTHCHECK --start-interval': ['5s', '1s'],
  'HEALTHCHECK --retries': ['3', '5'],
};

/** Values completion offers after `# name=` in the directive block. */
export const DIRECTIVE_VALUES: Record<'syntax' | 'escape' | 'check', readonly string[]> = {
  syntax: ['docker/dockerfile:1', 'docker/dockerfile:1-labs'],
  escape: ['\\', '`'],
  check: ['skip=', 'error=true', 'skip=all'],
};

/** Signal names STOPSIGNAL commonly takes. */
export const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', 'SIGSTOP'] as const;
