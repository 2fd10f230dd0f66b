// A citizen's message as received (dedupe and crash recovery).
import { z } from 'zod';
import type { InboundKind } from '../../core/message';
import { channel, commune, date, storeId, str, strOf, text, userId } from './fields';

export const INBOUND_STATES = ['pending', 'processing', 'done'] as const;
export type InboundState = (typeof INBOUND_STATES)[number];

export const inboundRecordSchema = z.object({
  id: storeId,
  channel,
  messageId: str(),
  userId,
  kind: strOf<InboundKind>(32),
  text,
  displayName: str().nullable(),
  sentAt: date,
  receivedAt: date,
  state: z.enum(INBOUND_STATES),
  commune,
});
export type InboundRecord = z.infer<typeof inboundRecordSchema>;

/** What a channel hands over; the store assigns the id and state. No commune: the default one. */
export const newInboundSchema = inboundRecordSchema
  .omit({ id: true, state: true })
  .partial({ commune: true });
export type NewInbound = z.infer<typeof newInboundSchema>;
