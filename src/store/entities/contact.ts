// A citizen's latest message time per channel (the channel's consultation window).
import { z } from 'zod';
import { channel, date, str, userId } from './fields';

export const contactSchema = z.object({
  channel,
  userId,
  lastInboundAt: date,
  displayName: str().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;
