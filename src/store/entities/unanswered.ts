// A question the bot could not answer (staff inbox).
import { z } from 'zod';
import { ASPECTS, INTENTS } from '../../core/labels';
import { channel, commune, date, num, str, text } from './fields';

export const unansweredQuestionSchema = z.object({
  text,
  normalized: str(2_000),
  intent: z.enum(INTENTS),
  procedure: str().nullable(),
  aspect: z.enum(ASPECTS).nullable(),
  confidence: num,
  channel,
  at: date,
  commune,
});
export type UnansweredQuestion = z.infer<typeof unansweredQuestionSchema>;

/** As added: no commune means the default one. */
export const newUnansweredSchema = unansweredQuestionSchema.partial({ commune: true });
export type NewUnansweredQuestion = z.infer<typeof newUnansweredSchema>;
