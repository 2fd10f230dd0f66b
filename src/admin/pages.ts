// The console itself: one HTML page and plain JavaScript modules (no build step), plus chart.js from
// node_modules.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../config/project-root';

/** src/admin/public, from the sources (ts-jest) or from dist/ after a build. */
function consoleDir(): string {
  const candidates = [path.join(__dirname, 'public'), path.join(projectRoot(), 'src', 'admin', 'public')];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'index.html')));
  if (!found) throw new Error(`staff console assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

const chartJs = () => path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');

export function pagesRouter(): Router {
  const dir = consoleDir();
  const html = fs.readFileSync(path.join(dir, 'index.html'));
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.status(200).type('html').set('Cache-Control', 'no-cache').send(html);
  });
  router.get('/static/vendor/chart.umd.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').sendFile(chartJs());
  });
  router.use('/static', express.static(dir, { index: false, maxAge: 0 }));
  return router;
}
