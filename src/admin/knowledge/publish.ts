// Publishing knowledge (a procedure, the province file, a commune's profile or override): a new version in
// the KnowledgeStore, an audit entry, and the knowledge applied at once on this instance (other instances
// pick it up on their next poll).
import type { Procedure } from '../../kb/schema';
import { recordChange } from '../audit/record';
import type { AdminDeps } from '../deps';
import type { Ctx } from '../http/endpoint';
import { diffDocuments } from './diff';
import { procedureKey } from '../../kb/published/keys';

export interface Publication {
  key: string;
  /** What the key held before (for the audit entry and the diff). */
  before: unknown;
  /** Null: removed (a commune's override). */
  content: unknown;
  comment: string | null;
  action: string;
}

export async function publishDocument(d: AdminDeps, ctx: Pick<Ctx, 'staff' | 'now'>, p: Publication) {
  const v = await d.stores.knowledge.publish({
    key: p.key,
    content: p.content,
    author: ctx.staff.username,
    at: ctx.now,
    comment: p.comment,
  });
  await recordChange(d.stores.audit, ctx, {
    action: p.action,
    target: p.key,
    before: p.before,
    after: p.content,
  });
  await d.sync.refresh();
  return {
    version: v.version,
    changes: diffDocuments(p.before, p.content),
    source: d.assistant.knowledge.current().source,
  };
}

export async function publishProcedure(
  d: AdminDeps,
  ctx: Pick<Ctx, 'staff' | 'now'>,
  procedure: Procedure,
  comment: string | null,
  action: string,
) {
  const before = d.assistant.knowledge.current().procedures.get(procedure.id) ?? null;
  return publishDocument(d, ctx, {
    key: procedureKey(procedure.id),
    before,
    content: procedure,
    comment,
    action,
  });
}
