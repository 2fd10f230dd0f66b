// The Facebook Messenger channel: webhook at /webhooks/messenger, replies through the Graph Send API with
// messaging_type RESPONSE, so only within 24 hours of the citizen's last message.
import type { ChannelPlugin } from '../../src/pipeline/public';
import { MessengerApiClient } from './api-client';
import { messengerConfig, type MessengerConfig } from './config';
import { newestEntryTime, normaliseMessenger } from './normalise';
import { MessengerChannelSender } from './sender';
import { messengerHandshake, verifyMessenger } from './webhook';

export const messenger: ChannelPlugin<MessengerConfig> = {
  name: 'messenger',
  path: '/webhooks/messenger',
  windowMs: 24 * 3_600_000,
  configFrom: messengerConfig,
  secrets: (c) => [c.appSecret, c.verifyToken, c.pageAccessToken, ...c.pageTokens.values()],
  handshake: messengerHandshake,
  verify: verifyMessenger,
  eventTime: newestEntryTime,
  parse: (body) => normaliseMessenger(body),
  ack: { status: 200, type: 'text/html', body: 'EVENT_RECEIVED' },
  connect(c, d) {
    const client = (pageAccessToken: string) =>
      new MessengerApiClient({
        baseUrl: c.apiBase,
        apiVersion: c.apiVersion,
        pageAccessToken,
        appSecret: c.appSecret,
        timeoutMs: d.timeoutMs,
      });
    const pages = new Map([...c.pageTokens].map(([page, token]) => [page, client(token)]));
    const fallback = c.pageAccessToken ? client(c.pageAccessToken) : null;
    return {
      sender: new MessengerChannelSender((page) => (page && pages.get(page)) || fallback),
      phone: null,
    };
  },
};
