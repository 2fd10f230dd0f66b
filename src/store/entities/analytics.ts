// One analytics event (dashboard figures).
import { z } from 'zod';
import { ASPECTS, INTENTS } from '../../core/labels';
import { channel, date, str } from './fields';

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
});
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;
