// A complaint (phản ánh) a citizen sent.
import { z } from 'zod';
import { channel, date, storeId, text, userId } from './fields';

export const complaintSchema = z.object({ id: storeId, channel, userId, text, at: date });
export type Complaint = z.infer<typeof complaintSchema>;
