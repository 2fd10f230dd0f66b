import os from 'node:os';
import { Ingestor } from '../../src/pipeline/ingest';
import { NULL_OBSERVER } from '../../src/pipeline/observer';
import { TECHNICAL_PROBLEM_REPLY } from '../../src/dialogue/channel-texts';
import { InboundWorker } from '../../src/pipeline/worker';
import { createLogger } from '../../src/config/logger';
import type { InboundMessage } from '../../src/core/message';
import { StubAssistant } from '../support/fakes/stub-assistant';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';
import { eventually } from '../support/fakes/test-server';

const log = createLogger('silent');
const msg = (
  id: string,
  text: string,
  userId = 'u1',
  kind: InboundMessage['kind'] = 'text',
): InboundMessage => ({
  channel: 'zalo',
  userId,
  messageId: id,
  kind,
  text,
  sentAt: new Date(),
});

describe('Ingestor + InboundWorker', () => {
  let db: TmpSqlite;
  let assistant: StubAssistant;
  let worker: InboundWorker;
  let ingestor: Ingestor;
  beforeEach(() => {
    db = tmpSqlite();
    assistant = new StubAssistant();
    worker = new InboundWorker({
      inbound: db.stores.inbound,
      outbox: db.stores.outbox,
      contacts: db.stores.contacts,
      assistant,
      logger: log,
      owner: 'w',
      pollMs: 10,
      concurrency: 4,
    });
    ingestor = new Ingestor({
      inbound: db.stores.inbound,
      contacts: db.stores.contacts,
      observer: NULL_OBSERVER,
      logger: log,
      onNew: () => worker.wake(),
    });
  });
  afterEach(async () => {
    await worker.stop();
    await db.cleanup();
  });
  const outboxTexts = async (userId = 'u1') =>
    (await db.stores.outbox.list({ userId }, 1000))
      .filter((i) => i.channel === 'zalo')
      .sort((a, b) => a.seq - b.seq)
      .map((i) => i.reply.text);

  it('dedupes by (channel, message id): a redelivery is acknowledged and not answered again', async () => {
    expect(await ingestor.accept(msg('m1', 'xin chào'))).toBe('new');
    expect(await ingestor.accept(msg('m1', 'xin chào'))).toBe('duplicate');
    expect(await ingestor.accept({ ...msg('m1', 'xin chào'), channel: 'messenger' })).toBe('new');
    await worker.start();
    await eventually(async () => (await db.stores.inbound.countPending()) === 0);
    expect(await outboxTexts()).toEqual(['Trả lời: xin chào']);
  });

  it('opens the consultation window when the message is taken, before any reply is queued', async () => {
    await ingestor.accept(msg('m1', 'a'));
    await worker.start();
    await eventually(async () => (await outboxTexts()).length === 1);
    expect(await db.stores.contacts.lastInboundAt('zalo', 'u1')).toBeInstanceOf(Date);
  });

  it("carries the message's commune to the assistant, the window and the queued replies", async () => {
    await ingestor.accept({ ...msg('m1', 'a', 'u1'), commune: 'xa-a' });
    await ingestor.accept(msg('m2', 'b', 'u2'));
    await worker.start();
    await eventually(async () => (await db.stores.inbound.countPending()) === 0);
    expect(assistant.seen.map((m) => [m.userId, m.commune])).toEqual([
      ['u1', 'xa-a'],
      ['u2', undefined],
    ]);
    const queued = await db.stores.outbox.list({}, 10);
    expect(queued.map((o) => [o.userId, o.commune])).toEqual([
      ['u1', 'xa-a'],
      ['u2', null],
    ]);
    expect((await db.stores.personalData.export('zalo', 'u1')).contact?.commune).toBe('xa-a');
  });

  it('sets the commune from the account the citizen wrote to, unless the message names one', async () => {
    const routed = new Ingestor({
      inbound: db.stores.inbound,
      contacts: db.stores.contacts,
      observer: NULL_OBSERVER,
      logger: log,
      communeOfAccount: (channel, account) => (channel === 'zalo' && account === 'oa-b' ? 'xa-b' : null),
    });
    await routed.accept({ ...msg('m1', 'a', 'u1'), account: 'oa-b' });
    await routed.accept({ ...msg('m2', 'b', 'u2'), account: 'oa-unknown' });
    await routed.accept({ ...msg('m3', 'c', 'u3'), account: 'oa-b', commune: 'xa-c' });
    const claimed = [];
    for (
      let r = await db.stores.inbound.claimNext('t', 60_000);
      r;
      r = await db.stores.inbound.claimNext('t', 60_000)
    )
      claimed.push([r.userId, r.commune]);
    expect(claimed).toEqual([
      ['u1', 'xa-b'],
      ['u2', null],
      ['u3', 'xa-c'],
    ]);
  });

  it('answers many messages of one citizen in order, concurrently across citizens', async () => {
    assistant.delayMs = 2;
    await worker.start();
    for (let i = 0; i < 30; i++) {
      await ingestor.accept(msg(`a${i}`, `câu ${i}`, 'u1'));
      await ingestor.accept(msg(`b${i}`, `câu ${i}`, 'u2'));
    }
    await eventually(async () => (await db.stores.inbound.countPending()) === 0, 10_000);
    const want = Array.from({ length: 30 }, (_, i) => `Trả lời: câu ${i}`);
    expect(await outboxTexts('u1')).toEqual(want);
    expect(await outboxTexts('u2')).toEqual(want);
  });

  it('queues every part of a split answer, in order', async () => {
    assistant.parts = 3;
    await ingestor.accept(msg('m1', 'dài'));
    await worker.start();
    await eventually(async () => (await outboxTexts()).length === 3);
    expect(await outboxTexts()).toEqual(['Trả lời: dài (1/3)', 'Trả lời: dài (2/3)', 'Trả lời: dài (3/3)']);
  });

  it('apologises when the assistant fails', async () => {
    assistant.failWith = new Error('boom');
    await ingestor.accept(msg('m1', 'hỏi'));
    await worker.start();
    await eventually(async () => (await outboxTexts()).length === 1);
    expect(await outboxTexts()).toEqual([TECHNICAL_PROBLEM_REPLY.text]);
  });

  it('a crash between queueing the answer and marking the message done does not answer it twice', async () => {
    assistant.parts = 2;
    // The first markDone is lost, as if the process died right after enqueueing.
    const inbound = {
      ...db.stores.inbound,
      markDone: jest.fn(db.stores.inbound.markDone).mockRejectedValueOnce(new Error('killed')),
    };
    worker = new InboundWorker({
      inbound,
      outbox: db.stores.outbox,
      contacts: db.stores.contacts,
      assistant,
      logger: log,
      owner: 'w',
      pollMs: 10,
      staleMs: 50,
    });
    await ingestor.accept(msg('m1', 'dài'));
    await worker.start();
    await eventually(async () => (await db.stores.inbound.countPending()) === 0);
    expect(assistant.seen).toHaveLength(2); // answered again after the claim went stale…
    expect(await outboxTexts()).toEqual(['Trả lời: dài (1/2)', 'Trả lời: dài (2/2)']); // …but queued once
  });

  it('after answering, lets news that waited for the window be queued', async () => {
    const answered: string[] = [];
    worker = new InboundWorker({
      inbound: db.stores.inbound,
      outbox: db.stores.outbox,
      contacts: db.stores.contacts,
      assistant,
      logger: log,
      owner: 'w',
      pollMs: 10,
      onAnswered: async (channel, userId) => {
        answered.push(`${channel}:${userId}:${(await outboxTexts(userId)).length}`);
        throw new Error('store down'); // logged; never undoes the answer
      },
    });
    await ingestor.accept(msg('m1', 'a'));
    await worker.start();
    await eventually(() => answered.length === 1);
    expect(answered).toEqual(['zalo:u1:1']);
    expect(await db.stores.inbound.countPending()).toBe(0);
  });

  it('takes back at once, at start-up, the messages a dead process left in "processing"', async () => {
    await ingestor.accept(msg('m1', 'một'));
    await ingestor.accept(msg('m2', 'hai'));
    // This host, this pid, another run: certainly dead (the stale timeout stays at its 120 s default).
    expect(
      await db.stores.inbound.claimNext(`${os.hostname()}:${process.pid}:previous`, 60_000),
    ).not.toBeNull();
    worker = new InboundWorker({
      inbound: db.stores.inbound,
      outbox: db.stores.outbox,
      contacts: db.stores.contacts,
      assistant,
      logger: log,
      owner: 'w',
      pollMs: 10,
    });
    await worker.start();
    await eventually(async () => (await db.stores.inbound.countPending()) === 0);
    expect(await outboxTexts()).toEqual(['Trả lời: một', 'Trả lời: hai']);
  });
});
