// Which commune received a dossier: its receipt code starts with the receiving agency's code
// ("000.00.15.H12-251118-0007" → "000.00.15.H12").
import type { KnowledgeBase } from './knowledge-base';

/** The agency part of a receipt code, upper-case (the part before the first "-"). */
export function agencyOfCode(receiptCode: string): string {
  return (receiptCode.split('-')[0] ?? '').trim().toUpperCase();
}

/** The id of the commune whose agency code the receipt code carries, or null when none has it. */
export function communeOfCode(kb: KnowledgeBase, receiptCode: string): string | null {
  const agency = agencyOfCode(receiptCode);
  for (const c of kb.communes.values()) if (c.agency_code.toUpperCase() === agency) return c.id;
  return null;
}
