// A dossier import job: its progress, and a trace of an import cut short.
import { z } from 'zod';
import { dossierCode } from './dossier';
import { date, int, list, storeId, str, text } from './fields';

export const IMPORT_JOB_STATES = ['running', 'done', 'failed', 'interrupted'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

const count = int(0);
export const importCountsSchema = z.object({
  total: count,
  done: count,
  created: count,
  updated: count,
  unchanged: count,
  rejected: count,
  notified: count,
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importJobSchema = z.object({
  id: storeId,
  file: str(),
  actor: str(),
  state: z.enum(IMPORT_JOB_STATES),
  counts: importCountsSchema,
  inFlight: list(dossierCode, 1_000), // codes of the batch being written: after a crash, their subscribers are told
  error: text.nullable(),
  startedAt: date,
  updatedAt: date,
});
export type ImportJob = z.infer<typeof importJobSchema>;
