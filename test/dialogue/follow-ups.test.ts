// Follow-ups in context (issue 8): every aspect cue of intents/aspects.yaml, with and without diacritics,
// asked after a procedure question, is answered about that procedure and that aspect; "còn X thì sao?",
// "cái kia", going back, a yes to "did you mean", and a bare aspect question with no context. Every reply
// is held to the 3-biết rules.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Assistant, Turn } from '../../src/assistant';
import { conversationIdOf } from '../../src/core/message';
import { reviveState } from '../../src/dialogue/state';
import type { Aspect } from '../../src/core/labels';
import { styleViolations } from '../../src/dialogue/style-check';
import { fold } from '../../src/nlu/fold';
import { loadTrainingData } from '../../src/nlu/training-data';
import type { Stores } from '../../src/store/ports';
import { ROOT, testAssistant } from '../support/assistant';

const CANNOT_HELP = new Set(['not_understood', 'out_of_scope', 'bad_code', 'which', 'did_you_mean']);
// Closings thank in their own words every time; answers thank once per conversation.
const CLOSINGS = new Set(['thanks', 'goodbye', 'complaint', 'handoff']);
/** A first question per procedure, asked in the citizen's words (the context of the follow-up). */
const OPENERS: Array<[string, string]> = [
  ['khai-sinh', 'làm giấy khai sinh cho con cần những gì'],
  ['ket-hon', 'đăng ký kết hôn cần giấy tờ gì'],
  ['chung-thuc-ban-sao', 'chứng thực bản sao giấy tờ cần gì'],
  ['khai-tu', 'làm giấy khai tử cho bố cần gì'],
];

let assistant: Assistant;
let stores: Stores;
const problems: string[] = [];
beforeAll(async () => {
  ({ assistant, stores } = await testAssistant());
});
afterAll(() => stores.close());

/** One conversation; every reply is style-checked (an answer thanks once per conversation). */
async function conversation<T extends string[]>(...texts: T): Promise<{ [K in keyof T]: Turn }> {
  const userId = randomUUID();
  const turns: Turn[] = [];
  let thanked = false;
  for (const [i, text] of texts.entries()) {
    const turn = await assistant.turn({
      channel: 'web',
      userId,
      messageId: randomUUID(),
      kind: 'text',
      text,
      sentAt: new Date(),
    });
    const kind = turn.decision?.plan.kind ?? '';
    const thanks = turn.replies.some((r) => r.text.includes('cảm ơn'));
    const v = styleViolations(turn.replies, {
      greet: i === 0,
      centreName: assistant.knowledge.current().commune.centre_name,
      cannotHelp: CANNOT_HELP.has(kind),
      closing: CLOSINGS.has(kind) || (kind === 'procedure' && !thanked),
      thankedBefore: thanked && !CLOSINGS.has(kind),
    });
    problems.push(...v.map((p) => `${texts.join(' → ')} [${kind}]: ${p}`));
    thanked ||= thanks;
    turns.push(turn);
  }
  // One turn per text, in order.
  return turns as { [K in keyof T]: Turn };
}

const { data } = loadTrainingData(path.join(ROOT, 'intents'));
const cues = Object.entries(data.aspectCues).flatMap(([aspect, phrases]) =>
  (phrases ?? []).map((p) => [aspect as Aspect, p] as const),
);
// Two spellings of each cue: as written and without diacritics ("mat bao lau").
const cases = cues.flatMap(([aspect, phrase], i) =>
  [phrase, fold(phrase)].map((text) => ({ aspect, text, opener: OPENERS[i % OPENERS.length]! })),
);

it('the cue list is not empty (the test reads the real file)', () => {
  expect(cues.length).toBeGreaterThan(100);
});

it.each([
  'cần giấy gì',
  'cần mang j',
  'mất bao lâu',
  'bao lâu có',
  'phí bao nhiêu',
  'phí thế nào',
  'có mất tiền ko',
  'ở đâu',
  'nộp online dc ko',
  'mat bao lau',
])('"%s" after a procedure question is a follow-up on it', async (text) => {
  const [, t] = await conversation('làm giấy khai sinh cho con cần những gì', text);
  expect(t.decision).toMatchObject({ intent: 'procedure', procedure: 'khai-sinh' });
});

it('every aspect cue, with and without diacritics, follows up on the procedure in context with its aspect', async () => {
  const wrong: string[] = [];
  for (const c of cases) {
    const [, t] = await conversation(c.opener[1], c.text);
    const d = t.decision;
    if (d?.procedure !== c.opener[0] || d.aspect !== c.aspect)
      wrong.push(
        `${c.text} (${c.aspect}, after ${c.opener[0]}): ${String(d?.plan.kind)} ${String(d?.procedure)}/${String(d?.aspect)}`,
      );
  }
  expect(wrong).toEqual([]);
}, 120_000);

describe('references to the conversation', () => {
  it('"còn X thì sao?" moves to X and keeps the aspect (no unit of the old procedure takes it)', async () => {
    const [, , t] = await conversation(
      'làm giấy khai sinh cho con cần những gì',
      'lệ phí bao nhiêu',
      'còn kết hôn thì sao?',
    );
    expect(t.decision).toMatchObject({ procedure: 'ket-hon', aspect: 'fee' });
    expect(t.decision?.plan).not.toHaveProperty('unit');
  });
  it('"cái kia" is the procedure before; "cái đó" the current one', async () => {
    const turns = await conversation(
      'làm giấy khai sinh cho con cần những gì',
      'đăng ký kết hôn mất bao lâu',
      'còn cái kia thì sao',
      'cái đó lệ phí bao nhiêu',
    );
    expect(turns[2].decision).toMatchObject({ procedure: 'khai-sinh', aspect: 'time' });
    expect(turns[3].decision).toMatchObject({ procedure: 'khai-sinh', aspect: 'fee' });
  });
  it.each(['quay lại khai sinh', 'còn vụ khai sinh lúc nãy', 'quay lai khai sinh'])(
    'going back: "%s"',
    async (text) => {
      const turns = await conversation(
        'làm giấy khai sinh cho con cần những gì',
        'đăng ký kết hôn cần giấy tờ gì',
        'mất bao lâu',
        text,
      );
      expect(turns[2].decision).toMatchObject({ procedure: 'ket-hon', aspect: 'time' });
      expect(turns[3].decision).toMatchObject({ procedure: 'khai-sinh', aspect: 'time' });
    },
  );
  it('the history of procedures survives the store (SQLite) between messages', async () => {
    const userId = randomUUID();
    for (const text of [
      'làm giấy khai sinh cho con cần những gì',
      'đăng ký kết hôn cần giấy tờ gì',
      'chứng thực bản sao mất bao lâu',
    ]) {
      await assistant.turn({
        channel: 'web',
        userId,
        messageId: randomUUID(),
        kind: 'text',
        text,
        sentAt: new Date(),
      });
    }
    const state = reviveState(await stores.conversations.load(conversationIdOf({ channel: 'web', userId })));
    expect(state).toMatchObject({ procedure: 'chung-thuc-ban-sao', history: ['ket-hon', 'khai-sinh'] });
  });
  it('a bare aspect question with no context asks which procedure, and a tap answers that aspect', async () => {
    for (const text of ['mất bao lâu', 'phí thế nào', 'cần mang j', 'o dau']) {
      const [t] = await conversation(text);
      expect(t.decision?.plan.kind).toBe('ask_procedure');
      expect(t.replies.at(-1)?.options).toContain('Đăng ký khai sinh');
    }
    const [, t] = await conversation('mất bao lâu', 'Đăng ký khai sinh');
    expect(t.decision).toMatchObject({ procedure: 'khai-sinh', aspect: 'time' });
  });
  it('openers and leaving phrases are small talk, not a hand-off or a complaint', async () => {
    for (const text of ['cho em hỏi', 'em muốn hỏi', 'cho mình hỏi chút'])
      expect((await conversation(text))[0].decision?.plan.kind).toBe('invite');
    for (const text of ['thôi em đi đây', 'vậy thôi nhé'])
      expect(
        (await conversation('làm giấy khai sinh cho con cần những gì', text))[1].decision?.plan.kind,
      ).toBe('goodbye');
  });
});

it('every reply of these conversations follows the 3-biết rules', () => {
  expect(problems).toEqual([]);
});
