// Staff accounts (admins only). Passwords never leave the server; a password change or a disabled
// account logs that person out everywhere. The last active admin cannot lock everyone out.
import { z } from 'zod';
import { STAFF_ROLES, type StaffAccount } from '../../store/ports';
import { recordChange } from '../audit/record';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../../services/staff/password';
import { USERNAME } from '../../services/staff/username';
import type { AdminDeps } from '../deps';
import { ApiError, conflict, notFound } from '../http/api-error';
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
const createBody = z.object({ username, role: z.enum(STAFF_ROLES), password }).strict();
const patchBody = z
  .object({
    role: z.enum(STAFF_ROLES).optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
  })
  .strict();

/** What the API shows of an account (never the hash). */
const view = (a: StaffAccount) => ({
  username: a.username,
  role: a.role,
  disabled: a.disabled,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

export function staffEndpoints(d: AdminDeps): Endpoint[] {
  const staff = d.stores.staff;
  return [
    {
      method: 'get',
      path: '/staff',
      role: 'admin',
      handle: async () => ({ accounts: (await staff.list()).map(view) }),
    },
    {
      method: 'post',
      path: '/staff',
      role: 'admin',
      handle: async (ctx) => {
        const b = parse(createBody, ctx.req.body, 'Tài khoản');
        const created = await staff.create(
          {
            username: b.username,
            role: b.role,
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
      handle: async (ctx) => {
        const name = String(ctx.req.params['username']).toLowerCase();
        const b = parse(patchBody, ctx.req.body, 'Thay đổi');
        const before = await staff.get(name);
        if (!before) throw notFound(`tài khoản ${name}`);
        const losesAdmin =
          before.role === 'admin' &&
          !before.disabled &&
          ((b.role && b.role !== 'admin') || b.disabled === true);
        if (losesAdmin) {
          const admins = (await staff.list()).filter((a) => a.role === 'admin' && !a.disabled);
          if (admins.length <= 1)
            throw new ApiError(
              409,
              'last_admin',
              'Đây là tài khoản quản trị cuối cùng còn hoạt động; xin cấp quyền quản trị cho người khác trước.',
            );
        }
        const patch = {
          ...(b.role ? { role: b.role } : {}),
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
