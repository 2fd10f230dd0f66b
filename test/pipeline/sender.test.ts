import os from 'node:os';
import type { Reply } from '../../src/core/message';
import { DEFAULT_BACKOFF } from '../../src/pipeline/backoff';
import type { ChannelSender } from '../../src/pipeline/channel';
import { SendError } from '../../src/pipeline/errors';
import { OutboxSender } from '../../src/pipeline/sender';
import { createLogger } from '../../src/config/logger';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';
import { eventually } from '../support/fakes/test-server';
import { windowsOf } from '../../src/pipeline/windows';
import { CHANNELS } from '../../webhooks/channels';

const log = createLogger('silent');

class ScriptedChannel implements ChannelSender {
  readonly channel = 'zalo' as const;
  got: Array<{ userId: string; text: string; at: number }> = [];
  calls = 0;
  script: Array<SendError | null> = [];
  /** Answers conversation look-ups from what it got; an error when the platform cannot be asked. */
  historyError: Error | null = null;
  now = () => Date.now();
  /** Sends delivered whose answer is lost (the request times out after the platform took it). */
  lostAnswers = 0;
  /** The account each send went out from (undefined = the channel's default one). */
  accounts: Array<string | undefined> = [];
  async send(userId: string, reply: Reply, account?: string) {
    this.calls++;
    this.accounts.push(account);
    const next = this.script.shift();
    if (next) throw next;
    this.got.push({ userId, text: reply.text, at: this.now() });
    if (this.lostAnswers > 0) {
      this.lostAnswers--;
      throw new SendError('retryable', 'no response (ETIMEDOUT)', 'ETIMEDOUT');
    }
    return { messageId: `m${this.calls}` };
  }
  async delivered(userId: string, reply: Reply, since: Date) {
    if (this.historyError) throw this.historyError;
    return this.got.some((g) => g.userId === userId && g.text === reply.text && g.at >= since.getTime());
  }
  get bubbles(): Array<{ userId: string; text: string }> {
    return this.got.map(({ userId, text }) => ({ userId, text }));
  }
}

/** A claim owner that is certainly dead: this host, this pid, another run. */
const DEAD_OWNER = `${os.hostname()}:${process.pid}:previous`;

describe('OutboxSender', () => {
  let db: TmpSqlite;
  let ch: ScriptedChannel;
  let sender: OutboxSender;
  const failures: string[] = [];
  const dead: string[] = [];
  const reconciled: string[] = [];
  beforeEach(async () => {
    db = tmpSqlite();
    ch = new ScriptedChannel();
    sender = new OutboxSender({
      outbox: db.stores.outbox,
      contacts: db.stores.contacts,
      windows: windowsOf(CHANNELS),
      senders: new Map([['zalo', ch]]),
      logger: log,
      owner: 'test',
      pollMs: 10,
      backoff: { baseMs: 10, maxMs: 40, maxAttempts: 3 },
      observer: {
        inbound() {},
        sent() {},
        failed: (_c, r) => failures.push(r),
        deadLettered: (c) => dead.push(c),
        reconciled: (_c, o) => reconciled.push(o),
      },
    });
    failures.length = 0;
    dead.length = 0;
    reconciled.length = 0;
    await db.stores.contacts.touch('zalo', 'u1', new Date(), null);
  });
  afterEach(async () => {
    await sender.stop();
    await db.cleanup();
  });

  const enqueue = (texts: string[], userId = 'u1') =>
    db.stores.outbox.enqueue(
      texts.map((t) => ({
        channel: 'zalo' as const,
        userId,
        reply: { text: t, options: [] },
        inboundReceivedAt: new Date(),
      })),
      new Date(),
    );
  const states = async () => (await db.stores.outbox.list({}, 100)).map((i) => `${i.reply.text}:${i.state}`);

  it('retries retryable errors with backoff, then sends once', async () => {
    ch.script.push(
      new SendError('retryable', 'HTTP 502', 'http_502'),
      new SendError('rate_limited', 'limit', '-32'),
    );
    await enqueue(['a']);
    await sender.start();
    await eventually(async () => (await states()).includes('a:sent'));
    expect(ch.bubbles).toEqual([{ userId: 'u1', text: 'a' }]);
    expect(ch.calls).toBe(3);
  });

  it("sends each reply from its commune's account; a commune without one, or no commune, uses the default", async () => {
    const routed = new OutboxSender({
      outbox: db.stores.outbox,
      contacts: db.stores.contacts,
      windows: windowsOf(CHANNELS),
      senders: new Map([['zalo', ch]]),
      accountOf: (channel, commune) => (channel === 'zalo' && commune === 'xa-b' ? 'oa-b' : null),
      logger: log,
      owner: 'test-routed',
      pollMs: 10,
    });
    await db.stores.outbox.enqueue(
      [{ commune: 'xa-b' }, { commune: 'xa-c' }, {}].map((c, i) => ({
        channel: 'zalo' as const,
        userId: 'u1',
        reply: { text: `t${i}`, options: [] },
        inboundReceivedAt: new Date(),
        ...c,
      })),
      new Date(),
    );
    await routed.start();
    try {
      await eventually(async () => (await states()).every((s) => s.endsWith(':sent')));
    } finally {
      await routed.stop();
    }
    expect(ch.accounts).toEqual(['oa-b', undefined, undefined]);
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

  it.each(['window', 'unreachable', 'permanent', 'config', 'token'] as const)(
    'never retries a %s error; marks it failed with the platform error',
    async (kind) => {
      ch.script.push(new SendError(kind, 'platform says no', '-230'));
      await enqueue(['a', 'b']);
      await sender.start();
      await eventually(async () => (await states()).join() === 'a:failed,b:sent');
      const [a] = await db.stores.outbox.list({ state: 'failed' }, 1);
      expect(a!.lastError).toBe(`${kind} -230: platform says no`);
      expect(ch.calls).toBe(2);
    },
  );

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
    await eventually(() => ch.got.length === 3);
    expect(ch.bubbles.map((d) => d.text)).toEqual(['1', '2', '3']);
  });

  it('takes back at once what a dead process left in "sending", checks the conversation, sends what is missing', async () => {
    await enqueue(['x'], 'u1');
    await enqueue(['y'], 'u2');
    await db.stores.contacts.touch('zalo', 'u2', new Date(), null);
    // The dead process sent x (the platform has it) but died before recording it; y never went out.
    await db.stores.outbox.claimNext(DEAD_OWNER, new Date(), 60_000);
    await db.stores.outbox.claimNext(DEAD_OWNER, new Date(), 60_000);
    ch.got.push({ userId: 'u1', text: 'x', at: Date.now() });
    await sender.start();
    await eventually(async () => (await states()).join() === 'x:sent,y:sent');
    expect(ch.bubbles).toEqual([
      { userId: 'u1', text: 'x' },
      { userId: 'u2', text: 'y' },
    ]);
    expect(ch.calls).toBe(1); // only y was sent
    expect(reconciled.sort()).toEqual(['delivered', 'not_delivered']);
  });

  it("a live owner's claim is not taken at start-up", async () => {
    await enqueue(['x']);
    await db.stores.outbox.claimNext('other-host:1:alive', new Date(), 60_000);
    await sender.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(await states()).toEqual(['x:sending']);
    expect(ch.calls).toBe(0);
  });

  it('a timeout after the platform took the part: the retry finds it in the conversation and sends nothing', async () => {
    ch.lostAnswers = 1;
    await enqueue(['x']);
    await sender.start();
    await eventually(async () => (await states()).includes('x:sent'));
    expect(ch.calls).toBe(1);
    expect(ch.bubbles).toEqual([{ userId: 'u1', text: 'x' }]);
    expect(reconciled).toEqual(['delivered']);
  });

  it('a refused connection never reached the platform: the retry sends without asking', async () => {
    ch.script.push(new SendError('retryable', 'no response (ECONNREFUSED)', 'ECONNREFUSED'));
    await enqueue(['x']);
    await sender.start();
    await eventually(async () => (await states()).includes('x:sent'));
    expect(ch.calls).toBe(2);
    expect(reconciled).toEqual([]);
  });

  it('when the conversation cannot be read, an uncertain item is sent again and counted', async () => {
    await enqueue(['x']);
    await db.stores.outbox.claimNext(DEAD_OWNER, new Date(), 60_000);
    ch.historyError = new Error('HTTP 500');
    await sender.start();
    await eventually(async () => (await states()).includes('x:sent'));
    expect(ch.calls).toBe(1);
    expect(reconciled).toEqual(['unknown']);
  });

  it('the default schedule outlasts a 60-second and a 2-hour outage (simulated clock)', async () => {
    for (const outageMs of [60_000, 2 * 3_600_000]) {
      let clock = Date.now();
      const now = () => new Date(clock);
      ch.now = () => clock;
      const s = new OutboxSender({
        outbox: db.stores.outbox,
        contacts: db.stores.contacts,
        windows: windowsOf(CHANNELS),
        senders: new Map([['zalo', ch]]),
        logger: log,
        owner: 'clock',
        backoff: DEFAULT_BACKOFF,
        now,
      });
      const start = clock;
      const [item] = await db.stores.outbox.enqueue(
        [
          {
            channel: 'zalo',
            userId: 'u1',
            reply: { text: `after ${outageMs}`, options: [] },
            inboundReceivedAt: now(),
          },
        ],
        now(),
      );
      await db.stores.contacts.touch('zalo', 'u1', now(), null);
      const outcomes: string[] = [];
      for (;;) {
        const claimed = await db.stores.outbox.claimNext('clock', now(), 60_000);
        if (!claimed) break;
        if (clock - start < outageMs) ch.script.push(new SendError('retryable', 'HTTP 503', 'http_503'));
        outcomes.push(await s.deliver(claimed));
        const [stored] = await db.stores.outbox.list({ state: 'pending' }, 1);
        if (!stored) break;
        clock = stored.nextAttemptAt.getTime();
      }
      expect(outcomes.at(-1)).toBe('sent');
      expect(outcomes.filter((o) => o === 'retry').length).toBeGreaterThan(1);
      expect((await db.stores.outbox.list({ userId: 'u1' }, 100)).find((i) => i.id === item!.id)?.state).toBe(
        'sent',
      );
    }
    expect(dead).toEqual([]);
  });
});
