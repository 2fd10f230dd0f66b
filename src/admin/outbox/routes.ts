// Dead letters: replies the sender gave up on (attempts exhausted: "dead") or could not send (window,
// blocked, configuration: "failed"). Staff see them and may send one again once the cause is gone (the
// outage is over, the token is fixed); the consultation window is still checked before every attempt.
// Commune staff see and resend only their communes' replies.
import type { OutboxItem } from '../../store/ports';
import { insideWindow } from '../../pipeline/windows';
import { recordChange } from '../audit/record';
import type { AdminDeps } from '../deps';
import { ApiError, notFound } from '../http/api-error';
import type { Endpoint } from '../http/endpoint';
import { conversationOf } from '../handoffs/history';

const LIST_LIMIT = 200;
export const RESEND_ACTION = 'outbox.resend';

const view = (o: OutboxItem) => ({
  id: o.id,
  channel: o.channel,
  userId: o.userId,
  text: o.reply.text,
  state: o.state,
  attempts: o.attempts,
  lastError: o.lastError,
  createdAt: o.createdAt,
});

export function outboxEndpoints(d: AdminDeps): Endpoint[] {
  const outbox = d.stores.outbox;
  return [
    {
      method: 'get',
      path: '/outbox/dead-letters',
      role: 'viewer',
      reach: 'commune',
      handle: async (ctx) => {
        const communes = ctx.scope.filter ? { communes: ctx.scope.filter } : {};
        const [dead, failed, counts] = await Promise.all([
          outbox.list({ state: 'dead', ...communes }, LIST_LIMIT),
          outbox.list({ state: 'failed', ...communes }, LIST_LIMIT),
          outbox.countByState(ctx.scope.filter ?? undefined),
        ]);
        return {
          counts: { dead: counts.dead, failed: counts.failed },
          items: [...dead, ...failed].map(view),
        };
      },
    },
    {
      method: 'post',
      path: '/outbox/:id/resend',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const id = String(ctx.req.params['id']).slice(0, 64);
        const item = await outbox.get(id);
        if (!item || !ctx.scope.sees(item.commune)) throw notFound(`tin trả lời ${id}`);
        if (
          !insideWindow(
            d.config.windows,
            item.channel,
            await d.stores.contacts.lastInboundAt(item.channel, item.userId),
            ctx.now,
          )
        ) {
          throw new ApiError(
            409,
            'outside_window',
            `Đã quá thời hạn ${item.channel} cho phép nhắn lại người dân này; không gửi được tin.`,
          );
        }
        const requeued = await outbox.requeue(item.id, ctx.now);
        if (!requeued)
          throw new ApiError(409, 'conflict', 'Tin này không ở trạng thái gửi lỗi (đã được gửi lại rồi).');
        await recordChange(d.stores.audit, ctx, {
          action: RESEND_ACTION,
          target: conversationOf(item.channel, item.userId),
          before: { outbox: item.id, state: item.state, lastError: item.lastError },
          after: { outbox: item.id, state: 'pending' },
        });
        return { item: view(requeued) };
      },
    },
  ];
}
