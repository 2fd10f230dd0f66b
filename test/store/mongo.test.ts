// The store contract against a real MongoDB-wire server (FerretDB in CI). Without MONGODB_URI a
// developer's run skips this leg with one line; CI must never skip it.
import { openMongoStores } from '../../src/store/mongo';
import { StoreStartupError } from '../../src/store/startup-error';
import {
  MONGO_SKIP_LINE,
  dropDatabase,
  freshDatabaseName,
  mongoRequiredButMissing,
  mongoTestUri,
  withDatabase,
} from '../support/mongo';
import { runStoreContract } from './contract';

const uri = mongoTestUri();

if (uri) {
  runStoreContract('mongodb', async () => {
    const dbUri = withDatabase(uri, freshDatabaseName());
    return { open: () => openMongoStores(dbUri), drop: () => dropDatabase(dbUri) };
  });

  describe('mongodb start-up', () => {
    test('an unreachable server is reported in one line, quickly', async () => {
      const started = Date.now();
      const err = await openMongoStores(
        'mongodb://user:secret@127.0.0.1:1/x?serverSelectionTimeoutMS=500',
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreStartupError);
      expect((err as Error).message).toMatch(/^MongoDB unreachable at 127\.0\.0\.1:1: .+$/);
      expect((err as Error).message).not.toContain('secret');
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    test('two Stores in one process use independent connections', async () => {
      const dbUri = withDatabase(uri, freshDatabaseName());
      const a = await openMongoStores(dbUri);
      const b = await openMongoStores(dbUri);
      try {
        await a.close();
        await b.ping(); // closing one connection leaves the other working
        expect(await b.dossiers.count()).toBe(0);
      } finally {
        await b.close();
        await dropDatabase(dbUri);
      }
    });
  });
} else if (mongoRequiredButMissing()) {
  test('CI runs the MongoDB leg', () => {
    throw new Error('CI=true but MONGODB_URI is not set: scripts/ci/ferretdb.sh must start FerretDB');
  });
} else {
  process.stdout.write(`${MONGO_SKIP_LINE}\n`);
  test.skip('store contract: mongodb (MONGODB_URI not set)', () => undefined);
}
