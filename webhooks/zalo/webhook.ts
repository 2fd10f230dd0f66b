// A POST from Zalo: signature (over app id, raw body and the body's own timestamp), then app id; the event
// time for the replay check; the body as channel events. Zalo expects the 200 within 2 s, so the answer
// comes later from the background worker.
import type { ChannelEvent, RawRequest, Verdict } from '../../src/pipeline/public';
import type { ZaloConfig } from './config';
import { normaliseZalo, scalarText, zaloTime, zaloTimestampField } from './normalise';
import { ZALO_SIGNATURE_HEADER, zaloSignatureOk } from './signature';

const refuse = (reason: string): Verdict => ({ kind: 'refuse', status: 401, reason });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function verifyZalo(req: RawRequest, c: Pick<ZaloConfig, 'appId' | 'oaSecretKey'>): Verdict {
  const header = req.headers[ZALO_SIGNATURE_HEADER];
  if (!header) return refuse('missing signature');
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    return refuse('body is not JSON');
  }
  if (!zaloSignatureOk(req.rawBody, header, c.appId, zaloTimestampField(body), c.oaSecretKey))
    return refuse('bad signature');
  // `null`, a number or an array can be signed too; none is an event.
  if (!isObject(body)) return { kind: 'refuse', status: 400, reason: 'not an event' };
  if (scalarText(body['app_id']) !== c.appId) return refuse('app_id mismatch');
  return { kind: 'event', body };
}

/** The event's `timestamp` in ms (0 when absent, so an undated event counts as stale). */
export function zaloEventTime(body: unknown): number | null {
  return isObject(body) ? zaloTime(body).getTime() : null;
}

export function parseZalo(body: unknown, c: Pick<ZaloConfig, 'oaId'>): ChannelEvent[] {
  return [normaliseZalo(body, { oaId: c.oaId })];
}
