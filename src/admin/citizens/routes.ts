// A citizen's data on request (admins only): GET the export as JSON, POST .../erase to delete it.
import { z } from 'zod';
import { citizenChannels, eraseCitizen, exportCitizen } from '../../retention/citizen';
import type { ChannelName } from '../../core/message';
import type { AdminDeps } from '../deps';
import type { Ctx, Endpoint } from '../http/endpoint';
import { parse } from '../http/parse';

export function citizenEndpoints(d: AdminDeps): Endpoint[] {
  const who = z.object({
    channel: z.enum(citizenChannels(d.config.messagingChannels) as [ChannelName, ...ChannelName[]]),
    userId: z.string().min(1).max(256),
  });
  const deps = { personalData: d.stores.personalData, audit: d.stores.audit };
  const citizen = (ctx: Ctx) => parse(who, ctx.req.params, 'Người dân');
  return [
    {
      method: 'get',
      path: '/citizens/:channel/:userId/export',
      role: 'admin',
      reach: 'province',
      handle: async (ctx) => {
        const c = citizen(ctx);
        return { data: await exportCitizen(deps, c.channel, c.userId, ctx.staff.username, ctx.now) };
      },
    },
    {
      method: 'post',
      path: '/citizens/:channel/:userId/erase',
      role: 'admin',
      reach: 'province',
      handle: async (ctx) => {
        const c = citizen(ctx);
        return { removed: await eraseCitizen(deps, c.channel, c.userId, ctx.staff.username, ctx.now) };
      },
    },
  ];
}
