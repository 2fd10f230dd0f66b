// Who holds a claim: "<host>:<pid>:<random>". A claim's owner on this host whose process is gone (or whose
// pid is ours: a previous run of this container) is dead for certain, so start-up takes its work back at
// once; an owner on another host may be alive and is left to the stale timeout.
import { randomUUID } from 'node:crypto';
import os from 'node:os';

export function newOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function isDeadOwner(
  owner: string,
  self: string,
  alive: (pid: number) => boolean = pidAlive,
): boolean {
  if (owner === self) return false;
  const m = /^(.*):(\d+):[^:]*$/.exec(owner);
  if (!m || m[1] !== os.hostname()) return false;
  const pid = Number(m[2]);
  return pid === process.pid || !alive(pid);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}
