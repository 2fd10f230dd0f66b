// The console's OAuth state and PKCE verifier, kept nowhere: the state carries what it is for (channel,
// commune), whose session asked (a hash) and until when, signed with a key derived from MOTCUA_SECRET_KEY;
// the verifier is derived from the state, so any instance can finish a connect another one started.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Zalo's code lives 10 minutes; the state no longer. */
export const STATE_TTL_MS = 10 * 60_000;

export interface ConnectIntent {
  channel: string;
  commune: string;
}

const derive = (key: Buffer, purpose: string) => createHmac('sha256', key).update(purpose).digest();
const sign = (key: Buffer, text: string) =>
  createHmac('sha256', derive(key, 'motcua console oauth state')).update(text).digest('base64url');
const sessionTag = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url');

export function newState(key: Buffer, sessionId: string, intent: ConnectIntent, now: Date): string {
  const payload = Buffer.from(
    JSON.stringify({
      ch: intent.channel,
      c: intent.commune,
      s: sessionTag(sessionId),
      e: now.getTime() + STATE_TTL_MS,
      n: randomBytes(12).toString('base64url'),
    }),
  ).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The intent of a state this key signed for this session and that has not expired, else null. */
export function readState(key: Buffer, sessionId: string, state: string, now: Date): ConnectIntent | null {
  const [payload, mac, extra] = state.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const want = Buffer.from(sign(key, payload));
  const got = Buffer.from(mac);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const o = p as { ch?: unknown; c?: unknown; s?: unknown; e?: unknown };
  if (typeof o.ch !== 'string' || typeof o.c !== 'string' || typeof o.e !== 'number') return null;
  if (o.s !== sessionTag(sessionId) || o.e <= now.getTime()) return null;
  return { channel: o.ch, commune: o.c };
}

/** The PKCE code verifier of a state: 43 characters of base64url (RFC 7636's shortest). */
export function codeVerifier(key: Buffer, state: string): string {
  return createHmac('sha256', derive(key, 'motcua console pkce')).update(state).digest('base64url');
}

/** base64url(SHA-256(verifier)) without padding, as Zalo expects it. */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
