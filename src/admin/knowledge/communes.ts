// What the province and each commune decide beyond the shared procedures: the province file (fees set by
// HĐND tỉnh, hotline, portal links) is changed by province editors; a commune's profile (hours, hotline,
// desks) and its overrides of procedure fields by that commune's editors or a province admin. The fields
// that decide which citizens and dossiers reach a commune (its agency code, Zalo OA and Page) are changed
// only by a province admin: otherwise one commune could take another's messages or dossiers.
import { z } from 'zod';
import { communeKey, overrideKey, PROVINCE_KEY } from '../../kb/published/keys';
import { checkOverride } from '../../kb/override';
import { checkCommune, checkProvince } from '../../kb/published/profile-input';
import type { Commune } from '../../kb/schema';
import type { AdminDeps } from '../deps';
import { ApiError, invalidFields, notFound } from '../http/api-error';
import type { Ctx, Endpoint } from '../http/endpoint';
import { MAX_SHORT, optionalText } from '../http/limits';
import { parse } from '../http/parse';
import { publishDocument } from './publish';

const ROUTING_FIELDS = ['agency_code', 'zalo_oa_id', 'messenger_page_id'] as const;

const provinceBody = z.object({ province: z.unknown(), comment: optionalText(MAX_SHORT) }).strict();
const communeBody = z.object({ commune: z.unknown(), comment: optionalText(MAX_SHORT) }).strict();
const overrideBody = z
  .object({
    /** The fields the commune sets differently; null removes the override. */
    override: z.unknown(),
    comment: optionalText(MAX_SHORT),
  })
  .strict();

const problemsOf = (problems: ReadonlyArray<{ field: string; reason: string }>) =>
  problems.map((p) => ({ field: p.field, reason: p.reason }));

export function communeKnowledgeEndpoints(d: AdminDeps): Endpoint[] {
  const kb = () => d.assistant.knowledge.current();
  /** A commune the caller works for (another is "not found", like an unknown one). */
  const communeOf = (ctx: Ctx): Commune => {
    const id = String(ctx.req.params['id']).slice(0, 100);
    const c = kb().communes.get(id);
    if (!c || !ctx.scope.sees(id)) throw notFound(`xã/phường ${id}`);
    return c;
  };
  const procedureOf = (ctx: Ctx) => {
    const id = String(ctx.req.params['procedure']).slice(0, 100);
    const p = kb().procedures.get(id);
    if (!p) throw notFound(`thủ tục ${id}`);
    return p;
  };
  const overridesOf = (id: string) => Object.fromEntries(kb().overrides.get(id) ?? []);

  return [
    {
      method: 'get',
      path: '/knowledge/province',
      role: 'viewer',
      reach: 'own',
      handle: async () => ({ province: kb().province }),
    },
    {
      method: 'put',
      path: '/knowledge/province',
      role: 'editor',
      reach: 'province',
      handle: async (ctx) => {
        const b = parse(provinceBody, ctx.req.body, 'Thay đổi');
        const { province, problems } = checkProvince(b.province);
        if (!province) throw invalidFields('Tệp của tỉnh', problemsOf(problems));
        return publishDocument(d, ctx, {
          key: PROVINCE_KEY,
          before: kb().province,
          content: province,
          comment: b.comment,
          action: 'knowledge.province',
        });
      },
    },
    {
      method: 'get',
      path: '/knowledge/communes/:id',
      role: 'viewer',
      reach: 'commune',
      handle: async (ctx) => {
        const commune = communeOf(ctx);
        return { commune, overrides: overridesOf(commune.id) };
      },
    },
    {
      method: 'put',
      path: '/knowledge/communes/:id',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const before = communeOf(ctx);
        const b = parse(communeBody, ctx.req.body, 'Thay đổi');
        const { commune, problems } = checkCommune(b.commune, before.id);
        if (!commune) throw invalidFields('Hồ sơ xã/phường', problemsOf(problems));
        const moved = ROUTING_FIELDS.filter((f) => commune[f] !== before[f]);
        if (moved.length && !(ctx.scope.province && ctx.staff.role === 'admin'))
          throw new ApiError(
            403,
            'forbidden',
            `Chỉ quản trị cấp tỉnh mới đổi được ${moved.join(', ')} (các trường này quyết định tin nhắn và hồ sơ nào về xã/phường).`,
          );
        return publishDocument(d, ctx, {
          key: communeKey(before.id),
          before,
          content: commune,
          comment: b.comment,
          action: 'knowledge.commune',
        });
      },
    },
    {
      method: 'put',
      path: '/knowledge/communes/:id/overrides/:procedure',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const commune = communeOf(ctx);
        const procedure = procedureOf(ctx);
        const b = parse(overrideBody, ctx.req.body, 'Phần riêng của xã');
        const key = overrideKey(commune.id, procedure.id);
        const before = kb().overrides.get(commune.id)?.get(procedure.id) ?? null;
        if (b.override !== null) {
          const { override, problems } = checkOverride(b.override, procedure, key);
          if (!override) throw invalidFields('Phần riêng của xã', problemsOf(problems));
        }
        return publishDocument(d, ctx, {
          key,
          before,
          content: b.override,
          comment: b.comment,
          action: 'knowledge.override',
        });
      },
    },
  ];
}
