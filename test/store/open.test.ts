import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseStore, describeStore, openStores } from '../../src/store/open';
import { StoreStartupError } from '../../src/store/startup-error';

describe('openStores', () => {
  test('MongoDB when MONGODB_URI is set, else SQLite at SQLITE_PATH or data/motcua.sqlite', () => {
    expect(chooseStore({})).toEqual({ engine: 'sqlite', path: 'data/motcua.sqlite' });
    expect(chooseStore({ SQLITE_PATH: '/srv/motcua.db', MONGODB_URI: '  ' })).toEqual({
      engine: 'sqlite',
      path: '/srv/motcua.db',
    });
    expect(chooseStore({ MONGODB_URI: 'mongodb://db1,db2/motcua?replicaSet=rs0', SQLITE_PATH: 'x' })).toEqual(
      {
        engine: 'mongodb',
        uri: 'mongodb://db1,db2/motcua?replicaSet=rs0',
      },
    );
  });

  test('the description never shows credentials', () => {
    expect(
      describeStore(
        chooseStore({ MONGODB_URI: 'mongodb://motcua:s3cret@db1:27017,db2/motcua?authSource=admin' }),
      ),
    ).toBe('mongodb at db1:27017,db2');
    expect(describeStore(chooseStore({}))).toBe('sqlite at data/motcua.sqlite');
  });

  test('opens the SQLite file named by SQLITE_PATH', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-open-'));
    try {
      const stores = await openStores({ SQLITE_PATH: path.join(dir, 'a', 'b.sqlite') });
      await stores.ping();
      await stores.close();
      expect(fs.existsSync(path.join(dir, 'a', 'b.sqlite'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unreachable MongoDB fails fast with one line, without the password', async () => {
    const err = await openStores({
      MONGODB_URI: 'mongodb://u:pw@127.0.0.1:1/?serverSelectionTimeoutMS=300',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreStartupError);
    expect((err as Error).message).toMatch(/^MongoDB unreachable at 127\.0\.0\.1:1: [^\n]+$/);
    expect((err as Error).message).not.toContain('pw');
  });
});
