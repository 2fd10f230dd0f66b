// Zalo OpenAPI error codes (reference §2.6) → what the outbox sender does with them.
import { SendError, type SendErrorKind } from '../../src/pipeline/public';

const BY_CODE: Record<number, SendErrorKind> = {
  [-32]: 'rate_limited',
  [-100]: 'retryable',
  [-201]: 'permanent',
  [-204]: 'config',
  [-205]: 'config',
  [-209]: 'config',
  [-212]: 'config',
  [-219]: 'config',
  [-223]: 'config',
  [-240]: 'config',
  [-242]: 'config',
  [-211]: 'permanent', // out of quota: do not retry now
  [-218]: 'permanent',
  [-213]: 'unreachable',
  [-217]: 'unreachable',
  [-227]: 'unreachable',
  [-244]: 'unreachable',
  [-124]: 'token', // "access token invalid/expired" on some OpenAPI hosts: refresh once like -216
  [-216]: 'token',
  [-220]: 'token',
  [-230]: 'window',
  [-232]: 'window',
};

/** An error envelope `{ error: <non-zero>, message }` as a SendError. */
export function zaloApiError(code: number, message: string, now: Date = new Date()): SendError {
  if (code === -234) {
    // "cannot be sent at night": try again at 06:00 Vietnam time (UTC+7).
    return new SendError('retryable', message, String(code), msUntilVietnamSixAm(now));
  }
  const kind = BY_CODE[code] ?? 'retryable';
  return new SendError(kind, message || 'Zalo API error', String(code), code === -32 ? 2_000 : null);
}

export function msUntilVietnamSixAm(now: Date): number {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  const six = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate(), 6, 0, 0);
  const target = six > vn.getTime() ? six : six + 24 * 3_600_000;
  return target - vn.getTime();
}
