// The knowledge as one commune answers from it: its own profile, and every shared procedure with the fee
// the province set and then the commune's own overrides. Pure; each view is built once per knowledge version.
import type { KnowledgeBase } from './knowledge-base';
import { applyOverride, applyProvinceFee } from './override';
import type { Procedure } from './schema';

const views = new WeakMap<KnowledgeBase, Map<string, KnowledgeBase>>();
/** The whole knowledge a view was made from, so a view of a view starts from the shared procedures. */
const wholeOf = new WeakMap<KnowledgeBase, KnowledgeBase>();

function build(kb: KnowledgeBase, id: string): KnowledgeBase {
  const commune = kb.communes.get(id) ?? kb.commune;
  const own = kb.overrides.get(id);
  const procedures = new Map<string, Procedure>();
  for (const [pid, shared] of kb.procedures) {
    const fee = kb.province.fees[pid];
    const withFee = fee ? applyProvinceFee(shared, fee) : shared;
    const change = own?.get(pid);
    procedures.set(pid, change ? applyOverride(withFee, change) : withFee);
  }
  return { ...kb, commune, procedures };
}

/** The view of one commune; an unknown or absent id gives the default commune's. */
export function forCommune(kb: KnowledgeBase, communeId?: string | null): KnowledgeBase {
  const whole = wholeOf.get(kb) ?? kb;
  const id = communeId && whole.communes.has(communeId) ? communeId : whole.defaultCommune;
  let cache = views.get(whole);
  if (!cache) views.set(whole, (cache = new Map<string, KnowledgeBase>()));
  let view = cache.get(id);
  if (!view) {
    view = build(whole, id);
    wholeOf.set(view, whole);
    cache.set(id, view);
  }
  return view;
}
