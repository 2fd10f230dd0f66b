// Dossiers: find one by its receipt code, change its status with a note (subscribed citizens are told),
// import a CSV/XLSX export with a preview of accepted and rejected rows before anything is written. A
// dossier belongs to the commune whose agency code its receipt code carries; commune staff reach only
// theirs (another commune's dossier is "not found", and its rows in an import are refused).
import { z } from 'zod';
import { maskName } from '../../core/mask-name';
import { DossierImportError } from '../../dossiers/import-error';
import { isOverdue } from '../../dialogue/overdue';
import { STATUS_TEXT } from '../../dialogue/status-text';
import { communeOfCode } from '../../kb/commune-of-code';
import { findCodes } from '../../nlu/receipt-code';
import { DOSSIER_STATUSES, type Dossier } from '../../store/ports';
import type { AdminDeps } from '../deps';
import { ApiError, notFound } from '../http/api-error';
import type { Ctx, Endpoint } from '../http/endpoint';
import { optionalText } from '../http/limits';
import { parse } from '../http/parse';
import { uploadedFile } from '../http/uploaded-file';

const statusBody = z.object({ status: z.enum(DOSSIER_STATUSES), note: optionalText(1_000) }).strict();
const importQuery = z.object({
  filename: z
    .string()
    .min(1)
    .max(200)
    .regex(/\.(csv|xlsx)$/i, 'must end in .csv or .xlsx'),
  dryRun: z.enum(['true', 'false']).default('true'),
});

/** Staff see what the citizen sees of the applicant: the name masked, the phone's last digits. */
function view(d: Dossier, procedureName: string | null, now: Date) {
  return {
    code: d.code,
    procedureId: d.procedureId,
    procedureName,
    applicant: maskName(d.applicantName),
    phone: d.phone ? `***${d.phone.slice(-3)}` : null,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    status: d.status,
    statusLabel: STATUS_TEXT[d.status].label,
    overdue: isOverdue(d, now),
    reason: d.reason,
    note: d.note,
    history: d.history,
    updatedAt: d.updatedAt,
  };
}

export function dossierEndpoints(d: AdminDeps): Endpoint[] {
  const kb = () => d.assistant.knowledge.current();
  const nameOf = (id: string) => kb().procedures.get(id)?.name ?? null;
  const codeOf = (ctx: Ctx) => {
    const raw = String(ctx.req.params['code']).slice(0, 100);
    const code = findCodes(raw)[0]?.code;
    if (!code)
      throw new ApiError(400, 'invalid', `"${raw}" không phải mã hồ sơ (dạng 000.00.15.H12-251118-0007).`, [
        { field: 'code', reason: 'is not a receipt code' },
      ]);
    return code;
  };
  /** Whether the caller's communes include the dossier's (one of no known commune: province accounts). */
  const reaches = (ctx: Ctx, code: string) => {
    const commune = communeOfCode(kb(), code);
    return ctx.scope.province || (commune !== null && ctx.scope.sees(commune));
  };
  const existing = async (ctx: Ctx, code: string): Promise<Dossier> => {
    const dossier = reaches(ctx, code) ? await d.stores.dossiers.get(code) : null;
    if (!dossier) throw notFound(`hồ sơ ${code}`);
    return dossier;
  };
  /** The import jobs of the caller and of staff sharing one of their communes (all, province-wide). */
  const visibleJobs = async (ctx: Ctx) => {
    const jobs = await d.stores.imports.list(20);
    if (ctx.scope.province) return jobs;
    const colleagues = new Set(
      (await d.stores.staff.list())
        .filter((a) => a.communes.some((c) => ctx.scope.sees(c)))
        .map((a) => a.username),
    );
    return jobs.filter((j) => j.actor === ctx.staff.username || colleagues.has(j.actor));
  };

  return [
    {
      // Progress of imports (the console polls it while an upload runs), newest first.
      method: 'get',
      path: '/dossiers/imports',
      role: 'viewer',
      reach: 'commune',
      handle: async (ctx) => ({ jobs: await visibleJobs(ctx) }),
    },
    {
      method: 'get',
      path: '/dossiers/:code',
      role: 'viewer',
      reach: 'commune',
      handle: async (ctx) => {
        const code = codeOf(ctx);
        const dossier = await existing(ctx, code);
        const subscribers = (await d.stores.subscriptions.forCode(code)).length;
        return { dossier: view(dossier, nameOf(dossier.procedureId), ctx.now), subscribers };
      },
    },
    {
      method: 'post',
      path: '/dossiers/:code/status',
      role: 'editor',
      reach: 'commune',
      handle: async (ctx) => {
        const code = codeOf(ctx);
        const b = parse(statusBody, ctx.req.body, 'Thay đổi trạng thái');
        if (!reaches(ctx, code)) throw notFound(`hồ sơ ${code}`);
        const changed = await d.dossiers.changeStatus(code, b.status, b.note, ctx.staff.username, ctx.now);
        if (!changed) throw notFound(`hồ sơ ${code}`);
        const { dossier, notices } = changed;
        return { dossier: view(dossier, nameOf(dossier.procedureId), ctx.now), notices };
      },
    },
    {
      method: 'post',
      path: '/dossiers/import',
      role: 'editor',
      reach: 'commune',
      upload: true,
      handle: async (ctx) => {
        const q = parse(importQuery, ctx.req.query, 'Yêu cầu nhập');
        const body = uploadedFile(ctx, 'the CSV or XLSX file');
        let report;
        try {
          ({ report } = await d.dossiers.importFile(body, q.filename, {
            dryRun: q.dryRun === 'true',
            actor: ctx.staff.username,
            now: ctx.now,
            refuseCode: (code: string) =>
              reaches(ctx, code) ? null : `${code} is not a dossier of your commune`,
          }));
        } catch (err) {
          if (err instanceof DossierImportError)
            throw new ApiError(400, 'invalid_file', err.message, [{ field: 'file', reason: err.message }]);
          throw err;
        }
        return report.dryRun ? { report } : { report, notified: report.notified };
      },
    },
  ];
}
