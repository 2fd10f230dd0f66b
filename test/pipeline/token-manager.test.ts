import { TokenManager } from '../../src/pipeline/token-manager';
import { SendError } from '../../src/pipeline/errors';
import { createLogger } from '../../src/config/logger';
import type { TokenPair } from '../../src/store/ports';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

const HOUR = 3_600_000;
const log = createLogger('silent');

describe('TokenManager', () => {
  let db: TmpSqlite;
  let now: number;
  beforeEach(() => {
    db = tmpSqlite();
    now = Date.parse('2026-03-01T00:00:00Z');
  });
  afterEach(() => db.cleanup());

  function manager(refresh: (rt: string) => Promise<TokenPair>) {
    return new TokenManager({
      channel: 'zalo',
      store: db.stores.tokens,
      refresher: { refresh },
      logger: log,
      now: () => new Date(now),
      failureCooldownMs: 60_000,
    });
  }

  it('single-flight: concurrent callers share one refresh, and the new pair is stored before anyone uses it', async () => {
    await db.stores.tokens.put('zalo', {
      accessToken: 'AT0',
      refreshToken: 'RT0',
      expiresAt: new Date(now + HOUR),
    });
    let calls = 0;
    const m = manager(async (rt) => {
      calls++;
      expect(rt).toBe('RT0');
      await new Promise((r) => setTimeout(r, 30));
      return { accessToken: 'AT1', refreshToken: 'RT1', expiresAt: new Date(now + 25 * HOUR) };
    });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => m.getAccessToken()));
    const storedWhenUsed = await db.stores.tokens.get('zalo');
    expect(calls).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['AT1']));
    expect(storedWhenUsed).toMatchObject({ accessToken: 'AT1', refreshToken: 'RT1' });
  });

  it('refreshes proactively only when less than 3 h remain', async () => {
    await db.stores.tokens.put('zalo', {
      accessToken: 'AT0',
      refreshToken: 'RT0',
      expiresAt: new Date(now + 10 * HOUR),
    });
    let calls = 0;
    const m = manager(async () => {
      calls++;
      return { accessToken: `AT${calls}`, refreshToken: `RT${calls}`, expiresAt: new Date(now + 25 * HOUR) };
    });
    expect(await m.getAccessToken()).toBe('AT0');
    now += 8 * HOUR; // 2 h left
    expect(await m.getAccessToken()).toBe('AT1');
    expect(calls).toBe(1);
  });

  it('after a rejection: uses a newer stored token without refreshing, else refreshes once', async () => {
    await db.stores.tokens.put('zalo', {
      accessToken: 'AT5',
      refreshToken: 'RT5',
      expiresAt: new Date(now + 20 * HOUR),
    });
    let calls = 0;
    const m = manager(async () => {
      calls++;
      return { accessToken: 'AT6', refreshToken: 'RT6', expiresAt: new Date(now + 25 * HOUR) };
    });
    expect(await m.refreshAfterRejection('AT4')).toBe('AT5');
    expect(calls).toBe(0);
    expect(await m.refreshAfterRejection('AT5')).toBe('AT6');
    expect(calls).toBe(1);
  });

  it('a failed refresh is not retried in a loop; a still-valid token keeps being used', async () => {
    await db.stores.tokens.put('zalo', {
      accessToken: 'AT0',
      refreshToken: 'RT0',
      expiresAt: new Date(now + HOUR),
    });
    let calls = 0;
    const m = manager(async () => {
      calls++;
      throw new Error('refresh token is invalid');
    });
    expect(await m.getAccessToken()).toBe('AT0');
    expect(await m.getAccessToken()).toBe('AT0');
    await expect(m.refreshAfterRejection('AT0')).rejects.toBeInstanceOf(SendError);
    expect(calls).toBe(1);
    now += 2 * HOUR; // expired and still in cool-down? no: cool-down is 60 s, so one more try
    await expect(m.getAccessToken()).rejects.toMatchObject({ kind: 'config' });
    expect(calls).toBe(2);
  });

  it('seeds from the environment only when the store is empty', async () => {
    const m = manager(async () => ({ accessToken: 'x', refreshToken: 'y', expiresAt: new Date(now) }));
    expect(await m.seed('ENV_AT', 'ENV_RT')).toBe('seeded');
    expect(await m.seed('OTHER', 'OTHER_RT')).toBe('kept');
    expect(await db.stores.tokens.get('zalo')).toMatchObject({
      accessToken: 'ENV_AT',
      refreshToken: 'ENV_RT',
    });
  });
});

describe('TokenManager with an unreachable OAuth server', () => {
  it('a transient refresh failure is retryable and does not block the next try', async () => {
    const db = tmpSqlite();
    try {
      const now = Date.now();
      await db.stores.tokens.put('zalo', {
        accessToken: 'AT0',
        refreshToken: 'RT0',
        expiresAt: new Date(now - 1),
      });
      let calls = 0;
      const m = new TokenManager({
        channel: 'zalo',
        store: db.stores.tokens,
        logger: log,
        refresher: {
          refresh: async () => {
            calls++;
            if (calls === 1) throw Object.assign(new Error('ECONNREFUSED'), { transient: true });
            return { accessToken: 'AT1', refreshToken: 'RT1', expiresAt: new Date(now + 25 * HOUR) };
          },
        },
      });
      await expect(m.getAccessToken()).rejects.toMatchObject({ kind: 'retryable' });
      expect(await m.getAccessToken()).toBe('AT1');
    } finally {
      await db.cleanup();
    }
  });
});
