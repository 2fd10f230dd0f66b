// /healthz, /readyz, /metrics, the web chat page and its API, on a real loopback server.
import Database from 'better-sqlite3';
import { StubAssistant } from '../support/fakes/stub-assistant';
import { startTestServer, type TestServer } from '../support/fakes/test-server';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

describe('server app', () => {
  let db: TmpSqlite;
  let srv: TestServer;
  let assistant: StubAssistant;
  beforeEach(async () => {
    db = tmpSqlite();
    assistant = new StubAssistant();
    srv = await startTestServer({
      stores: db.stores,
      assistant,
      env: { ZALO_SITE_VERIFICATION: 'abc"123', WEBCHAT_MESSAGES_PER_MINUTE: '5' },
    });
  });
  afterEach(async () => {
    await srv.stop();
    await db.cleanup();
  });

  it('healthz and readyz', async () => {
    expect(await (await fetch(`${srv.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${srv.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: 'ok', knowledge: 'ok' } });
    srv.runtime.markShuttingDown();
    expect((await fetch(`${srv.url}/readyz`)).status).toBe(503);
  });

  it('readyz is 503 when the store is unreachable', async () => {
    await db.stores.close();
    const r = await fetch(`${srv.url}/readyz`);
    expect(r.status).toBe(503);
    expect((await r.json()).checks.store).toMatch(/^unavailable/);
  });

  it('readyz writes (a heartbeat) and shows the outbox: dead letters need a person but do not make it unready', async () => {
    const [item] = await db.stores.outbox.enqueue(
      [{ channel: 'zalo', userId: 'u1', reply: { text: 'x', options: [] }, inboundReceivedAt: null }],
      new Date(),
    );
    await db.stores.outbox.markFinal(item!.id, 'dead', 'after 30 attempts: retryable http_503: HTTP 503');
    const r = await fetch(`${srv.url}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      status: 'ready',
      details: { outbox: { waiting: 0, deadLetters: 1, failed: 0 } },
    });
    const raw = new Database(db.file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM instances').get()).toEqual({ n: 1 });
    raw.close();
  });

  it('metrics in Prometheus text format with the pipeline series', async () => {
    const r = await fetch(`${srv.url}/metrics`);
    expect(r.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await r.text();
    for (const name of [
      'motcua_inbound_events_total',
      'motcua_replies_sent_total',
      'motcua_replies_failed_total',
      'motcua_replies_dead_lettered_total',
      'motcua_outbox_depth 0',
      'motcua_inbound_to_sent_seconds',
      'motcua_understanding_confidence',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('channels without credentials are off: their webhooks are 404', async () => {
    expect((await fetch(`${srv.url}/webhooks/zalo`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${srv.url}/webhooks/messenger`)).status).toBe(404);
    expect(srv.runtime.channelsOn).toEqual([]);
  });

  it('GET / serves the Vietnamese web chat page with the Zalo domain-verification tag and security headers', async () => {
    const r = await fetch(`${srv.url}/`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta name="zalo-platform-site-verification" content="abc&quot;123">');
    expect(html).toContain('name="viewport"');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const asset of ['/webchat/app.js', '/webchat/style.css'])
      expect((await fetch(`${srv.url}${asset}`)).status).toBe(200);
  });

  it('web chat API: answers, validates, and rate-limits politely in Vietnamese', async () => {
    const ask = (body: unknown) =>
      fetch(`${srv.url}/webchat/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await ask({ sessionId: 'session-12345', text: '  làm giấy khai sinh cần gì ' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      replies: [{ text: 'Trả lời: làm giấy khai sinh cần gì', options: [] }],
    });
    expect(assistant.seen[0]).toMatchObject({ channel: 'web', userId: 'session-12345', kind: 'text' });
    const bad = await ask({ sessionId: 'x', text: '' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/xin lỗi/);
    expect((await ask({ sessionId: 'session-12345', text: 'a'.repeat(1001) })).status).toBe(400);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await ask({ sessionId: 'session-12345', text: 'nữa' }));
    const limited = results[results.length - 1]!;
    expect(limited.status).toBe(429);
    expect((await limited.json()).message).toMatch(/chờ một lát/);
  });

  it('unknown routes are JSON 404s', async () => {
    const r = await fetch(`${srv.url}/nope`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: 'not_found' });
  });
});
