// `npm run fuzz -- --runs N [--seed S] [--server-runs M] [--only in-process|server] [--path P]`:
// builds dist/ (the server properties drive dist/server.js), then runs test/fuzz/main.ts.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const only = args[args.indexOf('--only') + 1];
if (!(args.includes('--only') && only === 'in-process')) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/fuzz/main.ts', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
