// One part of an answer waiting to be sent, sending, or finished.
import { z } from 'zod';
import { channel, commune, date, int, list, storeId, str, text, userId } from './fields';

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export const outboxState = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof outboxState>;

export const replySchema = z.object({ text, options: list(text, 20) });

export const outboxItemSchema = z.object({
  id: storeId,
  channel,
  userId,
  seq: int(0), // order within the citizen's queue (monotonic per user)
  reply: replySchema,
  state: outboxState,
  attempts: int(0), // how many times it was claimed for sending
  nextAttemptAt: date,
  lastError: text.nullable(),
  createdAt: date,
  inboundReceivedAt: date.nullable(), // inbound message this answers, if any (inbound→sent latency)
  /**
   * What produced this part, unique across the outbox (e.g. inbound record id + part index): enqueueing
   * the same source again after a crash returns the stored item instead of queueing a second copy.
   */
  source: str(512).nullable(),
  /**
   * Set when an earlier attempt may have reached the platform without its result being recorded (the
   * process died, or could not save the result): the time that attempt began. Before sending again the
   * sender checks the platform's conversation for the part.
   */
  uncertainSince: date.nullable(),
  messageId: str().nullable(), // the platform's id once sent (null before, or confirmed from the conversation)
  commune, // whose account sends it
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const newOutboxItemSchema = outboxItemSchema
  .pick({ channel: true, userId: true, reply: true, inboundReceivedAt: true })
  .extend({ source: str(512).optional(), commune: commune.optional() });
export type NewOutboxItem = z.infer<typeof newOutboxItemSchema>;
