import type { Reply } from '../../src/core/message';
import type { ChannelSender } from '../../src/pipeline/channel';
import { SendError } from '../../src/pipeline/errors';
import { OutboxSender } from '../../src/pipeline/sender';
import { createLogger } from '../../src/server/logger';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';
import { eventually } from '../support/fakes/test-server';

const log = createLogger('silent');

class ScriptedChannel implements ChannelSender {
  readonly channel = 'zalo' as const;
  delivered: Array<{ userId: string; text: string }> = [];
  calls = 0;
  script: Array<SendError | null> = [];
  async send(userId: string, reply: Reply) {
    this.calls++;
    const next = this.script.shift();
    if (next) throw next;
    this.delivered.push({ userId, text: reply.text });
    return { messageId: `m${this.calls}` };
  }
}

describe('OutboxSender', () => {
  let db: TmpSqlite;
  let ch: ScriptedChannel;
  let sender: OutboxSender;
  const failures: string[] = [];
  const dead: string[] = [];
  beforeEach(async () => {
    db = tmpSqlite();
    ch = new ScriptedChannel();
    sender = new OutboxSender({
      outbox: db.stores.outbox,
      contacts: db.stores.contacts,
      senders: new Map([['zalo', ch]]),
      logger: log,
      owner: 'test',
      pollMs: 10,
      backoff: { baseMs: 10, maxMs: 40, maxAttempts: 3 },
      observer: { inbound() {}, sent() {}, failed: (_c, r) => failures.push(r), deadLettered: (c) => dead.push(c) },
    });
    failures.length = 0;
    dead.length = 0;
    await db.stores.contacts.touch('zalo', 'u1', new Date(), null);
  });
  afterEach(async () => {
    await sender.stop();
    await db.cleanup();
  });

  const enqueue = (texts: string[], userId = 'u1') =>
    db.stores.outbox.enqueue(texts.map((t) => ({ channel: 'zalo' as const, userId, reply: { text: t, options: [] }, inboundReceivedAt: new Date() })), new Date());
  const states = async () => (await db.stores.outbox.list({}, 100)).map((i) => `${i.reply.text}:${i.state}`);

  it('retries retryable errors with backoff, then sends once', async () => {
    ch.script.push(new SendError('retryable', 'HTTP 502', 'http_502'), new SendError('rate_limited', 'limit', '-32'));
    await enqueue(['a']);
    await sender.start();
    await eventually(async () => (await states()).includes('a:sent'));
    expect(ch.delivered).toEqual([{ userId: 'u1', text: 'a' }]);
    expect(ch.calls).toBe(3);
  });

  it('dead-letters after the last attempt', async () => {
    ch.script.push(...[1, 2, 3].map(() => new SendError('retryable', 'HTTP 503', 'http_503')));
    await enqueue(['a']);
    await sender.start();
    await eventually(async () => (await states()).includes('a:dead'));
    const [item] = await db.stores.outbox.list({}, 1);
    expect(item!.lastError).toContain('after 3 attempts');
    expect(dead).toEqual(['zalo']);
    expect(ch.calls).toBe(3);
  });

  it.each(['window', 'unreachable', 'permanent', 'config', 'token'] as const)('never retries a %s error; marks it failed with the platform error', async (kind) => {
    ch.script.push(new SendError(kind, 'platform says no', '-230'));
    await enqueue(['a', 'b']);
    await sender.start();
    await eventually(async () => (await states()).join() === 'a:failed,b:sent');
    const [a] = await db.stores.outbox.list({ state: 'failed' }, 1);
    expect(a!.lastError).toBe(`${kind} -230: platform says no`);
    expect(ch.calls).toBe(2);
  });

  it('does not send outside the consultation window', async () => {
    await enqueue(['late'], 'u-old');
    await db.stores.contacts.touch('zalo', 'u-old', new Date(Date.now() - 8 * 86_400_000), null);
    await sender.start();
    await eventually(async () => (await states()).includes('late:failed'));
    expect(ch.calls).toBe(0);
    expect(failures).toEqual(['window']);
  });

  it('keeps per-citizen order while a citizen waits on a retry', async () => {
    ch.script.push(new SendError('retryable', 'HTTP 500', 'http_500'));
    await enqueue(['1', '2', '3']);
    await sender.start();
    await eventually(() => ch.delivered.length === 3);
    expect(ch.delivered.map((d) => d.text)).toEqual(['1', '2', '3']);
  });

  it('recovers items a dead process left in "sending"', async () => {
    await enqueue(['x']);
    const claimed = await db.stores.outbox.claimNext('dead-process', new Date(), 60_000);
    expect(claimed?.state).toBe('sending');
    await new Promise((r) => setTimeout(r, 5)); // a restart takes time
    await sender.start();
    await eventually(async () => (await states()).includes('x:sent'));
    expect(ch.delivered).toHaveLength(1);
  });
});
