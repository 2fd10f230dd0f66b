// What an export's "Thủ tục" column says (an id or a Vietnamese name, any case or diacritics) → procedure id.
import { foldKey } from '../../dossiers/fold-key';
import type { ProcedureResolver } from '../../dossiers/row';
import type { KnowledgeBase } from '../../kb/knowledge-base';

export function procedureResolver(kb: KnowledgeBase): ProcedureResolver {
  const byName = new Map([...kb.procedures.values()].map((p) => [foldKey(p.name), p.id]));
  return (nameOrId) => {
    const t = nameOrId.trim();
    return kb.procedures.has(t) ? t : (byName.get(foldKey(t)) ?? null);
  };
}
