// A complaint (phản ánh) a citizen sent.
import { z } from 'zod';
import { channel, commune, date, storeId, text, userId } from './fields';

export const complaintSchema = z.object({ id: storeId, channel, userId, text, at: date, commune });
export type Complaint = z.infer<typeof complaintSchema>;

/** As filed: the store assigns the id; no commune means the default one. */
export const newComplaintSchema = complaintSchema.omit({ id: true }).partial({ commune: true });
export type NewComplaint = z.infer<typeof newComplaintSchema>;
