// Every change made through the console lands in the audit log: who, when, what, before and after.
import type { AuditStore } from '../../store/ports';
import type { Ctx } from '../http/endpoint';

export interface Change {
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export function recordChange(audit: AuditStore, ctx: Pick<Ctx, 'staff' | 'now'>, c: Change): Promise<string> {
  return audit.append({
    at: ctx.now,
    actor: ctx.staff.username,
    action: c.action,
    target: c.target,
    before: c.before ?? null,
    after: c.after ?? null,
  });
}
