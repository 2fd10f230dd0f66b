// Publishes a change to the staff's training examples. Two editors (on two instances) may change the list
// at once: when another version landed between our read and our publish, the change is applied again on
// top of that version, so neither edit is lost.
import type { KnowledgeStore, KnowledgeVersion } from '../../store/ports';
import { TRAINING_KEY } from '../../kb/published/keys';
import { trainingDocSchema, type StaffExample } from '../../kb/published/training-doc';

const ATTEMPTS = 5;

function examplesOf(v: KnowledgeVersion | null | undefined): StaffExample[] {
  const doc = trainingDocSchema.safeParse(v?.content);
  return doc.success ? doc.data.examples : [];
}

export async function latestExamples(
  store: KnowledgeStore,
): Promise<{ version: number; examples: StaffExample[] }> {
  const latest = (await store.history(TRAINING_KEY, 1))[0];
  return { version: latest?.version ?? 0, examples: examplesOf(latest) };
}

export async function publishExamples(
  store: KnowledgeStore,
  edit: (examples: StaffExample[]) => StaffExample[],
  meta: { author: string; at: Date; comment: string },
): Promise<KnowledgeVersion> {
  let base: KnowledgeVersion | null = (await store.history(TRAINING_KEY, 1))[0] ?? null;
  for (let attempt = 1; ; attempt++) {
    const v = await store.publish({
      key: TRAINING_KEY,
      content: { examples: edit(examplesOf(base)) },
      ...meta,
    });
    if (v.version === (base?.version ?? 0) + 1 || attempt >= ATTEMPTS) return v;
    base = await store.get(TRAINING_KEY, v.version - 1);
  }
}
