// Two server processes (the built `node dist/src/server/main.js`, different ports) on one database, fed
// the same 200 signed Zalo deliveries — each delivered to both, as a load balancer retrying or Zalo
// redelivering would — answer every message exactly once, each citizen's answers in the order they wrote.
// Every message asks about its own receipt code, and the answer quotes it, so the fake Zalo API can tell
// which message each reply answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStores, type StoreConfig } from '../../src/store/open';
import { codeNo } from '../dossiers/fixtures';
import { ensureBuilt, spawnServer, type ChildServer } from '../support/fakes/child-server';
import { FakeZalo } from '../support/fakes/fake-zalo';
import { zaloMac, zaloTextEvent } from '../support/fakes/signing';
import { eventually, sleep } from '../support/fakes/test-server';
import {
  dropDatabase,
  freshDatabaseName,
  mongoRequiredButMissing,
  mongoTestUri,
  withDatabase,
} from '../support/mongo';

const APP_ID = '1234567890123456789';
const OA_KEY = 'oa-secret-key-two-processes';
const APP_SECRET = 'app-secret-two-processes';
const CITIZENS = 40;
const PER_CITIZEN = 5; // the assistant's lookup limit per citizen per minute
const CODE = /000\.00\.15\.H12-251118-\d{4}/;

jest.setTimeout(180_000);

const citizen = (c: number) => `70001112223334${String(c).padStart(5, '0')}`;
const codeOf = (c: number, k: number) => codeNo(c * PER_CITIZEN + k + 1);

async function twoServersAnswerOnce(store: StoreConfig & Record<string, string>): Promise<void> {
  const zalo = new FakeZalo({
    appId: APP_ID,
    appSecret: APP_SECRET,
    accessToken: 'AT-live',
    refreshToken: 'RT-live',
  });
  await zalo.start();
  // A running deployment: the token pair is already in the store, valid for hours (no refresh at start).
  const seed = await openStores(store);
  await seed.tokens.put('zalo', {
    accessToken: 'AT-live',
    refreshToken: 'RT-live',
    expiresAt: new Date(Date.now() + 25 * 3_600_000),
  });
  await seed.close();
  const env = { ...store, ...zalo.serverEnv(OA_KEY) };
  const servers: ChildServer[] = [];
  try {
    servers.push(await spawnServer(env), await spawnServer(env));
    const deliver = async (raw: string) => {
      const headers = {
        'Content-Type': 'application/json',
        'X-ZEvent-Signature': zaloMac(raw, APP_ID, OA_KEY),
      };
      const statuses = await Promise.all(
        servers.map(
          async (s) => (await fetch(`${s.url}/webhooks/zalo`, { method: 'POST', headers, body: raw })).status,
        ),
      );
      expect(statuses).toEqual([200, 200]);
    };
    // Citizens write at the same time; each one waits for both acknowledgements before the next message.
    await Promise.all(
      Array.from({ length: CITIZENS }, async (_, c) => {
        for (let k = 0; k < PER_CITIZEN; k++)
          await deliver(
            zaloTextEvent({ appId: APP_ID, userId: citizen(c), text: `tra hồ sơ ${codeOf(c, k)}` }),
          );
      }),
    );
    const total = CITIZENS * PER_CITIZEN;
    await eventually(() => zalo.sent.length >= total, 120_000, `${total} replies (got ${zalo.sent.length})`);
    await sleep(1_500); // anything answered twice would arrive now

    const answered = zalo.sent.map((s) => ({ userId: s.userId, code: CODE.exec(s.text)?.[0] }));
    expect(answered.filter((a) => !a.code)).toEqual([]);
    expect(zalo.sent).toHaveLength(total);
    expect(new Set(answered.map((a) => a.code)).size).toBe(total);
    for (let c = 0; c < CITIZENS; c++) {
      const mine = answered.filter((a) => a.userId === citizen(c)).map((a) => a.code);
      expect(mine).toEqual(Array.from({ length: PER_CITIZEN }, (_, k) => codeOf(c, k)));
    }
    for (const s of servers) s.proc.kill('SIGTERM');
    for (const s of servers) expect((await s.exited).code).toBe(0);
  } finally {
    for (const s of servers)
      if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
    await zalo.stop();
  }
}

beforeAll(() => ensureBuilt());

const uri = mongoTestUri();
if (uri) {
  test('MongoDB: two processes, 200 deliveries each delivered twice → every message answered once, in order', async () => {
    const dbUri = withDatabase(uri, freshDatabaseName('motcua_two'));
    try {
      await twoServersAnswerOnce({ MONGODB_URI: dbUri });
    } finally {
      await dropDatabase(dbUri);
    }
  });
} else if (mongoRequiredButMissing()) {
  test('CI runs the two-process MongoDB test', () => {
    throw new Error('CI=true but MONGODB_URI is not set: scripts/ci/ferretdb.sh must start FerretDB');
  });
} else {
  process.stdout.write('two-process MongoDB test skipped: MONGODB_URI not set\n');
  test.skip('MongoDB: two processes answer each message once (MONGODB_URI not set)', () => undefined);
}

test('SQLite: two processes on one file, 200 deliveries each delivered twice → every message answered once, in order', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-two-'));
  try {
    await twoServersAnswerOnce({ SQLITE_PATH: path.join(dir, 'motcua.sqlite') });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
