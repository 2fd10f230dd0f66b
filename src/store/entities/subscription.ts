// A citizen's subscription to a dossier's status changes.
import { z } from 'zod';
import { dossierCode, dossierStatus } from './dossier';
import { channel, date, userId } from './fields';

export const subscriptionSchema = z.object({
  code: dossierCode,
  channel,
  userId,
  createdAt: date,
  lastNotifiedStatus: dossierStatus.nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
