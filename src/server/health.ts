// GET /healthz: the process is up. GET /readyz: the store answers AND takes a write, no write has failed
// since the last success, and the knowledge is loaded (503 otherwise, and while shutting down, so a load
// balancer stops sending traffic). Details also show the outbox: dead letters and items waiting, which do
// not make an instance unready (another instance could not send them either) but need a person.
import express, { type Router } from 'express';
import { firstLine } from '../core/first-line';
import type { OutboxState } from '../store/ports';
import type { WriteHealthState } from '../store/write-health';

export interface Readiness {
  storePing(): Promise<void>;
  /** A real write (this instance's heartbeat). */
  storeWrite(): Promise<void>;
  writesOk(): WriteHealthState;
  outbox(): Promise<Record<OutboxState, number>>;
  knowledgeLoaded(): boolean;
  shuttingDown(): boolean;
}

export function healthRouter(r: Readiness): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    try {
      await r.storePing();
      await r.storeWrite();
      checks['store'] = 'ok';
    } catch (err) {
      checks['store'] = `unavailable: ${firstLine(err)}`;
    }
    // The probe's success has already cleared an episode; a failure seen elsewhere since still counts.
    const w = r.writesOk();
    if (!w.ok)
      checks['store'] = `refusing writes since ${w.since.toISOString()}: ${w.error ?? 'unknown error'}`;
    checks['knowledge'] = r.knowledgeLoaded() ? 'ok' : 'not loaded';
    if (r.shuttingDown()) checks['server'] = 'shutting down';
    const ready = Object.values(checks).every((v) => v === 'ok');
    const outbox = await r.outbox().catch(() => null);
    const details = outbox && {
      outbox: { waiting: outbox.pending + outbox.sending, deadLetters: outbox.dead, failed: outbox.failed },
    };
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks, ...(details ? { details } : {}) });
  });
  return router;
}
