// Status-change notices: in the window through the outbox, outside it waiting for the citizen's next
// message, once per change even across a crash, and ZNS only for real changes of known dossiers.
import { notifyStatusChange, notifyWaiting, type NotifyDeps } from '../../src/dossiers/notify';
import type { PhoneNotifier } from '../../src/pipeline/channel';
import { styleViolations } from '../../src/dialogue/style-check';
import type { Dossier, Stores } from '../../src/store/ports';
import { codeNo, tempStores } from './fixtures';
import { windowsOf } from '../../src/pipeline/windows';
import { Outbox, sendingThrough } from '../../src/services/outbox';
import { CHANNELS } from '../../webhooks/channels';

const DAY = 86_400_000;
const T0 = new Date('2025-11-20T03:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const CODE = codeNo(7);

let stores: Stores;
let cleanup: () => Promise<void>;
let phoneCalls: Array<{ phone: string; data: Record<string, string>; trackingId: string }>;
let phoneFails: Error | null;
let deps: NotifyDeps;

const phone: PhoneNotifier = {
  send: async (p, data, trackingId) => {
    if (phoneFails) throw phoneFails;
    phoneCalls.push({ phone: p, data, trackingId });
  },
};

beforeEach(async () => {
  ({ stores, cleanup } = tempStores());
  phoneCalls = [];
  phoneFails = null;
  deps = { stores, channelsOn: ['zalo', 'messenger'], windows: windowsOf(CHANNELS), phone };
  await stores.dossiers.upsert(dossier());
});
afterEach(() => cleanup());

function dossier(): Dossier {
  return {
    code: CODE,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: '0912345678',
    receivedAt: at(-3 * 24 * 60),
    dueAt: at(2 * 24 * 60),
    status: 'processing',
    reason: null,
    note: null,
    history: [
      { status: 'received', at: at(-3 * 24 * 60), note: null },
      { status: 'processing', at: at(-60), note: null },
    ],
    updatedAt: at(-60),
  };
}

/** Staff (or an import) changes the status at `minutes`. */
async function change(
  status: Dossier['status'],
  minutes: number,
  note: string | null = null,
): Promise<Dossier> {
  return (await stores.dossiers.setStatus(CODE, status, note, at(minutes))) as Dossier;
}

const queued = async (userId: string) => (await stores.outbox.list({ userId }, 100)).map((i) => i.reply);

test('a citizen in the window gets one polite greet-free notice through the outbox', async () => {
  await stores.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1' }, at(0));
  await stores.contacts.touch('zalo', 'u1', at(0), null);
  let woken = 0;
  const d = await change('needs_supplement', 10, 'Thiếu bản sao CCCD của mẹ.');
  // Through the one enqueue path, which wakes this process's sender.
  const outbox = new Outbox(stores.outbox);
  outbox.wakes({
    wake: () => {
      woken++;
    },
  });
  const through = { ...deps, stores: sendingThrough(stores, outbox) };
  const result = await notifyStatusChange(through, d, 'processing', at(10));
  expect(result).toMatchObject({ notified: 1, waiting: 0 });
  expect(woken).toBe(1);
  const replies = await queued('u1');
  expect(replies).toHaveLength(1);
  expect(replies[0]?.text).toBe(
    `Dạ, em xin thông báo hồ sơ ${CODE} đã chuyển sang trạng thái "Chờ bổ sung". Hồ sơ cần bổ sung giấy tờ; anh/chị vui lòng nộp bổ sung đúng các giấy tờ ghi trong phiếu yêu cầu.\nLý do: Thiếu bản sao CCCD của mẹ.\nEm cảm ơn anh/chị ạ.`,
  );
  expect(replies[0]?.text).not.toMatch(/xin chào/i);
  expect(
    styleViolations(replies, { greet: false, centreName: '', cannotHelp: false, closing: true }),
  ).toEqual([]);
  expect((await stores.subscriptions.forCode(CODE))[0]?.lastNotifiedStatus).toBe('needs_supplement');
  // Told once: the same change again is no news.
  expect((await notifyStatusChange(deps, d, 'processing', at(11))).notified).toBe(0);
  expect(await queued('u1')).toHaveLength(1);
});

test('outside the window the subscription waits, and is served after the citizen next writes', async () => {
  await stores.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1' }, at(0));
  await stores.contacts.touch('zalo', 'u1', new Date(at(0).getTime() - 8 * DAY), null); // Zalo: 7 days
  await stores.subscriptions.add({ code: CODE, channel: 'web', userId: 'w1' }, at(0)); // no sender for web
  const d = await change('result_ready', 10);
  expect(await notifyStatusChange(deps, d, 'processing', at(10))).toMatchObject({ notified: 0, waiting: 2 });
  expect(await queued('u1')).toEqual([]);

  await stores.contacts.touch('zalo', 'u1', at(60), null); // the citizen writes again
  expect(await notifyWaiting(deps, 'zalo', 'u1', at(60))).toBe(1);
  expect((await queued('u1'))[0]?.text).toContain('đã chuyển sang trạng thái "Đã có kết quả"');
  expect(await notifyWaiting(deps, 'zalo', 'u1', at(61))).toBe(0);
  expect(await notifyWaiting(deps, 'web', 'w1', at(61))).toBe(0);
});

test('the status shown when subscribing, or a change back to the status last told, is no news', async () => {
  await stores.contacts.touch('zalo', 'u1', at(0), null);
  await stores.subscriptions.add({ code: CODE, channel: 'zalo', userId: 'u1' }, at(0)); // after the last change
  expect(await notifyWaiting(deps, 'zalo', 'u1', at(1))).toBe(0);

  await notifyStatusChange(deps, await change('suspended', 10, 'Chờ nộp lệ phí.'), 'processing', at(10));
  expect(await queued('u1')).toHaveLength(1);
  // Back to processing while the channel cannot send (not told), then suspended again: nothing new.
  const channelOff = { ...deps, channelsOn: [] };
  expect(
    (await notifyStatusChange(channelOff, await change('processing', 20), 'suspended', at(20))).waiting,
  ).toBe(1);
  await change('suspended', 30, 'Chờ nộp lệ phí.');
  expect(await notifyWaiting(deps, 'zalo', 'u1', at(40))).toBe(0);
  expect(await queued('u1')).toHaveLength(1);
});

test('a crash between queueing a notice and recording it does not send it twice', async () => {
  await stores.subscriptions.add({ code: CODE, channel: 'messenger', userId: 'p1' }, at(0));
  await stores.contacts.touch('messenger', 'p1', at(0), null);
  const d = await change('result_ready', 10);
  const crashing = {
    ...stores.subscriptions,
    markNotified: jest.fn().mockRejectedValueOnce(new Error('killed')),
  };
  await expect(
    notifyStatusChange({ ...deps, stores: { ...stores, subscriptions: crashing } }, d, 'processing', at(10)),
  ).rejects.toThrow('killed');
  expect(await notifyWaiting(deps, 'messenger', 'p1', at(11))).toBe(1); // the retry…
  expect(await queued('p1')).toHaveLength(1); // …finds the notice already queued
  expect((await stores.subscriptions.forCode(CODE))[0]?.lastNotifiedStatus).toBe('result_ready');
});

test('ZNS: one template per real change of a known dossier with a phone; failures are reported, not thrown', async () => {
  const d = await change('result_ready', 10);
  expect((await notifyStatusChange(deps, d, 'processing', at(10))).phone).toEqual({ outcome: 'sent' });
  expect(phoneCalls).toEqual([
    {
      phone: '0912345678',
      data: { ma_ho_so: CODE, trang_thai: 'Đã có kết quả', ngay_hen_tra: '22/11/2025' },
      trackingId: `${CODE}:3`,
    },
  ]);

  expect((await notifyStatusChange(deps, d, null, at(10))).phone).toEqual({ outcome: 'skipped' }); // first import
  expect((await notifyStatusChange(deps, d, 'result_ready', at(10))).phone).toEqual({ outcome: 'skipped' });
  expect((await notifyStatusChange({ ...deps, phone: null }, d, 'processing', at(10))).phone).toEqual({
    outcome: 'skipped',
  });
  expect((await notifyStatusChange(deps, { ...d, phone: null }, 'processing', at(10))).phone).toEqual({
    outcome: 'skipped',
  });
  phoneFails = new Error('permanent -108: Phone number [phone] is invalid');
  expect((await notifyStatusChange(deps, d, 'processing', at(10))).phone).toEqual({
    outcome: 'failed',
    error: 'permanent -108: Phone number [phone] is invalid',
  });
  expect(phoneCalls).toHaveLength(1);
});
