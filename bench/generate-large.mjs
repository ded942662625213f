// Generates the large multi-stage Dockerfile the benchmarks run on: about
// 5,100 lines and 170 KB in ~300 stages of realistic instructions. It is
// deterministic (a seeded generator, no clock, no randomness from outside), so
// every run and every section (parse, lint, server) measures the same text.
//
// As a script it writes the file to .cache/bench/large.Dockerfile:
//   node bench/generate-large.mjs [stages]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_STAGES = 300;

/** mulberry32: a tiny seeded generator; the same seed gives the same file. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEBIAN_PACKAGES = ['ca-certificates', 'curl', 'git', 'gnupg', 'libssl-dev', 'build-essential', 'pkg-config', 'unzip', 'xz-utils', 'libpq-dev', 'zlib1g-dev', 'tzdata', 'locales', 'openssh-client', 'jq'];
const ALPINE_PACKAGES = ['bash', 'curl', 'git', 'make', 'gcc', 'musl-dev', 'openssl-dev', 'linux-headers', 'tzdata', 'ca-certificates', 'file', 'clang', 'lld'];
const PYTHON_PACKAGES = ['requests==2.32.3', 'gunicorn==22.0.0', 'flask==3.0.3', 'psycopg2-binary==2.9.9', 'pydantic==2.8.2', 'uvicorn==0.30.1', 'boto3==1.34.144', 'celery==5.4.0'];
const NODE_PACKAGES = ['typescript@5.5.4', 'esbuild@0.23.0', 'pnpm@9.6.0', 'prettier@3.3.3', 'eslint@9.7.0', 'tsx@4.16.2'];
/** A release download checked against its digest: the long lines real Dockerfiles are full of. */
function verifiedDownload(tool, version, random) {
  const digest = Array.from({ length: 8 }, () => Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')).join('');
  return [
    `RUN curl -fsSL "https://github.com/example/${tool}/releases/download/v${version}/${tool}_linux_amd64.tar.gz" -o /tmp/${tool}.tar.gz \\`,
    `    && echo "${digest}  /tmp/${tool}.tar.gz" | sha256sum -c - \\`,
    `    && tar -xzf /tmp/${tool}.tar.gz -C /usr/local/bin ${tool} \\`,
    `    && rm -f /tmp/${tool}.tar.gz`,
  ];
}

const PORTS = [80, 443, 3000, 5000, 8000, 8080, 8443, 9000, 9090];

/** Picks `count` distinct items, in a stable order. */
function pick(random, items, count) {
  const chosen = new Set();
  while (chosen.size < Math.min(count, items.length)) chosen.add(items[Math.floor(random() * items.length)]);
  return [...chosen];
}

/** An instruction whose packages sit one per continuation line, as most real Dockerfiles write them. */
function continuedList(head, packages, tail) {
  return [...head.map((line) => `${line} \\`), ...packages.map((name) => `      ${name} \\`), ...tail];
}

function debianStage(index, base, random) {
  const packages = pick(random, DEBIAN_PACKAGES, 5);
  return [
    `# stage ${index}: system packages for the services built below`,
    `FROM debian:bookworm-slim AS deps-${index}`,
    `ARG DEBIAN_FRONTEND=noninteractive`,
    `ENV LANG=C.UTF-8 TZ=Etc/UTC`,
    ...continuedList(['RUN set -eux;', '    apt-get update;', '    apt-get install -y --no-install-recommends'], packages, [
      '    ; \\',
      '    rm -rf /var/lib/apt/lists/*',
    ]),
    ...verifiedDownload('migrate', `4.${index % 18}.1`, random),
    `WORKDIR /opt/deps-${index}`,
    `COPY --from=${base} /usr/local/bin/ /usr/local/bin/`,
    `LABEL org.opencontainers.image.title="deps-${index}" \\`,
    `      org.opencontainers.image.version="1.${index}.0"`,
    '',
  ];
}

function alpineStage(index, base, random) {
  const packages = pick(random, ALPINE_PACKAGES, 4);
  return [
    `# stage ${index}: cross-compiled Go tool`,
    `FROM --platform=$BUILDPLATFORM golang:1.22-alpine3.20 AS tool-${index}`,
    `ARG TARGETOS TARGETARCH`,
    `ARG TOOL_VERSION=v0.${index % 40}.${index % 7}`,
    ...continuedList(['RUN apk add --no-cache'], packages, ['      file']),
    `WORKDIR /src/tool-${index}`,
    `COPY --link --from=${base} /opt/ /opt/`,
    `RUN --mount=type=cache,target=/root/.cache/go-build \\`,
    `    --mount=type=cache,target=/go/pkg/mod \\`,
    `    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\`,
    `    go build -trimpath -ldflags "-s -w -X main.version=\${TOOL_VERSION}" -o /out/tool-${index} ./cmd/tool`,
    '',
  ];
}

function pythonStage(index, base, random) {
  const packages = pick(random, PYTHON_PACKAGES, 4);
  const port = PORTS[index % PORTS.length];
  return [
    `# stage ${index}: Python service`,
    `FROM python:3.12-slim AS api-${index}`,
    `ENV PYTHONDONTWRITEBYTECODE=1 \\`,
    `    PYTHONUNBUFFERED=1 \\`,
    `    PIP_NO_CACHE_DIR=1`,
    `WORKDIR /app`,
    ...continuedList(['RUN pip install --no-cache-dir'], packages, ['      wheel']),
    `COPY --from=${base} /out/ /usr/local/bin/`,
    `COPY --chown=app:app src/ ./src/`,
    `LABEL org.opencontainers.image.source="https://github.com/example/monorepo" \\`,
    `      org.opencontainers.image.description="API service ${index}, built from services/api-${index}"`,
    `EXPOSE ${port}`,
    `HEALTHCHECK --interval=30s --timeout=5s --retries=3 \\`,
    `  CMD curl -fsS http://localhost:${port}/healthz || exit 1`,
    `USER 10001`,
    `CMD ["gunicorn", "--bind", "0.0.0.0:${port}", "src.app:app"]`,
    '',
  ];
}

function nodeStage(index, base, random) {
  const packages = pick(random, NODE_PACKAGES, 3);
  return [
    `# stage ${index}: front-end build`,
    `FROM node:20-bookworm-slim AS web-${index}`,
    `ENV NODE_ENV=production`,
    `WORKDIR /usr/src/web-${index}`,
    `COPY package.json package-lock.json ./`,
    ...verifiedDownload('yq', `4.44.${index % 9}`, random),
    ...continuedList(['RUN npm ci --omit=dev', '    && npm install -g'], packages, ['    && npm cache clean --force']),
    `COPY --from=${base} /app/src/ ./static/`,
    `RUN npm run build`,
    '',
  ];
}

function heredocStage(index, base) {
  return [
    `# stage ${index}: configuration written with heredocs`,
    `FROM alpine:3.20 AS config-${index}`,
    `ARG APP_NAME=service-${index}`,
    `COPY --from=${base} /usr/src/ /srv/`,
    `RUN <<EOF`,
    `set -eux`,
    `mkdir -p /etc/\${APP_NAME}`,
    `echo "name=\${APP_NAME}" > /etc/\${APP_NAME}/app.conf`,
    `EOF`,
    `COPY <<-'CONF' /etc/nginx/conf.d/site-${index}.conf`,
    `\tserver { listen ${PORTS[index % PORTS.length]}; root /srv; }`,
    `\tCONF`,
    '',
  ];
}

function runtimeStage(index, base) {
  return [
    `# stage ${index}: minimal runtime image`,
    `FROM gcr.io/distroless/static-debian12:nonroot AS runtime-${index}`,
    `COPY --from=${base} /etc/ /etc/`,
    `ENV APP_HOME=/srv/runtime-${index}`,
    `WORKDIR $APP_HOME`,
    `EXPOSE ${PORTS[(index + 3) % PORTS.length]}/tcp`,
    `STOPSIGNAL SIGTERM`,
    `ENTRYPOINT ["/usr/local/bin/tool-${index}"]`,
    '',
  ];
}

const STAGE_KINDS = [debianStage, alpineStage, pythonStage, nodeStage, heredocStage, runtimeStage];

/** The stage name each kind declares, so later stages can `COPY --from` an earlier one. */
const STAGE_PREFIXES = ['deps', 'tool', 'api', 'web', 'config', 'runtime'];

function header() {
  return [
    '# syntax=docker/dockerfile:1.7',
    '# Generated by bench/generate-large.mjs for the benchmarks: a synthetic',
    '# monorepo build with many services, each in its own stages.',
    '',
    'ARG BASE_REGISTRY=docker.io',
    'ARG GO_VERSION=1.22',
    'ARG NODE_VERSION=20',
    '',
    'FROM scratch AS stage-root',
    '',
  ];
}

/** Returns the text of a large multi-stage Dockerfile with `stages` stages (plus one root stage). */
export function generateLargeDockerfile(stages = DEFAULT_STAGES) {
  const random = seededRandom(0x1a7e5);
  const lines = header();
  for (let index = 1; index < stages; index++) {
    const previous = index - 1;
    const base = previous === 0 ? 'stage-root' : `${STAGE_PREFIXES[previous % STAGE_KINDS.length]}-${previous}`;
    lines.push(...STAGE_KINDS[index % STAGE_KINDS.length](index, base, random));
  }
  return lines.join('\n');
}

/** Writes the generated file to `cacheDir` and returns its path. */
export function writeLargeDockerfile(cacheDir, stages = DEFAULT_STAGES) {
  const path = join(cacheDir, 'large.Dockerfile');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generateLargeDockerfile(stages));
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const stages = process.argv[2] ? Number(process.argv[2]) : DEFAULT_STAGES;
  console.log(writeLargeDockerfile(join(root, '.cache', 'bench'), stages));
}
