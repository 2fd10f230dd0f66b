// A tiny channel used only in tests, to show that a channel is one folder plus one line in a channel list.
// POST /webhooks/echo with `X-Echo-Token` and { user, id, text }; replies land in the plugin's `delivered`.
import type { ChannelPlugin, Reply } from '../../../src/pipeline/public';

export interface EchoConfig {
  token: string;
}

export interface EchoChannel extends ChannelPlugin<EchoConfig> {
  /** Every reply the sender was asked to deliver, in order. */
  delivered: Array<{ userId: string; reply: Reply }>;
}

export function echoChannel(): EchoChannel {
  const delivered: EchoChannel['delivered'] = [];
  return {
    name: 'echo',
    path: '/webhooks/echo',
    windowMs: null,
    delivered,
    configFrom: (env) => (env['ECHO_TOKEN'] ? { token: env['ECHO_TOKEN'] } : null),
    secrets: (c) => [c.token],
    verify(req, c) {
      if (req.headers['x-echo-token'] !== c.token)
        return { kind: 'refuse', status: 401, reason: 'bad token' };
      try {
        return { kind: 'event', body: JSON.parse(req.rawBody.toString('utf8')) };
      } catch {
        return { kind: 'refuse', status: 400, reason: 'not JSON' };
      }
    },
    eventTime: () => null,
    parse(body) {
      const b = body as { user?: unknown; id?: unknown; text?: unknown };
      if (typeof b.user !== 'string' || typeof b.id !== 'string' || typeof b.text !== 'string')
        return [{ type: 'ignore', reason: 'malformed' }];
      const message = {
        channel: 'echo',
        userId: b.user,
        messageId: b.id,
        kind: 'text' as const,
        text: b.text,
      };
      return [{ type: 'message', message: { ...message, sentAt: new Date() } }];
    },
    ack: { status: 200, body: { ok: true } },
    connect: () => ({
      sender: {
        channel: 'echo',
        async send(userId, reply) {
          delivered.push({ userId, reply });
          return { messageId: `echo-${delivered.length}` };
        },
      },
      phone: null,
    }),
  };
}
