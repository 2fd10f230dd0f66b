// Keys of the published knowledge versions (KnowledgeStore).
const PROCEDURE_PREFIX = 'procedure:';
export const TRAINING_KEY = 'training:examples';

export const procedureKey = (id: string) => `${PROCEDURE_PREFIX}${id}`;

export function procedureIdOf(key: string): string | null {
  return key.startsWith(PROCEDURE_PREFIX) ? key.slice(PROCEDURE_PREFIX.length) : null;
}
