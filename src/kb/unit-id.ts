// A readable, unique id for a new answerable unit, made from its question ("Có mất tiền không?" → co-mat-tien-khong).
import { foldKey } from '../nlu/fold';

const WORDS = 6;

export function newUnitId(question: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = foldKey(question).split(' ').filter(Boolean).slice(0, WORDS).join('-') || 'cau-hoi';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}
