// The 3-biết rules over every reply to a broad set of messages: the repo's evaluation sets (eval/*.jsonl)
// plus messages of every kind, each in a fresh conversation and all in one long conversation.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Assistant, Turn } from '../../src/assistant';
import { styleViolations } from '../../src/dialogue/style-check';
import type { Stores } from '../../src/store/ports';
import { ROOT, testAssistant } from '../support/assistant';

const CANNOT_HELP = new Set(['not_understood', 'out_of_scope', 'bad_code', 'which', 'did_you_mean', null]);
// Closings thank in their own words every time (a subscription may too); answers thank once per
// conversation (issue 9).
const ALWAYS_THANK = new Set(['thanks', 'goodbye', 'complaint', 'handoff']);
const MAY_THANK = new Set([...ALWAYS_THANK, 'notify']);
const ANSWERS = new Set(['procedure', 'office']);
const EVAL_DIR = path.join(ROOT, 'eval');
const EVAL_TEXTS = fs
  .readdirSync(EVAL_DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => fs.readFileSync(path.join(EVAL_DIR, f), 'utf8').split('\n').filter(Boolean))
  .map((l) => (JSON.parse(l) as { text?: string }).text)
  .filter((t): t is string => typeof t === 'string');

const OWN = [
  'chào ad',
  'lam giay khai sinh can gi',
  'phí sao y bao nhiêu',
  'còn kết hôn thì sao?',
  'tra hồ sơ',
  '000.00.15.H12-251118-0007',
  '000.31.H50-251030-0041',
  'cảm ơn nhé',
  'bye',
  'gặp cán bộ',
  'mấy giờ mở cửa',
  'tôi phản ánh thái độ cán bộ',
  'hát một bài đi',
  '???',
  'asdkjh qwe',
  'Lệ phí',
  'Các thủ tục',
  'Báo khi có kết quả',
  'làm căn cước cho con',
  'đăng ký tạm trú online được không',
  'x'.repeat(900),
  '🙏🙏🙏',
];

let assistant: Assistant;
let stores: Stores;
beforeAll(async () => {
  ({ assistant, stores } = await testAssistant());
});
afterAll(() => stores.close());

/** `thanked`: the bot thanked earlier in this conversation. */
function check(turn: Turn, greet: boolean, label: string, thanked = false): string[] {
  const plan = turn.decision?.plan;
  const kind = plan?.kind ?? null;
  const text = turn.replies.map((r) => r.text).join('\n');
  const always = ALWAYS_THANK.has(kind as string);
  const may = MAY_THANK.has(kind as string);
  return styleViolations(turn.replies, {
    greet,
    centreName: assistant.knowledge.current().commune.centre_name,
    cannotHelp: CANNOT_HELP.has(kind) || /chưa tìm thấy|tạm dừng tra cứu/.test(text),
    closing: always || (ANSWERS.has(kind as string) && (greet || !thanked)),
    thankedBefore: thanked && !greet && !may,
    legalBasis: plan?.kind === 'procedure' && plan.view === 'legal_basis',
  }).map((v) => `${label} [${String(kind)}]: ${v}`);
}

const messages = (): string[] => [...EVAL_TEXTS, ...OWN];

it('every first reply of a conversation follows the 3-biết rules', async () => {
  const problems: string[] = [];
  for (const text of messages()) {
    const turn = await assistant.turn({
      channel: 'web',
      userId: randomUUID(),
      messageId: randomUUID(),
      kind: 'text',
      text,
      sentAt: new Date(),
    });
    problems.push(...check(turn, true, text.slice(0, 60)));
  }
  expect(problems).toEqual([]);
});

it('every reply in one long conversation follows the 3-biết rules', async () => {
  const problems: string[] = [];
  const userId = randomUUID();
  let first = true;
  let thanked = false;
  for (const text of messages()) {
    const turn = await assistant.turn({
      channel: 'messenger',
      userId,
      messageId: randomUUID(),
      kind: 'text',
      text,
      displayName: 'Phạm Thu Hà',
      sentAt: new Date(),
    });
    problems.push(...check(turn, first, text.slice(0, 60), thanked));
    thanked ||= turn.replies.some((r) => r.text.includes('cảm ơn'));
    first = false;
  }
  expect(problems).toEqual([]);
});

it('answers a non-text message politely', async () => {
  const turn = await assistant.turn({
    channel: 'zalo',
    userId: randomUUID(),
    messageId: randomUUID(),
    kind: 'sticker',
    text: '',
    sentAt: new Date(),
  });
  expect(check(turn, true, 'sticker')).toEqual([]);
  expect(turn.replies[0]?.text).toContain('chỉ đọc được tin nhắn bằng chữ');
});
