// Publishing a procedure: a new version in the KnowledgeStore, an audit entry, and the knowledge applied
// at once on this instance (other instances pick it up on their next poll).
import type { Procedure } from '../../kb/schema';
import { recordChange } from '../audit/record';
import type { AdminDeps } from '../deps';
import type { Ctx } from '../http/endpoint';
import { diffDocuments } from './diff';
import { procedureKey } from '../../kb/published/keys';

export async function publishProcedure(
  d: AdminDeps,
  ctx: Pick<Ctx, 'staff' | 'now'>,
  procedure: Procedure,
  comment: string | null,
  action: string,
) {
  const key = procedureKey(procedure.id);
  const before = d.assistant.knowledge.current().procedures.get(procedure.id) ?? null;
  const v = await d.stores.knowledge.publish({
    key,
    content: procedure,
    author: ctx.staff.username,
    at: ctx.now,
    comment,
  });
  await recordChange(d.stores.audit, ctx, { action, target: key, before, after: procedure });
  await d.sync.refresh();
  return {
    version: v.version,
    changes: diffDocuments(before, procedure),
    source: d.assistant.knowledge.current().source,
  };
}
