// One assistant thread (see assistant-threads.ts): builds the assistant as the server does — its own store
// connection, the model from the intents, the knowledge kept in sync with what staff publish — and answers
// the turns the main thread posts, one message at a time in the order posted.
import { parentPort, workerData } from 'node:worker_threads';
import type { InboundMessage } from '../core/message';
import { createLogger } from '../config/logger';
import { buildServices } from '../services/build';
import { loadConfig } from '../services/config';
import { CHANNELS } from '../../webhooks/channels';
import type { ThreadAnswer, ThreadData } from './assistant-threads';

async function serve(port: NonNullable<typeof parentPort>, data: ThreadData): Promise<void> {
  const config = loadConfig(data.env, CHANNELS);
  const services = buildServices(config, {
    logger: createLogger(config.logLevel).child({ thread: data.index }),
  });
  const assistant = await services.assistant();
  await services.knowledgeSync();
  port.on('message', (m: { id: number; msg: InboundMessage } | 'close') => {
    if (m === 'close') {
      void services.close().then(() => port.close());
      return;
    }
    assistant.turn(m.msg).then(
      (t) => {
        const answer: ThreadAnswer = {
          id: m.id,
          replies: t.replies,
          confidence: t.understanding ? t.understanding.confidence : null,
        };
        port.postMessage(answer);
      },
      (err: unknown) =>
        port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  port.postMessage('ready');
}

if (parentPort) void serve(parentPort, workerData as ThreadData);
