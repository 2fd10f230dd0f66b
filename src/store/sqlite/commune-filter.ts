// A commune filter as bound SQL parameters: the ids as a JSON array (never spliced into the SQL) and
// whether rows naming no commune (the default commune's) are wanted.
import type { CommuneFilter } from '../ports';

/**
 * The condition on a table's `commune` column, binding @communes and @withDefault; `defaultCommune` is how
 * the table marks a row of the default commune.
 */
export const communeMatch = (defaultCommune = 'commune IS NULL') =>
  `(@communes IS NULL OR commune IN (SELECT value FROM json_each(@communes))
  OR (${defaultCommune} AND @withDefault = 1))`;
export const COMMUNE_MATCH = communeMatch();

export function communeParams(communes: CommuneFilter | undefined): {
  communes: string | null;
  withDefault: 0 | 1;
} {
  if (!communes) return { communes: null, withDefault: 0 };
  return {
    communes: JSON.stringify(communes.filter((c) => c !== null)),
    withDefault: communes.includes(null) ? 1 : 0,
  };
}
