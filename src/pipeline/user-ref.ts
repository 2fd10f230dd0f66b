import { createHash } from 'node:crypto';

/** A short, stable, non-reversible reference to a citizen for logs (never log the platform id). */
export function userRef(channel: string, userId: string): string {
  return `${channel}:${createHash('sha256').update(`${channel}:${userId}`).digest('hex').slice(0, 12)}`;
}
