// Messenger's webhook: the subscription check (GET: 200 + hub.challenge, else 403) and each POST's
// X-Hub-Signature-256 over the raw body; the newest entry time for the replay check; every entry and
// messaging item as channel events.
import { timingSafeEqual } from 'node:crypto';
import type { RawRequest, Verdict, WebhookAnswer } from '../../src/pipeline/public';
import type { MessengerConfig } from './config';
import { META_SIGNATURE_HEADER, metaSignatureOk } from './signature';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function messengerHandshake(req: RawRequest, c: Pick<MessengerConfig, 'verifyToken'>): WebhookAnswer {
  const mode = req.query['hub.mode'] ?? '';
  const token = req.query['hub.verify_token'] ?? '';
  const challenge = req.query['hub.challenge'] ?? '';
  if (mode === 'subscribe' && sameSecret(token, c.verifyToken))
    return { status: 200, type: 'text/plain', body: challenge, note: 'subscription verified' };
  return {
    status: 403,
    type: 'text/plain',
    body: 'Forbidden',
    note: `subscription check refused (mode ${mode})`,
  };
}

export function verifyMessenger(req: RawRequest, c: Pick<MessengerConfig, 'appSecret'>): Verdict {
  const header = req.headers[META_SIGNATURE_HEADER];
  if (!header) return { kind: 'refuse', status: 401, reason: 'missing signature' };
  if (!metaSignatureOk(req.rawBody, header, c.appSecret))
    return { kind: 'refuse', status: 401, reason: 'bad signature' };
  try {
    return { kind: 'event', body: JSON.parse(req.rawBody.toString('utf8')) };
  } catch {
    return { kind: 'ignore', reason: 'signed body is not JSON' };
  }
}
