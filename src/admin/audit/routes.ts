// The audit log, newest first, for admins.
import { z } from 'zod';
import type { AdminDeps } from '../deps';
import type { Endpoint } from '../http/endpoint';
import { parse } from '../http/parse';

const query = z.object({
  actor: z.string().max(64).optional(),
  target: z.string().max(1_000).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});

export function auditEndpoints(d: AdminDeps): Endpoint[] {
  return [
    {
      method: 'get',
      path: '/audit',
      role: 'admin',
      reach: 'province',
      handle: async ({ req }) => {
        const q = parse(query, req.query, 'Bộ lọc');
        const filter = {
          ...(q.actor ? { actor: q.actor } : {}),
          ...(q.target ? { target: q.target } : {}),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
        };
        return { entries: await d.stores.audit.list(filter, q.limit) };
      },
    },
  ];
}
