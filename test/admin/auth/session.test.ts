// Signing in and out on a real loopback server: cookie flags, idle expiry, disabled accounts, CSRF,
// throttling per account and per IP, security headers on every page.
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

const MINUTE = 60_000;
let f: Fixture;
let srv: ConsoleServer;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'lan', 'editor');
  await addStaff(f.stores, 'an', 'viewer');
});
afterAll(() => dropFixture(f));
beforeEach(async () => {
  srv = await startConsole(f, {
    admin: { loginFreeFailures: 3, loginMaxPerIp: 8, sessionIdleMs: 30 * MINUTE },
  });
});
afterEach(() => srv.stop());

describe('sign in', () => {
  it('sets an httpOnly, SameSite=Strict cookie scoped to /admin and returns the role and a CSRF token', async () => {
    const s = new Staff(srv.url);
    const r = await s.login('  LAN ', PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      username: 'lan',
      role: 'editor',
      province: true,
      defaultCommune: 'hoa-an',
      communes: [
        { id: 'hoa-an', name: 'xã Hòa An' },
        { id: 'suoi-may', name: 'xã Suối Mây' },
      ],
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
    });
    const cookie = r.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^motcua_staff=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await s.get('/me')).body).toMatchObject({
      username: 'lan',
      role: 'editor',
      csrfToken: r.body.csrfToken,
      idleMinutes: 30,
    });
    expect((await f.stores.audit.list({ actor: 'lan' }, 10)).map((e) => e.action)).toContain('staff.login');
  });

  it('the cookie is Secure behind an HTTPS reverse proxy (trusted X-Forwarded-Proto)', async () => {
    const s = new Staff(srv.url);
    const r = await s.send('POST', '/admin/api/login', {
      body: { username: 'lan', password: PASSWORD },
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(r.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('a wrong password or unknown user gets the same answer', async () => {
    const s = new Staff(srv.url, '10.0.0.1');
    const wrong = await s.login('lan', 'sai mật khẩu rồi');
    const unknown = await s.login('nobody', 'sai mật khẩu rồi');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(s.cookie).toBeNull();
  });

  it('only a JSON body is accepted (a cross-site form cannot sign anyone in)', async () => {
    const s = new Staff(srv.url, '10.0.0.2');
    const form = await s.send('POST', '/admin/api/login', {
      body: `username=lan&password=${encodeURIComponent(PASSWORD)}`,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    const text = await s.send('POST', '/admin/api/login', {
      body: JSON.stringify({ username: 'lan', password: PASSWORD }),
      contentType: 'text/plain',
    });
    expect(text.status).toBe(400);
    expect(s.cookie).toBeNull();
  });
});

describe('sessions', () => {
  it('expire after the idle timeout; activity keeps them alive', async () => {
    const s = await Staff.signedIn(srv.url, 'lan');
    f.clock.advance(20 * MINUTE);
    expect((await s.get('/me')).status).toBe(200);
    f.clock.advance(20 * MINUTE); // 20 minutes since the last request: still alive
    expect((await s.get('/me')).status).toBe(200);
    f.clock.advance(31 * MINUTE);
    const expired = await s.get('/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('session_expired');
    expect((await s.get('/me')).status).toBe(401);
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const s = await Staff.signedIn(srv.url, 'lan');
    const stolen = s.cookie;
    expect((await s.post('/logout')).status).toBe(200);
    const again = new Staff(srv.url);
    again.cookie = stolen;
    expect((await again.get('/me')).status).toBe(401);
  });

  it('a disabled account is signed out at once', async () => {
    await addStaff(f.stores, 'tam', 'editor');
    const s = await Staff.signedIn(srv.url, 'tam');
    await f.stores.staff.update('tam', { disabled: true }, new Date());
    expect((await s.get('/me')).status).toBe(401);
    expect((await s.login('tam', PASSWORD)).status).toBe(401);
  });

  it('a role change applies to the next request', async () => {
    await addStaff(f.stores, 'hoa', 'editor');
    const s = await Staff.signedIn(srv.url, 'hoa');
    await f.stores.staff.update('hoa', { role: 'viewer' }, new Date());
    expect((await s.get('/me')).body.role).toBe('viewer');
    expect((await s.post('/knowledge/reload')).status).toBe(403);
  });

  it('a forged or over-long cookie is simply not signed in', async () => {
    const s = new Staff(srv.url);
    s.cookie = 'motcua_staff=forged';
    expect((await s.get('/me')).status).toBe(401);
    s.cookie = `motcua_staff=${'x'.repeat(5_000)}`;
    expect((await s.get('/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('every state change needs the session token in X-CSRF-Token', async () => {
    const s = await Staff.signedIn(srv.url, 'lan');
    const other = await Staff.signedIn(srv.url, 'lan');
    for (const csrf of [false, 'wrong-token', other.csrf as string, `${String(s.csrf)}x`]) {
      const r = await s.send('POST', '/admin/api/knowledge/reload', { body: {}, csrf });
      expect(r.status).toBe(403);
      expect(r.body.error).toBe('csrf');
    }
    expect((await s.send('POST', '/admin/api/logout', { body: {}, csrf: false })).status).toBe(403);
    expect((await s.get('/me')).status).toBe(200); // still signed in
    expect((await s.post('/knowledge/reload')).status).toBe(200);
    // Reads need no token.
    expect((await s.send('GET', '/admin/api/knowledge', { csrf: false })).status).toBe(200);
  });
});

describe('login throttling', () => {
  it('per account and address: after 3 failures that address waits, longer each time; other addresses are unaffected', async () => {
    const attacker = new Staff(srv.url, '10.1.0.1');
    for (let i = 0; i < 3; i++) expect((await attacker.login('an', 'sai mật khẩu rồi')).status).toBe(401);
    const blocked = await attacker.login('AN', PASSWORD); // same account, any case; even the right password waits
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      error: 'too_many_attempts',
      message: expect.stringMatching(/thử lại sau 1 giây/),
    });
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await new Staff(srv.url, '10.1.0.9').login('an', PASSWORD)).status).toBe(200); // the real user, elsewhere
    f.clock.advance(1_000);
    expect((await attacker.login('an', 'sai mật khẩu rồi')).status).toBe(401); // 4th failure: next wait 2 s
    expect((await attacker.login('an', PASSWORD)).headers.get('retry-after')).toBe('2');
    f.clock.advance(2_000);
    expect((await attacker.login('an', PASSWORD)).status).toBe(200); // success clears the counter
    expect((await attacker.login('an', 'sai mật khẩu rồi')).status).toBe(401);
  });

  it('successful sign-ins do not count', async () => {
    for (let i = 0; i < 6; i++)
      expect((await new Staff(srv.url, '10.2.0.1').login('lan', PASSWORD)).status).toBe(200);
  });

  it('per IP: many usernames from one address are throttled', async () => {
    const ip = '10.3.0.1';
    for (let i = 0; i < 8; i++)
      expect((await new Staff(srv.url, ip).login(`user${i}`, 'sai mật khẩu rồi')).status).toBe(401);
    expect((await new Staff(srv.url, ip).login('lan', PASSWORD)).status).toBe(429);
    expect((await new Staff(srv.url, '10.3.0.2').login('lan', PASSWORD)).status).toBe(200);
  });
});

describe('security headers', () => {
  it('on the console page, its assets and every API answer', async () => {
    const s = await Staff.signedIn(srv.url, 'lan');
    const page = await fetch(`${srv.url}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="vi">');
    for (const r of [
      page,
      await fetch(`${srv.url}/admin/static/js/app.js`),
      await fetch(`${srv.url}/admin/static/vendor/chart.umd.js`),
      await fetch(`${srv.url}/admin/api/me`),
    ]) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const api = await s.get('/me');
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${srv.url}/admin/static/vendor/chart.umd.js`)).headers.get('content-type')).toMatch(
      /javascript/,
    );
  });
});
