// The services root builds each part on first use: a command that needs no store opens none, and the
// CLI's conversations on a scratch store leave nothing in the live one. The dossier service records a
// status change with one audit shape, whoever makes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/services/config';
import { createLogger } from '../../src/config/logger';
import { demoDossiers } from '../../src/dossiers/demo';
import { buildServices } from '../../src/services/build';
import { CHANNELS } from '../../webhooks/channels';

let dir: string;
let live: string;
const silent = createLogger('silent');
const config = () => loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: live }, CHANNELS);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-services-'));
  live = path.join(dir, 'live.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('reading the configuration opens no store', async () => {
  const s = buildServices(config(), { logger: silent });
  expect(s.config.store.sqlitePath).toBe(live);
  await s.close();
  expect(fs.existsSync(live)).toBe(false);
});

test('a conversation on the scratch store answers from the demo dossiers and leaves the live store untouched', async () => {
  const s = buildServices(config(), { logger: silent, store: 'scratch', seedDemo: true });
  try {
    const stores = await s.stores();
    expect(await stores.dossiers.count()).toBeGreaterThan(0);
    const t = await (
      await s.assistant()
    ).turn({
      channel: 'cli',
      userId: 'run:1',
      messageId: 'm1',
      kind: 'text',
      text: 'cho tôi gặp cán bộ',
      sentAt: new Date(),
    });
    expect(t.replies.length).toBeGreaterThan(0);
    expect((await stores.handoffs.list({ state: 'waiting' }, 10)).length).toBe(1);
  } finally {
    await s.close();
  }
  expect(fs.existsSync(live)).toBe(false);
});

test('a status change is written, audited in one shape and told to subscribers', async () => {
  const now = new Date('2026-11-20T03:00:00Z');
  const s = buildServices(config(), { logger: silent, seedDemo: true, clock: () => now });
  try {
    const stores = await s.stores();
    const [demo] = demoDossiers(now);
    if (!demo) throw new Error('no demo dossiers');
    await stores.subscriptions.add(
      { code: demo.code, channel: 'zalo', userId: 'z1' },
      new Date(now.getTime() - 60_000),
    );
    const changed = await (
      await s.dossiers()
    ).changeStatus(demo.code, 'result_ready', 'Mời nhận kết quả', 'lan', now);
    expect(changed?.dossier.status).toBe('result_ready');
    expect(changed?.notices).toEqual({ notified: 0, waiting: 1, phone: 'skipped' });
    const [entry] = await stores.audit.list({ target: demo.code }, 10);
    expect(entry).toMatchObject({
      actor: 'lan',
      action: 'dossier.status',
      target: demo.code,
      before: { status: demo.status, reason: demo.reason },
      after: { status: 'result_ready', reason: null, note: 'Mời nhận kết quả' },
    });
    expect(
      await (await s.dossiers()).changeStatus('000.00.15.H12-251118-9999', 'result_ready', null, 'lan', now),
    ).toBeNull();
  } finally {
    await s.close();
  }
});
