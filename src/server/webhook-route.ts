// One Express route for every channel's webhook: raw body → verify → replay check → parse → persist → ack.
// The answer is produced later by the background worker (platforms expect the acknowledgement fast).
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { ChannelOn, RawRequest, WebhookAnswer } from '../pipeline/channel';
import { errText } from '../pipeline/err-text';
import type { Ingestor } from '../pipeline/ingest';
import { StoreInputError } from '../store/guard';

const RETRY_AFTER_S = 30;

export interface WebhookRouteOptions {
  /** Signed events older than this are refused as replays (ms). 0 disables the check. */
  maxEventAgeMs: number;
  ingestor: Ingestor;
  logger: Logger;
  onRejected?: (reason: string) => void;
  now?: () => Date;
}

function rawRequest(req: Request): RawRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') query[k] = v;
  return {
    method: req.method,
    query,
    headers,
    rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

function send(res: Response, a: WebhookAnswer): void {
  res.status(a.status);
  if (typeof a.body !== 'string') res.json(a.body);
  else (a.type ? res.type(a.type) : res).send(a.body);
}

export function webhookRouter(ch: ChannelOn, o: WebhookRouteOptions): Router {
  const router = express.Router();
  const log = o.logger.child({ channel: ch.name, route: ch.path });
  const refuse = (res: Response, status: 400 | 401, reason: string): void => {
    o.onRejected?.(reason);
    log.warn({ reason }, 'webhook refused');
    res.status(status).json({ error: status === 400 ? 'bad_request' : 'unauthorized' });
  };

  const { handshake } = ch;
  if (handshake) {
    router.get(ch.path, (req: Request, res: Response) => {
      const a = handshake(rawRequest(req));
      if (a.note) log[a.status < 300 ? 'info' : 'warn'](a.note);
      send(res, a);
    });
  }

  router.post(ch.path, express.raw({ type: '*/*', limit: '1mb' }), async (req: Request, res: Response) => {
    const v = ch.verify(rawRequest(req));
    if (v.kind === 'refuse') {
      refuse(res, v.status, v.reason);
      return;
    }
    if (v.kind === 'ignore') {
      log.warn({ reason: v.reason }, 'signed request ignored');
      send(res, ch.ack);
      return;
    }
    const at = ch.eventTime(v.body);
    if (o.maxEventAgeMs > 0 && at !== null) {
      const now = (o.now ? o.now() : new Date()).getTime();
      if (now - at > o.maxEventAgeMs) {
        refuse(res, 401, 'stale event');
        return;
      }
    }
    try {
      for (const ev of ch.parse(v.body)) {
        if (ev.type === 'message') await o.ingestor.accept(ev.message);
        else if (ev.type === 'interaction') await o.ingestor.interaction(ch.name, ev.userId, ev.at);
        else log.debug({ event: ev.event, reason: ev.reason }, 'event ignored');
      }
    } catch (err) {
      answerIngestFailure(err, res, log, o.onRejected, () => send(res, ch.ack));
      return;
    }
    send(res, ch.ack);
  });
  return router;
}

// What a webhook answers when a verified event could not be stored. Refused input (a text or id longer than
// the store takes) would fail the same way on every redelivery: it is a poison event, acknowledged and
// counted so the platform stops resending it. Anything else is the store's failure (a full disk, a lost
// database): 503 with Retry-After, so the platform redelivers once we can persist again.
function answerIngestFailure(
  err: unknown,
  res: Response,
  log: Logger,
  onRejected: ((reason: string) => void) | undefined,
  ok: () => void,
): void {
  if (err instanceof StoreInputError) {
    onRejected?.('poison');
    log.warn({ err: err.message }, 'event refused by the store (poison): acknowledged, not answered');
    ok();
    return;
  }
  log.error({ err: errText(err) }, 'could not persist event; the platform will redeliver');
  res.status(503).set('Retry-After', String(RETRY_AFTER_S)).json({ error: 'temporarily unavailable' });
}
