// Trained models by content. Training is deterministic, so the same training data and options give
// the same model: a process that builds several assistants (tests, `eval`) trains once. Small and
// in memory only; a model is immutable once trained, so sharing one is safe.
import { createHash } from 'node:crypto';

const LIMIT = 4;

export class ModelCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit = LIMIT) {}

  static key(...parts: unknown[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string, build: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = build();
    this.entries.set(key, made);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }
}
