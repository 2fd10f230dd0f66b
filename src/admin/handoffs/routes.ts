// Hand-off queue: conversations where a citizen asked for a person (or the bot failed twice). A staff
// member takes one (first come, first served), reads the history, replies through the outbox on the
// citizen's channel, and closes it; the bot stays silent in between (see Assistant.turn). Commune staff
// reach only their communes' hand-offs (another commune's is "not found").
import { z } from 'zod';
import { HANDOFF_STATES, type Handoff } from '../../store/ports';
import { recordChange } from '../audit/record';
import type { AdminDeps } from '../deps';
import { ApiError, conflict, notFound } from '../http/api-error';
import type { Ctx, Endpoint } from '../http/endpoint';
import { text } from '../http/limits';
import { parse } from '../http/parse';
import { conversationHistory, conversationOf, REPLY_ACTION } from './history';
import { queuePage } from './queue';
import { channelBlocker, replyBlocker } from './reply-guard';

const MAX_REPLY = 2_000;
const DAY = 86_400_000;
const PAGE_SIZE = 50;
const listQuery = z.object({
  state: z.enum(HANDOFF_STATES).default('waiting'),
  days: z.coerce.number().int().min(1).max(90).default(7),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
const replyBody = z.object({ text: text(MAX_REPLY) }).strict();

export function handoffEndpoints(d: AdminDeps): Endpoint[] {
  const store = d.stores.handoffs;
  const load = async (ctx: Ctx): Promise<Handoff> => {
    const id = String(ctx.req.params['id']).slice(0, 64);
    const h = await store.get(id);
    if (!h || !ctx.scope.sees(h.commune)) throw notFound(`yêu cầu gặp cán bộ ${id}`);
    return h;
  };
  const waitedMinutes = (h: Handoff, now: Date) =>
    Math.round(((h.takenAt ?? h.closedAt ?? now).getTime() - h.openedAt.getTime()) / 60_000);
  const target = (h: Handoff) => conversationOf(h.channel, h.userId);
  const blocker = async (h: Handoff, ctx: Ctx) =>
    replyBlocker(
      h,
      ctx.staff.username,
      d.config.channelsOn,
      d.config.windows,
      await d.stores.contacts.lastInboundAt(h.channel, h.userId),
      ctx.now,
    );

  return [
    {
      method: 'get',
      path: '/handoffs',
      role: 'viewer',
      reach: 'commune',
      handle: async (ctx) => {
        const q = parse(listQuery, ctx.req.query, 'Bộ lọc');
        const communes = ctx.scope.filter ? { communes: ctx.scope.filter } : {};
        const filter =
          q.state === 'closed'
            ? { state: q.state, from: new Date(ctx.now.getTime() - q.days * DAY), ...communes }
            : { state: q.state, ...communes };
        const { handoffs, total } = await queuePage(
          store,
          filter,
          (q.page - 1) * PAGE_SIZE,
          PAGE_SIZE,
          d.config.messagingChannels,
        );
        return {
          handoffs: handoffs.map((h) => ({ ...h, waitedMinutes: waitedMinutes(h, ctx.now) })),
          total,
          page: q.page,
          pageSize: PAGE_SIZE,
        };
      },
    },
    {
      method: 'get',
      path: '/handoffs/:id',
      role: 'viewer',
      reach: 'commune',
      handle: async (ctx) => {
        const h = await load(ctx);
        return {
          handoff: { ...h, waitedMinutes: waitedMinutes(h, ctx.now) },
          messages: await conversationHistory(d.stores, h, d.assistant.knowledge.current().defaultCommune),
          channelBlocker: channelBlocker(h.channel, d.config.channelsOn),
          replyBlocker: await blocker(h, ctx),
        };
      },
    },
    {
      method: 'post',
      path: '/handoffs/:id/take',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const h = await load(ctx);
        const why = channelBlocker(h.channel, d.config.channelsOn);
        if (why) throw new ApiError(409, 'cannot_reply', why);
        const taken = await store.take(h.id, ctx.staff.username, ctx.now);
        if (!taken) {
          const now = await store.get(h.id);
          throw conflict(
            now?.state === 'taken'
              ? `${now.takenBy ?? 'Cán bộ khác'} đã nhận cuộc trò chuyện này trước.`
              : 'Cuộc trò chuyện này đã kết thúc.',
          );
        }
        await recordChange(d.stores.audit, ctx, {
          action: 'handoff.take',
          target: target(h),
          before: { handoff: h.id, state: h.state },
          after: { handoff: h.id, state: 'taken' },
        });
        return { handoff: taken };
      },
    },
    {
      method: 'post',
      path: '/handoffs/:id/reply',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const h = await load(ctx);
        const { text: reply } = parse(replyBody, ctx.req.body, 'Tin trả lời');
        const why = await blocker(h, ctx);
        if (why) throw new ApiError(409, 'cannot_reply', why);
        const [item] = await d.outbox.enqueue(
          [
            {
              channel: h.channel,
              userId: h.userId,
              // Sent from the commune's own account, the one the citizen wrote to.
              commune: h.commune,
              reply: { text: reply, options: [] },
              inboundReceivedAt: null,
            },
          ],
          ctx.now,
        );
        // One part in, one item out: anything else is a broken store.
        if (!item) throw new Error('the outbox queued no item for the staff reply');
        await store.touch(h.id, ctx.now);
        await recordChange(d.stores.audit, ctx, {
          action: REPLY_ACTION,
          target: target(h),
          before: null,
          after: { handoff: h.id, outbox: item.id, text: reply },
        });
        return { queued: item.id };
      },
    },
    {
      method: 'post',
      path: '/handoffs/:id/close',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const h = await load(ctx);
        if (h.state === 'taken' && h.takenBy !== ctx.staff.username && ctx.staff.role !== 'admin') {
          throw new ApiError(
            403,
            'forbidden',
            `${h.takenBy ?? 'Cán bộ khác'} đang xử lý cuộc trò chuyện này; chỉ người đó hoặc người quản trị mới kết thúc được.`,
          );
        }
        const closed = await store.close(h.id, ctx.staff.username, ctx.now);
        if (!closed) throw conflict('Cuộc trò chuyện này đã kết thúc rồi.');
        await recordChange(d.stores.audit, ctx, {
          action: 'handoff.close',
          target: target(h),
          before: { handoff: h.id, state: h.state },
          after: { handoff: h.id, state: 'closed' },
        });
        return { handoff: closed };
      },
    },
  ];
}
