// `communes list`: one JSON line per commune the deployment serves (the files of knowledge/ with what the
// console published), for scripts and for checking a province's setup.
import { formatProblem } from '../../core/problem';
import { accountOf } from '../../kb/commune-by-account';
import { overlay } from '../../kb/published/overlay';
import type { Commune } from '../../kb/schema';
import { info, writeJsonLine } from '../io';
import { cliServices, withServices } from '../services';

function communeLine(c: Commune, isDefault: boolean) {
  return {
    id: c.id,
    name: c.commune_name,
    hotline: c.hotline,
    centre: c.centre_name,
    address: c.address,
    agency_code: c.agency_code,
    zalo_oa_id: accountOf(c, 'zalo'),
    messenger_page_id: accountOf(c, 'messenger'),
    office_hours: c.office_hours_text,
    desks: c.desks.length,
    default: isDefault,
  };
}

export async function communesListCommand(): Promise<number> {
  return withServices(cliServices(), async (s) => {
    const files = s.knowledge().current();
    const store = (await s.stores()).knowledge;
    const { kb, problems } = overlay(files, await store.current(), await store.revision());
    for (const p of problems) info(`communes list: skipped ${formatProblem(p)}`);
    for (const c of [...kb.communes.values()].sort((a, b) => a.id.localeCompare(b.id)))
      writeJsonLine(communeLine(c, c.id === kb.defaultCommune));
    return 0;
  });
}
