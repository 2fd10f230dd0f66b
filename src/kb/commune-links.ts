// Checks across the province's files that no single file can make: every procedure the province sets a
// fee for or groups into a field exists, every desk handles known procedures or fields, and no two
// communes share an agency code, a Zalo OA or a Messenger Page (a receipt code or a message would have
// two homes).
import type { Problem } from '../core/problem';
import type { Commune, Province } from './schema';

export const communeFile = (id: string) => `communes/${id}.yaml`;
export const PROVINCE_FILE = 'province.yaml';

const UNIQUE = [
  ['agency_code', 'agency code'],
  ['zalo_oa_id', 'Zalo OA id'],
  ['messenger_page_id', 'Messenger Page id'],
] as const;

export function communeLinkProblems(
  communes: ReadonlyMap<string, Commune>,
  province: Province | undefined,
  procedureIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const sorted = [...communes.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const [key, label] of UNIQUE) {
    const owner = new Map<string, string>();
    for (const c of sorted) {
      const value = c[key];
      if (value === null) continue;
      const first = owner.get(value.toUpperCase());
      if (first)
        problems.push({
          file: communeFile(c.id),
          field: key,
          reason: `is also the ${label} of ${communeFile(first)} (${value}): each commune needs its own`,
        });
      else owner.set(value.toUpperCase(), c.id);
    }
  }
  // Without a valid province file its fees and fields cannot be checked (its own problems say why).
  if (!province) return problems;
  for (const id of Object.keys(province.fees)) {
    if (!procedureIds.has(id))
      problems.push({
        file: PROVINCE_FILE,
        field: `fees.${id}`,
        reason: `names an unknown procedure (no procedures/${id}.yaml)`,
      });
  }
  for (const [fid, field] of Object.entries(province.fields)) {
    field.procedures.forEach((pid, i) => {
      if (!procedureIds.has(pid))
        problems.push({
          file: PROVINCE_FILE,
          field: `fields.${fid}.procedures.${i}`,
          reason: `names an unknown procedure (${pid})`,
        });
    });
  }
  for (const c of sorted) {
    c.desks.forEach((d, i) =>
      d.fields.forEach((f, k) => {
        if (!procedureIds.has(f) && !Object.hasOwn(province.fields, f))
          problems.push({
            file: communeFile(c.id),
            field: `desks.${i}.fields.${k}`,
            reason: `names neither a procedure nor a field of ${PROVINCE_FILE} (${f})`,
          });
      }),
    );
  }
  return problems;
}
