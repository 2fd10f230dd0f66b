// Two instances on one database: a publish (or a taught example) on one reaches the other's citizens
// within its polling interval, without a restart.
import path from 'node:path';
import { KnowledgeSync } from '../../src/kb/sync';
import { procedureKey, TRAINING_KEY } from '../../src/kb/published/keys';
import { loadAssistant, type Assistant } from '../../src/assistant';
import type { Stores } from '../../src/store/ports';
import { openSqliteStores } from '../../src/store/sqlite';
import { ROOT } from '../support/assistant';
import { eventually } from '../support/fakes/test-server';
import { dropFixture, fixture, type Fixture } from '../admin/support';
import { ask } from '../admin/knowledge/ask';

// Retraining after teaching is a full fit of the model (seconds; more on a busy machine): a guard, not a timing.
jest.setTimeout(120_000);

let f: Fixture;
let stores2: Stores;
let assistant2: Assistant;
let sync1: KnowledgeSync;
let sync2: KnowledgeSync;
const problems: string[] = [];

beforeAll(async () => {
  f = await fixture();
  stores2 = openSqliteStores(f.file); // the second instance: its own handle on the same file
  assistant2 = await loadAssistant({
    knowledgeDir: f.knowledgeDir,
    intentsDir: path.join(ROOT, 'intents'),
    stores: stores2,
  });
  const opts = {
    knowledgeDir: f.knowledgeDir,
    clock: () => new Date(),
    onProblems: (ps: Array<{ reason: string }>) => problems.push(...ps.map((p) => p.reason)),
  };
  sync1 = new KnowledgeSync({ ...opts, store: f.stores.knowledge, assistant: f.assistant, pollMs: 60_000 });
  sync2 = new KnowledgeSync({ ...opts, store: stores2.knowledge, assistant: assistant2, pollMs: 50 });
  await sync1.refresh();
  await sync2.refresh();
  sync2.start();
});
afterAll(async () => {
  sync2.stop();
  await stores2.close();
  await dropFixture(f);
});

it('a procedure published on one instance is answered by the other within its poll interval', async () => {
  const p = f.assistant.knowledge.current().procedures.get('khai-sinh')!;
  const fee = 'Lệ phí do Hội đồng nhân dân tỉnh quy định (bản xuất bản ở máy chủ thứ nhất).';
  await f.stores.knowledge.publish({
    key: procedureKey('khai-sinh'),
    content: { ...p, fee: { ...p.fee, summary: fee } },
    author: 'lan',
    at: new Date(),
    comment: null,
  });
  await sync1.refresh();
  expect(await ask(f.assistant, 'làm giấy khai sinh cho con mất bao nhiêu tiền')).toContain(fee);
  await eventually(
    async () => (await ask(assistant2, 'làm giấy khai sinh cho con mất bao nhiêu tiền')).includes(fee),
    5_000,
    'the second instance to answer the new fee',
  );
  expect(sync2.status()).toMatchObject({ source: 'files + 1 published (revision 1)', revision: 1 });
  expect(sync2.origin('khai-sinh')).toMatchObject({ source: 'store', version: 1, author: 'lan' });
});

it('training examples published on one instance retrain the other', async () => {
  const text = 'nhà tôi khó khăn muốn được xã hỗ trợ gạo';
  // Taught for a procedure the second instance does not read it as yet (whichever the model says now).
  const target = assistant2.understand(text).procedure === 'tro-cap-xa-hoi' ? 'ho-ngheo' : 'tro-cap-xa-hoi';
  expect(assistant2.understand(text).procedure).not.toBe(target);
  const examples = Array.from({ length: 6 }, (_, i) => ({
    text: `${text} ${['ạ', 'nhé', 'giúp tôi', 'với', 'được không', 'thế nào'][i] ?? ''}`,
    intent: 'procedure' as const,
    procedure: target,
    aspect: 'general' as const,
    author: 'lan',
    at: new Date().toISOString(),
  }));
  await f.stores.knowledge.publish({
    key: TRAINING_KEY,
    content: { examples: [...examples, { ...examples[0], text }] },
    author: 'lan',
    at: new Date(),
    comment: null,
  });
  await eventually(() => sync2.status().trainingVersion === 1, 20_000, 'the second instance to retrain');
  expect(assistant2.understand(text).procedure).toBe(target);
}, 60_000);

it('a published version that no longer passes the schema is skipped and reported, never served', async () => {
  await f.stores.knowledge.publish({
    key: procedureKey('khai-tu'),
    content: { id: 'khai-tu', name: 'x' },
    author: 'lan',
    at: new Date(),
    comment: null,
  });
  await sync1.refresh();
  const files = sync1.status().storeProblems.map((p) => p.file);
  expect(files.length).toBeGreaterThan(0);
  expect(new Set(files)).toEqual(new Set(['procedure:khai-tu v1']));
  expect(f.assistant.knowledge.current().procedures.get('khai-tu')!.name).not.toBe('x');
  expect(sync1.origin('khai-tu')).toEqual({ source: 'files' });
  expect(problems.length).toBeGreaterThan(0);
});
