// Dashboard figures for a chosen range of days (default: the last 30), as JSON for the charts or one
// table at a time as CSV; commune staff see their communes' figures. The province dashboard compares the
// communes side by side, for province-wide accounts.
import { z } from 'zod';
import type { AdminDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { Download, type Ctx, type Endpoint } from '../http/endpoint';
import { parse } from '../http/parse';
import { TABLES, tableCsv } from './csv';
import { dayOf, dayStart, daysBetween } from './days';
import { overdueFilter } from '../../dialogue/overdue';
import { communeOfCode } from '../../kb/commune-of-code';
import { compareCommunes } from './communes';
import { figures, type Figures } from './figures';

const MAX_DAYS = 366;
/** Hand-offs read for one range (a province opens far fewer in a year). */
const MAX_HANDOFFS = 10_000;
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
  const kb = () => d.assistant.knowledge.current();

  /** The checked range: its days, and the instants it starts and ends at. */
  function range(ctx: Ctx) {
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
    return { days, start: dayStart(from), end: new Date(dayStart(to).getTime() + DAY_MS) };
  }

  async function compute(ctx: Ctx): Promise<Figures> {
    const { days, start, end } = range(ctx);
    const communes = ctx.scope.filter;
    const [events, handoffs] = await Promise.all([
      d.stores.analytics.between(start, end, communes),
      d.stores.handoffs.list({ from: start, to: end, ...(communes ? { communes } : {}) }, MAX_HANDOFFS),
    ]);
    const names = new Map([...kb().procedures.values()].map((p) => [p.id, p.name]));
    return figures(days, events, handoffs, names);
  }

  async function provinceFigures(ctx: Ctx) {
    const { days, start, end } = range(ctx);
    const k = kb();
    const [events, handoffs, overdue] = await Promise.all([
      d.stores.analytics.between(start, end, null),
      d.stores.handoffs.list({ from: start, to: end }, MAX_HANDOFFS),
      d.stores.dossiers.countByAgency(overdueFilter(ctx.now)),
    ]);
    const overdueByCommune = new Map<string, number>();
    for (const { agency, count } of overdue) {
      const commune = communeOfCode(k, agency);
      if (commune) overdueByCommune.set(commune, (overdueByCommune.get(commune) ?? 0) + count);
    }
    const communes = [...k.communes.values()].map((c) => ({ id: c.id, name: c.commune_name }));
    return {
      days,
      communes: compareCommunes(communes, k.defaultCommune, events, handoffs, overdueByCommune),
    };
  }

  return [
    {
      method: 'get',
      path: '/dashboard',
      role: 'viewer',
      reach: 'commune',
      handle: async (ctx) => ({ figures: await compute(ctx) }),
    },
    {
      method: 'get',
      path: '/dashboard/communes',
      role: 'viewer',
      reach: 'province',
      handle: async (ctx) => provinceFigures(ctx),
    },
    {
      method: 'get',
      path: '/dashboard/csv',
      role: 'viewer',
      reach: 'commune',
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
