// `npm run test:vscode`: the extension in a real VS Code (code-server's workbench in
// Debian's Chromium), in three parts:
//   1. the mocha suite (test/integration) inside the extension host, on the development folder;
//   2. a person's view of examples/: quick open, squiggle, Problems panel, hover, with screenshots;
//   3. the packaged .vsix installed into a fresh extensions folder, and the suite again against it.
// Prints `N passed, N failed` last and exits non-zero on any failure or time-out; every process
// it starts (code-server with its extension hosts and language servers, Chromium) is stopped
// on every path, Ctrl-C included.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CODE_SERVER_DEBIAN_PACKAGES, ensureCodeServer, freePort, installExtension, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureDebianPackages, ensureNodeModules } from './ensure.mjs';
import { buildIntegrationSuite, SUITE_ENTRY, SUITE_WORKSPACE } from './integration-suite.mjs';
import { startContainerFixtures } from './container-fixtures.mjs';

// The build/tag/push tests against real podman and registries add about a minute and a half.
const TIMEOUT_MS = Number(process.env.LAYERWISE_VSCODE_TIMEOUT_MS ?? 8 * 60_000);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCREENSHOTS = join(repoRoot, 'test-results', 'vscode');
const EXTENSION_ID = 'layerwise.layerwise';
/** A quiet workbench: no welcome page, no update or recommendation checks (there is no network). */
const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'git.openRepositoryInParentFolders': 'never',
};

const totals = { passed: 0, failed: 0 };
const notes = [];
const cleanups = [];
let finishing = false;

function pass(name) {
  if (finishing) return; // after a time-out or Ctrl-C, only the cleanup counts
  totals.passed += 1;
  console.log(`  ✓ ${name}`);
}

// Repeated above the closing line, since CI may keep only the tail of a long log.
const failures = [];

function fail(name, error) {
  if (finishing) return;
  totals.failed += 1;
  failures.push(`${name}: ${firstLine(error)}`);
  console.log(`  ✗ ${name}\n${indent(error instanceof Error ? error.stack ?? error.message : String(error), '      ')}`);
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0].slice(0, 300);
}

function indent(text, prefix) {
  return text.split('\n').map((line) => prefix + line).join('\n');
}

/** Runs every cleanup once, newest first, then prints the closing line and exits. */
async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) {
    totals.failed += 1;
    console.log(`\n✗ ${reason instanceof Error ? reason.stack : reason}`);
  }
  for (const cleanup of cleanups.reverse()) {
    try {
      await withTimeout(cleanup(), 15_000, 'cleanup');
    } catch (error) {
      console.log(`cleanup: ${error.message}`);
    }
  }
  for (const note of notes) console.log(note);
  for (const failure of failures) console.log(`failed: ${failure}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : code);
}

process.on('SIGINT', () => finish(130, 'interrupted (SIGINT)'));
process.on('SIGTERM', () => finish(143, 'terminated (SIGTERM)'));
process.on('uncaughtException', (error) => finish(1, error));
process.on('unhandledRejection', (error) => finish(1, error));

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${(ms / 1000).toFixed(0)} s`)), ms); });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit code ${result.status})`);
}

/** A code-server whose output is kept (and shown when something fails), stopped at the end. */
async function codeServer(label, options) {
  const output = [];
  mkdirSync(join(options.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(options.userDataDir, 'User', 'settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  const server = await startCodeServer({
    port: await freePort(),
    ...options,
    onOutput: (line) => { if (line.trim()) output.push(line); },
  });
  cleanups.push(() => server.stop());
  server.output = output;
  server.label = label;
  console.log(`  code-server (${label}) on ${server.url}, pid ${server.pid}`);
  return server;
}

function showServerOutput(server) {
  console.log(`  --- code-server (${server.label}) output, last 80 lines ---`);
  for (const line of server.output.slice(-80)) console.log(`  | ${line}`);
}

// Workbench chatter that says nothing about the extension (no network here, iframe warnings).
const NOISE = /open-vsx\.org|ENOTFOUND|Failed to load resource|sandbox attribute|same-origin iframe|unexpected service worker|Overwriting extension/;

/**
 * A page whose console goes to our stdout. In a test run the extension host's console
 * arrives through the workbench's log ('%c INFO color: #33f text'); otherwise it is
 * forwarded as ('%c[Extension Host]', 'color: blue', text). Both lose their prefix here.
 */
async function newPage(browser, label) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const lines = [];
  const workbenchErrors = [];
  page.on('console', (message) => {
    if (finishing) return; // a workbench torn down mid-load only complains
    const text = message.text();
    if (NOISE.test(text)) return;
    if (message.type() === 'error' || message.type() === 'warning') workbenchErrors.push(text);
    const prefix = /^%c(?:\s*[A-Z]+ color: #[0-9a-f]+|\[Extension Host\] color: blue) ?/.exec(text);
    if (!prefix) return;
    for (const line of text.slice(prefix[0].length).split('\n')) {
      lines.push(line);
      console.log(`  [${label}] ${line}`);
    }
  });
  page.on('pageerror', (error) => workbenchErrors.push(`page error: ${error.message}`));
  return { page, context, lines, workbenchErrors };
}

function showWorkbenchErrors(errors) {
  if (errors.length === 0) return;
  console.log(`  --- workbench console errors (${errors.length}) ---`);
  for (const error of errors.slice(-30)) console.log(indent(error, '  | '));
}

/**
 * Runs the mocha suite in the extension host through the workbench's test payload and
 * adds its `N passed, N failed` to the totals. A suite that exits non-zero without a
 * failed test (it crashed, or found no test) counts as one failure.
 */
async function runSuite(browser, server, { label, folder, developmentPath, deadline }) {
  console.log(`\n${label}: the extension tests in the extension host`);
  const { page, context, lines: extensionHostLines, workbenchErrors } = await newPage(browser, label);
  cleanups.push(() => context.close());
  let reportExit;
  const exited = new Promise((resolve) => { reportExit = resolve; });
  // The workbench calls this with the exit code when run() settles; it must exist before the page loads.
  await page.exposeFunction('codeAutomationExit', (code) => { reportExit(code); });
  await page.goto(workbenchUrl(server.url, folder, [
    ['extensionDevelopmentPath', developmentPath],
    ['extensionTestsPath', SUITE_ENTRY],
  ]));
  let code;
  try {
    code = await withTimeout(exited, Math.max(deadline - Date.now(), 1000), `${label} suite`);
  } catch (error) {
    fail(`${label}: the suite finished`, error);
    showWorkbenchErrors(workbenchErrors);
    showServerOutput(server);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // the last forwarded lines
  await context.close();
  const summary = extensionHostLines.map((line) => /^(\d+) passed, (\d+) failed$/.exec(line.trim())).filter(Boolean).pop();
  extensionHostLines.forEach((line, index) => {
    if (line.startsWith('activation: ')) notes.push(`${label}: ${line}`);
    // The reporter prints a failed test's title, then its error's first line.
    if (line.trim().startsWith('✗ ')) failures.push(`${label}: ${line.trim().slice(2)}: ${(extensionHostLines[index + 1] ?? '').trim()}`);
  });
  const passed = summary ? Number(summary[1]) : 0;
  const failed = summary ? Number(summary[2]) : 0;
  if (finishing) return;
  totals.passed += passed;
  totals.failed += failed;
  console.log(`  ${label} suite: exit code ${code}, ${passed} passed, ${failed} failed`);
  if (!summary || (code !== 0 && failed === 0)) fail(`${label}: the suite ran`, new Error(`the extension host exited with code ${code} and reported ${summary ? summary[0] : 'no result line'}`));
  if (code !== 0) {
    showWorkbenchErrors(workbenchErrors);
    showServerOutput(server);
  }
}

// examples/node-app/Dockerfile line 13, `ENV NODE_ENV`, is broken; the server's wording is the rules' business.
const BROKEN_LINE = 13;
const ACTIVATION_BUDGET_MS = 50;

/** Runs steps in order, each a check; after the first that fails, the rest cannot run and fail too. */
async function runSteps(label, { page, workbenchErrors }, server, steps) {
  let broken;
  for (const [name, step] of steps) {
    if (broken) {
      fail(`${label}: ${name}`, new Error(`not run: "${broken}" failed`));
      continue;
    }
    try {
      await withTimeout(step(), 60_000, name);
      pass(`${label}: ${name}`);
    } catch (error) {
      broken = name;
      fail(`${label}: ${name}`, error);
      await page.screenshot({ path: join(SCREENSHOTS, `failure-${label}.png`) }).catch(() => {});
      showWorkbenchErrors(workbenchErrors);
      showServerOutput(server);
    }
  }
}

async function openWorkbench(page, server, folder, payload, expectedEntry) {
  await page.goto(workbenchUrl(server.url, folder, payload));
  await page.locator('.explorer-folders-view').getByText(expectedEntry, { exact: true }).waitFor({ timeout: 60_000 });
}

/** Quick open (Ctrl+P) as a person types it. */
async function quickOpen(page, query, tabTitle) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(query);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: tabTitle }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: tabTitle }).waitFor();
}

function squiggle(page) {
  return page.locator('.editor-instance .monaco-editor .squiggly-error').first();
}

/** The on-screen box of the error squiggle on the editor line that reads `text`. */
async function squiggleOnLine(page, text) {
  const line = await page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).first().boundingBox();
  if (!line) throw new Error(`no editor line ${JSON.stringify(text)} on screen`);
  for (const candidate of await page.locator('.editor-instance .monaco-editor .squiggly-error').all()) {
    const box = await candidate.boundingBox();
    if (box && box.y + box.height / 2 >= line.y && box.y + box.height / 2 <= line.y + line.height) return box;
  }
  throw new Error(`no error squiggle on the line ${JSON.stringify(text)}`);
}

/** VS Code's own activation time for Layerwise (code loading + the activate() call), from Developer: Show Running Extensions. */
async function activationFromRunningExtensions(page) {
  await page.mouse.move(5, 400); // away from any hover
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type('Developer: Show Running Extensions');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor();
  await page.keyboard.press('Enter');
  const list = page.locator('.runtime-extensions-editor .monaco-list');
  await list.locator('.monaco-list-row').first().waitFor();
  // The row names the development extension by id and the installed one by display name.
  const row = list.locator('.monaco-list-row', { hasText: 'layerwise' }).first();
  // The list puts the slowest activations first and renders only the rows in view, so a fast
  // extension sits below the fold when many built-ins activated more slowly: scroll as a person would.
  for (let scrolls = 0; (await row.count()) === 0; scrolls++) {
    if (scrolls >= 30) throw new Error('Running Extensions lists no Layerwise row, even scrolled to the end');
    await list.hover();
    await page.mouse.wheel(0, 280);
    await page.waitForTimeout(150);
  }
  await row.scrollIntoViewIfNeeded();
  const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
  const activation = /Activation: (\d+)\s*ms/.exec(text);
  if (!activation) throw new Error(`no activation time in the row: ${JSON.stringify(text)}`);
  return { text, ms: Number(activation[1]) };
}

/** What a person sees in examples/: quick open, the squiggle, the Problems panel, the hover. */
async function checkAsAPerson(browser, server, { folder, developmentPath }) {
  console.log('\nperson: the examples folder in the workbench, driven by keyboard and mouse');
  const view = await newPage(browser, 'person');
  cleanups.push(() => view.context.close());
  const { page } = view;
  const shot = (name) => page.screenshot({ path: join(SCREENSHOTS, name) });
  let problem; // the message the Problems panel shows, which the hover must show too
  await runSteps('person', view, server, [
    ['the workbench opens examples/', () => openWorkbench(page, server, folder, [['extensionDevelopmentPath', developmentPath]], 'node-app')],
    ['quick open (Ctrl+P) opens node-app/Dockerfile', () => quickOpen(page, 'node-app/Dockerfile', 'Dockerfile')],
    ['hovering RUN shows Layerwise\'s docs for the instruction', async () => {
      // The line's first token is its keyword (Monaco renders spaces as no-break spaces, so match a word).
      const keyword = page.locator('.editor-instance .view-line').filter({ hasText: 'npm ci' }).first().locator('span > span').first();
      const docs = page.locator('.monaco-hover', { hasText: 'Layers and cache' }).first();
      // The server may still be starting, and code lenses move the lines as they arrive: point again until the hover shows.
      for (let attempt = 0; ; attempt++) {
        await keyword.waitFor();
        const box = await keyword.boundingBox();
        if (!box) {
          // The line was re-rendered (code lenses arriving) between finding it and measuring it.
          if (attempt >= 8) throw new Error('RUN has no box on screen');
          await page.waitForTimeout(300);
          continue;
        }
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        try {
          await docs.waitFor({ state: 'visible', timeout: 3_000 });
          break;
        } catch (error) {
          if (attempt >= 8) throw error;
          await page.mouse.move(5, 400);
        }
      }
      await page.waitForTimeout(500); // the hover fades in
      await shot('10-hover-run-docs.png');
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 400);
    }],
    ['the parse error is squiggled in the editor', async () => {
      await squiggle(page).waitFor({ timeout: 30_000 });
      await shot('01-dockerfile-squiggle.png');
    }],
    ['the Problems panel (Ctrl+Shift+M) lists it with its source and line', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: `[Ln ${BROKEN_LINE},` }).first();
      await row.waitFor();
      const lines = (await row.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
      if (!lines.includes('layerwise')) throw new Error(`the Problems entry does not name its source: ${JSON.stringify(lines)}`);
      if ((await row.locator('.codicon-error').count()) === 0) throw new Error(`the Problems entry is not an error: ${JSON.stringify(lines)}`);
      problem = lines[0];
      await shot('02-problems-panel.png');
    }],
    ['hovering the squiggle shows the same message', async () => {
      const box = await squiggleOnLine(page, 'ENV NODE_ENV');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: problem }).first();
      await hover.waitFor({ state: 'visible', timeout: 10_000 });
      if (!(await hover.innerText()).includes('layerwise')) throw new Error('the hover does not name the source');
      await shot('03-hover.png');
    }],
    ['Developer: Show Running Extensions lists Layerwise with its activation time', async () => {
      const { text } = await activationFromRunningExtensions(page);
      notes.push(`person (development build): Running Extensions says: ${text}`);
      await shot('04-running-extensions.png');
    }],
  ]);
  await view.context.close();
}

/** Runs a command from the palette (F1) as a person types it. */
async function runFromPalette(page, title) {
  // From the editor, as a person would after looking at the terminal.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  await row.click();
}

/** Types a value into the quick pick titled `title` (not one still closing) and accepts it. */
async function answerQuickPick(page, title, value) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(value);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: value }).first().waitFor();
  await page.keyboard.press('Enter');
}

function toast(page, text) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

/**
 * The processes of this run's build of `dockerfile`: the CLI whose arguments name it
 * (other runs build their own copies of the workspace) and everything below it.
 */
function buildTree(dockerfile) {
  const rows = (spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout ?? '').split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    return match ? [{ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] }] : [];
  });
  const tree = rows.filter((row) => row.args.startsWith('podman build') && row.args.includes(dockerfile));
  for (let index = 0; index < tree.length; index++) tree.push(...rows.filter((row) => row.ppid === tree[index].pid));
  return tree;
}

/**
 * Build and push as a person meets them (the part of the build tests that is UI): the
 * progress notification shows the step and its Cancel ends the process tree; a push to
 * a registry that wants credentials says so, and its "Log In" opens `podman login` in a
 * terminal, where typing the credentials lets the next push through.
 */
async function checkBuildAsAPerson(browser, server, { folder, developmentPath, containers }) {
  console.log('\nperson build: progress, cancel, and login from the notifications');
  const startedAt = Date.now();
  const settingsDir = join(folder, '.vscode');
  const slow = join(folder, 'containers', 'slow');
  mkdirSync(settingsDir, { recursive: true });
  writeFileSync(join(settingsDir, 'settings.json'), JSON.stringify({
    'layerwise.containerCommand': 'podman',
    'layerwise.build.defaultTag': 'localhost/layerwise-slow:2',
    'layerwise.build.context': slow,
    'layerwise.build.args': {},
    'layerwise.build.platform': '',
  }, null, 2));
  // The .vsix run opens the same folder afterwards: leave it as it was.
  cleanups.push(async () => rmSync(settingsDir, { recursive: true, force: true }));
  const view = await newPage(browser, 'person build');
  cleanups.push(() => view.context.close());
  const { page } = view;
  const shot = (name) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const image = `${containers.authRegistry}/team/person:1`;
  const authFile = containers.env.REGISTRY_AUTH_FILE;
  await runSteps('person build', view, server, [
    ['the workbench opens the test workspace', () => openWorkbench(page, server, folder, [['extensionDevelopmentPath', developmentPath]], 'containers')],
    ['quick open (Ctrl+P) opens containers/slow/Dockerfile', () => quickOpen(page, 'containers/slow/Dockerfile', 'Dockerfile')],
    ['Layerwise: Build Image shows a progress notification with the step', async () => {
      await runFromPalette(page, 'Layerwise: Build Image');
      await toast(page, 'Building localhost/layerwise-slow:2').waitFor({ timeout: 30_000 });
      await toast(page, 'STEP 2/2: RUN echo started && sleep 297').waitFor({ timeout: 30_000 });
      await shot('06-build-progress.png');
    }],
    ['its Cancel ends the build\'s whole process tree', async () => {
      const dockerfile = join(slow, 'Dockerfile');
      const started = Date.now() + 30_000;
      while (!buildTree(dockerfile).some((row) => row.args === 'sleep 297')) {
        if (Date.now() > started) throw new Error('the RUN step did not start');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const tree = buildTree(dockerfile).map((row) => row.pid);
      await toast(page, 'Building localhost/layerwise-slow:2').locator('.monaco-button', { hasText: 'Cancel' }).click();
      await toast(page, 'Building localhost/layerwise-slow:2').waitFor({ state: 'hidden', timeout: 15_000 });
      const alive = () => tree.filter((pid) => { try { process.kill(pid, 0); return true; } catch { return false; } });
      const deadline = Date.now() + 15_000;
      while (alive().length > 0) {
        if (Date.now() > deadline) throw new Error(`still running after Cancel: ${alive().join(', ')} of ${tree.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await shot('07-build-cancelled.png');
    }],
    ['Layerwise: Tag Image tags the image for the registry that wants credentials', async () => {
      await runFromPalette(page, 'Layerwise: Tag Image');
      await answerQuickPick(page, 'Image to tag', 'localhost/layerwise-run:1');
      await answerQuickPick(page, 'New tag for localhost/layerwise-run:1', image);
      // Tagging has no notification of its own once done; the push below needs the tag.
      const deadline = Date.now() + 30_000;
      while (spawnSync('podman', ['image', 'exists', image], { env: { ...process.env, ...containers.env } }).status !== 0) {
        if (Date.now() > deadline) throw new Error(`${image} was not tagged`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }],
    ['Layerwise: Push Image says the registry asks for credentials and offers Log In', async () => {
      await runFromPalette(page, 'Layerwise: Push Image');
      await answerQuickPick(page, 'Image to push', image);
      await toast(page, 'asks for credentials').waitFor({ timeout: 60_000 });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the toast's fade-in
      await shot('08-push-credentials.png');
    }],
    ['Log In opens `podman login` in a terminal, and the credentials typed there are used', async () => {
      await toast(page, 'asks for credentials').locator('.monaco-button', { hasText: 'Log In' }).click();
      await page.locator('.terminal-tabs-entry, .single-terminal-tab', { hasText: `podman login ${containers.authRegistry}` }).first().waitFor({ timeout: 15_000 });
      await page.locator('.terminal-wrapper.active .xterm').first().waitFor({ timeout: 15_000 });
      await page.locator('.terminal-wrapper.active .xterm').first().click();
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the CLI's Username: prompt
      await page.keyboard.type(containers.credentials.user);
      await page.keyboard.press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.keyboard.type(containers.credentials.password);
      await page.keyboard.press('Enter');
      const deadline = Date.now() + 30_000;
      while (!(existsSync(authFile) && readFileSync(authFile, 'utf8').includes(containers.authRegistry))) {
        if (Date.now() > deadline) throw new Error(`podman login did not record credentials for ${containers.authRegistry}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await shot('09-login-terminal.png');
    }],
    ['pushing again reaches the registry', async () => {
      await runFromPalette(page, 'Layerwise: Push Image');
      await answerQuickPick(page, 'Image to push', image);
      const authorization = `Basic ${Buffer.from(`${containers.credentials.user}:${containers.credentials.password}`).toString('base64')}`;
      const deadline = Date.now() + 60_000;
      for (;;) {
        const response = await fetch(`http://${containers.authRegistry}/v2/team/person/tags/list`, { headers: { authorization } });
        if (response.ok && ((await response.json()).tags ?? []).includes('1')) break;
        if (Date.now() > deadline) throw new Error(`${image} is not in the registry`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }],
  ]);
  await view.context.close();
  rmSync(settingsDir, { recursive: true, force: true });
  // The .vsix run expects that registry to ask for credentials again.
  spawnSync('podman', ['logout', containers.authRegistry], { env: { ...process.env, ...containers.env } });
  notes.push(`person build: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/**
 * An untrusted workspace as a person meets it: answering "No" to VS Code's trust
 * question leaves build, tag and push out of the command palette (package.json's
 * enablement, `when` and restrictedConfigurations), while the language features stay.
 */
async function checkUntrustedAsAPerson(browser, temp, { folder, developmentPath, env }) {
  if (finishing) return;
  console.log('\nperson untrusted: build and push are not offered in an untrusted workspace');
  const startedAt = Date.now();
  const server = await codeServer('untrusted', {
    userDataDir: join(temp, 'untrusted', 'user-data'),
    extensionsDir: join(temp, 'untrusted', 'extensions'),
    folder,
    env,
    workspaceTrust: true,
  });
  const view = await newPage(browser, 'person untrusted');
  cleanups.push(() => view.context.close());
  const { page } = view;
  await runSteps('person untrusted', view, server, [
    ['VS Code asks whether to trust the folder, and the answer is No', async () => {
      await page.goto(workbenchUrl(server.url, folder, [['extensionDevelopmentPath', developmentPath]]));
      const no = page.locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust the authors" });
      await no.waitFor({ timeout: 60_000 });
      await no.click();
      await page.locator('.explorer-folders-view').getByText('containers', { exact: true }).waitFor({ timeout: 60_000 });
    }],
    ['a Dockerfile still gets the language features (restricted mode)', async () => {
      await quickOpen(page, 'containers/run/Dockerfile', 'Dockerfile');
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 15_000 });
    }],
    ['the command palette offers no Layerwise build, tag or push command', async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('Layerwise: ');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      const offered = rows.filter((row) => /Build Image|Build Stage|Tag Image|Push Image|Build and Push/.test(row));
      await page.screenshot({ path: join(SCREENSHOTS, '11-untrusted-palette.png') });
      await page.keyboard.press('Escape');
      if (offered.length > 0) throw new Error(`offered in an untrusted workspace: ${offered.join(' | ')}`);
    }],
  ]);
  await view.context.close();
  await server.stop();
  notes.push(`person untrusted: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/** The installed package as a person meets it: a Dockerfile gets its squiggle, and activation stays in budget. */
async function checkInstalledAsAPerson(browser, server, folder) {
  const view = await newPage(browser, 'vsix person');
  cleanups.push(() => view.context.close());
  const { page } = view;
  await runSteps('vsix', view, server, [
    ['the workbench opens with the installed extension', () => openWorkbench(page, server, folder, [], 'Dockerfile')],
    ['quick open (Ctrl+P) opens Dockerfile and its parse error is squiggled', async () => {
      await quickOpen(page, 'Dockerfile', 'Dockerfile');
      await squiggle(page).waitFor({ timeout: 30_000 });
    }],
    ['Running Extensions reports its activation time', async () => {
      const { text, ms } = await activationFromRunningExtensions(page);
      await page.screenshot({ path: join(SCREENSHOTS, '05-vsix-running-extensions.png') });
      // Reported against the budget, never failed on: a time in a test fails with the machine's load (79 ms once beside
      // two fuzz jobs, 7 to 24 ms otherwise), and speed is the benchmark's business.
      const verdict = ms <= ACTIVATION_BUDGET_MS ? 'within' : 'OVER';
      notes.push(`vsix (production build): Running Extensions says: ${text} (code loading + activate() call): ${verdict} the ${ACTIVATION_BUDGET_MS} ms budget`);
    }],
  ]);
  await view.context.close();
}

/** Packages the .vsix, checks what is in it, installs it into a fresh extensions folder and runs the suite against it. */
async function checkThePackage(browser, temp, { folder, deadline, env }) {
  if (finishing) return;
  console.log('\nvsix: the packaged extension, installed');
  const { packageExtension, reportPackage } = await import('./package.mjs');
  const packaged = packageExtension({ outFile: join(temp, 'layerwise.vsix') });
  const overBudget = reportPackage(packaged);
  notes.push(`vsix: ${packaged.size} bytes (${(packaged.size / 1024).toFixed(1)} KB), ${packaged.entries.length} entries`);
  if (overBudget) fail('vsix: within the size budget', new Error(overBudget)); else pass('vsix: within the size budget');

  const allowed = /^extension\/(dist\/|syntaxes\/[^/]+\.json$|snippets\/[^/]+\.json$|package\.json$|package\.nls.*\.json$|l10n\/[^/]+\.json$|readme\.md$|LICENSE\.txt$|changelog\.md$|images\/icon\.png$)/;
  const unexpected = packaged.entries.map((entry) => entry.name).filter((name) => name.startsWith('extension/') && !allowed.test(name));
  if (unexpected.length) fail('vsix: only the allow-listed files', new Error(`unexpected: ${unexpected.join(', ')}`)); else pass('vsix: only the allow-listed files');

  const userDataDir = join(temp, 'vsix', 'user-data');
  const extensionsDir = join(temp, 'vsix', 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  console.log(`  ${installExtension(packaged.vsix, { userDataDir, extensionsDir }).split('\n').join('\n  ')}`);
  const installed = readdirSync(extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) fail('vsix: code-server --install-extension installs it', new Error(`extensions folder holds ${JSON.stringify(readdirSync(extensionsDir))}`));
  else pass(`vsix: code-server --install-extension installs it (${installed[0]})`);

  // Extension tests need a development extension; an empty one keeps the installed Layerwise in charge.
  const harness = join(temp, 'harness');
  mkdirSync(harness, { recursive: true });
  writeFileSync(join(harness, 'package.json'), JSON.stringify({
    name: 'test-harness', publisher: 'layerwise', version: '0.0.0', engines: { vscode: '^1.100.0' },
    description: 'Lets the extension tests run against the installed Layerwise.',
  }, null, 2));
  const server = await codeServer('vsix', {
    userDataDir,
    extensionsDir,
    folder,
    env: { ...env, LAYERWISE_TEST_RUN: 'vsix', LAYERWISE_TEST_EXTENSIONS_DIR: extensionsDir },
  });
  await runSuite(browser, server, { label: 'vsix', folder, developmentPath: harness, deadline });
  await checkInstalledAsAPerson(browser, server, folder);
  await server.stop();
}

async function main() {
  process.chdir(repoRoot);
  ensureNodeModules();
  ensureDebianPackages([...CODE_SERVER_DEBIAN_PACKAGES, 'chromium', 'fonts-dejavu-core']);
  console.log('$ node scripts/build.mjs');
  run(process.execPath, ['scripts/build.mjs']);
  await buildIntegrationSuite();
  ensureCodeServer();
  const { chromium } = await import('playwright-core');

  const started = Date.now();
  const deadline = started + TIMEOUT_MS;
  const timer = setTimeout(() => finish(1, `time-out: the real-VS Code tests took longer than ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
  cleanups.push(async () => clearTimeout(timer));

  const temp = mkdtempSync(join(tmpdir(), 'layerwise-vscode-'));
  cleanups.push(async () => { if (!process.env.LAYERWISE_KEEP_TEMP) rmSync(temp, { recursive: true, force: true }); });
  const workspace = join(temp, 'workspace');
  const examples = join(temp, 'examples');
  cpSync(SUITE_WORKSPACE, workspace, { recursive: true });
  cpSync(join(repoRoot, 'examples'), examples, { recursive: true });
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });

  // podman, its Docker-compatible API and two registries for the build/tag/push tests; code-server passes their environment on.
  const containersStarted = Date.now();
  const containers = await startContainerFixtures({ log: (line) => console.log(line) });
  cleanups.push(() => containers.stop());
  notes.push(`containers: podman, its API and two registries started in ${((Date.now() - containersStarted) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  cleanups.push(() => browser.close());

  const development = await codeServer('development', {
    userDataDir: join(temp, 'development', 'user-data'),
    extensionsDir: join(temp, 'development', 'extensions'),
    folder: workspace,
    env: containers.env,
  });
  await runSuite(browser, development, { label: 'development', folder: workspace, developmentPath: repoRoot, deadline });
  await checkAsAPerson(browser, development, { folder: examples, developmentPath: repoRoot });
  await checkBuildAsAPerson(browser, development, { folder: workspace, developmentPath: repoRoot, containers });
  await development.stop();
  await checkUntrustedAsAPerson(browser, temp, { folder: workspace, developmentPath: repoRoot, env: containers.env });

  await checkThePackage(browser, temp, { folder: workspace, deadline, env: containers.env });

  const shots = existsSync(SCREENSHOTS) ? readdirSync(SCREENSHOTS).map((name) => relative(repoRoot, join(SCREENSHOTS, name))) : [];
  notes.push(`screenshots: ${shots.join(', ') || 'none'}`);
  notes.push(`real-VS Code tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await finish(0);
}

main().catch((error) => finish(1, error));
