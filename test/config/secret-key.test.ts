import { randomBytes } from 'node:crypto';
import { ConfigError } from '../../src/config/parse-env';
import { parseSecretKey } from '../../src/config/secret-key';

describe('MOTCUA_SECRET_KEY', () => {
  const key = randomBytes(32);

  it('reads 32 bytes written as hex or as base64 (standard or url-safe)', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(` ${key.toString('base64')}\n`)).toEqual(key);
    expect(parseSecretKey(key.toString('base64url'))).toEqual(key);
  });

  it('is absent when unset or blank', () => {
    expect(parseSecretKey(undefined)).toBeNull();
    expect(parseSecretKey('  ')).toBeNull();
  });

  it('fails loudly, naming the variable, when malformed or of the wrong length', () => {
    for (const bad of ['not a key!', randomBytes(16).toString('base64'), randomBytes(31).toString('hex')]) {
      expect(() => parseSecretKey(bad)).toThrow(ConfigError);
      expect(() => parseSecretKey(bad)).toThrow(/^MOTCUA_SECRET_KEY: must be 32 bytes/);
    }
  });
});
