// Connecting a commune's Zalo OA from the console through Zalo OAuth v4 with PKCE, against the loopback fake
// of Zalo's OAuth endpoints: consent link, Zalo's redirect back, the code exchanged with its verifier, the
// pair stored for that OA. The state is bound to the admin's session; tokens are never shown back.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/services/config';
import { accountConnectors } from '../../../src/services/connectors';
import { CHANNELS } from '../../../webhooks/channels';
import { FakeZalo } from '../../support/fakes/fake-zalo';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

const APP = { appId: '1234567890123456789', appSecret: 'zalo-app-secret' };
const HOA_AN_OA = '3815200469981207011'; // knowledge/communes/hoa-an.yaml
const REDIRECT = 'https://motcua.example/admin/';

let f: Fixture;
let zalo: FakeZalo;
let srv: ConsoleServer;
let bare: ConsoleServer;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'tinh', 'admin');
  await addStaff(f.stores, 'hai', 'admin');
  await addStaff(f.stores, 'lan', 'editor');
  zalo = new FakeZalo({ ...APP, accessToken: 'unused', refreshToken: 'unused' });
  await zalo.start();
  const env = {
    ZALO_APP_ID: APP.appId,
    ZALO_APP_SECRET: APP.appSecret,
    ZALO_OA_SECRET_KEY: 'oa-secret-key',
    ZALO_OAUTH_BASE: zalo.url,
    ZALO_API_BASE: zalo.url,
    ZALO_OAUTH_REDIRECT_URI: REDIRECT,
  };
  const connectors = accountConnectors(loadConfig(env, CHANNELS));
  srv = await startConsole(f, { env, admin: { connectors, secretKey: randomBytes(32) } });
  bare = await startConsole(f, { env, admin: { connectors, secretKey: null } });
});
afterAll(async () => {
  await srv.stop();
  await bare.stop();
  await zalo.stop();
  await dropFixture(f);
});

/** What the admin's browser does on Zalo: open the consent link, come back with Zalo's query. */
async function consent(url: string): Promise<{ code: string; state: string; oa_id: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  const q = (k: string) => back.searchParams.get(k) ?? '';
  return { code: q('code'), state: q('state'), oa_id: q('oa_id') };
}

it('an admin connects a commune OA: PKCE consent, the callback stores that OA pair, no token is shown back', async () => {
  const admin = await Staff.signedIn(srv.url, 'tinh');
  const start = await admin.send('POST', '/admin/api/channels/zalo/connect', { body: { commune: 'hoa-an' } });
  expect(start.status).toBe(200);
  const link = new URL(start.body.url);
  expect(`${link.origin}${link.pathname}`).toBe(`${zalo.url}/v4/oa/permission`);
  expect(link.searchParams.get('app_id')).toBe(APP.appId);
  expect(link.searchParams.get('redirect_uri')).toBe(REDIRECT);
  expect(link.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);

  zalo.consentOaId = HOA_AN_OA;
  const back = await consent(start.body.url);
  const done = await admin.send('POST', '/admin/api/channels/zalo/callback', { body: back });
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ commune: 'hoa-an', channel: 'zalo', account: HOA_AN_OA });
  expect(zalo.codeExchanges).toEqual([{ code: back.code, ok: true }]);
  expect(await f.stores.tokens.get(`zalo:${HOA_AN_OA}`)).toMatchObject({
    accessToken: zalo.accessToken,
    refreshToken: zalo.refreshToken,
  });

  const list = await admin.send('GET', '/admin/api/channels');
  expect(list.status).toBe(200);
  const hoaAn = list.body.communes.find((c: { id: string }) => c.id === 'hoa-an');
  expect(hoaAn.accounts).toContainEqual(
    expect.objectContaining({ channel: 'zalo', account: HOA_AN_OA, connected: true }),
  );
  for (const r of [start, done, list]) {
    expect(r.text).not.toContain(zalo.accessToken);
    expect(r.text).not.toContain(zalo.refreshToken);
  }
  const audit = await admin.send('GET', '/admin/api/audit?action=channel.connect');
  expect(JSON.stringify(audit.body)).toContain(`zalo:${HOA_AN_OA}`);
});

it('refuses a state from another session, an OA that is not the commune, a used code, and non-admins', async () => {
  const tinh = await Staff.signedIn(srv.url, 'tinh');
  const hai = await Staff.signedIn(srv.url, 'hai');
  const start = await tinh.send('POST', '/admin/api/channels/zalo/connect', { body: { commune: 'hoa-an' } });
  zalo.consentOaId = HOA_AN_OA;
  const back = await consent(start.body.url);
  const stolen = await hai.send('POST', '/admin/api/channels/zalo/callback', { body: back });
  expect(stolen).toMatchObject({ status: 400, body: { error: 'bad_state' } });
  const forged = await tinh.send('POST', '/admin/api/channels/zalo/callback', {
    body: { ...back, state: `${back.state.split('.')[0] ?? ''}.${'A'.repeat(43)}` },
  });
  expect(forged.body.error).toBe('bad_state');
  const wrongOa = await tinh.send('POST', '/admin/api/channels/zalo/callback', {
    body: { ...back, oa_id: '5120934476615803382' },
  });
  expect(wrongOa.body.error).toBe('wrong_account');
  expect((await tinh.send('POST', '/admin/api/channels/zalo/callback', { body: back })).status).toBe(200);
  const replay = await tinh.send('POST', '/admin/api/channels/zalo/callback', { body: back });
  expect(replay.body.error).toBe('exchange_failed');

  const editor = await Staff.signedIn(srv.url, 'lan');
  expect(
    (await editor.send('POST', '/admin/api/channels/zalo/connect', { body: { commune: 'hoa-an' } })).status,
  ).toBe(403);
  expect((await editor.send('GET', '/admin/api/channels')).status).toBe(403);
  const unknown = await tinh.send('POST', '/admin/api/channels/zalo/connect', {
    body: { commune: 'khong-co' },
  });
  expect(unknown.status).toBe(404);
  expect(
    (await tinh.send('POST', '/admin/api/channels/messenger/connect', { body: { commune: 'hoa-an' } }))
      .status,
  ).toBe(409);
});

it('without MOTCUA_SECRET_KEY nothing is connected, and the operator is told why', async () => {
  const admin = await Staff.signedIn(bare.url, 'tinh');
  const r = await admin.send('POST', '/admin/api/channels/zalo/connect', { body: { commune: 'hoa-an' } });
  expect(r.status).toBe(503);
  expect(r.body.message).toMatch(/MOTCUA_SECRET_KEY/);
  expect((await admin.send('GET', '/admin/api/channels')).body.secretKeySet).toBe(false);
});
