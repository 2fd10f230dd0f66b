// A citizen's latest message time per channel (the channel's consultation window).
import { z } from 'zod';
import { channel, commune, date, str, userId } from './fields';

export const contactSchema = z.object({
  channel,
  userId,
  lastInboundAt: date,
  displayName: str().nullable(),
  commune, // the commune the citizen last wrote to
});
export type Contact = z.infer<typeof contactSchema>;
