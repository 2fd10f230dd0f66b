// What a webhook answers when a verified event could not be stored. Refused input (a text or id longer than
// the store takes) would fail the same way on every redelivery: it is a poison event, acknowledged and
// counted so the platform stops resending it. Anything else is the store's failure (a full disk, a lost
// database): 503 with Retry-After, so the platform redelivers once we can persist again.
import type { Response } from 'express';
import type { Logger } from 'pino';
import { errText } from '../src/pipeline/err-text';
import { StoreInputError } from '../src/store/guard';

export const RETRY_AFTER_S = 30;

/** Answers the platform; `ok` sends the route's usual acknowledgement. */
export function answerIngestFailure(
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
