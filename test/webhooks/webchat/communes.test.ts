// A commune's web chat at /x/<id>/ (page and API), `/` listing the communes or serving the only one, and a
// polite 404 for an unknown commune; on a real loopback server.
import type { Server } from 'node:http';
import express from 'express';
import { createLogger } from '../../../src/config/logger';
import { webchatApiRouter } from '../../../webhooks/webchat/api';
import { webchatPageRouter } from '../../../webhooks/webchat/page';
import type { WebchatSite } from '../../../webhooks/webchat/site';
import { closeServer, listenLoopback } from '../../support/fakes/listen';
import { StubAssistant } from '../../support/fakes/stub-assistant';

const TWO: WebchatSite = {
  province: 'tỉnh Sơn Lâm',
  communes: [
    { id: 'hoa-an', name: 'xã Hòa An' },
    { id: 'suoi-may', name: 'xã Suối Mây' },
  ],
};
const ONE: WebchatSite = { province: 'tỉnh Sơn Lâm', communes: [{ id: 'hoa-an', name: 'xã Hòa An' }] };

let server: Server;
let url: string;
let assistant: StubAssistant;

async function serve(site?: WebchatSite): Promise<void> {
  assistant = new StubAssistant();
  const app = express();
  app.use(
    webchatApiRouter({
      assistant,
      logger: createLogger('silent'),
      perMinute: 100,
      ...(site && { site: () => site }),
    }),
  );
  app.use(
    webchatPageRouter({
      meta: [{ name: 'zalo-platform-site-verification', content: 'abc' }],
      ...(site && { site: () => site }),
    }),
  );
  ({ server, url } = await listenLoopback(app));
}
afterEach(async () => {
  await closeServer(server);
});

const page = async (p: string) => {
  const r = await fetch(`${url}${p}`, { redirect: 'manual' });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
};
const ask = (p: string, text = 'giờ làm việc') =>
  fetch(`${url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: 'session-1234', text }),
  });

describe('several communes', () => {
  beforeEach(() => serve(TWO));

  it('/ lists every commune with a link to its chat, and keeps the domain-verification tag', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain('tỉnh Sơn Lâm');
    expect(html).toContain('<a href="/x/hoa-an/">xã Hòa An</a>');
    expect(html).toContain('<a href="/x/suoi-may/">xã Suối Mây</a>');
    expect(html).toContain('name="viewport"');
    expect(html).toContain('<meta name="zalo-platform-site-verification" content="abc">');
    expect(html).not.toContain('id="composer"');
  });

  it("a commune's page is its chat, headed with its name; without the slash it redirects", async () => {
    const { status, html } = await page('/x/suoi-may/');
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="chat__title">Trợ lý Bộ phận Một cửa xã Suối Mây</h1>');
    expect(html).toContain('<title>Trợ lý Bộ phận Một cửa xã Suối Mây</title>');
    expect(html).toContain('id="composer"');
    expect(html).not.toContain('{{commune}}');
    expect(await page('/x/suoi-may')).toMatchObject({ status: 301, location: '/x/suoi-may/' });
  });

  it('an unknown commune gets a polite Vietnamese 404 page listing the communes', async () => {
    const { status, html } = await page('/x/khong-co/');
    expect(status).toBe(404);
    expect(html).toContain('Xin chào anh/chị');
    expect(html).toContain('em xin lỗi');
    expect(html).toContain('Cảm ơn anh/chị');
    expect(html).toContain('<a href="/x/hoa-an/">xã Hòa An</a>');
  });

  it("a commune's API answers with that commune; an unknown one is a 404 in Vietnamese", async () => {
    const r = await ask('/x/suoi-may/webchat/api/messages');
    expect(r.status).toBe(200);
    expect(((await r.json()) as { replies: unknown[] }).replies).toHaveLength(1);
    expect(assistant.seen.map((m) => m.commune)).toEqual(['suoi-may']);

    const unknown = await ask('/x/khong-co/webchat/api/messages');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('em xin lỗi');
    expect(assistant.seen).toHaveLength(1);
  });

  it('the un-prefixed API names no commune (the default one answers)', async () => {
    expect((await ask('/webchat/api/messages')).status).toBe(200);
    expect(assistant.seen.map((m) => m.commune)).toEqual([undefined]);
  });
});

describe('one commune', () => {
  beforeEach(() => serve(ONE));

  it("/ serves the only commune's chat, and its messages carry that commune", async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="chat__title">Trợ lý Bộ phận Một cửa xã Hòa An</h1>');
    expect(html).toContain('<meta name="zalo-platform-site-verification" content="abc">');
    expect((await ask('/webchat/api/messages')).status).toBe(200);
    expect(assistant.seen.map((m) => m.commune)).toEqual(['hoa-an']);
  });
});

describe('no communes named', () => {
  beforeEach(() => serve());

  it('/ serves the unnamed chat as before communes', async () => {
    const { html } = await page('/');
    expect(html).toContain('<h1 class="chat__title">Trợ lý Bộ phận Một cửa xã</h1>');
    expect((await page('/x/hoa-an/')).status).toBe(404);
  });
});
