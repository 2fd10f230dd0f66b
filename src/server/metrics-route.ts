import express, { type Router } from 'express';
import type { Metrics } from './metrics';

/** GET /metrics in Prometheus text format. */
export function metricsRouter(metrics: Metrics): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.contentType).send(await metrics.text());
  });
  return router;
}
