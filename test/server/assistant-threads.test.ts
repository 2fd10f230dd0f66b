// The assistant in worker threads (the built dist/src/server/assistant-thread.js, as `npm start` runs it):
// each thread configures itself from the environment, opens its own connection to the same SQLite file and
// answers as the in-process assistant does, a citizen's conversation carried from turn to turn.
import fs from 'node:fs';
import path from 'node:path';
import { conversationIdOf, type InboundMessage } from '../../src/core/message';
import { AssistantThreads } from '../../src/server/assistant-threads';
import { testAssistant, ROOT } from '../support/assistant';
import { ensureBuilt } from '../support/fakes/child-server';
import { tmpSqlite, type TmpSqlite } from '../support/fakes/tmp-sqlite';

jest.setTimeout(120_000);

const SCRIPT = path.join(ROOT, 'dist/src/server/assistant-thread.js');
const msg = (userId: string, text: string, n: number): InboundMessage => ({
  channel: 'zalo',
  userId,
  messageId: `${userId}-${n}`,
  kind: 'text',
  text,
  sentAt: new Date(),
});
const TURNS = ['Xin chào', 'Đăng ký khai sinh cần giấy tờ gì?', 'Lệ phí bao nhiêu?'];

describe('AssistantThreads', () => {
  let db: TmpSqlite;
  let threads: AssistantThreads;
  beforeAll(async () => {
    ensureBuilt();
    db = tmpSqlite();
    threads = await AssistantThreads.start(2, { SQLITE_PATH: db.file, LOG_LEVEL: 'silent' }, SCRIPT);
  });
  afterAll(async () => {
    await threads.close();
    await db.cleanup();
  });

  it('answers each citizen as the in-process assistant does, turn after turn', async () => {
    const local = await testAssistant();
    try {
      for (const citizen of ['7000111222333000001', '7000111222333000002', '7000111222333000003']) {
        for (const [n, text] of TURNS.entries()) {
          const expected = await local.assistant.respond(msg(citizen, text, n));
          expect(await threads.respond(msg(citizen, text, n))).toEqual(expected);
        }
      }
    } finally {
      await local.stores.close();
      fs.rmSync(local.dir, { recursive: true, force: true });
    }
  });

  it('keeps the conversation in the shared store (the main thread reads what a thread wrote)', async () => {
    const m = msg('7000111222333000009', 'Đăng ký khai sinh cần giấy tờ gì?', 0);
    expect(await db.stores.conversations.load(conversationIdOf(m))).toBeNull();
    await threads.respond(m);
    expect(await db.stores.conversations.load(conversationIdOf(m))).not.toBeNull();
  });

  it('reports the understanding, for the metrics', async () => {
    const t = await threads.turn(msg('7000111222333000010', 'Chứng thực bản sao mất bao nhiêu tiền?', 0));
    expect(t.understanding?.confidence).toBeGreaterThan(0);
    expect(t.replies.length).toBeGreaterThan(0);
  });
});
