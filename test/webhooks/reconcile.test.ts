// Reading back the conversation (reference §6a) against the fake platforms: did a part go out at or after
// the uncertain attempt began? A check that cannot be made rejects, so the sender can count the resend.
import type { Reply } from '../../src/core/message';
import type { TokenManager } from '../../src/pipeline/token-manager';
import { createLogger } from '../../src/config/logger';
import { zaloTokenManager } from '../../webhooks/zalo/tokens';
import { MessengerApiClient } from '../../webhooks/messenger/api-client';
import { MessengerChannelSender } from '../../webhooks/messenger/sender';
import { ZaloApiClient } from '../../webhooks/zalo/api-client';
import { ZaloChannelSender } from '../../webhooks/zalo/sender';
import { FakeGraph } from '../support/fakes/fake-graph';
import { FakeZalo } from '../support/fakes/fake-zalo';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

const reply = (text: string): Reply => ({ text, options: [] });
const CITIZEN = '7000111222333444555';

describe('Zalo: GET /v2.0/oa/conversation', () => {
  let zalo: FakeZalo;
  let db: TmpSqlite;
  let sender: ZaloChannelSender;
  beforeEach(async () => {
    zalo = new FakeZalo({
      appId: '1234567890123456789',
      appSecret: 'app-secret',
      accessToken: 'AT-1',
      refreshToken: 'RT-1',
    });
    await zalo.start();
    db = tmpSqlite();
    await db.stores.tokens.put('zalo', {
      accessToken: 'AT-1',
      refreshToken: 'RT-1',
      expiresAt: new Date(Date.now() + 25 * 3_600_000),
    });
    const config = {
      appId: '1234567890123456789',
      oaSecretKey: 'k',
      appSecret: 'app-secret',
      accessToken: 'AT-1',
      refreshToken: 'RT-1',
      oaId: undefined,
      apiBase: zalo.url,
      oauthBase: zalo.url,
    };
    const tokens: TokenManager = zaloTokenManager(config, db.stores.tokens, createLogger('silent'), {
      timeoutMs: 2_000,
      refreshBeforeMs: 0,
    });
    sender = new ZaloChannelSender(new ZaloApiClient({ baseUrl: zalo.url, timeoutMs: 2_000 }), () => tokens);
  });
  afterEach(async () => {
    await zalo.stop();
    await db.cleanup();
  });

  it('finds a part sent since the attempt; not an older one, not another text, not another citizen', async () => {
    await sender.send(CITIZEN, reply('Dạ, lệ phí là 0 đồng.'));
    const before = new Date(Date.now() - 60_000);
    expect(await sender.delivered(CITIZEN, reply('Dạ, lệ phí là 0 đồng.'), before)).toBe(true);
    expect(await sender.delivered(CITIZEN, reply('Dạ, lệ phí là 0 đồng.'.normalize('NFD')), before)).toBe(
      true,
    );
    expect(await sender.delivered(CITIZEN, reply('Dạ, một câu khác.'), before)).toBe(false);
    expect(await sender.delivered('7000111222333444000', reply('Dạ, lệ phí là 0 đồng.'), before)).toBe(false);
    expect(
      await sender.delivered(CITIZEN, reply('Dạ, lệ phí là 0 đồng.'), new Date(Date.now() + 60_000)),
    ).toBe(false);
  });

  it('looks past the first page of ten', async () => {
    await sender.send(CITIZEN, reply('phần cần tìm'));
    for (let i = 0; i < 12; i++) await sender.send(CITIZEN, reply(`sau ${i}`));
    expect(await sender.delivered(CITIZEN, reply('phần cần tìm'), new Date(Date.now() - 60_000))).toBe(true);
    expect(zalo.historyCalls).toHaveLength(2);
  });

  it('rejects when the conversation cannot be read; refreshes the token once on a token error', async () => {
    zalo.historyDown = true;
    await expect(sender.delivered(CITIZEN, reply('x'), new Date())).rejects.toThrow(/HTTP 500/);
    zalo.historyDown = false;
    zalo.accessExpired = true;
    zalo.accessToken = 'AT-elsewhere';
    await expect(sender.delivered(CITIZEN, reply('x'), new Date())).resolves.toBe(false);
    expect(zalo.refreshCalls).toHaveLength(1);
  });
});

describe('Messenger: Conversations API', () => {
  let graph: FakeGraph;
  let sender: MessengerChannelSender;
  beforeEach(async () => {
    graph = new FakeGraph({ pageAccessToken: 'EAAG-page', appSecret: 'meta-secret', version: 'v26.0' });
    await graph.start();
    const api = new MessengerApiClient({
      baseUrl: graph.url,
      apiVersion: 'v26.0',
      pageAccessToken: 'EAAG-page',
      appSecret: 'meta-secret',
      timeoutMs: 2_000,
    });
    sender = new MessengerChannelSender(() => api);
  });
  afterEach(() => graph.stop());

  it('finds a part the Page sent since the attempt, and nothing for a person never written to', async () => {
    await sender.send('PSID-1', reply('Dạ, giờ làm việc: 7:30–17:00.'));
    const before = new Date(Date.now() - 60_000);
    expect(await sender.delivered('PSID-1', reply('Dạ, giờ làm việc: 7:30–17:00.'), before)).toBe(true);
    expect(await sender.delivered('PSID-1', reply('khác'), before)).toBe(false);
    expect(await sender.delivered('PSID-2', reply('Dạ, giờ làm việc: 7:30–17:00.'), before)).toBe(false);
  });

  it('rejects when Graph cannot be reached', async () => {
    await graph.stop();
    await expect(sender.delivered('PSID-1', reply('x'), new Date())).rejects.toThrow(/no response/);
  });
});
