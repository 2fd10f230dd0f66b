// The token port with both tokens of every pair sealed at rest (AES-256-GCM, bound to the pair's key). A pair
// stored in plain text before a key was set is read as it is and sealed at its next refresh; a sealed pair
// that does not open (another key, altered) is an operator error, never a silent reset.
import { isSealed, seal, unseal } from '../config/seal';
import type { TokenStore } from './ports';

export function sealedTokens(port: TokenStore, key: Buffer): TokenStore {
  const open = (value: string, context: string): string => {
    if (!isSealed(value)) return value;
    try {
      return unseal(key, value, context);
    } catch {
      throw new Error(
        `the stored ${context} token pair does not open with MOTCUA_SECRET_KEY; set the key it was sealed with, or reconnect the account`,
      );
    }
  };
  return {
    get: async (k) => {
      const p = await port.get(k);
      return p && { ...p, accessToken: open(p.accessToken, k), refreshToken: open(p.refreshToken, k) };
    },
    put: (k, p) =>
      port.put(k, {
        ...p,
        accessToken: seal(key, p.accessToken, k),
        refreshToken: seal(key, p.refreshToken, k),
      }),
    lease: (k, holder, now, until) => port.lease(k, holder, now, until),
    release: (k, holder) => port.release(k, holder),
  };
}
