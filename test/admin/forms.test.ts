// Bad input on every form of the console, sent straight to the API: too long, wrong types, unknown fields,
// broken JSON. Script tags are plain text: stored and returned exactly as typed (the console shows them
// as text; see the browser test), never refused and never interpreted.
import { codeNo } from '../dossiers/fixtures';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
  type Res,
} from './support';

const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const CODE = codeNo(7);

let f: Fixture;
let srv: ConsoleServer;
let admin: Staff;
let procedure: any;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'boss', 'admin');
  await addStaff(f.stores, 'lan', 'editor');
  srv = await startConsole(f, { admin: { loginMaxPerIp: 10_000, loginFreeFailures: 10_000 } });
  admin = await Staff.signedIn(srv.url, 'boss');
  procedure = (await admin.get('/knowledge/procedures/khai-sinh')).body.procedure;
  const at = new Date();
  await f.stores.dossiers.upsert({
    code: CODE,
    procedureId: 'khai-sinh',
    applicantName: 'Nguyễn Văn An',
    phone: null,
    receivedAt: at,
    dueAt: at,
    status: 'processing',
    reason: null,
    note: null,
    history: [],
    updatedAt: at,
  });
  await f.stores.handoffs.open({ channel: 'web', userId: 'w1', displayName: null, reason: 'asked' }, at);
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

const long = (n: number) => 'ả'.repeat(n);
const withFee = (summary: unknown) => ({ procedure: { ...procedure, fee: { ...procedure.fee, summary } } });

type Form = [name: string, send: (s: Staff) => Promise<Res>, field: string];
const FORMS: Form[] = [
  ['login: username too long', (s) => s.login(long(101), 'x'), 'username'],
  ['login: password too long', (s) => s.login('lan', long(201)), 'password'],
  [
    'login: username not a string',
    (s) => s.send('POST', '/admin/api/login', { body: { username: 42, password: 'x' }, csrf: false }),
    'username',
  ],
  [
    'staff: username too long',
    (s) => s.post('/staff', { username: 'a'.repeat(65), role: 'viewer', password: 'đủ dài rồi nhé' }),
    'username',
  ],
  [
    'staff: username with markup',
    (s) => s.post('/staff', { username: SCRIPT, role: 'viewer', password: 'đủ dài rồi nhé' }),
    'username',
  ],
  [
    'staff: unknown role',
    (s) => s.post('/staff', { username: 'minh', role: 'root', password: 'đủ dài rồi nhé' }),
    'role',
  ],
  [
    'staff: password too short',
    (s) => s.post('/staff', { username: 'minh', role: 'viewer', password: 'ngắn' }),
    'password',
  ],
  [
    'staff: password too long',
    (s) => s.post('/staff', { username: 'minh', role: 'viewer', password: long(201) }),
    'password',
  ],
  [
    'staff: a hash smuggled in',
    (s) =>
      s.post('/staff', {
        username: 'minh',
        role: 'admin',
        password: 'đủ dài rồi nhé',
        passwordHash: 'scrypt$x',
      }),
    '(body)',
  ],
  ['staff change: disabled as text', (s) => s.patch('/staff/lan', { disabled: 'yes' }), 'disabled'],
  ['staff change: role as number', (s) => s.patch('/staff/lan', { role: 2 }), 'role'],
  [
    'procedure: text too long',
    (s) => s.put('/knowledge/procedures/khai-sinh', withFee(long(4_001))),
    'fee.summary',
  ],
  [
    'procedure: text as number',
    (s) => s.put('/knowledge/procedures/khai-sinh', withFee(8000)),
    'fee.summary',
  ],
  [
    'procedure: amount as text',
    (s) =>
      s.put('/knowledge/procedures/khai-sinh', {
        procedure: { ...procedure, fee: { ...procedure.fee, items: [{ case: 'Quá hạn', vnd: '8.000' }] } },
      }),
    'fee.items.0.vnd',
  ],
  [
    'procedure: too many items',
    (s) =>
      s.put('/knowledge/procedures/khai-sinh', {
        procedure: { ...procedure, legal_basis: Array(101).fill('Luật Hộ tịch') },
      }),
    'legal_basis',
  ],
  [
    'procedure: unknown field',
    (s) => s.put('/knowledge/procedures/khai-sinh', { procedure: { ...procedure, price: 1 } }),
    '(file)',
  ],
  [
    'procedure: not an object',
    (s) => s.put('/knowledge/procedures/khai-sinh', { procedure: 'khai sinh' }),
    '(file)',
  ],
  [
    'procedure: comment too long',
    (s) =>
      s.put('/knowledge/procedures/khai-sinh', { ...withFee(procedure.fee.summary), comment: long(201) }),
    'comment',
  ],
  [
    'procedure: base version as text',
    (s) => s.put('/knowledge/procedures/khai-sinh', { ...withFee(procedure.fee.summary), baseVersion: '1' }),
    'baseVersion',
  ],
  [
    'preview: text too long',
    (s) => s.post('/knowledge/procedures/khai-sinh/preview', withFee(long(4_001))),
    'fee.summary',
  ],
  [
    'restore: version as text',
    (s) => s.post('/knowledge/procedures/khai-sinh/restore', { version: 'một' }),
    'version',
  ],
  [
    'restore: negative version',
    (s) => s.post('/knowledge/procedures/khai-sinh/restore', { version: -1 }),
    'version',
  ],
  [
    'knowledge import: bad flag',
    (s) => s.send('POST', '/admin/api/knowledge/import?dryRun=maybe', { raw: Buffer.from('x') }),
    'dryRun',
  ],
  ['knowledge search: too long', (s) => s.get(`/knowledge?q=${'a'.repeat(201)}`), 'q'],
  [
    'teach: sentence too long',
    (s) => s.post('/inbox/assign', { text: long(501), intent: 'out_of_scope' }),
    'text',
  ],
  ['teach: empty sentence', (s) => s.post('/inbox/assign', { text: '   ', intent: 'out_of_scope' }), 'text'],
  ['teach: intent as number', (s) => s.post('/inbox/assign', { text: 'câu hỏi', intent: 3 }), 'intent'],
  [
    'teach: unknown aspect',
    (s) =>
      s.post('/inbox/assign', {
        text: 'câu hỏi',
        intent: 'procedure',
        procedure: 'khai-sinh',
        aspect: 'color',
      }),
    'aspect',
  ],
  [
    'out of scope: group key too long',
    (s) => s.post('/inbox/out-of-scope', { normalized: 'a'.repeat(2_001), text: 'câu hỏi' }),
    'normalized',
  ],
  [
    'Q&A: question too long',
    (s) => s.post('/inbox/faq', { normalized: 'x', procedure: 'khai-sinh', q: long(4_001), a: 'Dạ có.' }),
    'q',
  ],
  [
    'Q&A: answer as list',
    (s) => s.post('/inbox/faq', { normalized: 'x', procedure: 'khai-sinh', q: 'Hỏi?', a: ['Dạ'] }),
    'a',
  ],
  [
    'remove example: text as object',
    (s) => s.post('/training/examples/remove', { text: { $ne: '' } }),
    'text',
  ],
  [
    'dossier status: note too long',
    (s) => s.post(`/dossiers/${CODE}/status`, { status: 'returned', note: long(1_001) }),
    'note',
  ],
  ['dossier status: status as number', (s) => s.post(`/dossiers/${CODE}/status`, { status: 1 }), 'status'],
  [
    'dossier import: file name too long',
    (s) =>
      s.send('POST', `/admin/api/dossiers/import?filename=${'a'.repeat(200)}.csv`, { raw: Buffer.from('x') }),
    'filename',
  ],
  ['hand-off reply: too long', (s) => s.post('/handoffs/1/reply', { text: long(2_001) }), 'text'],
  ['hand-off reply: not text', (s) => s.post('/handoffs/1/reply', { text: 5 }), 'text'],
  ['hand-off queue: unknown state', (s) => s.get('/handoffs?state=lost'), 'state'],
  ['dashboard: bad date', (s) => s.get('/dashboard?from=hôm qua'), 'from'],
  ['audit: limit too big', (s) => s.get('/audit?limit=100000'), 'limit'],
];

it.each(FORMS)('%s → 400 naming the field', async (_name, send, field) => {
  const r = await send(admin);
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  expect(r.body.problems.map((p: any) => p.field)).toContain(field);
  expect(typeof r.body.message).toBe('string');
});

it('broken JSON and oversized bodies are refused cleanly', async () => {
  const broken = await admin.send('POST', '/admin/api/inbox/assign', {
    body: '{"text": "câu',
    contentType: 'application/json',
  });
  expect(broken.status).toBe(400);
  expect(broken.body.error).toBe('invalid_json');
  const huge = await admin.send('POST', '/admin/api/inbox/assign', { body: { text: 'x'.repeat(600_000) } });
  expect(huge.status).toBe(413);
  expect(huge.body.error).toBe('too_large');
});

it('script tags are stored and returned as plain text (procedure, dossier note)', async () => {
  const fee = `Lệ phí: ${SCRIPT} đồng`;
  expect((await admin.put('/knowledge/procedures/khai-sinh', withFee(fee))).status).toBe(200);
  const back = await admin.get('/knowledge/procedures/khai-sinh');
  expect(back.headers.get('content-type')).toMatch(/^application\/json/);
  expect(back.headers.get('x-content-type-options')).toBe('nosniff');
  expect(back.body.procedure.fee.summary).toBe(fee);
  expect(f.assistant.preview(back.body.procedure, 'fee')[0]?.text).toContain(SCRIPT);

  const note = `Bổ sung ${SCRIPT}`;
  expect((await admin.post(`/dossiers/${CODE}/status`, { status: 'needs_supplement', note })).status).toBe(
    200,
  );
  expect((await admin.get(`/dossiers/${CODE}`)).body.dossier.reason).toBe(note);
});
