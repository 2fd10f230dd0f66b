// ZNS template messages against the loopback fake Zalo API: the phone in international form, the OA
// token refreshed once on a token error, and Zalo's errors classified without ever showing the phone.
import { SendError } from '../../../src/pipeline/errors';
import { TokenManager } from '../../../src/pipeline/token-manager';
import { createLogger } from '../../../src/config/logger';
import { ZaloOAuthClient } from '../../../webhooks/zalo/oauth-client';
import { ZaloZnsClient } from '../../../webhooks/zalo/zns-client';
import { ZaloZnsNotifier } from '../../../webhooks/zalo/zns-notifier';
import { FakeZalo } from '../../support/fakes/fake-zalo';
import { tmpSqlite, type TmpSqlite } from '../../support/fakes/tmp-sqlite';

const APP_ID = '1234567890123456789';
const APP_SECRET = 'zns-app-secret';
const DATA = {
  ma_ho_so: '000.00.15.H12-251118-0007',
  trang_thai: 'Đã có kết quả',
  ngay_hen_tra: '21/11/2025',
};

let zalo: FakeZalo;
let db: TmpSqlite;
let notifier: ZaloZnsNotifier;

beforeEach(async () => {
  zalo = new FakeZalo({ appId: APP_ID, appSecret: APP_SECRET, accessToken: 'AT-1', refreshToken: 'RT-1' });
  await zalo.start();
  db = tmpSqlite();
  await db.stores.tokens.put('zalo', {
    accessToken: 'AT-1',
    refreshToken: 'RT-1',
    expiresAt: new Date(Date.now() + 24 * 3_600_000),
  });
  const tokens = new TokenManager({
    channel: 'zalo',
    store: db.stores.tokens,
    refresher: new ZaloOAuthClient({
      baseUrl: zalo.url,
      appId: APP_ID,
      appSecret: APP_SECRET,
      timeoutMs: 2_000,
    }),
    logger: createLogger('silent'),
  });
  notifier = new ZaloZnsNotifier(
    new ZaloZnsClient({ baseUrl: zalo.url, timeoutMs: 2_000 }),
    tokens,
    'tpl-123',
  );
});
afterEach(async () => {
  await zalo.stop();
  await db.cleanup();
});

test('sends the template to the phone in 84… form with our tracking id', async () => {
  await notifier.send('0912345678', DATA, '000.00.15.H12-251118-0007:3');
  expect(zalo.znsSent).toEqual([
    {
      phone: '84912345678',
      templateId: 'tpl-123',
      data: DATA,
      trackingId: '000.00.15.H12-251118-0007:3',
      messageId: expect.any(String),
    },
  ]);
});

test('an expired token is refreshed once, the new pair stored, and the template sent once', async () => {
  zalo.accessExpired = true;
  await notifier.send('0912345678', DATA, 't1');
  expect(zalo.refreshCalls).toEqual([{ refreshToken: 'RT-1', ok: true }]);
  expect((await db.stores.tokens.get('zalo'))?.accessToken).toBe(zalo.accessToken);
  expect(zalo.znsSent).toHaveLength(1);
});

test("Zalo's error is classified and never carries the phone number", async () => {
  zalo.failNext({ kind: 'error', code: -108, message: 'Phone number 84912345678 (0912345678) is invalid' });
  const err = await notifier.send('0912345678', DATA, 't1').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SendError);
  expect((err as SendError).message).toBe('Phone number [phone] ([phone]) is invalid');
  expect(zalo.znsSent).toHaveLength(0);
});

test('an unreachable API is a retryable network error', async () => {
  await zalo.stop();
  const err = await notifier.send('0912345678', DATA, 't1').catch((e: unknown) => e);
  expect(err).toMatchObject({ kind: 'retryable', message: expect.stringMatching(/^no response/) });
});
