// What an export's "Thủ tục" column says — a procedure id or its Vietnamese name, in any case, with or
// without diacritics — as the id of a procedure in the knowledge base; null when it names none.
import type { KnowledgeBase } from '../kb/knowledge-base';
import { foldKey } from '../nlu/fold';
import type { ProcedureResolver } from './row';

export function procedureResolver(kb: KnowledgeBase): ProcedureResolver {
  const byKey = new Map<string, string>();
  for (const p of kb.procedures.values()) {
    byKey.set(foldKey(p.name), p.id);
    byKey.set(foldKey(p.id), p.id); // "KHAI-SINH" or "khai sinh" typed for the id "khai-sinh"
  }
  return (nameOrId) => byKey.get(foldKey(nameOrId)) ?? null;
}
