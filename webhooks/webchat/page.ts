// GET / — the web chat page (static HTML/JS/CSS, no build step). It carries the meta tags platforms check
// for domain verification (the webhook host's root page must serve them), e.g. ZALO_SITE_VERIFICATION.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

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

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function webchatPageRouter(opts: { meta?: Array<{ name: string; content: string }> } = {}): Router {
  const dir = publicDir();
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const meta = (opts.meta ?? [])
    .map((m) => `<meta name="${escapeAttr(m.name)}" content="${escapeAttr(m.content)}">`)
    .join('');
  const html = template.replace('<!--SITE_VERIFICATION-->', meta);
  const router = express.Router();
  router.get(['/', '/index.html'], (_req, res) => {
    res.status(200).type('html').set('Cache-Control', 'no-cache').send(html);
  });
  router.use(WEBCHAT_ASSET_PREFIX, express.static(dir, { index: false, maxAge: '1h' }));
  return router;
}
