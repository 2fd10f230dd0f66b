// GET /healthz: the process is up. GET /readyz: the store answers and the knowledge is loaded (503
// otherwise, and while shutting down, so a load balancer stops sending traffic).
import express, { type Router } from 'express';

export interface Readiness {
  storePing(): Promise<void>;
  knowledgeLoaded(): boolean;
  shuttingDown(): boolean;
}

export function healthRouter(r: Readiness): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, 'ok' | string> = {};
    try {
      await r.storePing();
      checks['store'] = 'ok';
    } catch (err) {
      checks['store'] = `unreachable: ${err instanceof Error ? err.message : String(err)}`;
    }
    checks['knowledge'] = r.knowledgeLoaded() ? 'ok' : 'not loaded';
    if (r.shuttingDown()) checks['server'] = 'shutting down';
    const ready = Object.values(checks).every((v) => v === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  return router;
}
