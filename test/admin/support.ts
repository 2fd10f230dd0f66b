// The staff console on a real loopback server for tests: the real app (runtime, helmet, web chat), a real
// SQLite file, the real assistant (loaded once per test file and shared), a clock the test controls, and a
// small HTTP client that keeps the session cookie and sends the CSRF token like the console does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadAdminConfig, type AdminConfig } from '../../src/admin/config';
import type { AdminDeps } from '../../src/admin/deps';
import { hashPassword } from '../../src/services/staff/password';
import { KnowledgeSync } from '../../src/kb/sync';
import { adminRouter } from '../../src/admin/router';
import { loadAssistant, type Assistant } from '../../src/assistant';
import { dossierService } from '../../src/dossiers/service';
import { Outbox } from '../../src/services/outbox';
import { loadConfig } from '../../src/services/config';
import { channelsOn } from '../../src/services/notifier';
import { createLogger } from '../../src/config/logger';
import { buildRuntime, type Runtime, type Tuning } from '../../src/server/runtime';
import { closeServer } from '../../src/server/shutdown';
import type { StaffRole, Stores } from '../../src/store/ports';
import { openSqliteStores } from '../../src/store/sqlite';
import { ROOT } from '../support/assistant';
import { listenLoopback } from '../support/fakes/listen';
import { FAST_TUNING } from '../support/fakes/test-server';
import { CHANNELS } from '../../webhooks/channels';

export const PASSWORD = 'mật khẩu đủ dài 123';
/** Cheap scrypt parameters: tests create many accounts; the format and the code path are the real ones. */
export const TEST_COST = { N: 1024, r: 8, p: 1 };
export const ROLES: readonly StaffRole[] = ['viewer', 'editor', 'admin'];

export function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-kb-'));
  fs.cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true });
  return dir;
}

/** Real time, moved forward on demand (to expire sessions, or let a staff member go idle). */
export class TestClock {
  private offset = 0;
  readonly now = () => new Date(Date.now() + this.offset);
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface Fixture {
  dir: string;
  file: string;
  knowledgeDir: string;
  stores: Stores;
  assistant: Assistant;
  clock: TestClock;
}

/** One SQLite file, a copy of knowledge/, and the real assistant on them. */
export async function fixture(o: { handoffIdleMs?: number } = {}): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-admin-'));
  const file = path.join(dir, 'motcua.sqlite');
  const stores = openSqliteStores(file);
  const knowledgeDir = copyKnowledge();
  const clock = new TestClock();
  const assistant = await loadAssistant({
    knowledgeDir,
    intentsDir: path.join(ROOT, 'intents'),
    stores,
    clock: clock.now,
    ...(o.handoffIdleMs ? { handoffIdleMs: o.handoffIdleMs } : {}),
  });
  return { dir, file, knowledgeDir, stores, assistant, clock };
}

export async function dropFixture(f: Fixture): Promise<void> {
  await f.stores.close().catch(() => undefined);
  fs.rmSync(f.dir, { recursive: true, force: true });
  fs.rmSync(f.knowledgeDir, { recursive: true, force: true });
}

export async function addStaff(
  stores: Stores,
  username: string,
  role: StaffRole,
  password = PASSWORD,
  /** The communes the account works for; none = province-wide. */
  communes: string[] = [],
): Promise<void> {
  await stores.staff.create(
    { username, role, communes, passwordHash: await hashPassword(password, TEST_COST), disabled: false },
    new Date(),
  );
}

export interface ConsoleServer {
  url: string;
  runtime: Runtime;
  deps: AdminDeps;
  logs: string[];
  stop(): Promise<void>;
}

/** The real app with the staff console mounted; the pipeline runs only when `pipeline` is set. */
export async function startConsole(
  f: Fixture,
  o: {
    admin?: Partial<AdminConfig>;
    env?: Record<string, string>;
    pipeline?: boolean;
    tuning?: Partial<Tuning>;
  } = {},
): Promise<ConsoleServer> {
  // The test client plays the reverse proxy (it names client addresses in X-Forwarded-For), so loopback
  // is trusted unless a test sets TRUST_PROXY itself ('' = the production default, trust none).
  const config = loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback', ...o.env }, CHANNELS);
  const admin = {
    ...loadAdminConfig(
      {},
      {
        knowledgeDir: f.knowledgeDir,
        intentsDir: path.join(ROOT, 'intents'),
        channelsOn: channelsOn(config),
        windows: config.windows,
        messagingChannels: config.messagingChannels,
      },
    ),
    ...o.admin,
  };
  const logs: string[] = [];
  const logger = createLogger('warn', { write: (line: string) => void logs.push(line) });
  const sync = new KnowledgeSync({
    store: f.stores.knowledge,
    assistant: f.assistant,
    knowledgeDir: f.knowledgeDir,
    pollMs: admin.knowledgePollMs,
    clock: f.clock.now,
  });
  await sync.refresh();
  const outbox = new Outbox(f.stores.outbox);
  const deps: AdminDeps = {
    stores: f.stores,
    assistant: f.assistant,
    clock: f.clock.now,
    config: admin,
    sync,
    logger,
    dossiers: dossierService({
      stores: f.stores,
      knowledge: () => f.assistant.knowledge.current(),
      notifier: () => runtime.notify,
      limits: config.sheetLimits,
    }),
    outbox,
  };
  const runtime = buildRuntime({
    config,
    stores: f.stores,
    assistant: f.assistant,
    logger,
    routers: [adminRouter(deps)],
    outbox,
    tuning: { ...FAST_TUNING, ...o.tuning },
  });
  const { server, url }: { server: Server; url: string } = await listenLoopback(runtime.app);
  if (o.pipeline) await runtime.start();
  return {
    url,
    runtime,
    deps,
    logs,
    async stop() {
      sync.stop();
      await closeServer(server, 1_000);
      if (o.pipeline) await runtime.stop();
    },
  };
}

export interface Res {
  status: number;
  body: any;
  headers: Headers;
  text: string;
}

/** A browser-like client of the staff API: keeps the cookie, sends the CSRF token on changes. */
export class Staff {
  cookie: string | null = null;
  csrf: string | null = null;
  role: StaffRole | null = null;

  constructor(
    readonly url: string,
    readonly ip = '127.0.0.1',
  ) {}

  static async signedIn(url: string, username: string, password = PASSWORD): Promise<Staff> {
    const s = new Staff(url);
    const r = await s.login(username, password);
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    return s;
  }

  async login(username: string, password: string): Promise<Res> {
    const r = await this.send('POST', '/admin/api/login', { body: { username, password }, csrf: false });
    if (r.status === 200) {
      this.csrf = r.body.csrfToken;
      this.role = r.body.role;
    }
    return r;
  }

  async send(
    method: string,
    pathAndQuery: string,
    o: {
      body?: unknown;
      raw?: Buffer;
      contentType?: string;
      csrf?: boolean | string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Res> {
    const headers: Record<string, string> = { 'X-Forwarded-For': this.ip, ...o.headers };
    if (this.cookie) headers['Cookie'] = this.cookie;
    const token = typeof o.csrf === 'string' ? o.csrf : o.csrf === false ? null : this.csrf;
    if (token && method !== 'GET') headers['X-CSRF-Token'] = token;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (o.raw) {
      body = new Uint8Array(o.raw);
      headers['Content-Type'] = o.contentType ?? 'application/octet-stream';
    } else if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['Content-Type'] = o.contentType ?? 'application/json';
    }
    const res = await fetch(`${this.url}${pathAndQuery}`, { method, headers, body });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('motcua_staff='));
    if (set) {
      const value = set.split(';')[0] ?? '';
      this.cookie = value === 'motcua_staff=' ? null : value;
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  get(p: string) {
    return this.send('GET', `/admin/api${p}`);
  }
  post(p: string, body: unknown = {}) {
    return this.send('POST', `/admin/api${p}`, { body });
  }
  put(p: string, body: unknown) {
    return this.send('PUT', `/admin/api${p}`, { body });
  }
  patch(p: string, body: unknown) {
    return this.send('PATCH', `/admin/api${p}`, { body });
  }
}
