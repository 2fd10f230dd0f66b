// The web chat pages (static HTML/JS/CSS, no build step): a commune's chat at /x/<id>/, and at `/` the list of
// communes, or the only one's chat. The root page carries the meta tags platforms check for domain
// verification (the webhook host's root page must serve them), e.g. ZALO_SITE_VERIFICATION.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import {
  communeById,
  communePrefix,
  escapeHtml,
  soleCommune,
  UNNAMED_SITE,
  type WebchatCommune,
  type WebchatSite,
} from './site';

export const WEBCHAT_ASSET_PREFIX = '/webchat';

/** The public/ folder, from the sources (ts-jest) or from dist/ after a build. */
export function publicDir(): string {
  const candidates = [
    path.join(__dirname, 'public'),
    path.resolve(__dirname, '../../../webhooks/webchat/public'),
  ];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'index.html')));
  if (!found) throw new Error(`web chat assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

export interface WebchatPageOptions {
  meta?: Array<{ name: string; content: string }>;
  /** Read on every request, so a knowledge reload adds or renames communes without a restart. */
  site?: () => WebchatSite;
}

/** A small page of our own (the list of communes, the unknown-commune page) in the chat's style. */
function shell(title: string, meta: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  ${meta}
  <title>${escapeHtml(title)}</title>
  <link rel="stylesheet" href="${WEBCHAT_ASSET_PREFIX}/style.css">
</head>
<body>
  <main class="directory">
${body}
  </main>
</body>
</html>
`;
}

function links(site: WebchatSite): string {
  const items = site.communes
    .map((c) => `      <li><a href="${communePrefix(c.id)}/">${escapeHtml(c.name)}</a></li>`)
    .join('\n');
  return `    <ul class="directory__list">\n${items}\n    </ul>`;
}

function listPage(site: WebchatSite, meta: string): string {
  const where = site.province ? ` ${site.province}` : '';
  return shell(
    `Trợ lý Bộ phận Một cửa các xã${where}`,
    meta,
    `    <h1 class="directory__title">Trợ lý Bộ phận Một cửa các xã${escapeHtml(where)}</h1>
    <p>Xin chào anh/chị! Anh/chị vui lòng chọn xã nơi mình cần làm thủ tục để hỏi trợ lý của xã đó ạ.</p>
${links(site)}
    <p class="directory__note">Đây là trợ lý tự động, thông tin để tham khảo. Cảm ơn anh/chị đã sử dụng dịch vụ.</p>`,
  );
}

function unknownPage(site: WebchatSite): string {
  return shell(
    'Không tìm thấy trang của xã',
    '',
    `    <h1 class="directory__title">Không tìm thấy trang của xã</h1>
    <p>Xin chào anh/chị! Dạ, em xin lỗi, em không tìm thấy trang trợ lý của xã theo đường dẫn này. Anh/chị vui lòng kiểm tra lại đường dẫn, hoặc chọn xã của mình dưới đây ạ.</p>
${site.communes.length ? links(site) : '    <p><a href="/">Về trang chủ</a></p>'}
    <p class="directory__note">Cảm ơn anh/chị đã kiên nhẫn.</p>`,
  );
}

export function webchatPageRouter(opts: WebchatPageOptions = {}): Router {
  const dir = publicDir();
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const site = opts.site ?? (() => UNNAMED_SITE);
  const meta = (opts.meta ?? [])
    .map((m) => `<meta name="${escapeHtml(m.name)}" content="${escapeHtml(m.content)}">`)
    .join('');
  // Without a commune the texts read as before communes: "Bộ phận Một cửa xã".
  const chatPage = (c: WebchatCommune | null, pageMeta: string) =>
    template
      .replace('<!--SITE_VERIFICATION-->', pageMeta)
      .replaceAll('{{commune}}', escapeHtml(c?.name ?? 'xã'));
  const send = (res: Response, status: number, html: string) => {
    res.status(status).type('html').set('Cache-Control', 'no-cache').send(html);
  };

  const router = express.Router();
  router.get(['/', '/index.html'], (_req, res) => {
    const s = site();
    send(res, 200, s.communes.length > 1 ? listPage(s, meta) : chatPage(soleCommune(s), meta));
  });
  router.get('/x/:commune', (req: Request<{ commune: string }>, res) => {
    const s = site();
    const c = communeById(s, req.params.commune);
    if (!c) {
      send(res, 404, unknownPage(s));
      return;
    }
    // The page's API and session are relative to its folder: /x/<id> must become /x/<id>/.
    if (!req.path.endsWith('/')) {
      res.redirect(301, `${communePrefix(c.id)}/`);
      return;
    }
    send(res, 200, chatPage(c, ''));
  });
  router.use(WEBCHAT_ASSET_PREFIX, express.static(dir, { index: false, maxAge: '1h' }));
  return router;
}
