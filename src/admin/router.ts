// The staff console: pages at /admin, the JSON API at /admin/api. Every API endpoint needs a session and
// its role; every state change needs the CSRF token; every page carries strict security headers.
import express, { type Router } from 'express';
import helmet from 'helmet';
import { auditEndpoints } from './audit/routes';
import { channelEndpoints } from './channels/routes';
import { citizenEndpoints } from './citizens/routes';
import { requireCsrf } from './auth/csrf';
import { loginRouter, sessionDeps } from './auth/login';
import { sessionEndpoints } from './auth/routes';
import { authenticate } from './auth/session';
import { dashboardEndpoints } from './dashboard/routes';
import type { AdminDeps } from './deps';
import { dossierEndpoints } from './dossiers/routes';
import { handoffEndpoints } from './handoffs/routes';
import { mountEndpoints, type Endpoint } from './http/endpoint';
import { apiErrorHandler, apiNotFound } from './http/error-handler';
import { communeKnowledgeEndpoints } from './knowledge/communes';
import { knowledgeEndpoints } from './knowledge/routes';
import { outboxEndpoints } from './outbox/routes';
import { pagesRouter } from './pages';
import { staffEndpoints } from './staff/routes';
import { trainingEndpoints } from './training/routes';

const ADMIN_PATH = '/admin';
const API_PATH = `${ADMIN_PATH}/api`;

export function adminEndpoints(d: AdminDeps): Endpoint[] {
  return [
    ...sessionEndpoints(d),
    ...staffEndpoints(d),
    ...auditEndpoints(d),
    ...knowledgeEndpoints(d),
    ...communeKnowledgeEndpoints(d),
    ...trainingEndpoints(d),
    ...dossierEndpoints(d),
    ...handoffEndpoints(d),
    ...outboxEndpoints(d),
    ...dashboardEndpoints(d),
    ...citizenEndpoints(d),
    ...channelEndpoints(d),
  ];
}

// The console may be served over plain HTTP on a centre's LAN, so requests are never upgraded to HTTPS.
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

export function adminRouter(d: AdminDeps): Router {
  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(loginRouter(d));
  api.use(authenticate(sessionDeps(d)));
  api.use(requireCsrf);
  api.use(express.json({ limit: '512kb' }));
  mountEndpoints(api, adminEndpoints(d), d.clock, () => d.assistant.knowledge.current().defaultCommune);
  api.use(apiNotFound);
  api.use(apiErrorHandler(d.logger));

  const router = express.Router();
  router.use(ADMIN_PATH, securityHeaders);
  router.use(API_PATH, api);
  router.use(ADMIN_PATH, pagesRouter());
  return router;
}
