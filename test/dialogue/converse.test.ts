import { randomUUID } from 'node:crypto';
import type { Assistant, Turn } from '../../src/assistant';
import type { Stores } from '../../src/store/ports';
import { styleViolations } from '../../src/dialogue/style-check';
import { testAssistant } from '../support/assistant';

const CANNOT_HELP = new Set(['not_understood', 'out_of_scope', 'bad_code', 'which', 'did_you_mean']);
// Closings thank in their own words every time (a subscription may too); answers thank once per
// conversation (issue 9).
const ALWAYS_THANK = new Set(['thanks', 'goodbye', 'complaint', 'handoff']);
const MAY_THANK = new Set([...ALWAYS_THANK, 'notify']);
const ANSWERS = new Set(['procedure', 'office']);

let assistant: Assistant;
let stores: Stores;
let clock = new Date('2026-11-25T03:00:00Z'); // Wednesday 10:00 in Vietnam: the centre is open
const seen: Array<{ text: string; turn: Turn; greet: boolean; thanked: boolean }> = [];

beforeAll(async () => {
  ({ assistant, stores } = await testAssistant({
    clock: () => clock,
    lookupLimits: { perConversationPerMinute: 5 },
  }));
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  await stores.dossiers.upsert({
    code: '000.00.15.H12-251118-0007',
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: null,
    receivedAt: day('2026-11-18'),
    dueAt: day('2026-11-20'),
    status: 'result_ready',
    reason: null,
    note: null,
    history: [],
    updatedAt: day('2026-11-20'),
  });
  await stores.dossiers.upsert({
    code: '000.00.15.H12-251101-0003',
    procedureId: 'dat-dai',
    applicantName: 'Trần Thị Bình',
    phone: null,
    receivedAt: day('2026-11-01'),
    dueAt: day('2026-11-10'),
    status: 'processing',
    reason: null,
    note: 'Đang chờ đo đạc.',
    history: [],
    updatedAt: day('2026-11-02'),
  });
});

async function say(conversation: string, text: string, displayName?: string): Promise<Turn> {
  const earlier = seen.filter((s) => s.text.startsWith(`${conversation}|`));
  const turn = await assistant.turn({
    channel: 'web',
    userId: conversation,
    messageId: randomUUID(),
    kind: 'text',
    text,
    displayName,
    sentAt: clock,
  });
  const greet = all(turn).includes('xin chào');
  // Thanks count since the last greeting (a new greeting starts a new conversation).
  const since = earlier.slice(earlier.map((s) => s.greet).lastIndexOf(true));
  const thanked = !greet && since.some((s) => all(s.turn).includes('cảm ơn'));
  seen.push({ text: `${conversation}|${text}`, turn, greet: earlier.length === 0 || greet, thanked });
  return turn;
}
const all = (t: Turn) => t.replies.map((r) => r.text).join('\n');

describe('converse: understanding in context', () => {
  const c = 'ctx';
  it('answers the documents of a procedure asked without diacritics', async () => {
    const t = await say(c, 'lam giay khai sinh cho be can gi');
    expect(t.decision).toMatchObject({ intent: 'procedure', procedure: 'khai-sinh', aspect: 'documents' });
    expect(all(t)).toMatch(/1\. .*Tờ khai đăng ký khai sinh/);
    expect(all(t)).toContain('Giấy chứng sinh');
  });
  it('keeps the procedure for a follow-up about the fee', async () => {
    const t = await say(c, 'còn lệ phí bao nhiêu?');
    expect(t.decision).toMatchObject({ intent: 'procedure', procedure: 'khai-sinh', aspect: 'fee' });
    expect(all(t)).toContain('miễn');
  });
  it('keeps the aspect when switching procedure ("còn kết hôn thì sao?")', async () => {
    const t = await say(c, 'còn kết hôn thì sao?');
    expect(t.decision).toMatchObject({ intent: 'procedure', procedure: 'ket-hon', aspect: 'fee' });
  });
  it('follows a tapped option', async () => {
    const t = await say(c, 'Thời gian');
    expect(t.decision).toMatchObject({ procedure: 'ket-hon', aspect: 'time' });
  });
});

describe('converse: dossier status', () => {
  it('asks for the code, then looks up the next message that has one, masking the name', async () => {
    const a = await say('lookup', 'tra hồ sơ');
    expect(a.decision?.plan.kind).toBe('ask_code');
    expect(all(a)).toContain('000.00.15.H12-251118-0007');
    const b = await say('lookup', 'đây ạ: 000.00.15.h12 - 251118 - 0007');
    expect(b.decision).toMatchObject({ intent: 'status_lookup', code: '000.00.15.H12-251118-0007' });
    const text = all(b);
    expect(text).toContain('Đã có kết quả');
    expect(text).toContain('Nguyễn V*** A');
    expect(text).not.toContain('Nguyễn Văn An');
    expect(text).toMatch(/căn cước/);
  });
  it('apologises for an overdue dossier and lets the citizen subscribe', async () => {
    const t = await say('overdue', 'ho so 000.00.15.H12-251101-0003 sao lau vay');
    expect(all(t)).toContain('xin lỗi');
    expect(all(t)).toContain('Đang chờ đo đạc.');
    const s = await say('overdue', 'báo cho tôi khi có kết quả nhé');
    expect(s.decision?.plan.kind).toBe('notify');
    expect(await stores.subscriptions.forCode('000.00.15.H12-251101-0003')).toHaveLength(1);
  });
  it('apologises for an unknown code and gives the hotline', async () => {
    const t = await say('unknown', '000.99.99.H99-250101-0001');
    expect(all(t)).toMatch(/xin lỗi.*chưa tìm thấy/s);
    expect(all(t)).toContain('0210 3 888 999');
  });
  it('explains what a code looks like when it is malformed', async () => {
    const t = await say('bad', 'hs của em số 000.00.09.H4-250610-0225 ạ');
    expect(t.decision).toMatchObject({ intent: 'status_lookup', code: null });
    expect(all(t)).toContain('chưa đúng dạng');
  });
  it('refuses politely beyond the lookups allowed per minute', async () => {
    let last: Turn | undefined;
    for (let i = 0; i < 6; i++) last = await say('enum', `000.00.15.H12-251118-00${10 + i}`);
    expect(all(last!)).toContain('tạm dừng tra cứu');
  });
});

describe('converse: the rest', () => {
  it('handles greetings, office info, complaints, hand-off, out of scope and goodbye', async () => {
    expect((await say('misc', 'chào xã')).decision?.intent).toBe('greeting');
    const office = await say('misc', 'trung tâm mấy giờ mở cửa');
    expect(all(office)).toContain('7:30');
    const complaint = await say('misc', 'tôi phản ánh cán bộ tiếp nhận thái độ rất hách dịch');
    expect(all(complaint)).toMatch(/thành thật xin lỗi/);
    const human = await say('misc', 'cho tôi gặp cán bộ');
    expect(human.decision?.plan.kind).toBe('handoff');
    const oos = await say('misc', 'cách nấu phở bò');
    expect(oos.decision?.plan.kind).toBe('out_of_scope');
    const bye = await say('misc', 'thôi chào nhé, bye');
    expect(all(bye)).toContain('cảm ơn');
  });
  it('tells the citizen when staff will answer outside office hours, with an apology', async () => {
    clock = new Date('2026-11-29T14:00:00Z'); // Sunday 21:00 in Vietnam
    const t = await say('night', 'cho gặp cán bộ');
    expect(all(t)).toMatch(/xin lỗi.*ngoài giờ làm việc/s);
    clock = new Date('2026-11-25T03:00:00Z');
  });
  it('addresses the citizen by display name', async () => {
    const t = await say('named', 'xin chào', 'Lê Thị Lan');
    expect(all(t)).toContain('anh/chị Lan');
  });
  it('greets again after a long pause', async () => {
    await say('pause', 'lệ phí khai tử');
    clock = new Date(clock.getTime() + 6 * 3600_000);
    const t = await say('pause', 'lệ phí khai tử');
    expect(all(t)).toContain('xin chào');
    clock = new Date('2026-11-25T03:00:00Z');
  });
});

afterAll(async () => {
  await stores.close();
});

describe('every reply above follows the 3-biết rules', () => {
  it('greets first, apologises when it cannot help, thanks when closing, ends with a next step', () => {
    expect(seen.length).toBeGreaterThan(15);
    const problems = seen.flatMap(({ text, turn, greet, thanked }) => {
      const kind = turn.decision?.plan.kind ?? 'non_text';
      const always = ALWAYS_THANK.has(kind);
      const may = MAY_THANK.has(kind);
      const v = styleViolations(turn.replies, {
        greet,
        centreName: 'Trung tâm Phục vụ hành chính công xã Hòa An',
        cannotHelp: CANNOT_HELP.has(kind) || /chưa tìm thấy|tạm dừng tra cứu/.test(all(turn)),
        closing: always || (ANSWERS.has(kind) && !thanked),
        thankedBefore: thanked && !may,
      });
      return v.map((x) => `${text} [${kind}]: ${x}`);
    });
    expect(problems).toEqual([]);
  });
});
