// GET /webhooks/messenger: subscription check (200 + hub.challenge, else 403).
// POST /webhooks/messenger: raw body → X-Hub-Signature-256 → freshness → normalise every entry and
// messaging item → persist each → 200. Answers come later from the background worker.
import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { Ingestor } from '../../src/pipeline/ingest';
import { answerIngestFailure } from '../ingest-failure';
import { newestEntryTime, normaliseMessenger } from './normalise';
import { META_SIGNATURE_HEADER, metaSignatureOk } from './signature';

export const MESSENGER_WEBHOOK_PATH = '/webhooks/messenger';

export interface MessengerWebhookOptions {
  verifyToken: string;
  appSecret: string;
  maxEventAgeMs: number;
  ingestor: Ingestor;
  logger: Logger;
  onRejected?: (reason: string) => void;
  now?: () => Date;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function messengerWebhookRouter(o: MessengerWebhookOptions): Router {
  const router = express.Router();
  const log = o.logger.child({ channel: 'messenger', route: MESSENGER_WEBHOOK_PATH });
  const reject = (res: Response, reason: string): void => {
    o.onRejected?.(reason);
    log.warn({ reason }, 'webhook refused');
    res.status(401).json({ error: 'unauthorized' });
  };

  router.get(MESSENGER_WEBHOOK_PATH, (req: Request, res: Response) => {
    const q = req.query;
    const mode = typeof q['hub.mode'] === 'string' ? q['hub.mode'] : '';
    const token = typeof q['hub.verify_token'] === 'string' ? q['hub.verify_token'] : '';
    const challenge = typeof q['hub.challenge'] === 'string' ? q['hub.challenge'] : '';
    if (mode === 'subscribe' && sameSecret(token, o.verifyToken)) {
      log.info('subscription verified');
      res.status(200).type('text/plain').send(challenge);
      return;
    }
    log.warn({ mode }, 'subscription check refused');
    res.sendStatus(403);
  });

  router.post(
    MESSENGER_WEBHOOK_PATH,
    express.raw({ type: '*/*', limit: '1mb' }),
    async (req: Request, res: Response) => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = req.get(META_SIGNATURE_HEADER);
      if (!header) return reject(res, 'missing signature');
      if (!metaSignatureOk(raw, header, o.appSecret)) return reject(res, 'bad signature');
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        log.warn('signed body is not JSON; ignored');
        res.sendStatus(200);
        return;
      }
      if (o.maxEventAgeMs > 0) {
        const newest = newestEntryTime(body);
        const now = (o.now ? o.now() : new Date()).getTime();
        if (newest !== null && now - newest > o.maxEventAgeMs) return reject(res, 'stale event');
      }
      try {
        for (const ev of normaliseMessenger(body)) {
          if (ev.type === 'message') await o.ingestor.accept(ev.message);
          else log.debug({ reason: ev.reason }, 'event ignored');
        }
      } catch (err) {
        answerIngestFailure(err, res, log, o.onRejected, () => res.status(200).send('EVENT_RECEIVED'));
        return;
      }
      res.status(200).send('EVENT_RECEIVED');
    },
  );
  return router;
}
