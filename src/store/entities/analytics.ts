// One analytics event (dashboard figures).
import { z } from 'zod';
import { ASPECTS, INTENTS } from '../../core/labels';
import { channel, commune, date, str } from './fields';

export const ANALYTICS_TYPES = [
  'message',
  'answer',
  'not_understood',
  'lookup',
  'handoff',
  'complaint',
] as const;

export const analyticsEventSchema = z.object({
  type: z.enum(ANALYTICS_TYPES),
  channel,
  intent: z.enum(INTENTS).nullable(),
  procedure: str().nullable(),
  aspect: z.enum(ASPECTS).nullable(),
  at: date,
  commune,
});
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;

/** As recorded: no commune means the default one. */
export const newAnalyticsEventSchema = analyticsEventSchema.partial({ commune: true });
export type NewAnalyticsEvent = z.infer<typeof newAnalyticsEventSchema>;
