// Issue 10, finding 6 on a real loopback server with the production default TRUST_PROXY (trust none):
// a client naming its own address in X-Forwarded-For gets no fresh allowance, the real user can still
// sign in from another address, a broken cookie or body is the client's 400, weak passwords are refused.
import http from 'node:http';
import {
  addStaff,
  dropFixture,
  fixture,
  PASSWORD,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

let f: Fixture;
let srv: ConsoleServer;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'lan', 'admin');
  await addStaff(f.stores, 'quan', 'admin'); // signs in from 127.0.0.1 after 'lan' was throttled there
});
afterAll(() => dropFixture(f));
beforeEach(async () => {
  srv = await startConsole(f, { env: { TRUST_PROXY: '' } });
});
afterEach(() => srv.stop());

/** A sign-in from a real second loopback address (Linux routes all of 127/8 to lo). */
function loginFrom(localAddress: string, username: string, password: string): Promise<number> {
  const url = new URL(`${srv.url}/admin/api/login`);
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('sign-in throttling without a trusted proxy', () => {
  it('60 wrong passwords with a different spoofed X-Forwarded-For each are throttled; the real user signs in from elsewhere', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push((await new Staff(srv.url, `203.0.113.${i}`).login('lan', 'sai mật khẩu rồi')).status);
    const throttled = statuses.filter((s) => s === 429).length;
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]); // ADMIN_LOGIN_MAX_FAILURES free failures
    expect(throttled).toBeGreaterThanOrEqual(55);
    expect(statuses.at(-1)).toBe(429);
    expect(await loginFrom('127.0.0.2', 'lan', PASSWORD)).toBe(200);
  });
});

describe('malformed input is a 400, never a 500', () => {
  it('a cookie with a broken escape', async () => {
    const s = new Staff(srv.url);
    s.cookie = 'motcua_staff=%E0%A4%A';
    const r = await s.get('/me');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'bad_cookie' });
  });

  it('a truncated JSON body, a body in an unsupported charset', async () => {
    const s = new Staff(srv.url);
    expect((await s.send('POST', '/admin/api/login', { body: '{"username":', csrf: false })).status).toBe(
      400,
    );
    const charset = await s.send('POST', '/admin/api/login', {
      body: '{}',
      contentType: 'application/json; charset=klingon',
      csrf: false,
    });
    expect(charset.status).toBe(415);
  });
});

describe('weak passwords', () => {
  it('the console refuses ten a’s and ten spaces for a new account', async () => {
    const s = await Staff.signedIn(srv.url, 'quan');
    for (const password of ['aaaaaaaaaa', ' '.repeat(10)]) {
      const r = await s.post('/staff', { username: 'hoa', role: 'viewer', password });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.problems)).toMatch(/password/);
    }
    expect(
      (await s.post('/staff', { username: 'hoa', role: 'viewer', password: 'mật khẩu mới của Hoa 2026' }))
        .status,
    ).toBe(200);
  });
});
