// Who am I, and sign out. (Signing in is the public loginRouter.)
import type { AdminDeps } from '../deps';
import type { Endpoint } from '../http/endpoint';
import { sessionDeps } from './login';
import { endSession } from './session';
import { whoIs } from './who';

export function sessionEndpoints(d: AdminDeps): Endpoint[] {
  return [
    {
      method: 'get',
      path: '/me',
      role: 'viewer',
      reach: 'own',
      handle: async ({ staff }) => ({
        ...whoIs(d, staff),
        csrfToken: staff.csrfToken,
        idleMinutes: Math.round(d.config.sessionIdleMs / 60_000),
      }),
    },
    {
      method: 'post',
      path: '/logout',
      role: 'viewer',
      reach: 'own',
      handle: async ({ staff, req, res }) => {
        await endSession(sessionDeps(d), staff, req, res);
        return { ok: true };
      },
    },
  ];
}
