// The web chat's small JSON API: POST /webchat/api/messages { sessionId, text } → { replies }, and the same
// under a commune's prefix (/x/<id>/webchat/api/messages), whose messages carry that commune.
// The browser waits for the answer, so the assistant is called directly (no outbox needed).
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  type AssistantPort,
  type PipelineObserver,
  BAD_MESSAGE_TEXT,
  TECHNICAL_PROBLEM_REPLY,
  TOO_FAST_TEXT,
  userRef,
  errText,
  addressKey,
} from '../../src/pipeline/public';
import { communeById, soleCommune, UNNAMED_SITE, type WebchatSite } from './site';

export const WEBCHAT_API_PATH = '/webchat/api/messages';
export const MAX_WEBCHAT_TEXT = 1000;
const UNKNOWN_COMMUNE_TEXT =
  'Dạ, em xin lỗi anh/chị, em không tìm thấy trang trợ lý của xã này. Anh/chị vui lòng mở lại trang từ danh sách các xã giúp em ạ. Cảm ơn anh/chị.';

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
  /** The communes with a web chat (read on every request). */
  site?: () => WebchatSite;
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

  const site = o.site ?? (() => UNNAMED_SITE);
  const answer = async (req: Request, res: Response, commune: string | null) => {
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
        ...(commune === null ? {} : { commune }),
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
  };
  const json = express.json({ limit: '16kb' });
  // One limiter for every commune's chat: the limit is per client, wherever it writes.
  router.post(WEBCHAT_API_PATH, limiter, json, (req, res) =>
    answer(req, res, soleCommune(site())?.id ?? null),
  );
  router.post(
    `/x/:commune${WEBCHAT_API_PATH}`,
    limiter,
    json,
    async (req: Request<{ commune: string }>, res) => {
      const c = communeById(site(), req.params.commune);
      if (c) await answer(req, res, c.id);
      else res.status(404).json({ error: 'unknown_commune', message: UNKNOWN_COMMUNE_TEXT });
    },
  );
  return router;
}
