// X-ZEvent-Signature: "mac=" + hex(SHA-256(app_id + raw_body + timestamp + OA secret key)) — plain
// SHA-256 over the raw bytes, not an HMAC (reference §1.5). Compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

export const ZALO_SIGNATURE_HEADER = 'x-zevent-signature';

export function zaloSignature(raw: Buffer, appId: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(appId).update(raw).update(timestamp).update(oaSecretKey).digest('hex');
}

/** `timestamp` is the body's own `timestamp` field, as the string it is. */
export function zaloSignatureOk(
  raw: Buffer,
  header: string | undefined,
  appId: string,
  timestamp: string,
  oaSecretKey: string,
): boolean {
  if (!header) return false;
  const got = header.trim().replace(/^mac=/i, '').toLowerCase();
  const want = zaloSignature(raw, appId, timestamp, oaSecretKey);
  return got.length === want.length && timingSafeEqual(Buffer.from(got), Buffer.from(want));
}
