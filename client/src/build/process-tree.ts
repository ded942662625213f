import { execFile } from 'node:child_process';

/**
 * Ends a process and everything it started: the container CLI's children
 * (podman's `buildah-chroot-runtime`, the RUN step's shell and its commands)
 * must not outlive a cancelled build. SIGTERM first, so the CLI can clean up,
 * then SIGKILL for whatever is left after the grace period.
 */
export async function killTree(pid: number, graceMs = 3_000): Promise<void> {
  if (process.platform === 'win32') {
    await new Promise<void>((resolve) => execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true }, () => resolve()));
    return;
  }
  signalTree(pid, await descendants(pid), 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    const left = [pid, ...(await descendants(pid))].filter(isAlive);
    if (left.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalTree(pid, await descendants(pid), 'SIGKILL');
}

function signalTree(pid: number, children: number[], signal: NodeJS.Signals): void {
  // The runner starts the CLI as a process group leader; children that left the group are signalled one by one.
  for (const target of [-pid, pid, ...children]) {
    try {
      process.kill(target, signal);
    } catch {
      // already gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid`, from `ps` (Linux and macOS alike). */
export function descendants(pid: number): Promise<number[]> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
      if (error) return resolve([]);
      const children = new Map<number, number[]>();
      for (const line of stdout.split('\n')) {
        const [child, parent] = line.trim().split(/\s+/).map(Number);
        if (!Number.isFinite(child) || !Number.isFinite(parent)) continue;
        const list = children.get(parent) ?? [];
        list.push(child);
        children.set(parent, list);
      }
      const found: number[] = [];
      const queue = [...(children.get(pid) ?? [])];
      while (queue.length > 0) {
        const next = queue.shift()!;
        if (found.includes(next)) continue;
        found.push(next);
        queue.push(...(children.get(next) ?? []));
      }
      resolve(found);
    });
  });
}
