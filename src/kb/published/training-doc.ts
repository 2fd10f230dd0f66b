// Training examples staff taught from the "what the bot missed" inbox, published as one knowledge
// version ("training:examples") so that every instance retrains with the same list.
import { z } from 'zod';
import { ASPECTS, INTENTS } from '../../core/labels';
import type { Example } from '../../nlu/training-data';

export const staffExampleSchema = z
  .object({
    text: z.string().min(1),
    intent: z.enum(INTENTS),
    procedure: z.string().nullable(),
    aspect: z.enum(ASPECTS).nullable(),
    author: z.string(),
    at: z.string(),
  })
  .strict();
export type StaffExample = z.infer<typeof staffExampleSchema>;

export const trainingDocSchema = z.object({ examples: z.array(staffExampleSchema) }).strict();

/** Where lint messages say an example comes from. */
export const sourceOf = (e: Pick<StaffExample, 'author'>) => `console (added by ${e.author})`;

export function asExamples(staff: readonly StaffExample[]): Example[] {
  return staff.map((e) => ({
    text: e.text,
    intent: e.intent,
    procedure: e.procedure,
    aspect: e.aspect,
    source: sourceOf(e),
  }));
}
