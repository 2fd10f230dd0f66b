// The web chat's small JSON API: POST /webchat/api/messages { sessionId, text } → { replies }.
// The browser waits for the answer, so the assistant is called directly (no outbox needed).
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AssistantPort } from '../../src/core/assistant-port';
import type { PipelineObserver } from '../../src/pipeline/observer';
import { BAD_MESSAGE_TEXT, TECHNICAL_PROBLEM_REPLY, TOO_FAST_TEXT } from '../../src/pipeline/texts';
import { userRef } from '../../src/pipeline/user-ref';
import { errText } from '../../src/pipeline/err-text';
import { addressKey } from '../../src/core/address-key';

export const WEBCHAT_API_PATH = '/webchat/api/messages';
export const MAX_WEBCHAT_TEXT = 1000;

const body = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  text: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1).max(MAX_WEBCHAT_TEXT)),
});

export interface WebchatApiOptions {
  assistant: AssistantPort;
  logger: Logger;
  observer?: PipelineObserver;
  perMinute: number;
}

export function webchatApiRouter(o: WebchatApiOptions): Router {
  const router = express.Router();
  const log = o.logger.child({ channel: 'web' });
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: o.perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: 'too_many_requests', message: TOO_FAST_TEXT });
    },
  });

  router.post(
    WEBCHAT_API_PATH,
    limiter,
    express.json({ limit: '16kb' }),
    async (req: Request, res: Response) => {
      const parsed = body.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({ error: 'bad_request', message: BAD_MESSAGE_TEXT });
        return;
      }
      const { sessionId, text } = parsed.data;
      o.observer?.inbound('web', 'text', false);
      const started = Date.now();
      try {
        const replies = await o.assistant.respond({
          channel: 'web',
          userId: sessionId,
          messageId: randomUUID(),
          kind: 'text',
          text,
          sentAt: new Date(),
          clientAddress: addressKey(req.ip),
        });
        o.observer?.sent('web', Date.now() - started);
        res.status(200).json({ replies: replies.map((r) => ({ text: r.text, options: r.options })) });
      } catch (err) {
        log.error(
          { user: userRef('web', sessionId), err: errText(err) },
          'assistant failed on a web chat message',
        );
        res.status(200).json({ replies: [TECHNICAL_PROBLEM_REPLY] });
      }
    },
  );
  return router;
}
