// Two communes of one province on one deployment (issue 12): the same questions through each commune's web
// chat (real HTTP on loopback, the real assistant on the repo's knowledge) and through `motcua converse` get
// each commune's name, hours and hotline, and so does a signed event to each commune's Zalo OA (a loopback fake
// of Zalo's servers receives the replies); the province's fee applies in both, a commune's override only in
// its own; a receipt code of commune A asked in commune B's chat is found in A and said so.
import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import { loadAssistant, type Assistant } from '../../src/assistant';
import { createLogger } from '../../src/config/logger';
import { communeOfCode } from '../../src/kb/commune-of-code';
import { forCommune } from '../../src/kb/for-commune';
import type { KnowledgeBase } from '../../src/kb/knowledge-base';
import type { Commune } from '../../src/kb/schema';
import { buildRuntime, type Runtime } from '../../src/server/runtime';
import { closeServer } from '../../src/server/shutdown';
import { loadConfig } from '../../src/services/config';
import type { Dossier } from '../../src/store/ports';
import { CHANNELS } from '../../webhooks/channels';
import { ROOT } from '../support/assistant';
import { FakeZalo } from '../support/fakes/fake-zalo';
import { zaloMac, zaloTextEvent } from '../support/fakes/signing';
import { eventually } from '../support/fakes/test-server';
import { listenLoopback } from '../support/fakes/listen';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

jest.setTimeout(60_000);

const A = 'hoa-an';
const B = 'suoi-may';
const HOURS = 'giờ làm việc của trung tâm';
const FEE = 'giấy phép xây dựng lệ phí bao nhiêu';
const PROVINCE_FEE_PROCEDURE = 'giay-phep-xay-dung';
const WHERE = 'chứng thực bản sao nộp ở đâu';
const OVERRIDDEN_PROCEDURE = 'chung-thuc-ban-sao';

let db: TmpSqlite;
let assistant: Assistant;
let runtime: Runtime;
let server: Server;
let url: string;
let kb: KnowledgeBase;
let code: string;
let zalo: FakeZalo;
const APP_ID = '1234567890123456789';
const OA_KEY = 'oa-secret-key-test';

const commune = (id: string): Commune => {
  const c = kb.communes.get(id);
  if (!c) throw new Error(`the demo knowledge has no commune ${id}`);
  return c;
};
const vnd = (n: number) => n.toLocaleString('vi-VN');
/** Where to apply in person for the overridden procedure, as commune B has it (its override). */
const overriddenWhere = () => forCommune(kb, B).procedures.get(OVERRIDDEN_PROCEDURE)?.where.in_person;

beforeAll(async () => {
  db = tmpSqlite();
  zalo = new FakeZalo({ appId: APP_ID, appSecret: 'app-secret', accessToken: 'AT', refreshToken: 'RT' });
  await zalo.start();
  const config = loadConfig(zalo.serverEnv(OA_KEY), CHANNELS);
  assistant = await loadAssistant({
    knowledgeDir: config.knowledgeDir,
    intentsDir: config.intentsDir,
    stores: db.stores,
  });
  kb = assistant.knowledge.current();
  // Each commune's OA has a stored pair, current so that start-up refreshes nothing.
  const later = new Date(Date.now() + 30 * 24 * 3_600_000);
  // The fake models one token pair, shared here by the env's default OA and both communes' OAs.
  for (const key of ['zalo', ...[A, B].map((id) => `zalo:${String(commune(id).zalo_oa_id)}`)])
    await db.stores.tokens.put(key, {
      accessToken: 'AT',
      refreshToken: 'RT',
      expiresAt: later,
    });
  runtime = buildRuntime({
    config,
    stores: db.stores,
    assistant,
    knowledge: assistant.knowledge,
    logger: createLogger('silent'),
  });
  ({ server, url } = await listenLoopback(runtime.app));
  await runtime.start();
  // A dossier received by commune A: its code carries A's agency code.
  code = `${commune(A).agency_code}-251118-0042`;
  const day = (d: string) => new Date(`${d}T01:00:00Z`);
  const dossier: Dossier = {
    code,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: null,
    receivedAt: day('2025-11-18'),
    dueAt: day('2025-11-20'),
    status: 'result_ready',
    reason: null,
    note: null,
    history: [{ status: 'result_ready', at: day('2025-11-20'), note: null }],
    updatedAt: day('2025-11-20'),
  };
  await db.stores.dossiers.upsert(dossier);
});

afterAll(async () => {
  if (server) await closeServer(server, 1_000);
  await runtime?.stop();
  await zalo?.stop();
  await db?.cleanup();
});

/** One conversation per commune and question, as a browser on that commune's page. */
async function webchat(communeId: string, text: string, session: string): Promise<string> {
  const res = await fetch(`${url}/x/${communeId}/webchat/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: `${session}-${communeId}`, text }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { replies: Array<{ text: string }> };
  return body.replies.map((r) => r.text).join('\n');
}

/** The same lines through the real CLI (the build `npm test` makes first), on the same SQLite file. */
function converse(lines: Array<{ conversation: string; text: string; commune?: string }>): string[] {
  const stdout = execFileSync(
    'node',
    [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'converse', '--store', 'live'],
    {
      input: lines.map((l) => JSON.stringify(l)).join('\n'),
      encoding: 'utf8',
      env: { ...process.env, SQLITE_PATH: db.file },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  return stdout
    .trim()
    .split('\n')
    .map((l) =>
      (JSON.parse(l) as { replies: Array<{ text: string }> }).replies.map((r) => r.text).join('\n'),
    );
}

function expectOwnProfile(answer: string, own: Commune, other: Commune): void {
  expect(answer).toContain(own.office_hours_text);
  expect(answer).toContain(own.hotline);
  expect(answer).toContain(own.commune_name);
  expect(answer).not.toContain(other.hotline);
  expect(answer).not.toContain(other.commune_name);
}

describe('two communes, one deployment', () => {
  it('the communes are the demo knowledge: two of one province, each with its own profile', () => {
    expect([...kb.communes.keys()].sort()).toEqual([A, B]);
    expect(commune(A).hotline).not.toBe(commune(B).hotline);
    expect(commune(A).office_hours_text).not.toBe(commune(B).office_hours_text);
    expect(communeOfCode(kb, code)).toBe(A);
  });

  it("each commune's web chat answers the hours question with its own name, hours and hotline", async () => {
    expectOwnProfile(await webchat(A, HOURS, 'hours'), commune(A), commune(B));
    expectOwnProfile(await webchat(B, HOURS, 'hours'), commune(B), commune(A));
  });

  it("the province's fee applies in both communes; a commune's override only in its own", async () => {
    const fee = kb.province.fees[PROVINCE_FEE_PROCEDURE];
    const shared = kb.procedures.get(PROVINCE_FEE_PROCEDURE);
    expect(fee?.items[0]).toBeDefined();
    const provinceAmount = vnd(fee!.items[0]!.vnd);
    // The shared file's fee is not the province's, so finding it proves the province's fee was applied.
    expect(shared?.fee.items.map((i) => vnd(i.vnd))).not.toContain(provinceAmount);
    for (const id of [A, B]) expect(await webchat(id, FEE, 'fee')).toContain(provinceAmount);

    const override = overriddenWhere();
    expect(override).toBeDefined();
    expect(kb.procedures.get(OVERRIDDEN_PROCEDURE)?.where.in_person).not.toBe(override);
    expect(await webchat(B, WHERE, 'where')).toContain(override);
    expect(await webchat(A, WHERE, 'where')).not.toContain(override);
  });

  it("a code of commune A asked in commune B's chat is found in A, and the reply says so", async () => {
    const answer = await webchat(B, code, 'code');
    expect(answer).toContain(code);
    expect(answer).toContain('Nguyễn V'); // found: the applicant's masked name
    expect(answer).toContain(`là mã hồ sơ của ${commune(A).centre_name}`);
    // Collected where it was received: commune A's centre and hours.
    expect(answer).toContain(`đến ${commune(A).centre_name} nhận kết quả`);
    expect(answer).toContain(commune(A).office_hours_text);
    // In A's own chat it is simply A's dossier.
    expect(await webchat(A, code, 'code')).not.toContain('là mã hồ sơ của');
  });

  it("a signed event to each commune's Zalo OA is answered as that commune, from its OA", async () => {
    for (const [own, other] of [
      [A, B],
      [B, A],
    ] as const) {
      const citizen = own === A ? '7000111222333444501' : '7000111222333444502';
      const raw = zaloTextEvent({
        appId: APP_ID,
        userId: citizen,
        oaId: commune(own).zalo_oa_id!,
        text: HOURS,
      });
      const res = await fetch(`${url}/webhooks/zalo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': zaloMac(raw, APP_ID, OA_KEY) },
        body: raw,
      });
      expect(res.status).toBe(200);
      const answer = () =>
        zalo.sent
          .filter((s) => s.userId === citizen)
          .map((s) => s.text)
          .join('\n');
      await eventually(() => answer().includes(commune(own).hotline), 20_000, `the reply of ${own}'s OA`);
      expectOwnProfile(answer(), commune(own), commune(other));
      const items = await db.stores.outbox.list({ userId: citizen }, 100);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.commune === own)).toBe(true);
    }
  });

  it('converse gives the same answers per commune, and the default commune without one', () => {
    const [hoursA, hoursB, hoursDefault, feeB, whereB, whereA, codeInB] = converse([
      { conversation: 'a', text: HOURS, commune: A },
      { conversation: 'b', text: HOURS, commune: B },
      { conversation: 'd', text: HOURS },
      { conversation: 'bf', text: FEE, commune: B },
      { conversation: 'bw', text: WHERE, commune: B },
      { conversation: 'aw', text: WHERE, commune: A },
      { conversation: 'bc', text: code, commune: B },
    ]);
    expectOwnProfile(hoursA!, commune(A), commune(B));
    expectOwnProfile(hoursB!, commune(B), commune(A));
    expectOwnProfile(hoursDefault!, commune(kb.defaultCommune), commune(kb.defaultCommune === A ? B : A));
    expect(feeB).toContain(vnd(kb.province.fees[PROVINCE_FEE_PROCEDURE]!.items[0]!.vnd));
    const override = overriddenWhere();
    expect(whereB).toContain(override);
    expect(whereA).not.toContain(override);
    expect(codeInB).toContain(`là mã hồ sơ của ${commune(A).centre_name}`);
  });
});
