// Cross-validation folds that keep near-paraphrases together: examples of one label sharing most of
// their words ("khai sinh cần giấy gì" / "khai sinh cần những giấy gì") land in the same fold, so
// held-out scores reflect phrasings the model has not seen, as real questions are.
import { seededRng, shuffle } from './rng';

/** Word-set overlap (Jaccard) at or above which two examples of one label are one group. */
export const PARAPHRASE_OVERLAP = 0.5;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}

/** Group id per example (union of near-paraphrase pairs within each label). */
export function paraphraseGroups(
  tokens: readonly (readonly string[])[],
  labels: readonly string[],
  overlap = PARAPHRASE_OVERLAP,
): number[] {
  const parent = Array.from(tokens.keys());
  // Union–find with path halving.
  const find = (i: number): number => {
    for (let p = parent[i] ?? i; p !== i; p = parent[i] ?? i) i = parent[i] = parent[p] ?? p;
    return i;
  };
  const byLabel = new Map<string, Array<{ i: number; set: Set<string> }>>();
  tokens.forEach((t, i) => {
    const l = labels[i] ?? '';
    const member = { i, set: new Set(t) };
    const bucket = byLabel.get(l);
    if (bucket) bucket.push(member);
    else byLabel.set(l, [member]);
  });
  for (const members of byLabel.values()) {
    members.forEach((a, at) => {
      for (const b of members.slice(at + 1))
        if (jaccard(a.set, b.set) >= overlap) parent[find(a.i)] = find(b.i);
    });
  }
  return parent.map((_, i) => find(i));
}

/** Fold (0..k-1) per example: whole groups, in a seeded order, dealt to the emptiest fold. */
export function groupFolds(groups: readonly number[], k: number, seed: number): number[] {
  const members = new Map<number, number[]>();
  groups.forEach((g, i) => {
    const bucket = members.get(g);
    if (bucket) bucket.push(i);
    else members.set(g, [i]);
  });
  const order = shuffle(
    [...members.keys()].sort((a, b) => a - b),
    seededRng(seed),
  );
  const sizes = new Array<number>(k).fill(0);
  const fold = new Array<number>(groups.length).fill(0);
  for (const g of order) {
    const f = sizes.indexOf(Math.min(...sizes));
    const group = members.get(g) ?? [];
    for (const i of group) fold[i] = f;
    sizes[f] = (sizes[f] ?? 0) + group.length;
  }
  return fold;
}
