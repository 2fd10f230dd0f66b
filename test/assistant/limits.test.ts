// Issue 10, finding 5 over real HTTP: a web chat client sweeping receipt codes with a new session id for
// every message is refused after the per-address limit, with the Vietnamese explanation; a found dossier's
// note shows phone and ID numbers masked; a flood of requests for a person from one address is capped.
import { dropFixture, fixture, startConsole, type ConsoleServer, type Fixture } from '../admin/support';
import type { Dossier } from '../../src/store/ports';

let f: Fixture;
let srv: ConsoleServer;
const AT = new Date('2025-11-18T02:00:00Z');
const code = (n: number) => `000.00.15.H12-251118-${String(n).padStart(4, '0')}`;
const dossier = (n: number, note: string | null): Dossier => ({
  code: code(n),
  procedureId: 'khai-sinh',
  applicantName: 'Nguyễn Văn An',
  phone: '0912345678',
  receivedAt: AT,
  dueAt: new Date(AT.getTime() + 3 * 86_400_000),
  status: 'processing',
  reason: null,
  note,
  history: [{ status: 'processing', at: AT, note: null }],
  updatedAt: AT,
});

beforeAll(async () => {
  f = await fixture();
  // Limits count in fixed windows: start at the top of an hour so that no window ends mid-test.
  f.clock.advance(3_600_000 - (f.clock.now().getTime() % 3_600_000));
  await f.stores.dossiers.upsert(
    dossier(7, 'Cán bộ Lan (0912 345 678) sẽ gọi; CCCD người nộp 001203004567.'),
  );
  // The production default: no trusted proxy; the per-message limiter is out of the way.
  srv = await startConsole(f, { env: { TRUST_PROXY: '', WEBCHAT_MESSAGES_PER_MINUTE: '10000' } });
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

let session = 0;
async function say(text: string, headers: Record<string, string> = {}): Promise<string> {
  session += 1;
  const r = await fetch(`${srv.url}/webchat/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ sessionId: `sweep-${session}-${'x'.repeat(8)}`, text }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { replies: Array<{ text: string }> }).replies.map((x) => x.text).join('\n');
}

it('the found dossier shows its note with the phone and CCCD masked', async () => {
  const answer = await say(`tra cứu hồ sơ ${code(7)}`);
  expect(answer).toContain('Ghi chú: Cán bộ Lan (***678) sẽ gọi; CCCD người nộp ***567.');
  expect(answer).not.toMatch(/0912|001203004567/);
});

it('sweeping codes with a new session id (and a spoofed X-Forwarded-For) each time is refused after the limit', async () => {
  const answers: string[] = [];
  for (let n = 1; n <= 30; n++)
    answers.push(await say(`tra cứu hồ sơ ${code(100 + n)}`, { 'X-Forwarded-For': `198.51.100.${n}` }));
  const refused = answers.filter((a) => a.includes('tạm dừng tra cứu'));
  // 10 lookups a minute per address, one of them spent by the test above.
  expect(answers.slice(0, 9).every((a) => a.includes('chưa tìm thấy hồ sơ'))).toBe(true);
  expect(refused).toHaveLength(21);
  expect(refused[0]).toMatch(/^Dạ, em xin lỗi/m);
  // Even the real dossier is not shown while the address is over its limit.
  expect(await say(`tra cứu hồ sơ ${code(7)}`)).toContain('tạm dừng tra cứu');
});

it('requests for a person from one address are capped; the rest get the hotline', async () => {
  const answers: string[] = [];
  for (let i = 0; i < 8; i++) answers.push(await say('cho tôi gặp cán bộ'));
  expect(answers.filter((a) => a.includes('đã nhận nhiều yêu cầu gặp cán bộ'))).toHaveLength(3);
  expect(await f.stores.handoffs.count({ state: 'waiting', channels: ['web'] })).toBe(5);
});
