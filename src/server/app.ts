// The Express 5 app factory: routes only, no listening, no background work.
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { errorHandler, notFound } from './errors-middleware';
import { healthRouter, type Readiness } from './health';
import type { Metrics } from './metrics';
import { metricsRouter } from './metrics-route';

export interface AppParts {
  logger: Logger;
  metrics: Metrics;
  readiness: Readiness;
  /** Platform webhooks: mounted first, lean (no browser security headers). */
  webhookRouters: Router[];
  /** Browser-facing routes (web chat page and API): behind helmet's security headers. */
  webRouters: Router[];
}

export function createApp(p: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy on a private network, use the client address it forwards.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  for (const r of p.webhookRouters) app.use(r);
  app.use(healthRouter(p.readiness));
  app.use(metricsRouter(p.metrics));
  app.use(helmet());
  for (const r of p.webRouters) app.use(r);
  app.use(notFound);
  app.use(errorHandler(p.logger));
  return app;
}
