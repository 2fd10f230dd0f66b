// Findings 2 and 8 of issue 10, on the built server process (`node dist/src/server/main.js`):
// - SIGKILL in the middle of a burst, with sends delivered to citizens but not yet acknowledged to us, then
//   a restart and the platform redelivering every event: every message is answered and no part goes out
//   twice (the restarted process reads the OA's conversation before sending an uncertain part again);
// - SIGTERM while the channel API hangs: the process exits within its bound, and the next start sends the
//   reply that was in flight exactly once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStores } from '../../src/store/open';
import { codeNo } from '../dossiers/fixtures';
import { ensureBuilt, spawnServer, type ChildServer } from '../support/fakes/child-server';
import { FakeZalo } from '../support/fakes/fake-zalo';
import { zaloMac, zaloTextEvent } from '../support/fakes/signing';
import { eventually, sleep } from '../support/fakes/test-server';

const APP_ID = '1234567890123456789';
const OA_KEY = 'oa-secret-key-crash-burst';
const APP_SECRET = 'app-secret-crash-burst';
const CITIZENS = 40;
const CODE = /000\.00\.15\.H12-251118-\d{4}/;

jest.setTimeout(120_000);

const citizen = (c: number) => `70002223334445${String(c).padStart(5, '0')}`;

describe('crashes and shutdown with sends in flight', () => {
  let dir: string;
  let zalo: FakeZalo;
  let env: Record<string, string>;
  const children: ChildServer[] = [];

  beforeAll(() => ensureBuilt());
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-'));
    zalo = new FakeZalo({ appId: APP_ID, appSecret: APP_SECRET, accessToken: 'AT-live', refreshToken: 'RT-live' });
    await zalo.start();
    const file = path.join(dir, 'motcua.sqlite');
    const seed = await openStores({ SQLITE_PATH: file });
    await seed.tokens.put('zalo', { accessToken: 'AT-live', refreshToken: 'RT-live', expiresAt: new Date(Date.now() + 25 * 3_600_000) });
    await seed.close();
    env = { SQLITE_PATH: file, ...zalo.serverEnv(OA_KEY) };
  });
  afterEach(async () => {
    for (const c of children.splice(0)) {
      if (c.proc.exitCode === null && c.proc.signalCode === null) {
        c.proc.kill('SIGKILL');
        await c.exited;
      }
    }
    zalo.release();
    await zalo.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(extra: Record<string, string> = {}): Promise<ChildServer> {
    const c = await spawnServer({ ...env, ...extra });
    children.push(c);
    return c;
  }
  const post = (url: string, raw: string) =>
    fetch(`${url}/webhooks/zalo`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-ZEvent-Signature': zaloMac(raw, APP_ID, OA_KEY) }, body: raw });

  it('SIGKILL mid-burst, restart, redelivery → every message answered, no part sent twice', async () => {
    const events = Array.from({ length: CITIZENS }, (_, c) =>
      zaloTextEvent({ appId: APP_ID, userId: citizen(c), text: `tra hồ sơ ${codeNo(c + 1)}`, msgId: `crash-burst-${c}` }),
    );
    const first = await start();
    zalo.deliverThenHold = true; // what goes out now reaches the citizen, but we never hear back
    const acks = await Promise.all(events.map(async (raw) => (await post(first.url, raw)).status));
    expect(acks.every((s) => s === 200)).toBe(true);
    await eventually(() => zalo.attempts.filter((a) => a.answer === 'delivered, answer held').length >= 4, 30_000, 'sends in flight');
    first.proc.kill('SIGKILL');
    await first.exited;
    const deliveredBeforeKill = zalo.sent.length;
    expect(deliveredBeforeKill).toBeGreaterThan(0);
    zalo.deliverThenHold = false;
    zalo.release();

    const second = await start();
    // Zalo redelivers every event that it may not have seen acknowledged.
    const again = await Promise.all(events.map(async (raw) => (await post(second.url, raw)).status));
    expect(again.every((s) => s === 200)).toBe(true);
    await eventually(() => new Set(zalo.sent.map((s) => s.userId)).size === CITIZENS, 60_000, `a reply for each citizen (got ${zalo.sent.length})`);
    await sleep(1_500); // anything sent twice would arrive now

    const codes = zalo.sent.map((s) => CODE.exec(s.text)?.[0]);
    expect(codes.filter((c) => !c)).toEqual([]);
    expect(zalo.sent).toHaveLength(CITIZENS);
    expect(new Set(codes).size).toBe(CITIZENS);
    // The uncertain parts were looked up in the conversation, not sent blindly.
    expect(zalo.historyCalls.length).toBeGreaterThanOrEqual(deliveredBeforeKill);
    expect(second.lines.some((l) => l.includes('earlier attempt found in the conversation'))).toBe(true);
  });

  it('SIGTERM while the channel API hangs → exits within the bound; the next start sends the reply once', async () => {
    const first = await start({ SHUTDOWN_TIMEOUT_MS: '1500' });
    zalo.holdSends = true; // never answers; the request is not delivered unless answered
    const raw = zaloTextEvent({ appId: APP_ID, userId: citizen(0), text: 'giờ làm việc', msgId: 'hang-1' });
    expect((await post(first.url, raw)).status).toBe(200);
    await eventually(() => zalo.attempts.some((a) => a.answer === 'held'), 15_000, 'the send to start');
    first.proc.kill('SIGTERM');
    expect((await first.exited).code).toBe(1);
    expect(first.lines.some((l) => l.includes('shutdown timed out'))).toBe(true);
    expect(zalo.sent).toHaveLength(0);

    zalo.holdSends = false;
    const second = await start();
    await eventually(() => zalo.sent.length === 1, 20_000, 'the reply after restart');
    expect(second.lines.some((l) => l.includes('taken back at start-up'))).toBe(true);
    await sleep(1_000);
    expect(zalo.sent).toHaveLength(1);
  });
});
