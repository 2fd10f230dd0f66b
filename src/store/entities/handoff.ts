// A citizen's request to talk to a person (staff console).
import { z } from 'zod';
import { channel, commune, date, storeId, str, userId } from './fields';
import { username } from './staff';

export const HANDOFF_STATES = ['waiting', 'taken', 'closed'] as const;
export const handoffState = z.enum(HANDOFF_STATES);
export type HandoffState = z.infer<typeof handoffState>;
/** The citizen asked for a person, or the bot failed to understand twice in a row. */
export const HANDOFF_REASONS = ['asked', 'failures'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export const handoffSchema = z.object({
  id: storeId,
  channel,
  userId,
  displayName: str().nullable(),
  reason: z.enum(HANDOFF_REASONS),
  state: handoffState,
  openedAt: date,
  takenBy: username.nullable(),
  takenAt: date.nullable(),
  /** Last time the staff member holding it acted (took it, replied); the bot resumes after an idle period. */
  lastStaffAt: date.nullable(),
  closedAt: date.nullable(),
  /** Staff username, or "idle" when the bot took the conversation back. */
  closedBy: username.nullable(),
  commune,
});
export type Handoff = z.infer<typeof handoffSchema>;

/** A request as opened: no commune means the default one. */
export const newHandoffSchema = handoffSchema
  .pick({ channel: true, userId: true, displayName: true, reason: true })
  .extend({ commune: commune.optional() });
export type NewHandoff = z.infer<typeof newHandoffSchema>;
