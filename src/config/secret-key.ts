// The key that seals secrets at rest (stored OAuth token pairs) and signs the console's OAuth state:
// MOTCUA_SECRET_KEY, 32 bytes written as 64 hex digits or as base64. A malformed key stops start-up.
import { ConfigError } from './parse-env';

export const SECRET_KEY_ENV = 'MOTCUA_SECRET_KEY';

const HOW = 'must be 32 bytes as 64 hex digits or base64 (e.g. the output of `openssl rand -base64 32`)';

/** The 32-byte key, or null when the variable is unset or blank. */
export function parseSecretKey(value: string | undefined): Buffer | null {
  const v = value?.trim() ?? '';
  if (v === '') return null;
  if (/^[0-9a-f]{64}$/i.test(v)) return Buffer.from(v, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) throw new ConfigError(SECRET_KEY_ENV, HOW);
  const key = Buffer.from(v, 'base64');
  if (key.length !== 32) throw new ConfigError(SECRET_KEY_ENV, `${HOW}; it decodes to ${key.length} bytes`);
  return key;
}
