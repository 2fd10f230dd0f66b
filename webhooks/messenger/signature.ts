// X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256(App Secret, raw body bytes). Constant-time compare.
// The legacy SHA-1 header is not accepted.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

export function metaSignature(raw: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export function metaSignatureOk(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header || !header.startsWith('sha256=')) return false;
  const hex = header.slice(7).trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const got = Buffer.from(hex, 'hex');
  const want = createHmac('sha256', appSecret).update(raw).digest();
  return got.length === want.length && timingSafeEqual(got, want);
}
