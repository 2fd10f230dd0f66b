// Signing helpers for tests: what Zalo and Meta put on their webhook requests.
import { createHash, createHmac } from 'node:crypto';

export function zaloMac(raw: Buffer | string, appId: string, oaSecretKey: string): string {
  const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
  const ts = String(JSON.parse(buf.toString('utf8'))?.timestamp ?? '');
  return `mac=${createHash('sha256').update(appId).update(buf).update(ts).update(oaSecretKey).digest('hex')}`;
}

export function metaSig(raw: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

let n = 0;
/** A fresh citizen text event, compact as Zalo sends it. */
export function zaloTextEvent(o: {
  appId: string;
  userId: string;
  oaId?: string;
  text: string;
  msgId?: string;
  at?: number;
}): string {
  n++;
  return JSON.stringify({
    app_id: o.appId,
    user_id_by_app: '5550001112223334445',
    event_name: 'user_send_text',
    timestamp: String(o.at ?? Date.now()),
    sender: { id: o.userId },
    recipient: { id: o.oaId ?? '3000999888777666555' },
    message: {
      msg_id: o.msgId ?? `${Date.now().toString(16)}${(n * 7919).toString(16).padStart(8, '0')}`,
      text: o.text,
    },
  });
}
