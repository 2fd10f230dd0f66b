// Several accounts on one channel: each commune's replies go out with its own OA's / Page's token, and a
// reply without an account uses the default one (one-account deployments unchanged).
import { createLogger } from '../../src/config/logger';
import { messengerConfig } from '../../webhooks/messenger/config';
import { messenger } from '../../webhooks/messenger';
import { zaloConfig } from '../../webhooks/zalo/config';
import { zalo } from '../../webhooks/zalo';
import { FakeGraph } from '../support/fakes/fake-graph';
import { FakeZalo } from '../support/fakes/fake-zalo';
import { eventually } from '../support/fakes/test-server';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

const reply = { text: 'Dạ, em xin trả lời ạ.', options: [] };
const HOUR = 3_600_000;

describe('replies go out from the account of their commune', () => {
  let db: TmpSqlite;
  beforeEach(() => {
    db = tmpSqlite();
  });
  afterEach(() => db.cleanup());

  it('Zalo: the OA named by the reply uses its own stored pair; no account = the default OA', async () => {
    const fake = new FakeZalo({
      appId: '111',
      appSecret: 'app-secret',
      accessToken: 'AT-B',
      refreshToken: 'RT-B',
    });
    await fake.start();
    try {
      const c = zaloConfig({
        ZALO_APP_ID: '111',
        ZALO_OA_SECRET_KEY: 'oa-secret',
        ZALO_APP_SECRET: 'app-secret',
        ZALO_OA_ID: '1000',
        ZALO_API_BASE: fake.url,
        ZALO_OAUTH_BASE: fake.url,
      })!;
      const later = new Date(Date.now() + 24 * HOUR);
      await db.stores.tokens.put('zalo', { accessToken: 'AT-A', refreshToken: 'RT-A', expiresAt: later });
      await db.stores.tokens.put('zalo:2000', {
        accessToken: 'AT-B',
        refreshToken: 'RT-B',
        expiresAt: later,
      });
      const link = zalo.connect(c, {
        tokens: db.stores.tokens,
        logger: createLogger('silent'),
        timeoutMs: 2_000,
        refreshBeforeMs: HOUR,
      });
      await link.sender.send('u-b', reply, '2000');
      expect(fake.sent.map((s) => [s.userId, s.accessToken])).toEqual([['u-b', 'AT-B']]);
      // The default OA (no account, or ZALO_OA_ID itself) reads the plain pair, which this fake refuses.
      fake.accessToken = 'AT-A';
      await link.sender.send('u-a', reply);
      await link.sender.send('u-a', reply, '1000');
      expect(fake.sent.map((s) => s.accessToken)).toEqual(['AT-B', 'AT-A', 'AT-A']);
      await link.stop?.();
    } finally {
      await fake.stop();
    }
  });

  it("Zalo: a quiet commune's OA is refreshed before expiry once the link starts with the communes' OAs", async () => {
    const fake = new FakeZalo({
      appId: '111',
      appSecret: 'app-secret',
      accessToken: 'AT-B',
      refreshToken: 'RT-B',
    });
    await fake.start();
    try {
      const c = zaloConfig({
        ZALO_APP_ID: '111',
        ZALO_OA_SECRET_KEY: 'oa-secret',
        ZALO_APP_SECRET: 'app-secret',
        ZALO_API_BASE: fake.url,
        ZALO_OAUTH_BASE: fake.url,
      })!;
      // Less than the refresh margin left, and nothing is being sent through this OA.
      await db.stores.tokens.put('zalo:2000', {
        accessToken: 'AT-B',
        refreshToken: 'RT-B',
        expiresAt: new Date(Date.now() + HOUR / 2),
      });
      const link = zalo.connect(c, {
        tokens: db.stores.tokens,
        logger: createLogger('silent'),
        timeoutMs: 2_000,
        refreshBeforeMs: HOUR,
      });
      await link.start?.({ checkEveryMs: 60_000, accounts: ['2000', '3000'] });
      await eventually(async () => (await db.stores.tokens.get('zalo:2000'))?.refreshToken !== 'RT-B');
      expect((await db.stores.tokens.get('zalo:2000'))?.refreshToken).toBe(fake.refreshToken);
      expect(fake.refreshCalls).toEqual([{ refreshToken: 'RT-B', ok: true }]);
      await link.stop?.();
    } finally {
      await fake.stop();
    }
  });

  it('Messenger: a Page with its own token sends with it; an unknown Page falls back to the default token', async () => {
    const graph = new FakeGraph({
      pageAccessToken: 'EAAG-page-2',
      appSecret: 'meta-secret',
      version: 'v26.0',
    });
    await graph.start();
    try {
      const base = {
        MESSENGER_VERIFY_TOKEN: 'v',
        MESSENGER_APP_SECRET: 'meta-secret',
        MESSENGER_API_BASE: graph.url,
      };
      const c = messengerConfig({
        ...base,
        MESSENGER_PAGE_TOKEN_200: 'EAAG-page-2',
        MESSENGER_PAGE_ACCESS_TOKEN: 'EAAG-default',
      })!;
      const deps = {
        tokens: db.stores.tokens,
        logger: createLogger('silent'),
        timeoutMs: 2_000,
        refreshBeforeMs: HOUR,
      };
      const { sender } = messenger.connect(c, deps);
      await expect(sender.send('psid-1', reply, '200')).resolves.toMatchObject({
        messageId: expect.any(String),
      });
      await expect(sender.send('psid-1', reply, '999')).rejects.toMatchObject({ kind: 'config' });
      expect(graph.sent).toHaveLength(1);
      // Without a default token, a Page of no token is a configuration error, not a send from the wrong Page.
      const only = messenger.connect(
        messengerConfig({ ...base, MESSENGER_PAGE_TOKEN_200: 'EAAG-page-2' })!,
        deps,
      );
      await expect(only.sender.send('psid-1', reply, '999')).rejects.toThrow(
        /no Page access token for Page 999/,
      );
      expect(messenger.secrets(c)).toContain('EAAG-page-2');
    } finally {
      await graph.stop();
    }
  });
});
