// Two instances on one SQLite file, each with its own token manager for the same OA, race a refresh against
// the loopback fake of Zalo's OAuth (single-use refresh tokens): the store's lease lets exactly one of them
// spend the refresh token, and both then use the one new pair.
import { createLogger } from '../../../src/config/logger';
import { openSqliteStores } from '../../../src/store/sqlite';
import type { Stores } from '../../../src/store/ports';
import { zaloTokenManager } from '../../../webhooks/zalo/tokens';
import { FakeZalo } from '../../support/fakes/fake-zalo';
import { tmpSqlite, type TmpSqlite } from '../../support/fakes/tmp-sqlite';

const APP = { appId: '1234567890123456789', appSecret: 'app-secret' };
const OA = '3000999888777666555';

describe('Zalo token refresh across instances', () => {
  let db: TmpSqlite;
  let second: Stores;
  const fake = new FakeZalo({ ...APP, accessToken: 'AT0', refreshToken: 'RT0' });

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    db = tmpSqlite();
    second = openSqliteStores(db.file);
  });
  afterEach(async () => {
    await second.close();
    await db.cleanup();
  });

  it('spends the single-use refresh token exactly once when two instances need a new access token', async () => {
    // The access token has expired: every caller on both instances must refresh first.
    await db.stores.tokens.put(`zalo:${OA}`, {
      accessToken: 'AT0',
      refreshToken: 'RT0',
      expiresAt: new Date(),
    });
    // Slow enough that the second instance asks while the first one's refresh is on the wire.
    fake.refreshDelayMs = 150;
    const settings = { ...APP, oauthBase: fake.url };
    const o = { timeoutMs: 5_000, refreshBeforeMs: 3 * 3_600_000, account: OA };
    const log = createLogger('silent');
    const one = zaloTokenManager(settings, db.stores.tokens, log, o);
    const two = zaloTokenManager(settings, second.tokens, log, o);

    const got = await Promise.all([
      one.getAccessToken(),
      two.getAccessToken(),
      one.getAccessToken(),
      two.getAccessToken(),
    ]);

    expect(fake.refreshCalls).toEqual([{ refreshToken: 'RT0', ok: true }]);
    expect(new Set(got)).toEqual(new Set([fake.accessToken]));
    expect(await second.tokens.get(`zalo:${OA}`)).toMatchObject({
      accessToken: fake.accessToken,
      refreshToken: fake.refreshToken,
    });
  });
});
