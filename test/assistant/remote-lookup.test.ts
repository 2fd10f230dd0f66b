// The assistant with the live lookup wired in (as the server does when DOSSIER_API_URL is set): a code
// unknown locally is found remotely; a remote that is down gets the citizen an apology, never an error.
import { randomUUID } from 'node:crypto';
import type { Assistant } from '../../src/assistant';
import { styleViolations } from '../../src/dialogue/style-check';
import { remoteDossierLookup } from '../../src/dossiers/remote-lookup';
import type { Stores } from '../../src/store/ports';
import { testAssistant } from '../support/assistant';
import { FakeDossierApi } from '../support/fakes/fake-dossier-api';

const LOCAL = '000.00.15.H12-251118-0007';
const REMOTE = '000.00.15.H12-251118-0042';

let api: FakeDossierApi;
let assistant: Assistant;
let stores: Stores;

beforeAll(async () => {
  api = new FakeDossierApi();
  await api.start();
  api.dossiers.set(REMOTE, {
    code: REMOTE,
    procedureId: 'ket-hon',
    applicantName: 'Trần Thị Bình',
    receivedAt: '2025-11-18T01:00:00Z',
    dueAt: '2025-11-21T10:00:00Z',
    status: 'processing',
  });
  const remoteLookup = remoteDossierLookup({
    baseUrl: api.url,
    timeoutMs: 200,
    retries: 1,
    backoff: { baseMs: 5, maxMs: 10 },
  });
  ({ assistant, stores } = await testAssistant({
    remoteLookup,
    lookupLimits: { perConversationPerMinute: 100 },
  }));
  await stores.dossiers.upsert({
    code: LOCAL,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: null,
    receivedAt: new Date('2025-11-18T01:00:00Z'),
    dueAt: new Date('2025-11-20T10:00:00Z'),
    status: 'result_ready',
    reason: null,
    note: null,
    history: [],
    updatedAt: new Date('2025-11-20T01:00:00Z'),
  });
});
afterAll(async () => {
  await api.stop();
  await stores.close();
});

const ask = async (code: string) => {
  const turn = await assistant.turn({
    channel: 'web',
    userId: randomUUID(),
    messageId: randomUUID(),
    kind: 'text',
    text: `tra hồ sơ ${code}`,
    sentAt: new Date(),
  });
  return { turn, text: turn.replies.map((r) => r.text).join('\n') };
};

test('a code not found locally is answered from the remote system, name masked', async () => {
  api.mode = 'up';
  const { text } = await ask(REMOTE);
  expect(text).toContain(`Thông tin hồ sơ ${REMOTE}`);
  expect(text).toContain('Trần T*** B');
  expect(text).toContain('Đang xử lý');
});

test('the local store answers first: the remote is not asked', async () => {
  api.calls = 0;
  expect((await ask(LOCAL)).text).toContain('Đã có kết quả');
  expect(api.calls).toBe(0);
});

test('remote down: an apology with the way to a person, not "not found", and the 3-biết rules hold', async () => {
  api.mode = 'down';
  const { turn, text } = await ask(REMOTE);
  expect(text).toContain('hệ thống tra cứu hồ sơ đang tạm gián đoạn');
  expect(text).not.toContain('chưa tìm thấy');
  expect(turn.replies.at(-1)?.options).toEqual(expect.arrayContaining(['Gặp cán bộ']));
  expect(
    styleViolations(turn.replies, {
      greet: true,
      centreName: assistant.knowledge.current().commune.centre_name,
      cannotHelp: true,
      closing: false,
    }),
  ).toEqual([]);
});
