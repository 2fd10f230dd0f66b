// A staff member's console session.
import { z } from 'zod';
import { date, storeId, str } from './fields';
import { username } from './staff';

export const staffSessionSchema = z.object({
  id: storeId, // random, unguessable (the cookie value)
  username,
  csrfToken: str(),
  createdAt: date,
  lastSeenAt: date,
});
export type StaffSession = z.infer<typeof staffSessionSchema>;
