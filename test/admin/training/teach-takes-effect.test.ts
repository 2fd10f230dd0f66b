// Teaching from the inbox changes the bot's answer to the same sentence at once, through the real console
// HTTP API on loopback: a short form of a procedure ("giấy ks", "gks") and a follow-up taught "about whatever
// procedure is in context". Every reply is held to the 3-biết rules.
import { randomUUID } from 'node:crypto';
import type { Turn } from '../../../src/assistant';
import { styleViolations } from '../../../src/dialogue/style-check';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

// Retraining after teaching is a full fit of the model (seconds; more on a busy machine): a guard, not a timing.
jest.setTimeout(120_000);

const FOLLOW_UP = 'để đến hôm nào';
const SHORT = 'giấy ks';

let f: Fixture;
let srv: ConsoleServer;
let editor: Staff;
const problems: string[] = [];

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'mai', 'editor', undefined, ['hoa-an']);
  srv = await startConsole(f);
  editor = await Staff.signedIn(srv.url, 'mai');
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

/** One conversation: each message in turn; the last turn. Replies are style-checked as they come. */
async function conversation(...texts: string[]): Promise<Turn> {
  const userId = randomUUID();
  let turn: Turn | null = null;
  for (const [i, text] of texts.entries()) {
    turn = await f.assistant.turn({
      channel: 'web',
      userId,
      messageId: randomUUID(),
      kind: 'text',
      text,
      sentAt: f.clock.now(),
    });
    const kind = turn.decision?.plan.kind;
    const v = styleViolations(turn.replies, {
      greet: i === 0,
      centreName: f.assistant.knowledge.current().commune.centre_name,
      cannotHelp: ['not_understood', 'out_of_scope', 'did_you_mean', 'which'].includes(kind ?? ''),
      closing: kind === 'procedure' && i === 0,
    });
    problems.push(...v.map((p) => `${text} [${String(kind)}]: ${p}`));
  }
  return turn as Turn;
}

const inboxGroup = async (text: string) =>
  ((await editor.get('/inbox')).body.groups as any[]).find((g) => g.example === text);

it("the bot misses both sentences at first; the inbox shows them with the bot's own guess", async () => {
  expect(
    (await conversation('làm giấy khai sinh cho con cần những gì', FOLLOW_UP)).decision,
  ).not.toMatchObject({ procedure: 'khai-sinh', aspect: 'time' });
  expect((await conversation(SHORT)).decision?.plan.kind).not.toBe('procedure');
  for (const text of [FOLLOW_UP, SHORT]) {
    const g = await inboxGroup(text);
    expect(g).toBeDefined();
    expect(g.guess).toEqual(f.assistant.guess(text));
  }
  // The guess of a bare aspect question is a follow-up (no procedure); of a full question, its procedure.
  expect(f.assistant.guess('mất bao lâu')).toEqual({ intent: 'procedure', procedure: null, aspect: 'time' });
  expect(f.assistant.guess('đăng ký kết hôn mất bao lâu')).toEqual({
    intent: 'procedure',
    procedure: 'ket-hon',
    aspect: 'time',
  });
});

it('a follow-up taught "about the procedure in context" is answered about whichever procedure is asked', async () => {
  const g = await inboxGroup(FOLLOW_UP);
  const r = await editor.post('/inbox/assign', {
    normalized: g.normalized,
    text: FOLLOW_UP,
    intent: 'procedure',
    procedure: null,
    aspect: 'time',
  });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({
    resolved: true,
    answered: true,
    example: { text: FOLLOW_UP, procedure: null, aspect: 'time' },
  });
  expect((await conversation('làm giấy khai sinh cho con cần những gì', FOLLOW_UP)).decision).toMatchObject({
    procedure: 'khai-sinh',
    aspect: 'time',
  });
  expect((await conversation('đăng ký kết hôn cần giấy tờ gì', FOLLOW_UP)).decision).toMatchObject({
    procedure: 'ket-hon',
    aspect: 'time',
  });
  // Alone, it still lacks a procedure: the bot asks which one instead of guessing.
  expect((await conversation(FOLLOW_UP)).decision?.plan).toMatchObject({
    kind: 'ask_procedure',
    aspect: 'time',
  });
}, 30_000);

it('a short form taught as a procedure is answered as that procedure at once; "gks" too', async () => {
  const g = await inboxGroup(SHORT);
  const r = await editor.post('/inbox/assign', {
    normalized: g.normalized,
    text: SHORT,
    intent: 'procedure',
    procedure: 'khai-sinh',
    aspect: 'general',
  });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ answered: true });
  expect((await conversation(SHORT)).decision).toMatchObject({ procedure: 'khai-sinh', aspect: 'general' });
  // "gks" is in the files already, but the classifier answered another procedure: taught, not "already known".
  const gks = await editor.post('/inbox/assign', {
    text: 'gks',
    intent: 'procedure',
    procedure: 'khai-sinh',
    aspect: 'general',
  });
  expect(gks.status).toBe(200);
  // Either the model already reads it so (nothing to teach) or the taught sentence is answered at once.
  expect(gks.body.known === true || gks.body.answered === true).toBe(true);
  expect((await conversation('gks')).decision).toMatchObject({ procedure: 'khai-sinh' });
}, 30_000);

it('teaching the same sentence again with another label corrects it', async () => {
  const r = await editor.post('/inbox/assign', {
    text: SHORT,
    intent: 'procedure',
    procedure: 'trich-luc-ho-tich',
    aspect: 'general',
  });
  expect(r.status).toBe(200);
  const texts = ((await editor.get('/training/examples')).body.examples as any[]).filter(
    (e) => e.text === SHORT,
  );
  expect(texts).toEqual([expect.objectContaining({ procedure: 'trich-luc-ho-tich' })]);
  expect((await conversation(SHORT)).decision).toMatchObject({ procedure: 'trich-luc-ho-tich' });
}, 30_000);

it('every reply followed the 3-biết rules', () => {
  expect(problems).toEqual([]);
});
