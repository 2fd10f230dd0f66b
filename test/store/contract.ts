// One behaviour contract for every storage engine: sqlite.test.ts and mongo.test.ts run it unchanged.
import { StoreInputError } from '../../src/store/guard';
import type { Dossier, InboundRecord, NewInbound, OutboxItem, Stores } from '../../src/store/ports';

/** A fresh, empty database; each open() returns another independent handle/connection on it. */
export interface ContractDatabase {
  open(): Promise<Stores>;
  drop(): Promise<void>;
}

const T0 = new Date('2025-11-18T02:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const CODE = '000.00.15.H12-251118-0007';
const HOUR = 60 * 60_000;

function dossier(over: Partial<Dossier> = {}): Dossier {
  return {
    code: CODE,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: '0912345678',
    receivedAt: at(0),
    dueAt: at(60 * 24 * 3),
    status: 'received',
    reason: null,
    note: 'Mang theo giấy hẹn khi đến nhận.',
    history: [{ status: 'received', at: at(0), note: null }],
    updatedAt: at(0),
    ...over,
  };
}

function inbound(messageId: string, minutes = 0, userId = 'u1'): NewInbound {
  return {
    channel: 'zalo',
    messageId,
    userId,
    kind: 'text',
    text: `tin nhắn ${messageId}`,
    displayName: null,
    sentAt: at(minutes),
    receivedAt: at(minutes),
  };
}

const part = (userId: string, text: string) => ({
  channel: 'messenger' as const,
  userId,
  reply: { text, options: [] },
  inboundReceivedAt: null,
});

const sourced = (userId: string, text: string, source: string) => ({ ...part(userId, text), source });

/** A tuple of N items. */
type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Tuple<T, N, [...R, T]>;

/** The items of a result whose length the test knows: a different length fails the test there. */
function exactly<T, N extends number>(n: N, items: T[]): Tuple<T, N> {
  expect(items).toHaveLength(n);
  return items as Tuple<T, N>;
}

/** Claim until empty, alternating between handles concurrently; returns every claimed item. */
async function drain<R>(claimers: Array<() => Promise<R | null>>): Promise<R[]> {
  const got: R[] = [];
  await Promise.all(
    claimers.map(async (claim) => {
      for (let r = await claim(); r !== null; r = await claim()) got.push(r);
    }),
  );
  return got;
}

// Anything that would be a query operator or an injection if it reached an engine unchecked.
const HOSTILE: unknown[] = [{ $gt: '' }, { $ne: null }, ['a'], 42, null, undefined];

export function runStoreContract(engine: string, newDatabase: () => Promise<ContractDatabase>): void {
  describe(`store contract: ${engine}`, () => {
    let database: ContractDatabase;
    let opened: Stores[];
    let s: Stores;
    const open = async () => {
      const handle = await database.open();
      opened.push(handle);
      return handle;
    };

    beforeEach(async () => {
      database = await newDatabase();
      opened = [];
      s = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.map((h) => h.close()));
      await database.drop();
    });

    describe('dossiers', () => {
      test('upsert creates, then replaces by code; get returns what was stored', async () => {
        expect(await s.dossiers.get(CODE)).toBeNull();
        expect(await s.dossiers.upsert(dossier())).toEqual({ created: true });
        expect(await s.dossiers.get(CODE)).toEqual(dossier());
        const changed = dossier({
          status: 'processing',
          phone: null,
          history: [...dossier().history, { status: 'processing', at: at(5), note: 'chuyển phòng' }],
        });
        expect(await s.dossiers.upsert(changed)).toEqual({ created: false });
        expect(await s.dossiers.get(CODE)).toEqual(changed);
        expect(await s.dossiers.count()).toBe(1);
      });

      test('countByAgency counts the dossiers of the statuses due before the instant, per agency code', async () => {
        const due = at(60 * 24 * 3);
        await s.dossiers.upsertMany([
          dossier(),
          dossier({ code: '000.00.15.H12-251118-0008', status: 'processing', dueAt: at(60) }),
          dossier({ code: '000.00.16.H12-251118-0001' }),
          dossier({ code: '000.00.16.H12-251118-0002', status: 'returned' }),
          dossier({ code: 'H12.28-251118-0003', dueAt: at(60 * 24 * 4) }),
        ]);
        const held = { statuses: ['received' as const, 'processing' as const] };
        expect(await s.dossiers.countByAgency({ ...held, dueBefore: new Date(due.getTime() + 1) })).toEqual([
          { agency: '000.00.15.H12', count: 2 },
          { agency: '000.00.16.H12', count: 1 },
        ]);
        expect(await s.dossiers.countByAgency({ ...held, dueBefore: due })).toEqual([
          { agency: '000.00.15.H12', count: 1 },
        ]);
        expect(await s.dossiers.countByAgency({ statuses: [], dueBefore: at(99_999) })).toEqual([]);
      });

      test('getMany returns the stored dossiers among the codes asked, unknown ones left out', async () => {
        const other = '000.00.15.H12-251118-0008';
        await s.dossiers.upsert(dossier());
        await s.dossiers.upsert(dossier({ code: other, status: 'processing' }));
        const found = await s.dossiers.getMany([other, '000.00.15.H12-251118-9999', CODE]);
        expect(found.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
          dossier(),
          dossier({ code: other, status: 'processing' }),
        ]);
        expect(await s.dossiers.getMany([])).toEqual([]);
        await expect(s.dossiers.getMany([CODE, { $gt: '' } as unknown as string])).rejects.toThrow(
          StoreInputError,
        );
        await expect(s.dossiers.getMany({ $in: [CODE] } as unknown as string[])).rejects.toThrow(
          /codes must be an array/,
        );
      });

      test('setStatus appends history, keeps the reason only for statuses that carry one', async () => {
        await s.dossiers.upsert(dossier());
        const suspended = await s.dossiers.setStatus(CODE, 'suspended', 'Chờ nộp lệ phí', at(10));
        expect(suspended).toMatchObject({ status: 'suspended', reason: 'Chờ nộp lệ phí', updatedAt: at(10) });
        const processing = await s.dossiers.setStatus(CODE, 'processing', null, at(20));
        expect(processing?.reason).toBeNull();
        expect(processing?.history).toEqual([
          { status: 'received', at: at(0), note: null },
          { status: 'suspended', at: at(10), note: 'Chờ nộp lệ phí' },
          { status: 'processing', at: at(20), note: null },
        ]);
        expect(await s.dossiers.get(CODE)).toEqual(processing);
        expect(
          await s.dossiers.setStatus('000.00.15.H12-251118-9999', 'processing', null, at(30)),
        ).toBeNull();
      });

      test('an object or other non-string where a code is expected is refused, never used as a query', async () => {
        await s.dossiers.upsert(dossier());
        for (const bad of HOSTILE) {
          await expect(s.dossiers.get(bad as string)).rejects.toThrow(StoreInputError);
          await expect(s.dossiers.setStatus(bad as string, 'returned', null, at(1))).rejects.toThrow(
            StoreInputError,
          );
          await expect(s.subscriptions.forCode(bad as string)).rejects.toThrow(StoreInputError);
        }
        await expect(
          s.dossiers.upsert({ ...dossier(), code: { $gt: '' } } as unknown as Dossier),
        ).rejects.toThrow(/code must be a string/);
        await expect(s.dossiers.setStatus(CODE, 'lost' as never, null, at(1))).rejects.toThrow(
          /status must be one of/,
        );
        await expect(s.dossiers.upsert(dossier({ receivedAt: new Date('nope') }))).rejects.toThrow(
          /receivedAt/,
        );
        expect(await s.dossiers.get(CODE)).toEqual(dossier());
      });

      test('SQL/JS-looking strings are plain data', async () => {
        expect(await s.dossiers.get("' OR '1'='1")).toBeNull();
        expect(await s.dossiers.get('this.code != ""')).toBeNull();
        await s.dossiers.upsert(dossier({ note: "'); DROP TABLE dossiers; --", applicantName: '$where' }));
        expect(await s.dossiers.get(CODE)).toMatchObject({
          note: "'); DROP TABLE dossiers; --",
          applicantName: '$where',
        });
      });
    });

    describe('conversations', () => {
      test('save and load opaque state, any keys', async () => {
        expect(await s.conversations.load('zalo:u1')).toBeNull();
        const state = { step: 'ask_code', 'a.b': 1, $set: { x: [1, 'hai'] }, nested: { when: '2025-01-01' } };
        await s.conversations.save('zalo:u1', state);
        expect(await s.conversations.load('zalo:u1')).toEqual(state);
        await s.conversations.save('zalo:u1', { step: 'done' });
        expect(await s.conversations.load('zalo:u1')).toEqual({ step: 'done' });
        await expect(s.conversations.load({ $ne: 'x' } as unknown as string)).rejects.toThrow(
          StoreInputError,
        );
      });
    });

    describe('inbound', () => {
      test('a redelivered (channel, messageId) is not stored twice', async () => {
        const first = await s.inbound.insertIfNew(inbound('m1'));
        expect(first).toMatchObject({
          messageId: 'm1',
          state: 'pending',
          text: 'tin nhắn m1',
          sentAt: at(0),
        });
        expect(await s.inbound.insertIfNew(inbound('m1'))).toBeNull();
        expect(await s.inbound.insertIfNew({ ...inbound('m1'), channel: 'messenger' })).not.toBeNull();
        expect(await s.inbound.countPending()).toBe(2);
      });

      test('deliveries in flight at the same time: each new message stored once, every redelivery refused', async () => {
        const ids = ['c1', 'c2', 'c1', 'c3', 'c2', 'c1', 'c4'];
        const results = await Promise.all(ids.map((id) => s.inbound.insertIfNew(inbound(id))));
        // Which of the simultaneous copies wins is the engine's business; that exactly one does is ours.
        const stored = results.filter((r) => r !== null).map((r) => r.messageId);
        expect(stored.sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
        expect(await s.inbound.countPending()).toBe(4);
      });

      test('claims oldest first; done messages are not claimed again', async () => {
        await s.inbound.insertIfNew(inbound('late', 5, 'u2'));
        await s.inbound.insertIfNew(inbound('early', 1));
        const a = await s.inbound.claimNext('w1', 60_000);
        expect(a).toMatchObject({ messageId: 'early', state: 'processing' });
        const b = await s.inbound.claimNext('w1', 60_000);
        expect(b?.messageId).toBe('late');
        expect(await s.inbound.claimNext('w1', 60_000)).toBeNull();
        await s.inbound.markDone(a!.id);
        expect(await s.inbound.countPending()).toBe(1);
        await s.inbound.markDone(b!.id);
        expect(await s.inbound.countPending()).toBe(0);
        expect(await s.inbound.claimNext('w1', 0)).toBeNull();
        await expect(s.inbound.markDone({ $ne: '' } as unknown as string)).rejects.toThrow(StoreInputError);
        await s.inbound.markDone('not-an-id'); // unknown ids are ignored
      });

      test('two handles claiming concurrently never get the same message', async () => {
        const other = await open();
        for (let i = 0; i < 40; i++)
          await (i % 2 ? s : other).inbound.insertIfNew(inbound(`c${i}`, i, `u${i % 5}`));
        // Each worker finishes what it claims (a citizen's next message is claimable only then).
        const worker = (h: Stores, name: string) => async (): Promise<InboundRecord | null> => {
          const r = await h.inbound.claimNext(name, 60_000);
          if (r) await h.inbound.markDone(r.id);
          return r;
        };
        const got: InboundRecord[] = [];
        while ((await s.inbound.countPending()) > 0) {
          got.push(
            ...(await drain([worker(s, 'a'), worker(other, 'b'), worker(s, 'c'), worker(other, 'd')])),
          );
        }
        expect(got).toHaveLength(40);
        expect(new Set(got.map((r) => r.messageId)).size).toBe(40);
      });

      test("a citizen's later message waits until the earlier one is done, on every handle", async () => {
        const other = await open();
        await s.inbound.insertIfNew(inbound('a1', 0, 'A'));
        await s.inbound.insertIfNew(inbound('a2', 1, 'A'));
        await s.inbound.insertIfNew(inbound('b1', 2, 'B'));
        const first = await s.inbound.claimNext('w1', 60_000);
        expect(first?.messageId).toBe('a1');
        expect((await other.inbound.claimNext('w2', 60_000))?.messageId).toBe('b1'); // a2 waits behind a1
        expect(await other.inbound.claimNext('w2', 60_000)).toBeNull();
        // An abandoned head is taken again before anything behind it.
        expect((await other.inbound.claimNext('w2', 0))?.messageId).toBe('a1');
        await other.inbound.markDone(first!.id);
        expect((await s.inbound.claimNext('w1', 60_000))?.messageId).toBe('a2');
      });

      test('a message claimed by a process that died is claimed again after restart once stale', async () => {
        await s.inbound.insertIfNew(inbound('m1'));
        const claimed = await s.inbound.claimNext('dead-worker', 60_000);
        await s.close();
        const restarted = await open();
        expect(await restarted.inbound.claimNext('new-worker', 60 * 60_000)).toBeNull(); // not stale yet
        const again = await restarted.inbound.claimNext('new-worker', 0);
        expect(again?.id).toBe(claimed?.id);
        expect(await restarted.inbound.countPending()).toBe(1);
      });

      test("a dead owner's messages go back at once; a live owner's stay claimed", async () => {
        await s.inbound.insertIfNew(inbound('d1', 0, 'A'));
        await s.inbound.insertIfNew(inbound('l1', 1, 'B'));
        await s.inbound.claimNext('dead', 60_000);
        await s.inbound.claimNext('alive', 60_000);
        expect((await s.inbound.claimOwners()).sort()).toEqual(['alive', 'dead']);
        expect(await s.inbound.release(['dead'])).toBe(1);
        expect(await s.inbound.claimOwners()).toEqual(['alive']);
        expect((await s.inbound.claimNext('new', 60 * 60_000))?.messageId).toBe('d1');
        expect(await s.inbound.claimNext('new', 60 * 60_000)).toBeNull();
      });
    });

    describe('outbox', () => {
      test('enqueue keeps order per citizen', async () => {
        const items = await s.outbox.enqueue([part('A', 'một'), part('A', 'hai'), part('B', 'ba')], at(0));
        const [one, two] = exactly(3, items);
        expect(items.map((i) => [i.userId, i.reply.text, i.state, i.attempts])).toEqual([
          ['A', 'một', 'pending', 0],
          ['A', 'hai', 'pending', 0],
          ['B', 'ba', 'pending', 0],
        ]);
        const [more] = exactly(1, await s.outbox.enqueue([part('A', 'bốn')], at(1)));
        expect(one.seq).toBeLessThan(two.seq);
        expect(two.seq).toBeLessThan(more.seq);
        expect(more).toMatchObject({
          nextAttemptAt: at(1),
          createdAt: at(1),
          lastError: null,
          inboundReceivedAt: null,
        });
        expect(await s.outbox.depth()).toBe(4);
        expect((await s.outbox.list({ userId: 'A' }, 10)).map((i) => i.reply.text)).toEqual([
          'một',
          'hai',
          'bốn',
        ]);
      });

      test('concurrent enqueues for one citizen from two handles get distinct places', async () => {
        const other = await open();
        const batches = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 ? s : other).outbox.enqueue([part('A', `${i}a`), part('A', `${i}b`)], at(0)),
          ),
        );
        const seqs = batches.flat().map((it) => it.seq);
        expect(new Set(seqs).size).toBe(20);
        for (const batch of batches) {
          const [a, b] = exactly(2, batch);
          expect(a.seq).toBeLessThan(b.seq);
        } // parts of one answer stay in order
      });

      test("a citizen's later part waits until the earlier one is finished", async () => {
        const [a1, a2] = exactly(2, await s.outbox.enqueue([part('A', 'a1'), part('A', 'a2')], at(0)));
        const [b1] = exactly(1, await s.outbox.enqueue([part('B', 'b1')], at(0)));
        const first = await s.outbox.claimNext('w', at(1), HOUR);
        const second = await s.outbox.claimNext('w', at(1), HOUR);
        expect([first?.id, second?.id].sort()).toEqual([a1.id, b1.id].sort());
        expect(first?.state).toBe('sending');
        expect(await s.outbox.claimNext('w', at(1), HOUR)).toBeNull(); // a2 waits behind a1

        await s.outbox.retryLater(a1.id, 'HTTP 503', at(10), null);
        expect(await s.outbox.claimNext('w', at(2), HOUR)).toBeNull(); // a1 not due, a2 still waits
        const retried = await s.outbox.claimNext('w', at(10), HOUR);
        expect(retried).toMatchObject({ id: a1.id, attempts: 2, lastError: 'HTTP 503' });
        await s.outbox.markSent(a1.id, at(10), null);
        expect((await s.outbox.claimNext('w', at(10), HOUR))?.id).toBe(a2.id);
        await s.outbox.markFinal(a2.id, 'dead', 'gave up');
        await s.outbox.markSent(b1.id, at(10), null);
        expect(await s.outbox.depth()).toBe(0);
        expect((await s.outbox.list({ state: 'dead' }, 10)).map((i) => [i.id, i.lastError])).toEqual([
          [a2.id, 'gave up'],
        ]);
        expect(await s.outbox.list({ state: 'sent' }, 10)).toHaveLength(2);
      });

      test('two handles sending concurrently: each item once, each citizen in order', async () => {
        const other = await open();
        for (let round = 0; round < 4; round++) {
          for (let u = 0; u < 8; u++)
            await (u % 2 ? s : other).outbox.enqueue([part(`u${u}`, `${round}`)], at(round));
        }
        const sentOrder = new Map<string, string[]>();
        const worker = (h: Stores, name: string) => async (): Promise<OutboxItem | null> => {
          const item = await h.outbox.claimNext(name, at(10), 60_000);
          if (item) {
            sentOrder.set(item.userId, [...(sentOrder.get(item.userId) ?? []), item.reply.text]);
            await h.outbox.markSent(item.id, at(10), null);
          }
          return item;
        };
        // A worker that finds nothing claimable may stop early while others finish; loop until drained.
        const got: OutboxItem[] = [];
        while ((await s.outbox.depth()) > 0) {
          got.push(
            ...(await drain([worker(s, 'a'), worker(other, 'b'), worker(s, 'c'), worker(other, 'd')])),
          );
        }
        expect(got).toHaveLength(32);
        expect(new Set(got.map((i) => i.id)).size).toBe(32);
        for (const texts of sentOrder.values()) expect(texts).toEqual(['0', '1', '2', '3']);
      });

      test('an item left in sending by a dead process is sent again after restart once stale', async () => {
        const [item] = exactly(1, await s.outbox.enqueue([part('A', 'x')], at(0)));
        await s.outbox.claimNext('dead', at(1), 60_000);
        await s.close();
        const restarted = await open();
        expect(await restarted.outbox.claimNext('new', at(1.5), 60_000)).toBeNull();
        const again = await restarted.outbox.claimNext('new', at(2), 60_000);
        expect(again).toMatchObject({ id: item.id, attempts: 2, state: 'sending' });
      });

      test('an item a dead owner held goes back at once, uncertain since its claim; sent clears it and keeps the id', async () => {
        const [x] = exactly(1, await s.outbox.enqueue([part('A', 'x')], at(0)));
        await s.outbox.enqueue([part('B', 'y')], at(0));
        await s.outbox.claimNext('dead', at(1), HOUR);
        await s.outbox.claimNext('alive', at(1), HOUR);
        expect((await s.outbox.claimOwners()).sort()).toEqual(['alive', 'dead']);
        expect(await s.outbox.release(['dead'], at(2))).toBe(1);
        const again = await s.outbox.claimNext('new', at(2), HOUR);
        expect(again).toMatchObject({ id: x.id, attempts: 2, uncertainSince: at(1), messageId: null });
        await s.outbox.markSent(x.id, at(3), 'mid-1');
        expect((await s.outbox.list({ userId: 'A' }, 1))[0]).toMatchObject({
          state: 'sent',
          uncertainSince: null,
          messageId: 'mid-1',
        });
      });

      test('a stale sending item claimed again is uncertain; a definite failure clears that', async () => {
        const [x] = exactly(1, await s.outbox.enqueue([part('A', 'x')], at(0)));
        await s.outbox.claimNext('dead', at(1), 60_000);
        expect(await s.outbox.claimNext('new', at(3), 60_000)).toMatchObject({
          id: x.id,
          uncertainSince: at(1),
        });
        await s.outbox.retryLater(x.id, 'HTTP 503', at(4), null);
        expect(await s.outbox.claimNext('new', at(4), 60_000)).toMatchObject({
          id: x.id,
          uncertainSince: null,
          attempts: 3,
        });
        // A timeout may have been delivered: the item stays uncertain since that attempt (the earliest kept).
        await s.outbox.retryLater(x.id, 'no response (ETIMEDOUT)', at(5), at(4));
        await s.outbox.claimNext('new', at(5), 60_000);
        await s.outbox.retryLater(x.id, 'no response (ECONNRESET)', at(6), at(5));
        expect(await s.outbox.claimNext('new', at(6), 60_000)).toMatchObject({
          id: x.id,
          uncertainSince: at(4),
          attempts: 5,
        });
      });

      test('counts by state; staff send a dead item again with a fresh attempt count', async () => {
        const [x, y] = exactly(2, await s.outbox.enqueue([part('A', 'x'), part('B', 'y')], at(0)));
        await s.outbox.claimNext('w', at(1), HOUR);
        await s.outbox.markFinal(x.id, 'dead', 'gave up');
        expect(await s.outbox.countByState()).toEqual({
          pending: 1,
          sending: 0,
          sent: 0,
          failed: 0,
          dead: 1,
        });
        expect(await s.outbox.get(x.id)).toMatchObject({ id: x.id, state: 'dead', lastError: 'gave up' });
        expect(await s.outbox.get('999999')).toBeNull();
        expect(await s.outbox.requeue(y.id, at(2))).toBeNull(); // not dead or failed
        expect(await s.outbox.requeue(x.id, at(2))).toMatchObject({
          id: x.id,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: at(2),
        });
        await s.outbox.markSent(y.id, at(2), null);
        expect(await s.outbox.claimNext('w', at(2), HOUR)).toMatchObject({ id: x.id, attempts: 1 });
      });

      test('a source is queued once: re-processing a message returns the stored parts', async () => {
        const answer = [sourced('A', 'một', 'inbound:7:0'), sourced('A', 'hai', 'inbound:7:1')];
        const first = await s.outbox.enqueue(answer, at(0));
        expect(first.map((i) => i.source)).toEqual(['inbound:7:0', 'inbound:7:1']);
        const again = await s.outbox.enqueue(answer, at(1));
        expect(again).toEqual(first);
        // A crash after the first part: re-processing queues only the missing one, after it.
        const [head] = exactly(1, await s.outbox.enqueue([sourced('A', 'ba', 'inbound:8:0')], at(2)));
        const [resumedHead, resumedTail] = exactly(
          2,
          await s.outbox.enqueue(
            [sourced('A', 'ba', 'inbound:8:0'), sourced('A', 'bốn', 'inbound:8:1')],
            at(3),
          ),
        );
        expect(resumedHead).toEqual(head);
        expect(resumedTail.seq).toBeGreaterThan(head.seq);
        // Parts without a source are never taken for one another.
        await s.outbox.enqueue([part('A', 'năm')], at(4));
        await s.outbox.enqueue([part('A', 'năm')], at(4));
        expect((await s.outbox.list({ userId: 'A' }, 10)).map((i) => [i.reply.text, i.source])).toEqual([
          ['một', 'inbound:7:0'],
          ['hai', 'inbound:7:1'],
          ['ba', 'inbound:8:0'],
          ['bốn', 'inbound:8:1'],
          ['năm', null],
          ['năm', null],
        ]);
        // A sent item still holds its source: a late re-processing does not send it again.
        const [firstPart] = exactly(2, first);
        const [firstSource] = exactly(2, answer);
        await s.outbox.markSent(firstPart.id, at(5), null);
        expect(exactly(1, await s.outbox.enqueue([firstSource], at(6)))[0]).toMatchObject({
          id: firstPart.id,
          state: 'sent',
        });
      });

      test('two handles re-processing one message concurrently queue each part once', async () => {
        const other = await open();
        const answer = [sourced('A', 'một', 'inbound:9:0'), sourced('A', 'hai', 'inbound:9:1')];
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 ? s : other).outbox.enqueue(answer, at(0))),
        );
        expect(await s.outbox.depth()).toBe(2);
        const ids = (await s.outbox.list({ userId: 'A' }, 10)).map((i) => i.id);
        for (const r of results) expect(r.map((i) => i.id)).toEqual(ids);
      });

      test('bad input is refused', async () => {
        await expect(
          s.outbox.enqueue([{ ...part('A', 'x'), source: { $ne: '' } as unknown as string }], at(0)),
        ).rejects.toThrow(/source must be a string/);
        await expect(s.outbox.list({ userId: { $ne: '' } as unknown as string }, 10)).rejects.toThrow(
          StoreInputError,
        );
        await expect(s.outbox.claimNext('w', 'now' as unknown as Date, 0)).rejects.toThrow(
          /now must be a valid Date/,
        );
        await expect(s.outbox.markFinal('1', 'sent' as never, '')).rejects.toThrow(StoreInputError);
      });
    });

    describe('small ports', () => {
      test('tokens', async () => {
        expect(await s.tokens.get('zalo')).toBeNull();
        await s.tokens.put('zalo', { accessToken: 'a1', refreshToken: 'r1', expiresAt: at(60) });
        await s.tokens.put('zalo', { accessToken: 'a2', refreshToken: 'r2', expiresAt: at(120) });
        expect(await s.tokens.get('zalo')).toEqual({
          accessToken: 'a2',
          refreshToken: 'r2',
          expiresAt: at(120),
        });
      });

      test('token lease: one holder at a time, taken over once it runs out, released only by its holder', async () => {
        expect(await s.tokens.lease('zalo:1', 'a', at(0), at(60))).toBe(false); // no pair stored
        await s.tokens.put('zalo:1', { accessToken: 'a1', refreshToken: 'r1', expiresAt: at(60) });
        // Two instances race for it: exactly one wins.
        const race = await Promise.all([
          s.tokens.lease('zalo:1', 'a', at(0), at(60)),
          s.tokens.lease('zalo:1', 'b', at(0), at(60)),
        ]);
        expect(race.filter(Boolean)).toHaveLength(1);
        const [winner, loser] = race[0] ? ['a', 'b'] : ['b', 'a'];
        expect(await s.tokens.lease('zalo:1', loser, at(30), at(90))).toBe(false);
        expect(await s.tokens.lease('zalo:1', winner, at(30), at(90))).toBe(true); // extended
        await s.tokens.release('zalo:1', loser); // not the loser's to give back
        expect(await s.tokens.lease('zalo:1', loser, at(60), at(120))).toBe(false);
        expect(await s.tokens.lease('zalo:1', loser, at(90), at(150))).toBe(true); // ran out
        await s.tokens.put('zalo:1', { accessToken: 'a2', refreshToken: 'r2', expiresAt: at(120) });
        expect(await s.tokens.lease('zalo:1', winner, at(100), at(160))).toBe(false); // a put keeps it
        await s.tokens.release('zalo:1', loser);
        expect(await s.tokens.lease('zalo:1', winner, at(100), at(160))).toBe(true);
        expect(await s.tokens.get('zalo:1')).toEqual({
          accessToken: 'a2',
          refreshToken: 'r2',
          expiresAt: at(120),
        });
      });

      test('contacts keep the latest inbound time and a known name', async () => {
        expect(await s.contacts.lastInboundAt('zalo', 'u1')).toBeNull();
        await s.contacts.touch('zalo', 'u1', at(10), 'An');
        await s.contacts.touch('zalo', 'u1', at(5), null); // late delivery of an older message
        expect(await s.contacts.lastInboundAt('zalo', 'u1')).toEqual(at(10));
        await s.contacts.touch('zalo', 'u1', at(20), null);
        expect(await s.contacts.lastInboundAt('zalo', 'u1')).toEqual(at(20));
        expect(await s.contacts.lastInboundAt('messenger', 'u1')).toBeNull();
      });

      test('unanswered questions are grouped, most frequent first', async () => {
        const q = (text: string, normalized: string, minutes: number) =>
          s.unanswered.add({
            text,
            normalized,
            intent: 'out_of_scope',
            procedure: null,
            aspect: null,
            confidence: 0.2,
            channel: 'web',
            at: at(minutes),
          });
        await q('Cho hỏi giá vàng?', 'gia vang', 1);
        await q('Nuôi chó có phải đăng ký?', 'nuoi cho dang ky', 2);
        await q('giá vàng hôm nay', 'gia vang', 3);
        expect(await s.unanswered.grouped(10)).toEqual([
          { normalized: 'gia vang', commune: null, example: 'Cho hỏi giá vàng?', count: 2, lastAt: at(3) },
          {
            normalized: 'nuoi cho dang ky',
            commune: null,
            example: 'Nuôi chó có phải đăng ký?',
            count: 1,
            lastAt: at(2),
          },
        ]);
        expect(await s.unanswered.grouped(1)).toHaveLength(1);
      });

      test('analytics between is half-open and ordered', async () => {
        const e = (minutes: number) => ({
          type: 'lookup' as const,
          channel: 'zalo' as const,
          intent: 'status_lookup' as const,
          procedure: null,
          aspect: null,
          at: at(minutes),
        });
        for (const m of [3, 1, 2, 5]) await s.analytics.record(e(m));
        expect((await s.analytics.between(at(1), at(5))).map((x) => x.at)).toEqual([at(1), at(2), at(3)]);
      });

      test('subscriptions are idempotent and remember the last notified status', async () => {
        await s.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1' }, at(1));
        await s.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1' }, at(2));
        await s.subscriptions.add({ code: CODE, channel: 'web', userId: 'w9' }, at(3));
        await s.subscriptions.markNotified(CODE, 'zalo', 'u1', 'result_ready');
        expect(await s.subscriptions.forCode(CODE)).toEqual([
          {
            code: CODE,
            channel: 'zalo',
            userId: 'u1',
            createdAt: at(1),
            lastNotifiedStatus: 'result_ready',
            commune: null,
          },
          {
            code: CODE,
            channel: 'web',
            userId: 'w9',
            createdAt: at(3),
            lastNotifiedStatus: null,
            commune: null,
          },
        ]);
        expect(await s.subscriptions.forCode('000.00.15.H12-251118-0001')).toEqual([]);
      });

      test("a citizen's subscriptions, oldest first", async () => {
        const other = '000.00.15.H12-251118-0001';
        await s.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1' }, at(2));
        await s.subscriptions.add({ code: other, channel: 'zalo', userId: 'u1' }, at(1));
        await s.subscriptions.add({ code: CODE, channel: 'messenger', userId: 'u1' }, at(3));
        expect((await s.subscriptions.forUser('zalo', 'u1')).map((x) => x.code)).toEqual([other, CODE]);
        expect(await s.subscriptions.forUser('zalo', 'u2')).toEqual([]);
        await expect(s.subscriptions.forUser('zalo', { $ne: '' } as unknown as string)).rejects.toThrow(
          StoreInputError,
        );
      });

      test('complaints get distinct ids', async () => {
        const a = await s.complaints.add({ channel: 'web', userId: 'u1', text: 'Chờ lâu quá', at: at(1) });
        const b = await s.complaints.add({ channel: 'web', userId: 'u1', text: 'Vẫn chưa có', at: at(2) });
        expect(typeof a).toBe('string');
        expect(a).not.toBe(b);
      });
    });

    describe('communes', () => {
      // Each record keeps the commune it was written for; a record written without one (as before
      // communes existed) reads back null, the default commune.
      test('inbound messages and outbox items keep their commune through claiming', async () => {
        await s.inbound.insertIfNew({ ...inbound('m1', 1), commune: 'xa-a' });
        await s.inbound.insertIfNew(inbound('m2', 2, 'u2'));
        expect((await s.inbound.claimNext('w1', 60_000))?.commune).toBe('xa-a');
        expect((await s.inbound.claimNext('w1', 60_000))?.commune).toBeNull();
        const [a, b] = exactly(
          2,
          await s.outbox.enqueue([{ ...part('u1', 'Dạ'), commune: 'xa-b' }, part('u2', 'Vâng')], at(1)),
        );
        expect([a.commune, b.commune]).toEqual(['xa-b', null]);
        const claimed = await drain([() => s.outbox.claimNext('w1', at(2), 60_000)]);
        expect(claimed.map((o) => [o.userId, o.commune])).toEqual([
          ['u1', 'xa-b'],
          ['u2', null],
        ]);
        expect((await s.outbox.get(a.id))?.commune).toBe('xa-b');
      });

      test('hand-offs, analytics, subscriptions, complaints and contacts keep the commune', async () => {
        const { handoff } = await s.handoffs.open(
          { channel: 'zalo', userId: 'u1', displayName: null, reason: 'asked', commune: 'xa-a' },
          at(1),
        );
        expect(handoff.commune).toBe('xa-a');
        expect((await s.handoffs.get(handoff.id))?.commune).toBe('xa-a');
        const plain = await s.handoffs.open(
          { channel: 'zalo', userId: 'u2', displayName: null, reason: 'asked' },
          at(1),
        );
        expect(plain.handoff.commune).toBeNull();

        const event = {
          type: 'message' as const,
          channel: 'zalo',
          intent: null,
          procedure: null,
          aspect: null,
        };
        await s.analytics.record({ ...event, at: at(1), commune: 'xa-b' });
        await s.analytics.record({ ...event, at: at(2) });
        expect((await s.analytics.between(at(0), at(3))).map((e) => e.commune)).toEqual(['xa-b', null]);

        await s.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1', commune: 'xa-a' }, at(1));
        await s.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u2' }, at(2));
        expect((await s.subscriptions.forCode(CODE)).map((x) => x.commune)).toEqual(['xa-a', null]);

        await s.complaints.add({
          channel: 'zalo',
          userId: 'u1',
          text: 'Chờ lâu',
          at: at(1),
          commune: 'xa-a',
        });
        // The commune follows the citizen's latest message, not a late delivery of an older one.
        await s.contacts.touch('zalo', 'u1', at(5), null, 'xa-a');
        await s.contacts.touch('zalo', 'u1', at(3), null, 'xa-b');
        const data = await s.personalData.export('zalo', 'u1');
        expect(data.complaints.map((c) => c.commune)).toEqual(['xa-a']);
        expect(data.contact).toEqual({ lastInboundAt: at(5), displayName: null, commune: 'xa-a' });
        await s.contacts.touch('zalo', 'u1', at(6), null, 'xa-b');
        expect((await s.personalData.export('zalo', 'u1')).contact?.commune).toBe('xa-b');

        await s.unanswered.add({
          text: 'Cho hỏi giá vàng?',
          normalized: 'gia vang',
          intent: 'out_of_scope',
          procedure: null,
          aspect: null,
          confidence: 0.2,
          channel: 'zalo',
          at: at(1),
          commune: 'xa-a',
        });
        expect((await s.unanswered.grouped(10)).map((g) => g.count)).toEqual([1]);
      });

      test('queries filter by commune; null in the filter stands for the rows naming none', async () => {
        const withDefault = ['xa-a', null];
        for (const [i, commune] of [null, 'xa-a', 'xa-b'].entries()) {
          const userId = `u-${commune ?? 'default'}`;
          await s.handoffs.open(
            { channel: 'zalo', userId, displayName: null, reason: 'asked', commune },
            at(i),
          );
          const [item] = await s.outbox.enqueue([{ ...part(userId, 'Dạ'), commune }], at(i));
          await s.outbox.markFinal(item!.id, 'dead', 'hết lượt gửi');
          await s.analytics.record({
            type: 'answer',
            channel: 'zalo',
            intent: null,
            procedure: null,
            aspect: null,
            at: at(i),
            commune,
          });
          await s.unanswered.add({
            text: 'Cho hỏi giá vàng?',
            normalized: 'gia vang',
            intent: 'out_of_scope',
            procedure: null,
            aspect: null,
            confidence: 0.2,
            channel: 'zalo',
            at: at(i),
            commune,
          });
        }
        const users = (rows: Array<{ userId: string }>) => rows.map((r) => r.userId).sort();
        expect(users(await s.handoffs.list({ communes: withDefault }, 10))).toEqual(['u-default', 'u-xa-a']);
        expect(await s.handoffs.count({ communes: ['xa-b'] })).toBe(1);
        expect(await s.handoffs.count({ communes: null })).toBe(3);
        expect(users(await s.outbox.list({ state: 'dead', communes: ['xa-b'] }, 10))).toEqual(['u-xa-b']);
        expect((await s.outbox.countByState(withDefault)).dead).toBe(2);
        expect((await s.outbox.countByState()).dead).toBe(3);
        const communesOf = (rows: Array<{ commune: string | null }>) => rows.map((r) => r.commune);
        expect(communesOf(await s.analytics.between(at(0), at(5), ['xa-b', null]))).toEqual([null, 'xa-b']);
        expect(communesOf(await s.analytics.between(at(0), at(5), []))).toEqual([]);
        // The inbox is per commune: one group each, resolved only where the filter reaches.
        expect(communesOf(await s.unanswered.grouped(10, null)).sort()).toEqual(
          ['xa-a', 'xa-b', null].sort(),
        );
        expect(await s.unanswered.resolve('gia vang', ['xa-b'])).toBe(true);
        expect(await s.unanswered.resolve('gia vang', ['xa-b'])).toBe(false);
        expect(communesOf(await s.unanswered.grouped(10, withDefault)).sort()).toEqual(['xa-a', null].sort());
        expect(await s.unanswered.resolve('gia vang', [null])).toBe(true);
        expect(communesOf(await s.unanswered.grouped(10))).toEqual(['xa-a']);
        expect(await s.unanswered.resolve('gia vang')).toBe(true);
        expect(await s.unanswered.grouped(10)).toEqual([]);
      });

      test('a commune that is not a short string is refused', async () => {
        for (const bad of [{ $ne: '' }, 42, '', 'x'.repeat(300)])
          await expect(
            s.complaints.add({ channel: 'zalo', userId: 'u1', text: 't', at: at(1), commune: bad as string }),
          ).rejects.toThrow(StoreInputError);
        await expect(
          s.contacts.touch('zalo', 'u1', at(1), null, { $gt: '' } as unknown as string),
        ).rejects.toThrow(StoreInputError);
      });
    });

    describe('staff console', () => {
      test('staff accounts: unique username, patch update', async () => {
        const account = {
          username: 'lan',
          role: 'editor' as const,
          passwordHash: 'scrypt$x',
          disabled: false,
        };
        expect(await s.staff.create(account, at(0))).toBe(true);
        expect(await s.staff.create({ ...account, role: 'admin' }, at(1))).toBe(false);
        // Without communes an account is province-wide, as every account was before communes.
        expect(await s.staff.get('lan')).toEqual({
          ...account,
          communes: [],
          createdAt: at(0),
          updatedAt: at(0),
        });
        await s.staff.create({ ...account, username: 'an', role: 'viewer' }, at(2));
        expect((await s.staff.list()).map((a) => a.username)).toEqual(['an', 'lan']);
        expect(await s.staff.update('lan', { disabled: true }, at(3))).toEqual({
          ...account,
          communes: [],
          disabled: true,
          createdAt: at(0),
          updatedAt: at(3),
        });
        expect(await s.staff.update('lan', { role: 'admin', passwordHash: 'scrypt$y' }, at(4))).toMatchObject(
          { role: 'admin', passwordHash: 'scrypt$y', disabled: true },
        );
        expect(await s.staff.update('nobody', { disabled: true }, at(5))).toBeNull();
        await s.staff.create({ ...account, username: 'mai', communes: ['xa-a', 'xa-b'] }, at(6));
        expect((await s.staff.get('mai'))?.communes).toEqual(['xa-a', 'xa-b']);
        expect(await s.staff.update('mai', { communes: ['xa-b'] }, at(7))).toMatchObject({
          communes: ['xa-b'],
          role: 'editor',
        });
        expect((await s.staff.update('mai', { role: 'viewer' }, at(8)))?.communes).toEqual(['xa-b']);
        await expect(
          s.staff.create({ ...account, username: 'x', role: 'root' as never }, at(6)),
        ).rejects.toThrow(/role/);
        await expect(s.staff.get({ $gt: '' } as unknown as string)).rejects.toThrow(StoreInputError);
      });

      test('sessions: touch, logout, logout everywhere, idle purge', async () => {
        const sess = (id: string, username: string, minutes: number) => ({
          id,
          username,
          csrfToken: `t-${id}`,
          createdAt: at(minutes),
          lastSeenAt: at(minutes),
        });
        await s.sessions.create(sess('s1', 'lan', 0));
        await s.sessions.create(sess('s2', 'lan', 1));
        await s.sessions.create(sess('s3', 'an', 2));
        await s.sessions.touch('s1', at(30));
        expect(await s.sessions.get('s1')).toEqual({ ...sess('s1', 'lan', 0), lastSeenAt: at(30) });
        expect(await s.sessions.deleteIdle(at(10))).toBe(2); // s2, s3
        expect(await s.sessions.get('s2')).toBeNull();
        await s.sessions.create(sess('s4', 'lan', 40));
        expect(await s.sessions.deleteForUser('lan')).toBe(2);
        await s.sessions.create(sess('s5', 'an', 50));
        await s.sessions.delete('s5');
        expect(await s.sessions.get('s5')).toBeNull();
        await expect(s.sessions.get({ $ne: null } as unknown as string)).rejects.toThrow(StoreInputError);
      });

      test('audit log: newest first, filters, snapshots kept as data', async () => {
        const before = { fee: '8.000 đ', $set: 'literally' };
        await s.audit.append({
          at: at(1),
          actor: 'lan',
          action: 'knowledge.publish',
          target: 'khai-sinh',
          before,
          after: { fee: '10.000 đ' },
        });
        await s.audit.append({
          at: at(2),
          actor: 'an',
          action: 'dossier.status',
          target: CODE,
          before: null,
          after: { status: 'returned' },
        });
        await s.audit.append({
          at: at(3),
          actor: 'lan',
          action: 'staff.create',
          target: 'minh',
          before: null,
          after: null,
        });
        const all = await s.audit.list({}, 10);
        expect(all.map((e) => e.action)).toEqual(['staff.create', 'dossier.status', 'knowledge.publish']);
        expect(all[2]).toMatchObject({ before, after: { fee: '10.000 đ' }, actor: 'lan', at: at(1) });
        expect((await s.audit.list({ actor: 'lan' }, 10)).map((e) => e.target)).toEqual([
          'minh',
          'khai-sinh',
        ]);
        expect((await s.audit.list({ from: at(2), to: at(3) }, 10)).map((e) => e.actor)).toEqual(['an']);
        expect(await s.audit.list({ target: CODE }, 1)).toHaveLength(1);
      });

      test('knowledge versions: numbered per key, current is the latest, revision grows', async () => {
        const v = (key: string, fee: string, minutes: number) => ({
          key,
          content: { fee },
          author: 'lan',
          at: at(minutes),
          comment: null,
        });
        expect(await s.knowledge.revision()).toBe(0);
        expect(await s.knowledge.publish(v('procedure:khai-sinh', '0 đ', 1))).toMatchObject({ version: 1 });
        expect(await s.knowledge.publish(v('procedure:khai-sinh', '8.000 đ', 2))).toMatchObject({
          version: 2,
        });
        await s.knowledge.publish(v('procedure:ket-hon', '0 đ', 3));
        expect(await s.knowledge.revision()).toBe(3);
        expect((await s.knowledge.current()).map((x) => [x.key, x.version, x.content])).toEqual([
          ['procedure:ket-hon', 1, { fee: '0 đ' }],
          ['procedure:khai-sinh', 2, { fee: '8.000 đ' }],
        ]);
        expect(await s.knowledge.get('procedure:khai-sinh', 1)).toEqual({
          ...v('procedure:khai-sinh', '0 đ', 1),
          version: 1,
        });
        expect(await s.knowledge.get('procedure:khai-sinh', 9)).toBeNull();
        expect((await s.knowledge.history('procedure:khai-sinh', 10)).map((x) => x.version)).toEqual([2, 1]);
      });

      test('concurrent publishes from two handles get distinct version numbers', async () => {
        const other = await open();
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 ? s : other).knowledge.publish({
              key: 'training:examples',
              content: { i },
              author: 'lan',
              at: at(i),
              comment: `#${i}`,
            }),
          ),
        );
        expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await s.knowledge.revision()).toBe(10);
      });
    });

    describe('staff console: hand-offs and history', () => {
      const request = (userId: string, reason: 'asked' | 'failures' = 'asked') => ({
        channel: 'zalo' as const,
        userId,
        displayName: 'Lan',
        reason,
      });

      test('one open request per conversation; a closed one lets a new one open', async () => {
        const first = await s.handoffs.open(request('u1'), at(1));
        expect(first.created).toBe(true);
        expect(first.handoff).toMatchObject({
          channel: 'zalo',
          userId: 'u1',
          displayName: 'Lan',
          reason: 'asked',
          state: 'waiting',
          openedAt: at(1),
          takenBy: null,
          closedAt: null,
        });
        const again = await s.handoffs.open(request('u1', 'failures'), at(2));
        expect(again).toEqual({ handoff: first.handoff, created: false });
        expect(await s.handoffs.active('zalo', 'u1')).toEqual(first.handoff);
        expect(await s.handoffs.active('messenger', 'u1')).toBeNull();
        expect(await s.handoffs.get(first.handoff.id)).toEqual(first.handoff);

        const closed = await s.handoffs.close(first.handoff.id, 'lan', at(3));
        expect(closed).toMatchObject({ state: 'closed', closedBy: 'lan', closedAt: at(3) });
        expect(await s.handoffs.close(first.handoff.id, 'lan', at(4))).toBeNull();
        expect(await s.handoffs.active('zalo', 'u1')).toBeNull();
        const next = await s.handoffs.open(request('u1', 'failures'), at(5));
        expect(next.created).toBe(true);
        expect(next.handoff.id).not.toBe(first.handoff.id);
      });

      test('take is atomic across handles: exactly one staff member gets it', async () => {
        const other = await open();
        const { handoff } = await s.handoffs.open(request('u2'), at(1));
        const results = await Promise.all(
          ['an', 'lan', 'minh', 'hoa'].map((who, i) =>
            (i % 2 ? s : other).handoffs.take(handoff.id, who, at(2)),
          ),
        );
        const winners = results.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect(winners[0]).toMatchObject({ state: 'taken', takenAt: at(2), lastStaffAt: at(2) });
        expect(await s.handoffs.take(handoff.id, 'an', at(3))).toBeNull();
        await s.handoffs.touch(handoff.id, at(9));
        await s.handoffs.touch(handoff.id, at(5)); // an older touch never moves it back
        expect((await s.handoffs.get(handoff.id))?.lastStaffAt).toEqual(at(9));
        expect(await s.handoffs.take('999999', 'an', at(3))).toBeNull();
      });

      test('concurrent opens for one conversation create one request', async () => {
        const other = await open();
        const results = await Promise.all(
          [s, other, s, other].map((h, i) => h.handoffs.open(request('u3'), at(i))),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.handoff.id)).size).toBe(1);
      });

      test('list filters by state and opening time, oldest first', async () => {
        const a = (await s.handoffs.open(request('a'), at(10))).handoff;
        const b = (await s.handoffs.open(request('b'), at(20))).handoff;
        const c = (await s.handoffs.open(request('c'), at(30))).handoff;
        await s.handoffs.take(b.id, 'lan', at(21));
        await s.handoffs.close(c.id, 'idle', at(31));
        expect((await s.handoffs.list({}, 10)).map((h) => h.userId)).toEqual(['a', 'b', 'c']);
        expect((await s.handoffs.list({ state: 'waiting' }, 10)).map((h) => h.id)).toEqual([a.id]);
        expect((await s.handoffs.list({ state: 'taken' }, 10)).map((h) => h.takenBy)).toEqual(['lan']);
        expect((await s.handoffs.list({ from: at(20), to: at(30) }, 10)).map((h) => h.userId)).toEqual(['b']);
        expect(await s.handoffs.list({}, 2)).toHaveLength(2);
        await expect(s.handoffs.list({ state: 'lost' as never }, 10)).rejects.toThrow(StoreInputError);
        await expect(s.handoffs.get({ $ne: '' } as unknown as string)).rejects.toThrow(StoreInputError);
        await expect(s.handoffs.open({ ...request('x'), reason: 'bored' as never }, at(1))).rejects.toThrow(
          /reason/,
        );
      });

      test("a citizen's latest inbound messages and outbox items, oldest first", async () => {
        for (let i = 1; i <= 5; i++) await s.inbound.insertIfNew(inbound(`h${i}`, i, 'u7'));
        await s.inbound.insertIfNew(inbound('other', 3, 'u8'));
        expect((await s.inbound.recent('zalo', 'u7', 3)).map((r) => r.messageId)).toEqual(['h3', 'h4', 'h5']);
        expect(await s.inbound.recent('messenger', 'u7', 3)).toEqual([]);
        for (let i = 1; i <= 4; i++) await s.outbox.enqueue([part('u7', `r${i}`)], at(i));
        await s.outbox.enqueue([part('u8', 'x')], at(2));
        expect((await s.outbox.recent('messenger', 'u7', 2)).map((o) => o.reply.text)).toEqual(['r3', 'r4']);
        expect(await s.outbox.recent('zalo', 'u7', 2)).toEqual([]);
      });

      test('resolving an unanswered group removes it from the inbox', async () => {
        const q = (normalized: string, minutes: number) =>
          s.unanswered.add({
            text: normalized,
            normalized,
            intent: 'out_of_scope',
            procedure: null,
            aspect: null,
            confidence: 0.1,
            channel: 'web',
            at: at(minutes),
          });
        await q('gia vang', 1);
        await q('nuoi cho', 2);
        expect(await s.unanswered.resolve('gia vang')).toBe(true);
        expect(await s.unanswered.resolve('gia vang')).toBe(false);
        expect((await s.unanswered.grouped(10)).map((g) => g.normalized)).toEqual(['nuoi cho']);
        await q('gia vang', 3);
        expect(await s.unanswered.grouped(10)).toContainEqual({
          normalized: 'gia vang',
          commune: null,
          example: 'gia vang',
          count: 1,
          lastAt: at(3),
        });
      });
    });

    describe('rate-limit counters, import jobs, personal data', () => {
      test('counters count until they expire, across handles, and can be deleted', async () => {
        const other = await open();
        expect(await s.counters.peek('k', at(0))).toBeNull();
        expect(await s.counters.increment('k', at(0), at(10))).toBe(1);
        expect(await other.counters.increment('k', at(1), at(10))).toBe(2);
        const parallel = await Promise.all(
          [s, other, s, other].map((h) => h.counters.increment('k', at(2), at(10))),
        );
        expect([...parallel].sort()).toEqual([3, 4, 5, 6]);
        expect(await s.counters.peek('k', at(3))).toEqual({ count: 6, lastAt: at(2) });
        expect(await s.counters.peek('k', at(10))).toBeNull(); // expired
        expect(await s.counters.increment('k', at(11), at(20))).toBe(1); // starts again
        await s.counters.delete('k');
        expect(await s.counters.peek('k', at(12))).toBeNull();
        await s.counters.increment('old', at(0), at(5));
        await s.counters.increment('new', at(0), at(50));
        expect(await s.counters.purgeExpired(at(6))).toBe(1);
        expect(await s.counters.peek('new', at(6))).not.toBeNull();
        await expect(s.counters.increment({ $ne: '' } as unknown as string, at(0), at(1))).rejects.toThrow(
          StoreInputError,
        );
      });

      test('upsertMany writes a batch that get reads back', async () => {
        const second = dossier({ code: '000.00.15.H12-251118-0008', applicantName: 'Trần Thị Bình' });
        await s.dossiers.upsertMany([dossier(), second]);
        await s.dossiers.upsertMany([
          {
            ...second,
            status: 'processing',
            history: [...second.history, { status: 'processing', at: at(5), note: null }],
          },
        ]);
        expect(await s.dossiers.get(CODE)).toEqual(dossier());
        expect((await s.dossiers.get(second.code))?.history.map((h) => h.status)).toEqual([
          'received',
          'processing',
        ]);
        expect(await s.dossiers.count()).toBe(2);
      });

      test('import jobs: progress, and a running job gone quiet is interrupted once', async () => {
        const counts = { total: 10, done: 0, created: 0, updated: 0, unchanged: 0, rejected: 1, notified: 0 };
        const job = await s.imports.create(
          {
            file: 'a.csv',
            actor: 'lan',
            state: 'running',
            counts,
            inFlight: [],
            error: null,
            startedAt: at(0),
          },
          at(0),
        );
        const moved = await s.imports.update(
          job.id,
          { counts: { ...counts, done: 5 }, inFlight: [CODE] },
          at(1),
        );
        expect(moved).toMatchObject({
          id: job.id,
          state: 'running',
          counts: { done: 5 },
          inFlight: [CODE],
          updatedAt: at(1),
        });
        expect(await s.imports.update('999999', { state: 'done' }, at(1))).toBeNull();
        expect(await s.imports.interruptStale(at(1), at(2))).toEqual([]); // updated at 1: not before 1
        const other = await open();
        const [a, b] = await Promise.all([
          s.imports.interruptStale(at(5), at(6)),
          other.imports.interruptStale(at(5), at(6)),
        ]);
        expect([...a, ...b].map((j) => [j.id, j.state, j.inFlight])).toEqual([
          [job.id, 'interrupted', [CODE]],
        ]);
        expect((await s.imports.get(job.id))?.state).toBe('interrupted');
        await s.imports.create(
          {
            file: 'b.csv',
            actor: 'cli',
            state: 'running',
            counts,
            inFlight: [],
            error: null,
            startedAt: at(3),
          },
          at(3),
        );
        expect((await s.imports.list(10)).map((j) => j.file)).toEqual(['b.csv', 'a.csv']);
      });

      test('purge removes what is older than the cut-off, per kind, and keeps the rest', async () => {
        await s.inbound.insertIfNew(inbound('old', 0));
        await s.inbound.insertIfNew(inbound('new', 100));
        for (let i = 0; i < 2; i++) {
          const r = await s.inbound.claimNext('w', 0);
          await s.inbound.markDone(r!.id);
        }
        await s.inbound.insertIfNew(inbound('pending-old', 1, 'u2')); // not answered yet: kept
        await s.outbox.enqueue([part('u1', 'old')], at(0));
        const claimed = await s.outbox.claimNext('w', at(0), 0);
        await s.outbox.markSent(claimed!.id, at(0), null);
        await s.complaints.add({ channel: 'web', userId: 'u1', text: 'cũ', at: at(0) });
        await s.complaints.add({ channel: 'web', userId: 'u1', text: 'mới', at: at(100) });
        await s.audit.append({
          at: at(0),
          actor: 'lan',
          action: 'x',
          target: 't',
          before: null,
          after: null,
        });
        await s.unanswered.add({
          text: 'a',
          normalized: 'a',
          intent: 'out_of_scope',
          procedure: null,
          aspect: null,
          confidence: 0.1,
          channel: 'web',
          at: at(0),
        });
        await s.contacts.touch('zalo', 'u1', at(0), null);
        const h = await s.handoffs.open(
          { channel: 'zalo', userId: 'u1', displayName: null, reason: 'asked' },
          at(0),
        );
        await s.handoffs.close(h.handoff.id, 'lan', at(1));

        const cut = at(50);
        expect(await s.personalData.purge('messages', cut)).toBe(2);
        expect((await s.inbound.recent('zalo', 'u1', 10)).map((r) => r.messageId)).toEqual(['new']);
        expect(await s.inbound.recent('zalo', 'u2', 10)).toHaveLength(1);
        expect(await s.personalData.purge('complaints', cut)).toBe(1);
        expect(await s.personalData.purge('audit', cut)).toBe(1);
        expect(await s.personalData.purge('unanswered', cut)).toBe(2);
        expect(await s.unanswered.grouped(10)).toEqual([]);
        expect(await s.personalData.purge('conversations', cut)).toBeGreaterThanOrEqual(2); // contact + closed hand-off
        expect(await s.contacts.lastInboundAt('zalo', 'u1')).toBeNull();
        expect(await s.handoffs.get(h.handoff.id)).toBeNull();
        expect(await s.personalData.purge('audit', cut)).toBe(0);
      });

      test("a citizen's data: export holds it all, erase removes exactly it", async () => {
        await s.inbound.insertIfNew(inbound('m1', 1));
        await s.inbound.insertIfNew(inbound('m2', 2, 'other'));
        await s.outbox.enqueue([{ ...part('u1', 'Dạ'), channel: 'zalo' }], at(1));
        await s.conversations.save('zalo:u1', { lastCode: CODE });
        await s.contacts.touch('zalo', 'u1', at(1), 'An');
        await s.complaints.add({ channel: 'zalo', userId: 'u1', text: 'Chờ lâu', at: at(2) });
        await s.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1' }, at(2));
        await s.handoffs.open({ channel: 'zalo', userId: 'u1', displayName: 'An', reason: 'asked' }, at(3));

        const data = await s.personalData.export('zalo', 'u1');
        expect(data.inbound.map((r) => r.messageId)).toEqual(['m1']);
        expect(data.outbox.map((o) => o.reply.text)).toEqual(['Dạ']);
        expect(data.conversationState).toEqual({ lastCode: CODE });
        expect(data.contact).toEqual({ lastInboundAt: at(1), displayName: 'An', commune: null });
        expect(data.complaints.map((c) => c.text)).toEqual(['Chờ lâu']);
        expect(data.subscriptions.map((x) => x.code)).toEqual([CODE]);
        expect(data.handoffs.map((x) => x.state)).toEqual(['waiting']);

        expect(await s.personalData.erase('zalo', 'u1')).toBe(7);
        const after = await s.personalData.export('zalo', 'u1');
        expect(after).toEqual({
          channel: 'zalo',
          userId: 'u1',
          inbound: [],
          outbox: [],
          conversationState: null,
          contact: null,
          complaints: [],
          subscriptions: [],
          handoffs: [],
        });
        expect(await s.inbound.recent('zalo', 'other', 10)).toHaveLength(1);
        // Erased hand-off: the citizen can ask for a person again.
        expect(
          (
            await s.handoffs.open(
              { channel: 'zalo', userId: 'u1', displayName: null, reason: 'asked' },
              at(4),
            )
          ).created,
        ).toBe(true);
      });

      test('hand-offs filter by channel, count, and page with an offset', async () => {
        for (let i = 0; i < 5; i++)
          await s.handoffs.open(
            { channel: 'web', userId: `w${i}`, displayName: null, reason: 'asked' },
            at(i),
          );
        await s.handoffs.open({ channel: 'zalo', userId: 'z', displayName: null, reason: 'asked' }, at(9));
        expect(await s.handoffs.count({ state: 'waiting' })).toBe(6);
        expect(await s.handoffs.count({ state: 'waiting', channels: ['zalo', 'messenger'] })).toBe(1);
        expect(
          (await s.handoffs.list({ state: 'waiting', channels: ['web'] }, 2, 1)).map((h) => h.userId),
        ).toEqual(['w1', 'w2']);
        expect((await s.handoffs.list({ channels: ['zalo'] }, 10)).map((h) => h.userId)).toEqual(['z']);
      });
    });

    test('data survives close and reopen; ping works', async () => {
      await s.ping();
      await s.dossiers.upsert(dossier());
      await s.close();
      const again = await open();
      await again.ping();
      expect(await again.dossiers.get(CODE)).toEqual(dossier());
    });

    test('the readiness write succeeds and keeps writes healthy', async () => {
      await s.probeWrite('host:1:abc', at(0));
      await s.probeWrite('host:1:abc', at(1));
      expect(s.writes.state).toMatchObject({ ok: true, error: null });
      await expect(s.probeWrite({ $ne: '' } as unknown as string, at(2))).rejects.toThrow(StoreInputError);
      expect(s.writes.state.ok).toBe(true); // refused input is not a storage failure
    });
  });
}
