// Real HTTP on loopback: signed Messenger batches into the server, replies out to the fake Graph API.
import { FakeGraph } from '../../support/fakes/fake-graph';
import { metaSig } from '../../support/fakes/signing';
import { StubAssistant } from '../../support/fakes/stub-assistant';
import { eventually, sleep, startTestServer, type TestServer } from '../../support/fakes/test-server';
import { payloadFiles, tmpSqlite, type TmpSqlite } from '../../support/fakes/tmp-sqlite';

const SECRET = 'meta-app-secret-test';
const PAGE_TOKEN = 'EAAG-page-token-test';
const VERIFY = 'verify-me-test';
const VERSION = 'v26.0';

describe('/webhooks/messenger', () => {
  let db: TmpSqlite;
  let graph: FakeGraph;
  let srv: TestServer;
  let assistant: StubAssistant;

  beforeEach(async () => {
    db = tmpSqlite();
    graph = new FakeGraph({ pageAccessToken: PAGE_TOKEN, appSecret: SECRET, version: VERSION });
    await graph.start();
    assistant = new StubAssistant();
    srv = await startTestServer({
      stores: db.stores,
      assistant,
      env: {
        MESSENGER_VERIFY_TOKEN: VERIFY,
        MESSENGER_APP_SECRET: SECRET,
        MESSENGER_PAGE_ACCESS_TOKEN: PAGE_TOKEN,
        MESSENGER_API_BASE: graph.url,
        MESSENGER_API_VERSION: VERSION,
      },
    });
  });
  afterEach(async () => {
    await srv.stop();
    await graph.stop();
    await db.cleanup();
  });

  const post = (raw: string, sig: string | null = metaSig(raw, SECRET)) =>
    fetch(`${srv.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(sig ? { 'X-Hub-Signature-256': sig } : {}) },
      body: raw,
    });
  const msgItem = (psid: string, mid: string, text: string, extra: object = {}) => ({
    sender: { id: psid },
    recipient: { id: 'PAGE1' },
    timestamp: Date.now(),
    message: { mid, text, ...extra },
  });
  const body = (entries: object[][]) =>
    JSON.stringify({
      object: 'page',
      entry: entries.map((messaging, i) => ({ id: `PAGE${i + 1}`, time: Date.now(), messaging })),
    });

  it('GET subscription check: the challenge with the right token, 403 otherwise', async () => {
    const ok = await fetch(
      `${srv.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect(
      (await fetch(`${srv.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`))
        .status,
    ).toBe(403);
    expect(
      (
        await fetch(
          `${srv.url}/webhooks/messenger?hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`,
        )
      ).status,
    ).toBe(403);
    expect((await fetch(`${srv.url}/webhooks/messenger`)).status).toBe(403);
  });

  it('a batch with several entries and messages → each answered once, to the right PSID, in order per citizen', async () => {
    const raw = body([
      [msgItem('psid-A', 'm_a1', 'một'), msgItem('psid-B', 'm_b1', 'hai')],
      [
        msgItem('psid-A', 'm_a2', 'ba'),
        { sender: { id: 'psid-A' }, recipient: { id: 'PAGE1' }, timestamp: 1, read: { watermark: 1 } },
      ],
    ]);
    expect((await post(raw)).status).toBe(200);
    await eventually(() => graph.sent.length === 3);
    const byUser = (p: string) => graph.sent.filter((s) => s.psid === p).map((s) => s.text);
    expect(byUser('psid-A')).toEqual(['Trả lời: một', 'Trả lời: ba']);
    expect(byUser('psid-B')).toEqual(['Trả lời: hai']);
    expect(graph.sent.every((s) => s.messagingType === 'RESPONSE')).toBe(true);
  });

  it('echoes are ignored', async () => {
    const raw = body([
      [
        {
          sender: { id: 'PAGE1' },
          recipient: { id: 'psid-A' },
          timestamp: Date.now(),
          message: { is_echo: true, app_id: 1708188056130407, mid: 'm_echo', text: 'Dạ' },
        },
      ],
    ]);
    expect((await post(raw)).status).toBe(200);
    await sleep(150);
    expect(graph.attempts).toHaveLength(0);
    expect(assistant.seen).toHaveLength(0);
  });

  it('a sticker (non-text) is answered politely; a quick-reply tap uses its payload', async () => {
    const raw = body([
      [
        msgItem('psid-A', 'm_st', '', {
          sticker_id: 369239263222822,
          attachments: [{ type: 'image', payload: { url: 'https://x.invalid/s.png' } }],
        }),
        msgItem('psid-A', 'm_qr', 'Khai sinh', { quick_reply: { payload: 'làm giấy khai sinh cần gì' } }),
      ],
    ]);
    expect((await post(raw)).status).toBe(200);
    await eventually(() => graph.sent.length === 2);
    expect(graph.sent[0]!.text).toMatch(/chỉ đọc được tin nhắn bằng chữ/);
    expect(graph.sent[0]!.quickReplies).toEqual([
      { content_type: 'text', title: 'gặp cán bộ', payload: 'gặp cán bộ' },
    ]);
    expect(graph.sent[1]!.text).toBe('Trả lời: làm giấy khai sinh cần gì');
  });

  it('unsigned / wrong / SHA-1-only / stale → 401 and nothing processed', async () => {
    const raw = body([[msgItem('psid-A', 'm_x', 'x')]]);
    expect((await post(raw, null)).status).toBe(401);
    expect((await post(raw, metaSig(raw, 'wrong'))).status).toBe(401);
    const sha1 = await fetch(`${srv.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'X-Hub-Signature': 'sha1=0000' },
      body: raw,
    });
    expect(sha1.status).toBe(401);
    const stale = JSON.stringify({
      object: 'page',
      entry: [{ id: 'P', time: Date.now() - 5 * 86_400_000, messaging: [msgItem('psid-A', 'm_old', 'cũ')] }],
    });
    expect((await post(stale)).status).toBe(401);
    await sleep(150);
    expect(assistant.seen).toHaveLength(0);
    expect(graph.attempts).toHaveLength(0);
  });

  it('redelivery of the same batch → no second answer', async () => {
    const raw = body([[msgItem('psid-A', 'm_dup', 'lặp')]]);
    for (let i = 0; i < 3; i++) expect((await post(raw)).status).toBe(200);
    await eventually(() => graph.sent.length === 1);
    await sleep(200);
    expect(graph.sent).toHaveLength(1);
  });

  it('window expired (10/2018278) → not retried, marked failed; rate limit 613 → retried', async () => {
    graph.failNext({
      kind: 'graph',
      code: 10,
      subcode: 2018278,
      message: '(#10) This message is sent outside of allowed window.',
    });
    await post(body([[msgItem('psid-W', 'm_w', 'muộn')]]));
    await eventually(
      async () => (await db.stores.outbox.list({ userId: 'psid-W' }, 5))[0]?.state === 'failed',
    );
    const [item] = await db.stores.outbox.list({ userId: 'psid-W' }, 5);
    expect(item!.lastError).toMatch(
      /^window 10\/2018278: \(#10\) This message is sent outside of allowed window\. \(fbtrace_id A[0-9a-f]+\)$/,
    );
    graph.failNext(
      { kind: 'graph', code: 613, message: 'Calls to this api have exceeded the rate limit.' },
      { kind: 'http', status: 500 },
    );
    await post(body([[msgItem('psid-R', 'm_r', 'nhanh')]]));
    await eventually(() => graph.sent.some((s) => s.psid === 'psid-R'), 8_000);
    expect(graph.attempts.filter((a) => a.psid === 'psid-R').map((a) => a.answer)).toEqual([
      'graph 613/',
      'http 500',
      'ok',
    ]);
  });

  it('the pre-check keeps the 24-hour window: no call for a citizen last seen 25 h ago', async () => {
    await db.stores.outbox.enqueue(
      [
        {
          channel: 'messenger',
          userId: 'psid-old',
          reply: { text: 'x', options: [] },
          inboundReceivedAt: null,
        },
      ],
      new Date(),
    );
    await db.stores.contacts.touch('messenger', 'psid-old', new Date(Date.now() - 25 * 3_600_000), null);
    srv.runtime.sender.wake();
    await eventually(
      async () => (await db.stores.outbox.list({ userId: 'psid-old' }, 5))[0]?.state === 'failed',
    );
    expect(graph.attempts).toHaveLength(0);
  });

  it('accepts every recorded Messenger body (signed as recorded) with 200', async () => {
    for (const f of payloadFiles('messenger')) {
      // Recorded bodies are years old: re-time them so the freshness check passes, keeping their shape.
      const fresh = f.raw.toString('utf8').replace(/"time":(\s*)\d+/g, `"time":$1${Date.now()}`);
      const res = await post(fresh);
      expect([f.name, res.status]).toEqual([f.name, 200]);
    }
  });
});
