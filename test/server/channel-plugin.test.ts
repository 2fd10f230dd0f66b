// A new channel is one folder plus one line: the test-only echo channel (test/support/echo-channel) added to
// the build's channel list gets its webhook, its verification, the pipeline and its sender, over real HTTP.
import { CHANNELS } from '../../webhooks/channels';
import { echoChannel, type EchoChannel } from '../support/echo-channel';
import { StubAssistant } from '../support/fakes/stub-assistant';
import { eventually, startTestServer, type TestServer } from '../support/fakes/test-server';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

describe('a channel added by one folder and one line', () => {
  let db: TmpSqlite;
  let srv: TestServer;
  let echo: EchoChannel;
  let assistant: StubAssistant;

  beforeEach(async () => {
    db = tmpSqlite();
    echo = echoChannel();
    assistant = new StubAssistant();
    srv = await startTestServer({
      stores: db.stores,
      assistant,
      env: { ECHO_TOKEN: 'echo-secret-token' },
      channels: [...CHANNELS, echo],
    });
  });
  afterEach(async () => {
    await srv.stop();
    await db.cleanup();
  });

  const post = (body: object, token = 'echo-secret-token') =>
    fetch(`${srv.url}/webhooks/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Echo-Token': token },
      body: JSON.stringify(body),
    });

  it('POST → ingest → assistant → outbox → the echo sender receives the reply', async () => {
    expect(srv.runtime.channelsOn).toEqual(['echo']);
    const res = await post({ user: 'u-1', id: 'm-1', text: 'xin chào' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    await eventually(() => echo.delivered.length === 1);
    expect(echo.delivered[0]).toEqual({ userId: 'u-1', reply: { text: 'Trả lời: xin chào', options: [] } });
    expect(assistant.seen.map((m) => [m.channel, m.userId, m.text])).toEqual([['echo', 'u-1', 'xin chào']]);
    // A redelivery is acknowledged, not answered again.
    expect((await post({ user: 'u-1', id: 'm-1', text: 'xin chào' })).status).toBe(200);
    expect((await db.stores.outbox.list({}, 10)).map((i) => i.state)).toEqual(['sent']);
  });

  it('the generic route refuses what the channel does not verify, counts it and never logs the secret', async () => {
    expect((await post({ user: 'u-1', id: 'm-2', text: 'x' }, 'wrong')).status).toBe(401);
    expect(await db.stores.inbound.countPending()).toBe(0);
    expect(await (await fetch(`${srv.url}/metrics`)).text()).toMatch(
      /motcua_webhook_rejected_total\{channel="echo",reason="bad token"\} 1/,
    );
    expect(srv.logs.filter((l) => l.includes('webhook refused'))).toHaveLength(1);
    expect(srv.logs.join('\n')).not.toContain('echo-secret-token');
  });
});
