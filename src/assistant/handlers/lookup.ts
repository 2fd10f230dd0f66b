// A receipt code: its dossier's status, within the abuse limits (anti-enumeration).
import {
  codeNotFound,
  dossierStatus,
  lookupUnavailable,
  tooManyLookups,
} from '../../dialogue/answers/status';
import { isOverdue } from '../../dialogue/overdue';
import type { Handler } from './handler';

export const lookup: Handler<'lookup'> = async (plan, t) => {
  const c = t.kb.commune;
  if (!(await t.ports.lookupAllowed())) return { draft: tooManyLookups(c), next: t.base };
  const next = { ...t.base, lastCode: plan.code };
  const dossier = await t.ports.findDossier(plan.code);
  // The remote is down: an apology and the way to a person, not a "not found" the citizen would believe.
  if (dossier === 'unavailable') return { draft: lookupUnavailable(c), next };
  if (!dossier)
    return { draft: codeNotFound(plan.code, c), next: { ...next, failures: t.state.failures + 1 } };
  const name = t.kb.procedures.get(dossier.procedureId)?.name ?? null;
  return {
    draft: dossierStatus(dossier, name, isOverdue(dossier, t.now), c),
    next: { ...next, failures: 0 },
  };
};
