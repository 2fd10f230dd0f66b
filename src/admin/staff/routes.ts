// Staff accounts (province admins only). Each works for a list of communes, or province-wide when the
// list is empty. Passwords never leave the server; a password change or a disabled account logs that
// person out everywhere. The last active province admin cannot lock everyone out.
import { z } from 'zod';
import { STAFF_ROLES, type StaffAccount } from '../../store/ports';
import { recordChange } from '../audit/record';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../../services/staff/password';
import { USERNAME } from '../../services/staff/username';
import type { AdminDeps } from '../deps';
import { ApiError, conflict, invalidFields, notFound } from '../http/api-error';
import type { Endpoint } from '../http/endpoint';
import { parse } from '../http/parse';

const password = z
  .string()
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters long`)
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const username = z
  .string()
  .max(100)
  .transform((s) => s.trim().toLowerCase())
  .pipe(USERNAME);
const communes = z.array(z.string().max(64)).max(500);
const createBody = z
  .object({ username, role: z.enum(STAFF_ROLES), communes: communes.default([]), password })
  .strict();
const patchBody = z
  .object({
    role: z.enum(STAFF_ROLES).optional(),
    communes: communes.optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
  })
  .strict();

/** What the API shows of an account (never the hash). */
const view = (a: StaffAccount) => ({
  username: a.username,
  role: a.role,
  communes: a.communes,
  disabled: a.disabled,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

const isProvinceAdmin = (a: StaffAccount) => a.role === 'admin' && a.communes.length === 0 && !a.disabled;

export function staffEndpoints(d: AdminDeps): Endpoint[] {
  const staff = d.stores.staff;
  /** The communes of the knowledge base, deduplicated; a 400 naming any unknown id. */
  const knownCommunes = (ids: string[]): string[] => {
    const known = d.assistant.knowledge.current().communes;
    const problems = ids
      .filter((c) => !known.has(c))
      .map((c) => ({ field: 'communes', reason: `no commune "${c}" in the knowledge base` }));
    if (problems.length) throw invalidFields('account', problems);
    return [...new Set(ids)];
  };
  return [
    {
      method: 'get',
      path: '/staff',
      role: 'admin',
      reach: 'province',
      handle: async () => ({ accounts: (await staff.list()).map(view) }),
    },
    {
      method: 'post',
      path: '/staff',
      role: 'admin',
      reach: 'province',
      handle: async (ctx) => {
        const b = parse(createBody, ctx.req.body, 'Tài khoản');
        const created = await staff.create(
          {
            username: b.username,
            role: b.role,
            communes: knownCommunes(b.communes),
            passwordHash: await hashPassword(b.password),
            disabled: false,
          },
          ctx.now,
        );
        if (!created) throw conflict(`Tên đăng nhập ${b.username} đã có người dùng.`);
        const account = (await staff.get(b.username)) as StaffAccount;
        await recordChange(d.stores.audit, ctx, {
          action: 'staff.create',
          target: b.username,
          before: null,
          after: view(account),
        });
        return { account: view(account) };
      },
    },
    {
      method: 'patch',
      path: '/staff/:username',
      role: 'admin',
      reach: 'province',
      handle: async (ctx) => {
        const name = String(ctx.req.params['username']).toLowerCase();
        const b = parse(patchBody, ctx.req.body, 'Thay đổi');
        const before = await staff.get(name);
        if (!before) throw notFound(`tài khoản ${name}`);
        const scoped = b.communes ? knownCommunes(b.communes) : undefined;
        const losesAdmin =
          isProvinceAdmin(before) &&
          !isProvinceAdmin({
            ...before,
            role: b.role ?? before.role,
            communes: scoped ?? before.communes,
            disabled: b.disabled ?? before.disabled,
          });
        if (losesAdmin) {
          const admins = (await staff.list()).filter(isProvinceAdmin);
          if (admins.length <= 1)
            throw new ApiError(
              409,
              'last_admin',
              'Đây là tài khoản quản trị cấp tỉnh cuối cùng còn hoạt động; xin cấp quyền quản trị tỉnh cho người khác trước.',
            );
        }
        const patch = {
          ...(b.role ? { role: b.role } : {}),
          ...(scoped ? { communes: scoped } : {}),
          ...(b.disabled === undefined ? {} : { disabled: b.disabled }),
          ...(b.password ? { passwordHash: await hashPassword(b.password) } : {}),
        };
        const after = (await staff.update(name, patch, ctx.now)) as StaffAccount;
        if (b.password || b.disabled) await d.stores.sessions.deleteForUser(name);
        await recordChange(d.stores.audit, ctx, {
          action: 'staff.update',
          target: name,
          before: view(before),
          after: { ...view(after), ...(b.password ? { password: 'changed' } : {}) },
        });
        return { account: view(after) };
      },
    },
  ];
}
