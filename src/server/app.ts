// The Express 5 app factory: routes only, no listening, no background work.
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { errorHandler, notFound } from './errors-middleware';
import { healthRouter, type Readiness } from './health';
import type { Metrics } from './metrics';
import { metricsRouter } from './metrics-route';
import type { TrustProxy } from '../config/trust-proxy';

export interface AppParts {
  logger: Logger;
  metrics: Metrics;
  readiness: Readiness;
  /** Platform webhooks: mounted first, lean (no browser security headers). */
  webhookRouters: Router[];
  /** Browser-facing routes (web chat page and API): behind helmet's security headers. */
  webRouters: Router[];
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none when absent. */
  trustProxy?: TrustProxy;
}

export function createApp(p: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only a configured reverse proxy may name the client address: per-address limits depend on it.
  app.set('trust proxy', p.trustProxy ?? false);
  for (const r of p.webhookRouters) app.use(r);
  app.use(healthRouter(p.readiness));
  app.use(metricsRouter(p.metrics));
  app.use(helmet());
  for (const r of p.webRouters) app.use(r);
  app.use(notFound);
  app.use(errorHandler(p.logger));
  return app;
}
