// Staff passwords: scrypt (memory-hard) with a random salt, stored as a self-describing string
// "scrypt$N$r$p$salt$hash" so the cost can be raised later without breaking existing accounts.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { weakness } from './strength';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's recommended minimum for scrypt: 128 MiB per hash. */
const DEFAULT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

function derive(password: string, salt: Buffer, c: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: c.N, r: c.r, p: c.p, maxmem: 256 * c.N * c.r * c.p };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password or a hash this code does not understand. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((x) => Number.isInteger(x) && x > 0)) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Why a new password is refused, or null when it is acceptable (English, for the API and the CLI). Blank
 * characters do not count towards the length; `username` makes a password built on it weak.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.trim().length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  return weakness(password, username ? [username] : []);
}
