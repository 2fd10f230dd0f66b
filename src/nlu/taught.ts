// Sentences staff taught from the unanswered inbox are understood as taught, at once. Retraining alone
// does not guarantee it: one example among thousands may be outweighed, and a bare "mất bao lâu" has no
// word that is not spread over every label. Staff corrections are authoritative for the sentence itself.
import type { Example } from './training-data';
import type { Understanding } from './understanding';

/** A follow-up taught "about whatever procedure is in context": a procedure question without a procedure. */
export const isFollowUp = (e: Pick<Example, 'intent' | 'procedure'>) =>
  e.intent === 'procedure' && e.procedure === null;

export class Taught {
  private constructor(private readonly byKey: ReadonlyMap<string, Example>) {}

  static readonly none = new Taught(new Map());

  /** `key` normalises a sentence as the classifier does (the later of two examples wins). */
  static of(examples: readonly Example[], key: (text: string) => string): Taught {
    return new Taught(new Map(examples.map((e) => [key(e.text), e])));
  }

  apply(u: Understanding): Understanding {
    const e = this.byKey.get(u.normalized);
    if (!e) return u;
    const taught = {
      ...u,
      intent: e.intent,
      procedure: e.procedure,
      aspect: e.aspect,
      redirect: e.redirect ?? null,
      confidence: 1,
    };
    if (isFollowUp(e))
      return { ...taught, namesProcedure: false, namesAspect: true, procedureCandidates: [] };
    return { ...taught, procedureCandidates: e.procedure ? [{ procedure: e.procedure, p: 1 }] : [] };
  }
}
