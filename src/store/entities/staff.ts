// A staff account of the console.
import { z } from 'zod';
import { bool, date, list, str } from './fields';

export const STAFF_ROLES = ['admin', 'editor', 'viewer'] as const;
export const staffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRole>;

/** Unique, compared exactly (callers normalise case). */
export const username = str(64);

export const staffAccountSchema = z.object({
  username,
  role: staffRole,
  /** The communes (ids of knowledge/communes/) this person works for; empty = province-wide. */
  communes: list(str(64), 500),
  /** Self-describing KDF string (e.g. "scrypt$N$r$p$salt$hash"); the store never sees a password. */
  passwordHash: str(1_000),
  disabled: bool,
  createdAt: date,
  updatedAt: date,
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** A new account; without `communes` it is province-wide (as every account was before communes). */
export const newStaffAccountSchema = staffAccountSchema
  .omit({ createdAt: true, updatedAt: true })
  .partial({ communes: true });
export type NewStaffAccount = z.infer<typeof newStaffAccountSchema>;
