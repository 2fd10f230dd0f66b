// The live lookup against a loopback fake of the provincial system: up, slow, down, flapping, and the
// circuit breaker that stops calling a remote that keeps failing.
import { remoteDossierLookup, type RemoteLookupOptions } from '../../src/dossiers/remote-lookup';
import { FakeDossierApi } from '../support/fakes/fake-dossier-api';
import { codeNo } from './fixtures';

const CODE = codeNo(42);
const REMOTE = {
  code: CODE,
  procedureId: 'ket-hon',
  applicantName: 'Trần Thị Bình',
  receivedAt: '2025-11-18T01:00:00.000Z',
  dueAt: '2025-11-21T10:00:00.000Z',
  status: 'Đã có kết quả', // provincial systems speak Vietnamese status words
  note: 'Nhận tại quầy số 2',
};

let api: FakeDossierApi;
let clock: number;
const lookup = (o: Partial<RemoteLookupOptions> = {}) =>
  remoteDossierLookup({
    baseUrl: api.url,
    timeoutMs: 200,
    retries: 2,
    backoff: { baseMs: 5, maxMs: 10 },
    failureThreshold: 3,
    coolDownMs: 30_000,
    now: () => clock,
    ...o,
  });

beforeEach(async () => {
  api = new FakeDossierApi();
  await api.start();
  api.dossiers.set(CODE, REMOTE);
  clock = 1_000_000;
});
afterEach(() => api.stop());

test('up: a known code is a dossier, an unknown one is null', async () => {
  const find = lookup();
  expect(await find(CODE)).toEqual({
    code: CODE,
    procedureId: 'ket-hon',
    applicantName: 'Trần Thị Bình',
    phone: null,
    receivedAt: new Date(REMOTE.receivedAt),
    dueAt: new Date(REMOTE.dueAt),
    status: 'result_ready',
    reason: null,
    note: 'Nhận tại quầy số 2',
    history: [{ status: 'result_ready', at: new Date(REMOTE.receivedAt), note: null }],
    updatedAt: new Date(REMOTE.receivedAt),
  });
  expect(await find(codeNo(43))).toBeNull();
  expect(api.calls).toBe(2);
});

test('slow: within the timeout it answers; beyond it every attempt times out and the lookup is unavailable', async () => {
  api.mode = 'slow';
  api.slowMs = 50;
  expect(await lookup()(CODE)).toMatchObject({ code: CODE });
  api.slowMs = 1_000;
  api.calls = 0;
  const started = Date.now();
  expect(await lookup()(CODE)).toBe('unavailable');
  expect(api.calls).toBe(3); // first try + 2 retries
  expect(Date.now() - started).toBeLessThan(1_000);
});

test('down: retried, then unavailable; after 3 failed lookups the breaker stops calling until the cool-down ends', async () => {
  api.mode = 'down';
  const find = lookup();
  for (let i = 0; i < 3; i++) expect(await find(CODE)).toBe('unavailable');
  expect(api.calls).toBe(9);
  expect(await find(CODE)).toBe('unavailable');
  expect(api.calls).toBe(9); // open: no call at all
  clock += 30_000;
  api.mode = 'up';
  expect(await find(CODE)).toMatchObject({ status: 'result_ready' }); // the trial call closes it
  api.mode = 'down';
  expect(await find(CODE)).toBe('unavailable');
  expect(api.calls).toBe(13); // closed again: it called (and retried)
});

test('a trial call that fails after the cool-down opens the breaker again', async () => {
  await api.stop(); // connection refused
  const find = lookup({ retries: 0 });
  for (let i = 0; i < 3; i++) expect(await find(CODE)).toBe('unavailable');
  clock += 30_000;
  expect(await find(CODE)).toBe('unavailable'); // the trial, refused
  await api.start(Number(new URL(api.url).port));
  expect(await find(CODE)).toBe('unavailable'); // open again: not even tried
  expect(api.calls).toBe(0);
});

test('flapping: a failed attempt is retried and the answer arrives; the breaker stays closed', async () => {
  api.mode = 'flapping';
  const find = lookup();
  for (let i = 0; i < 5; i++) expect(await find(CODE)).toMatchObject({ code: CODE });
  expect(api.calls).toBe(10);
});

test('an answer that is not a dossier, or about another code, is unavailable and not retried', async () => {
  api.dossiers.set(CODE, { code: CODE, status: 'đang họp' });
  expect(await lookup()(CODE)).toBe('unavailable');
  api.dossiers.set(CODE, { ...REMOTE, code: codeNo(99) });
  expect(await lookup()(CODE)).toBe('unavailable');
  expect(api.calls).toBe(2);
});
