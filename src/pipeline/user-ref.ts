import { createHash } from 'node:crypto';

// Letters only: a reference must never look like a phone or ID number to the log scrubber (which would
// turn "chat:3f0123456789dc" into "chat:3f[number]dc" and make logs impossible to follow).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz';

/** A short, stable, non-reversible reference to a citizen for logs (never log the platform id). */
export function userRef(channel: string, userId: string): string {
  const digest = createHash('sha256').update(`${channel}:${userId}`).digest();
  return `${channel}:${[...digest.subarray(0, 12)].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}
