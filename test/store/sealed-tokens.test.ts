// Token pairs at rest: sealed in the real SQLite file, opened only with the same key and for the same account.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { sealedTokens } from '../../src/store/sealed-tokens';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

const pair = {
  accessToken: 'AT-secret-1',
  refreshToken: 'RT-secret-1',
  expiresAt: new Date('2026-12-05T00:00:00Z'),
};

describe('sealed token pairs', () => {
  let db: TmpSqlite;
  const key = randomBytes(32);
  beforeEach(() => {
    db = tmpSqlite();
  });
  afterEach(() => db.cleanup());

  it('stores neither token in plain text and gives the pair back with the key', async () => {
    const tokens = sealedTokens(db.stores.tokens, key);
    await tokens.put('zalo:3000', pair);
    expect(await tokens.get('zalo:3000')).toEqual(pair);
    const raw = new Database(db.file, { readonly: true });
    const row = raw.prepare('SELECT * FROM tokens').get() as Record<string, unknown>;
    raw.close();
    expect(JSON.stringify(row)).not.toMatch(/AT-secret-1|RT-secret-1/);
    expect(String(row['access_token'])).toMatch(/^sealed:v1:/);
  });

  it('refuses another key, and a pair copied to another account, with an operator message', async () => {
    await sealedTokens(db.stores.tokens, key).put('zalo:3000', pair);
    await expect(sealedTokens(db.stores.tokens, randomBytes(32)).get('zalo:3000')).rejects.toThrow(
      /does not open with MOTCUA_SECRET_KEY/,
    );
    const copied = await db.stores.tokens.get('zalo:3000');
    await db.stores.tokens.put('zalo:4000', copied!);
    await expect(sealedTokens(db.stores.tokens, key).get('zalo:4000')).rejects.toThrow(/zalo:4000/);
  });

  it('reads a pair stored before the key was set, and seals it at its next write', async () => {
    await db.stores.tokens.put('zalo', pair);
    const tokens = sealedTokens(db.stores.tokens, key);
    expect(await tokens.get('zalo')).toEqual(pair);
    await tokens.put('zalo', { ...pair, accessToken: 'AT-2' });
    expect((await db.stores.tokens.get('zalo'))?.accessToken).toMatch(/^sealed:v1:/);
  });
});
