// POST /webhooks/zalo: raw body → signature → app id → freshness → normalise → persist → 200.
// The answer is produced later by the background worker (Zalo expects the 200 within 2 s).
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { Ingestor } from '../../src/pipeline/ingest';
import { answerIngestFailure } from '../ingest-failure';
import { normaliseZalo, zaloTime, zaloTimestampField } from './normalise';
import { ZALO_SIGNATURE_HEADER, zaloSignatureOk } from './signature';

export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';

export interface ZaloWebhookOptions {
  appId: string;
  oaSecretKey: string;
  oaId?: string | undefined;
  /** Signed events older than this are refused as stale (replays). 0 disables the check. */
  maxEventAgeMs: number;
  ingestor: Ingestor;
  logger: Logger;
  onRejected?: (reason: string) => void;
  now?: () => Date;
}

export function zaloWebhookRouter(o: ZaloWebhookOptions): Router {
  const router = express.Router();
  const log = o.logger.child({ channel: 'zalo', route: ZALO_WEBHOOK_PATH });
  const reject = (res: Response, reason: string): void => {
    o.onRejected?.(reason);
    log.warn({ reason }, 'webhook refused');
    res.status(401).json({ error: 'unauthorized' });
  };

  router.post(
    ZALO_WEBHOOK_PATH,
    express.raw({ type: '*/*', limit: '1mb' }),
    async (req: Request, res: Response) => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = req.get(ZALO_SIGNATURE_HEADER);
      if (!header) return reject(res, 'missing signature');
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return reject(res, 'body is not JSON');
      }
      if (!zaloSignatureOk(raw, header, o.appId, zaloTimestampField(body), o.oaSecretKey))
        return reject(res, 'bad signature');
      // `null`, a number or an array can be signed too; none is an event.
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        o.onRejected?.('not an event');
        log.warn('signed body is not an event object; refused');
        res.status(400).json({ error: 'bad_request' });
        return;
      }
      const b = body as Record<string, unknown>;
      if (String(b['app_id'] ?? '') !== o.appId) return reject(res, 'app_id mismatch');
      if (o.maxEventAgeMs > 0) {
        const age = (o.now ? o.now() : new Date()).getTime() - zaloTime(b).getTime();
        if (age > o.maxEventAgeMs) return reject(res, 'stale event');
      }

      const ev = normaliseZalo(body, { oaId: o.oaId });
      try {
        if (ev.type === 'message') await o.ingestor.accept(ev.message);
        else if (ev.type === 'interaction') await o.ingestor.interaction('zalo', ev.userId, ev.at);
        else log.debug({ event: ev.event, reason: ev.reason }, 'event ignored');
      } catch (err) {
        answerIngestFailure(err, res, log, o.onRejected, () => res.status(200).json({ ok: true }));
        return;
      }
      res.status(200).json({ ok: true });
    },
  );
  return router;
}
