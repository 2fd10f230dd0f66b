// The runtime tells a subscriber about a status change that had to wait for their consultation window:
// right after it answers their next message, in that order, once.
import { notifyStatusChange } from '../../src/dossiers/notify';
import type { Dossier } from '../../src/store/ports';
import { FakeZalo } from '../support/fakes/fake-zalo';
import { zaloMac, zaloTextEvent } from '../support/fakes/signing';
import { StubAssistant } from '../support/fakes/stub-assistant';
import { eventually, sleep, startTestServer, type TestServer } from '../support/fakes/test-server';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

const APP_ID = '1234567890123456789';
const OA_KEY = 'oa-secret-key-notices';
const APP_SECRET = 'app-secret-notices';
const CITIZEN = '7000111222333444666';
const CODE = '000.00.15.H12-251118-0007';
const DAY = 86_400_000;

let db: TmpSqlite;
let zalo: FakeZalo;
let srv: TestServer;

beforeEach(async () => {
  db = tmpSqlite();
  zalo = new FakeZalo({
    appId: APP_ID,
    appSecret: APP_SECRET,
    accessToken: 'AT-env',
    refreshToken: 'RT-env',
  });
  await zalo.start();
  await db.stores.tokens.put('zalo', {
    accessToken: 'AT-env',
    refreshToken: 'RT-env',
    expiresAt: new Date(Date.now() + 25 * 3_600_000),
  });
  srv = await startTestServer({
    stores: db.stores,
    assistant: new StubAssistant(),
    env: zalo.serverEnv(OA_KEY),
  });
});
afterEach(async () => {
  await srv.stop();
  await zalo.stop();
  await db.cleanup();
});

test("a change made outside the window is sent right after the answer to the citizen's next message", async () => {
  const now = Date.now();
  await db.stores.dossiers.upsert({
    code: CODE,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: null,
    receivedAt: new Date(now - 10 * DAY),
    dueAt: new Date(now + DAY),
    status: 'processing',
    reason: null,
    note: null,
    history: [{ status: 'processing', at: new Date(now - 10 * DAY), note: null }],
    updatedAt: new Date(now - 10 * DAY),
  });
  await db.stores.subscriptions.add(
    { code: CODE, channel: 'zalo', userId: CITIZEN },
    new Date(now - 9 * DAY),
  );
  await db.stores.contacts.touch('zalo', CITIZEN, new Date(now - 9 * DAY), null); // the window closed 2 days ago
  const changed = (await db.stores.dossiers.setStatus(
    CODE,
    'result_ready',
    null,
    new Date(now - 1_000),
  )) as Dossier;
  expect(await notifyStatusChange(srv.runtime.notify, changed, 'processing', new Date())).toMatchObject({
    notified: 0,
    waiting: 1,
  });

  const raw = zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'chào em' });
  await fetch(`${srv.url}/webhooks/zalo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-ZEvent-Signature': zaloMac(raw, APP_ID, OA_KEY) },
    body: raw,
  });
  await eventually(() => zalo.sent.length === 2, 5_000, 'the answer and the notice');
  expect(zalo.sent.map((s) => s.text)).toEqual([
    'Trả lời: chào em',
    expect.stringContaining(`hồ sơ ${CODE} đã chuyển sang trạng thái "Đã có kết quả"`),
  ]);

  const again = zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'cảm ơn' });
  await fetch(`${srv.url}/webhooks/zalo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-ZEvent-Signature': zaloMac(again, APP_ID, OA_KEY) },
    body: again,
  });
  await eventually(() => zalo.sent.length === 3);
  await sleep(200);
  expect(zalo.sent.map((s) => s.text).slice(2)).toEqual(['Trả lời: cảm ơn']); // told once
});
