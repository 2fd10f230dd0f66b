// Knowledge base API: list and search procedures, edit with validation and a preview of the bot's exact
// answers, publish (a new version, live at once here and within seconds on other instances), history with
// a readable diff, restore any version (version 0 = the file on disk), export/import, reload from disk.
import { z } from 'zod';
import { ASPECTS, type Aspect } from '../../core/labels';
import type { Reply } from '../../core/message';
import type { Procedure } from '../../kb/schema';
import { fold } from '../../nlu/fold';
import { reviewNotices } from '../../kb/review';
import { localDay } from '../../kb/validity';
import { recordChange } from '../audit/record';
import type { AdminDeps } from '../deps';
import { ApiError, conflict, invalidFields, notFound } from '../http/api-error';
import { Download, type Ctx, type Endpoint } from '../http/endpoint';
import { MAX_SHORT, optionalText } from '../http/limits';
import { parse } from '../http/parse';
import { uploadedFile } from '../http/uploaded-file';
import { exportKnowledge, planImport } from './archive';
import { diffDocuments } from './diff';
import { procedureKey } from '../../kb/published/keys';
import { checkProcedure } from '../../kb/published/procedure-input';
import { publishProcedure } from './publish';

const HISTORY_LIMIT = 50;

const editBody = z.object({
  procedure: z.unknown(),
  comment: optionalText(MAX_SHORT),
  /** The version the editor started from: publishing over someone else's newer version is refused. */
  baseVersion: z.number().int().min(0).optional(),
});
const previewBody = z.object({ procedure: z.unknown() });
const restoreBody = z.object({ version: z.number().int().min(0), comment: optionalText(MAX_SHORT) });
const listQuery = z.object({ q: z.string().max(MAX_SHORT).optional() });
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });

/** The submitted procedure, valid and with the id of its URL; otherwise a 400 naming every problem. */
function validProcedure(doc: unknown, id: string): Procedure {
  const { procedure, problems } = checkProcedure(doc, id);
  if (procedure) return procedure;
  // Field and reason only, like every other 400 of the API.
  throw invalidFields(
    'Thủ tục',
    problems.map((p) => ({ field: p.field, reason: p.reason })),
  );
}

export function knowledgeEndpoints(d: AdminDeps): Endpoint[] {
  const store = d.stores.knowledge;
  const kb = () => d.assistant.knowledge.current();
  const idOf = (ctx: Ctx) => {
    const id = String(ctx.req.params['id']);
    if (!/^[a-z0-9-]{1,100}$/.test(id)) throw notFound(`thủ tục ${id.slice(0, 100)}`);
    return id;
  };
  const existing = (ctx: Ctx): Procedure => {
    const id = idOf(ctx);
    const p = kb().procedures.get(id);
    if (!p) throw notFound(`thủ tục ${id}`);
    return p;
  };
  const latestVersion = async (id: string) => (await store.history(procedureKey(id), 1))[0]?.version ?? 0;

  return [
    {
      method: 'get',
      path: '/knowledge',
      role: 'viewer',
      reach: 'own',
      handle: async ({ req }) => {
        const q = fold(parse(listQuery, req.query, 'Tìm kiếm').q ?? '').trim();
        const procedures = [...kb().procedures.values()]
          .filter((p) => !q || fold(`${p.id} ${p.name} ${p.summary}`).includes(q))
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
          .map((p) => ({
            id: p.id,
            name: p.name,
            authority: p.authority,
            lastReviewed: p.last_reviewed,
            origin: d.sync.origin(p.id),
          }));
        return { status: d.sync.status(), procedures };
      },
    },
    {
      // What needs a person's review today (facts ending or ended, stale files, unconfirmed facts, writing slips).
      method: 'get',
      path: '/knowledge/review',
      role: 'viewer',
      reach: 'own',
      handle: async ({ now }) => {
        const today = localDay(now, kb().commune.timezone);
        const names = new Map([...kb().procedures.values()].map((p) => [p.id, p.name]));
        const notices = reviewNotices(kb(), today).map((n) => ({
          ...n,
          name: n.procedure ? (names.get(n.procedure) ?? n.procedure) : null,
        }));
        return { today, notices };
      },
    },
    {
      method: 'get',
      path: '/knowledge/procedures/:id',
      role: 'viewer',
      reach: 'own',
      handle: async (ctx) => {
        const p = existing(ctx);
        const origin = d.sync.origin(p.id);
        return {
          procedure: p,
          origin,
          version: await latestVersion(p.id),
          fromFile: origin?.source === 'store' ? d.sync.fromFile(p.id) : null,
        };
      },
    },
    {
      method: 'post',
      path: '/knowledge/procedures/:id/preview',
      role: 'viewer',
      reach: 'own',
      handle: async (ctx) => {
        const id = idOf(ctx);
        const procedure = validProcedure(parse(previewBody, ctx.req.body).procedure, id);
        const answers = Object.fromEntries(
          ASPECTS.map((a) => [a, d.assistant.preview(procedure, a)]),
        ) as Record<Aspect, Reply[]>;
        return { answers, units: d.assistant.previewUnits(procedure) };
      },
    },
    {
      method: 'put',
      path: '/knowledge/procedures/:id',
      role: 'editor',
      reach: 'province',
      handle: async (ctx) => {
        const id = idOf(ctx);
        const body = parse(editBody, ctx.req.body, 'Nội dung sửa');
        const procedure = validProcedure(body.procedure, id);
        if (body.baseVersion !== undefined) {
          const latest = (await store.history(procedureKey(id), 1))[0];
          if ((latest?.version ?? 0) !== body.baseVersion) {
            throw conflict(
              `${latest?.author ?? 'Người khác'} đã xuất bản phiên bản ${latest?.version ?? 0} sau khi anh/chị mở thủ tục này; xin tải lại rồi sửa lại.`,
            );
          }
        }
        return publishProcedure(d, ctx, procedure, body.comment, 'knowledge.publish');
      },
    },
    {
      method: 'get',
      path: '/knowledge/procedures/:id/history',
      role: 'viewer',
      reach: 'own',
      handle: async (ctx) => {
        const id = idOf(ctx);
        const versions = await store.history(procedureKey(id), HISTORY_LIMIT + 1);
        const file = d.sync.fromFile(id);
        const shown = versions.slice(0, HISTORY_LIMIT).map((v, i) => ({
          version: v.version,
          author: v.author,
          at: v.at,
          comment: v.comment,
          changes: diffDocuments(versions[i + 1]?.content ?? file, v.content),
        }));
        return {
          versions: shown,
          file: file
            ? { differsFromCurrent: JSON.stringify(file) !== JSON.stringify(kb().procedures.get(id)) }
            : null,
        };
      },
    },
    {
      method: 'post',
      path: '/knowledge/procedures/:id/restore',
      role: 'editor',
      reach: 'province',
      handle: async (ctx) => {
        const id = idOf(ctx);
        const body = parse(restoreBody, ctx.req.body, 'Yêu cầu khôi phục');
        const content =
          body.version === 0
            ? d.sync.fromFile(id)
            : (await store.get(procedureKey(id), body.version))?.content;
        if (!content)
          throw notFound(
            body.version === 0 ? `tệp procedures/${id}.yaml` : `phiên bản ${body.version} của ${id}`,
          );
        const procedure = validProcedure(content, id);
        const what = body.version === 0 ? 'nội dung trong tệp' : `phiên bản ${body.version}`;
        return publishProcedure(d, ctx, procedure, body.comment ?? `Khôi phục ${what}`, 'knowledge.restore');
      },
    },
    {
      method: 'post',
      path: '/knowledge/reload',
      role: 'editor',
      reach: 'province',
      handle: async (ctx) => {
        const before = d.sync.status().source;
        await d.sync.refresh();
        const status = d.sync.status();
        await recordChange(d.stores.audit, ctx, {
          action: 'knowledge.reload',
          target: 'knowledge/',
          before: { source: before },
          after: { source: status.source, filesProblems: status.filesProblems },
        });
        return { status };
      },
    },
    {
      method: 'get',
      path: '/knowledge/export',
      role: 'viewer',
      reach: 'own',
      handle: async ({ now }) =>
        new Download(
          `knowledge-${now.toISOString().slice(0, 10)}.tar.gz`,
          'application/gzip',
          exportKnowledge(kb(), now),
        ),
    },
    {
      method: 'post',
      path: '/knowledge/import',
      role: 'editor',
      reach: 'province',
      upload: true,
      handle: async (ctx) => {
        const dryRun = parse(importQuery, ctx.req.query, 'Yêu cầu nhập').dryRun === 'true';
        const plan = planImport(uploadedFile(ctx, 'the archive (.tar.gz)'), kb());
        const summary = {
          dryRun,
          items: plan.items.map(({ id, file, action, changes }) => ({ id, file, action, changes })),
          skipped: plan.skipped,
          problems: plan.problems.map((p) => ({ file: p.file, field: p.field, reason: p.reason })),
        };
        if (plan.problems.length) {
          throw new ApiError(
            422,
            'invalid_archive',
            `Tệp nén có ${plan.problems.length} lỗi; chưa nhập gì.`,
            summary.problems.map((p) => ({ field: `${p.file}: ${p.field}`, reason: p.reason })),
          );
        }
        if (dryRun) return summary;
        for (const item of plan.items.filter((i) => i.action !== 'unchanged')) {
          await publishProcedure(d, ctx, item.procedure, `import ${item.file}`, 'knowledge.import');
        }
        return summary;
      },
    },
  ];
}
