// Keys of the published knowledge versions (KnowledgeStore). Versions stored before communes existed
// carry only procedure and training keys, and still load as they are.
const PROCEDURE_PREFIX = 'procedure:';
const COMMUNE_PREFIX = 'commune:';
const OVERRIDE_PREFIX = 'override:';
export const TRAINING_KEY = 'training:examples';
export const PROVINCE_KEY = 'province';

export const procedureKey = (id: string) => `${PROCEDURE_PREFIX}${id}`;
export const communeKey = (id: string) => `${COMMUNE_PREFIX}${id}`;
/** A commune's override of one procedure; its content null means the override was removed. */
export const overrideKey = (communeId: string, procedureId: string) =>
  `${OVERRIDE_PREFIX}${communeId}:${procedureId}`;

const after = (key: string, prefix: string) => (key.startsWith(prefix) ? key.slice(prefix.length) : null);

export const procedureIdOf = (key: string): string | null => after(key, PROCEDURE_PREFIX);
export const communeIdOf = (key: string): string | null => after(key, COMMUNE_PREFIX);

export function overrideOf(key: string): { commune: string; procedure: string } | null {
  const rest = after(key, OVERRIDE_PREFIX);
  const [commune, procedure, ...more] = rest?.split(':') ?? [];
  return commune && procedure && !more.length ? { commune, procedure } : null;
}
