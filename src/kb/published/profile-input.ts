// A commune profile or the province file as staff submit it: the knowledge schema's checks, a size cap on
// every text, and (for a commune) the id it must have. Problems come back as field + reason.
import type { Problem } from '../../core/problem';
import { communeFile, PROVINCE_FILE } from '../commune-links';
import { communeSchema, provinceSchema, type Commune, type Province } from '../schema';
import { validate } from '../validate';
import { sizeProblems } from './procedure-input';

export function checkCommune(
  doc: unknown,
  id: string,
  file = communeFile(id),
): { commune?: Commune; problems: Problem[] } {
  const problems: Problem[] = [];
  sizeProblems(doc, '', file, problems);
  if (problems.length) return { problems };
  const commune = validate(doc, file, communeSchema, problems);
  if (commune && commune.id !== id)
    problems.push({ file, field: 'id', reason: `must be ${id} (ids never change)` });
  return problems.length ? { problems } : { commune, problems };
}

export function checkProvince(
  doc: unknown,
  file = PROVINCE_FILE,
): { province?: Province; problems: Problem[] } {
  const problems: Problem[] = [];
  sizeProblems(doc, '', file, problems);
  if (problems.length) return { problems };
  const province = validate(doc, file, provinceSchema, problems);
  return problems.length ? { problems } : { province, problems };
}
