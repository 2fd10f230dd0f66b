// The assistant answers as the commune the citizen wrote to and files what it records under that commune.
import fs from 'node:fs';
import type { Assistant } from '../../src/assistant';
import type { InboundMessage } from '../../src/core/message';
import type { Stores } from '../../src/store/ports';
import { testAssistant } from '../support/assistant';

let assistant: Assistant;
let stores: Stores;
let dir: string;

beforeAll(async () => {
  ({ assistant, stores, dir } = await testAssistant());
});
afterAll(async () => {
  await stores.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const msg = (userId: string, text: string, commune?: string): InboundMessage => ({
  channel: 'zalo',
  userId,
  messageId: `${userId}:${text}`,
  kind: 'text',
  text,
  sentAt: new Date(),
  ...(commune === undefined ? {} : { commune }),
});

it("greets as the commune's centre, and without a commune as the default one", async () => {
  const kb = assistant.knowledge.current();
  const suoiMay = kb.communes.get('suoi-may')!;
  const fallback = kb.communes.get(kb.defaultCommune)!;
  const [first] = await assistant.respond(msg('g1', 'xin chào', 'suoi-may'));
  expect(first?.text).toContain(suoiMay.centre_name);
  const [plain] = await assistant.respond(msg('g2', 'xin chào'));
  expect(plain?.text).toContain(fallback.centre_name);
  // An id no commune has is the default commune too (ingest never sets one, but the store keeps any).
  const [unknown] = await assistant.respond(msg('g3', 'xin chào', 'khong-co'));
  expect(unknown?.text).toContain(fallback.centre_name);
});

it('a hand-off and a complaint are filed under the commune the citizen wrote to', async () => {
  await assistant.respond(msg('h1', 'cho tôi gặp cán bộ', 'suoi-may'));
  expect((await stores.handoffs.active('zalo', 'h1'))?.commune).toBe('suoi-may');
  await assistant.respond(msg('c1', 'tôi muốn phản ánh cán bộ tiếp dân thái độ không tốt', 'suoi-may'));
  expect((await stores.personalData.export('zalo', 'c1')).complaints.map((c) => c.commune)).toEqual([
    'suoi-may',
  ]);
});
