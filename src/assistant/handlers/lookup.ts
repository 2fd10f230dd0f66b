// A receipt code: its dossier's status, within the abuse limits (anti-enumeration).
import {
  codeNotFound,
  dossierStatus,
  lookupUnavailable,
  ofAnotherCommune,
  tooManyLookups,
} from '../../dialogue/answers/status';
import { isOverdue } from '../../dialogue/overdue';
import type { Draft } from '../../dialogue/draft';
import { communeOfCode } from '../../kb/commune-of-code';
import { forCommune } from '../../kb/for-commune';
import type { Handler } from './handler';

export const lookup: Handler<'lookup'> = async (plan, t) => {
  const here = t.kb.commune;
  if (!(await t.ports.lookupAllowed())) return { draft: tooManyLookups(here), next: t.base };
  const next = { ...t.base, lastCode: plan.code };
  const dossier = await t.ports.findDossier(plan.code);
  // The remote is down: an apology and the way to a person, not a "not found" the citizen would believe.
  if (dossier === 'unavailable') return { draft: lookupUnavailable(here), next };
  // The code names the commune that received the dossier: its centre, hours, hotline and procedures answer.
  const homeId = communeOfCode(t.kb, plan.code);
  const home = homeId !== null && homeId !== here.id ? forCommune(t.kb, homeId) : t.kb;
  const said = (draft: Draft) =>
    home === t.kb ? draft : ofAnotherCommune(plan.code, home.commune, here, draft);
  if (!dossier)
    return {
      draft: said(codeNotFound(plan.code, home.commune)),
      next: { ...next, failures: t.state.failures + 1 },
    };
  const name = home.procedures.get(dossier.procedureId)?.name ?? null;
  return {
    draft: said(dossierStatus(dossier, name, isOverdue(dossier, t.now), home.commune)),
    next: { ...next, failures: 0 },
  };
};
