// A citizen's subscription to a dossier's status changes.
import { z } from 'zod';
import { dossierCode, dossierStatus } from './dossier';
import { channel, commune, date, userId } from './fields';

export const subscriptionSchema = z.object({
  code: dossierCode,
  channel,
  userId,
  createdAt: date,
  lastNotifiedStatus: dossierStatus.nullable(),
  commune, // the commune whose chat the citizen subscribed in (whose account sends the news)
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** As added: no commune means the default one. */
export const newSubscriptionSchema = subscriptionSchema
  .pick({ code: true, channel: true, userId: true })
  .extend({ commune: commune.optional() });
export type NewSubscription = z.infer<typeof newSubscriptionSchema>;
