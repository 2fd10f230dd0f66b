// FNV-1a hashing of strings and of character runs, so features need no string building per n-gram.
const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

/** One FNV-1a step: the hash `h` extended by one character code. */
export function step(h: number, code: number): number {
  return Math.imul(h ^ code, PRIME);
}

/** Hash of a string, in the family chosen by `seed` (one family per kind of feature). */
export function hashString(s: string, seed: number): number {
  let h = OFFSET ^ seed;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
}

/** Hash of an ordered pair of hashes (word bigrams). */
export function hashPair(a: number, b: number): number {
  return step(step(a, b & 0xffff), b >>> 16);
}

export const seedHash = (seed: number): number => OFFSET ^ seed;
