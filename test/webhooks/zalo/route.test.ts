// Real HTTP on loopback: signed Zalo events into the server, replies out to the fake Zalo OpenAPI.
import { FakeZalo } from '../../support/fakes/fake-zalo';
import { zaloMac, zaloTextEvent } from '../../support/fakes/signing';
import { StubAssistant } from '../../support/fakes/stub-assistant';
import { eventually, sleep, startTestServer, type TestServer } from '../../support/fakes/test-server';
import { payloadFiles, tmpSqlite, type TmpSqlite } from '../../support/fakes/tmp-sqlite';

const APP_ID = '1234567890123456789';
const OA_KEY = 'oa-secret-key-test';
const APP_SECRET = 'app-secret-test';
const CITIZEN = '7000111222333444555';

describe('POST /webhooks/zalo', () => {
  let db: TmpSqlite;
  let zalo: FakeZalo;
  let srv: TestServer;
  let assistant: StubAssistant;

  beforeEach(async () => {
    db = tmpSqlite();
    zalo = new FakeZalo({
      appId: APP_ID,
      appSecret: APP_SECRET,
      accessToken: 'AT-env',
      refreshToken: 'RT-env',
    });
    await zalo.start();
    // The env pair is current: store it as such so that start-up does not refresh.
    await db.stores.tokens.put('zalo', {
      accessToken: 'AT-env',
      refreshToken: 'RT-env',
      expiresAt: new Date(Date.now() + 25 * 3_600_000),
    });
    assistant = new StubAssistant();
    srv = await startTestServer({
      stores: db.stores,
      assistant,
      env: zalo.serverEnv(OA_KEY),
    });
  });
  afterEach(async () => {
    await srv.stop();
    await zalo.stop();
    await db.cleanup();
  });

  async function post(
    raw: string,
    signature: string | null = zaloMac(raw, APP_ID, OA_KEY),
    extra: Record<string, string> = {},
  ) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
    if (signature !== null) headers['X-ZEvent-Signature'] = signature;
    return fetch(`${srv.url}/webhooks/zalo`, { method: 'POST', headers, body: raw });
  }
  const outbox = async () => db.stores.outbox.list({}, 1000);

  it('a signed text event → 200 at once, and the reply reaches the fake API for the right citizen', async () => {
    const raw = zaloTextEvent({
      appId: APP_ID,
      userId: CITIZEN,
      text: 'Cho tôi hỏi thủ tục đăng ký khai sinh',
    });
    const started = Date.now();
    const res = await post(raw);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    await eventually(() => zalo.sent.length === 1);
    expect(zalo.sent[0]).toMatchObject({
      userId: CITIZEN,
      text: 'Trả lời: Cho tôi hỏi thủ tục đăng ký khai sinh',
      accessToken: 'AT-env',
    });
    expect(assistant.seen[0]).toMatchObject({ channel: 'zalo', userId: CITIZEN, kind: 'text' });
    // The citizen's consultation window was opened.
    expect(await db.stores.contacts.lastInboundAt('zalo', CITIZEN)).not.toBeNull();
  });

  it('unsigned, wrong signature, another app, a tampered or stale body → 401 and nothing sent', async () => {
    const raw = zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'xin chào' });
    expect((await post(raw, null)).status).toBe(401);
    expect((await post(raw, 'mac=' + '0'.repeat(64))).status).toBe(401);
    expect((await post(raw, zaloMac(raw, APP_ID, APP_SECRET))).status).toBe(401); // signed with the app secret
    const otherApp = zaloTextEvent({ appId: '42', userId: CITIZEN, text: 'x' });
    expect((await post(otherApp, zaloMac(otherApp, '42', OA_KEY))).status).toBe(401);
    const tampered = raw.replace('xin chào', 'tạm biệt');
    expect((await post(tampered, zaloMac(raw, APP_ID, OA_KEY))).status).toBe(401);
    const stale = zaloTextEvent({
      appId: APP_ID,
      userId: CITIZEN,
      text: 'cũ',
      at: Date.now() - 3 * 86_400_000,
    });
    expect((await post(stale)).status).toBe(401);
    expect((await post('not json', 'mac=abc')).status).toBe(401);
    await sleep(150);
    expect(zalo.attempts).toHaveLength(0);
    expect(await outbox()).toHaveLength(0);
    expect(assistant.seen).toHaveLength(0);
    expect(srv.logs.filter((l) => l.includes('webhook refused')).length).toBe(7);
    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    expect(metrics).toMatch(/motcua_webhook_rejected_total\{channel="zalo",reason="bad signature"\} 4/);
  });

  it('a signed body that is not an event (null, a number, an array) → 400, never 500', async () => {
    for (const raw of ['null', '42', '[]', '"text"'])
      expect([raw, (await post(raw)).status]).toEqual([raw, 400]);
    expect(assistant.seen).toHaveLength(0);
  });

  it('a text over 20,000 characters or an id over 256 → acknowledged as poison and counted, not refused forever', async () => {
    const long = zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'a'.repeat(20_001) });
    const longId = zaloTextEvent({
      appId: APP_ID,
      userId: CITIZEN,
      text: 'xin chào',
      msgId: 'x'.repeat(257),
    });
    for (const raw of [long, longId, long]) expect((await post(raw)).status).toBe(200);
    await sleep(100);
    expect(await db.stores.inbound.countPending()).toBe(0);
    expect(srv.logs.filter((l) => l.includes('(poison)'))).toHaveLength(3);
    expect(await (await fetch(`${srv.url}/metrics`)).text()).toMatch(
      /motcua_webhook_rejected_total\{channel="zalo",reason="poison"\} 3/,
    );
  });

  it('token error -124 → the refresh path: one refresh, then the reply', async () => {
    zalo.failNext({ kind: 'error', code: -124, message: 'Access token is invalid' });
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'mã lỗi' }));
    await eventually(() => zalo.sent.length === 1);
    expect(zalo.attempts.map((a) => a.answer)).toEqual(['error -124', 'ok']);
    expect(zalo.refreshCalls).toEqual([{ refreshToken: 'RT-env', ok: true }]);
  });

  it('the same event delivered 3 times → one reply', async () => {
    const raw = zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'giờ làm việc' });
    const results = await Promise.all([post(raw), post(raw, undefined, { num_retry: '1' })]);
    results.push(await post(raw, undefined, { num_retry: '2' }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await eventually(() => zalo.sent.length === 1);
    await sleep(200);
    expect(zalo.sent).toHaveLength(1);
    expect(assistant.seen).toHaveLength(1);
  });

  it('fake API fails with 5xx twice, then succeeds → exactly one reply', async () => {
    zalo.failNext({ kind: 'http', status: 502 }, { kind: 'http', status: 503 });
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'lệ phí' }));
    await eventually(() => zalo.sent.length === 1);
    await sleep(150);
    expect(zalo.attempts.map((a) => a.answer)).toEqual(['http 502', 'http 503', 'ok']);
    expect(zalo.sent).toHaveLength(1);
    const [item] = await outbox();
    expect(item).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('a dropped connection is retried', async () => {
    zalo.failNext({ kind: 'drop' });
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'mạng' }));
    await eventually(() => zalo.sent.length === 1);
    expect(zalo.attempts.map((a) => a.answer)).toEqual(['drop', 'ok']);
  });

  it('rate limit (-32) → backoff, then one reply', async () => {
    zalo.failNext({ kind: 'error', code: -32, message: 'Application reached limit call api' });
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'một' }));
    await eventually(() => zalo.sent.length === 1, 8_000);
    expect(zalo.attempts.map((a) => a.answer)).toEqual(['error -32', 'ok']);
  });

  it('token expired (-220) → one refresh, persisted, then one reply with the new token', async () => {
    zalo.accessExpired = true;
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'hai' }));
    await eventually(() => zalo.sent.length === 1);
    expect(zalo.attempts.map((a) => a.answer)).toEqual(['error -220', 'ok']);
    expect(zalo.refreshCalls).toEqual([{ refreshToken: 'RT-env', ok: true }]);
    expect(zalo.sent[0]!.accessToken).toBe(zalo.accessToken);
    const stored = await db.stores.tokens.get('zalo');
    expect(stored).toMatchObject({ accessToken: zalo.accessToken, refreshToken: zalo.refreshToken });
    expect(stored!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 24 * 3_600_000);
  });

  it('token invalid (-216) on several sends at once → a single refresh (single flight)', async () => {
    zalo.accessToken = 'AT-rotated-elsewhere';
    zalo.refreshToken = 'RT-env';
    for (let i = 0; i < 5; i++)
      await post(zaloTextEvent({ appId: APP_ID, userId: `${CITIZEN.slice(0, -1)}${i}`, text: `c${i}` }));
    await eventually(() => zalo.sent.length === 5);
    expect(zalo.refreshCalls).toHaveLength(1);
  });

  it('window expired (-230) → not retried, marked failed with the platform error', async () => {
    zalo.failNext({
      kind: 'error',
      code: -230,
      message: 'User has not interacted with the OA in the past 7 days',
    });
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'muộn' }));
    await eventually(async () => (await outbox())[0]?.state === 'failed');
    await sleep(150);
    expect(zalo.attempts).toHaveLength(1);
    expect((await outbox())[0]!.lastError).toBe(
      'window -230: User has not interacted with the OA in the past 7 days',
    );
  });

  it('user blocked the OA (-217) → failed, not retried', async () => {
    zalo.failNext({ kind: 'error', code: -217 });
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'x' }));
    await eventually(async () => (await outbox())[0]?.state === 'failed');
    expect((await outbox())[0]!.lastError).toMatch(/^unreachable -217/);
  });

  it('an image from a citizen → a polite text-only reply; echoes, receipts and unknown events → 200 and nothing', async () => {
    const image = JSON.stringify({
      app_id: APP_ID,
      event_name: 'user_send_image',
      timestamp: String(Date.now()),
      sender: { id: CITIZEN },
      recipient: { id: '3000999888777666555' },
      message: {
        msg_id: 'img-1',
        attachments: [{ type: 'image', payload: { url: 'https://example.invalid/a.jpg' } }],
      },
    });
    const echo = JSON.stringify({
      app_id: APP_ID,
      event_name: 'oa_send_text',
      timestamp: String(Date.now()),
      sender: { id: '3000999888777666555' },
      recipient: { id: CITIZEN },
      message: { msg_id: 'e1', text: 'Dạ' },
    });
    const seen = JSON.stringify({
      app_id: APP_ID,
      event_name: 'user_seen_message',
      timestamp: String(Date.now()),
      sender: { id: '3000999888777666555' },
      recipient: { id: CITIZEN },
      message: { msg_ids: ['e1'] },
    });
    const unknown = JSON.stringify({
      app_id: APP_ID,
      event_name: 'shop_new_order',
      timestamp: String(Date.now()),
    });
    for (const b of [echo, seen, unknown, image]) expect((await post(b)).status).toBe(200);
    await eventually(() => zalo.sent.length === 1);
    await sleep(150);
    expect(zalo.sent).toHaveLength(1);
    expect(zalo.sent[0]!.text).toMatch(/chỉ đọc được tin nhắn bằng chữ/);
    expect(zalo.sent[0]!.text).toMatch(/gặp cán bộ/);
  });

  it('a follow opens the window without a reply', async () => {
    const follow = JSON.stringify({
      app_id: APP_ID,
      oa_id: '3000999888777666555',
      event_name: 'follow',
      follower: { id: CITIZEN },
      source: 'oa_profile',
      timestamp: String(Date.now()),
    });
    expect((await post(follow)).status).toBe(200);
    expect(await db.stores.contacts.lastInboundAt('zalo', CITIZEN)).not.toBeNull();
    await sleep(100);
    expect(zalo.attempts).toHaveLength(0);
  });

  it('accepts every recorded Zalo body (re-timed, re-signed for our app) with 200', async () => {
    for (const f of payloadFiles('zalo')) {
      const fresh = f.raw
        .toString('utf8')
        .replace(/"timestamp":(\s*)"\d+"/, `"timestamp":$1"${Date.now()}"`)
        .replace(/"app_id":(\s*)"\d+"/, `"app_id":$1"${APP_ID}"`);
      const res = await post(fresh);
      expect([f.name, res.status]).toEqual([f.name, 200]);
    }
  });

  it('50 messages from one citizen in quick succession → 50 replies, in order', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) =>
      zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: `câu hỏi số ${i + 1}` }),
    );
    for (const b of bodies) expect((await post(b)).status).toBe(200);
    await eventually(() => zalo.sent.length === 50, 20_000);
    expect(zalo.sent.map((s) => s.text)).toEqual(bodies.map((_, i) => `Trả lời: câu hỏi số ${i + 1}`));
  });

  it('every part of a split reply is sent once, in order, even when one part is retried', async () => {
    assistant.parts = 3;
    zalo.failNext({ kind: 'http', status: 500 });
    await post(zaloTextEvent({ appId: APP_ID, userId: CITIZEN, text: 'dài' }));
    await eventually(() => zalo.sent.length === 3);
    await sleep(150);
    expect(zalo.sent.map((s) => s.text)).toEqual([
      'Trả lời: dài (1/3)',
      'Trả lời: dài (2/3)',
      'Trả lời: dài (3/3)',
    ]);
  });

  it('never logs the tokens, the secrets or the citizen id', async () => {
    zalo.accessExpired = true;
    await post(
      zaloTextEvent({
        appId: APP_ID,
        userId: CITIZEN,
        text: 'số điện thoại của tôi là 0912 345 678, CCCD 001099012345',
      }),
    );
    await eventually(() => zalo.sent.length === 1);
    const all = srv.logs.join('\n');
    for (const secret of [
      'AT-env',
      'RT-env',
      zalo.accessToken,
      zalo.refreshToken,
      OA_KEY,
      APP_SECRET,
      CITIZEN,
      '0912 345 678',
      '001099012345',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
