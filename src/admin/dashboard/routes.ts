// Dashboard figures for a chosen range of days (default: the last 30), as JSON for the charts or one
// table at a time as CSV.
import { z } from 'zod';
import type { AdminDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { Download, type Ctx, type Endpoint } from '../http/endpoint';
import { parse } from '../http/parse';
import { TABLES, tableCsv } from './csv';
import { dayOf, dayStart, daysBetween } from './days';
import { figures, type Figures } from './figures';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const realDay = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(realDay, 'must be a real date');
const rangeQuery = z.object({ from: day.optional(), to: day.optional(), table: z.enum(TABLES).optional() });

export function dashboardEndpoints(d: AdminDeps): Endpoint[] {
  async function compute(ctx: Ctx): Promise<Figures> {
    const q = parse(rangeQuery, ctx.req.query, 'Khoảng ngày');
    const to = q.to ?? dayOf(ctx.now);
    const from = q.from ?? dayOf(new Date(dayStart(to).getTime() - 29 * DAY_MS));
    const days = daysBetween(from, to);
    if (days.length === 0)
      throw new ApiError(400, 'invalid', 'Khoảng ngày chưa hợp lệ: "Từ ngày" không được sau "Đến ngày".', [
        { field: 'from', reason: 'must not be after to' },
      ]);
    if (days.length > MAX_DAYS)
      throw new ApiError(400, 'invalid', `Khoảng ngày chưa hợp lệ: tối đa ${MAX_DAYS} ngày.`, [
        { field: 'to', reason: `at most ${MAX_DAYS} days after from` },
      ]);
    const start = dayStart(from);
    const end = new Date(dayStart(to).getTime() + DAY_MS);
    const [events, handoffs] = await Promise.all([
      d.stores.analytics.between(start, end),
      d.stores.handoffs.list({ from: start, to: end }, 10_000),
    ]);
    const names = new Map(
      [...d.assistant.knowledge.current().procedures.values()].map((p) => [p.id, p.name]),
    );
    return figures(days, events, handoffs, names);
  }

  return [
    {
      method: 'get',
      path: '/dashboard',
      role: 'viewer',
      handle: async (ctx) => ({ figures: await compute(ctx) }),
    },
    {
      method: 'get',
      path: '/dashboard/csv',
      role: 'viewer',
      handle: async (ctx) => {
        const f = await compute(ctx);
        const table = parse(rangeQuery, ctx.req.query, 'Khoảng ngày').table ?? 'messages';
        return new Download(
          `motcua-${table}-${f.days[0] ?? ''}-${f.days[f.days.length - 1] ?? ''}.csv`,
          'text/csv; charset=utf-8',
          tableCsv(f, table),
        );
      },
    },
  ];
}
