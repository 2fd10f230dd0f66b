// Size limits for text staff type into the console (the API refuses more, with the field named).
import { z } from 'zod';
import { MAX_TEXT } from '../../core/text-limit';

export const MAX_SHORT = 200;
export { MAX_TEXT };

/** Trimmed, NFC, non-empty text of at most `max` characters. */
export const text = (max = MAX_TEXT) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** Like text, but empty means "none". */
export const optionalText = (max = MAX_TEXT) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((s) => (s == null || !s.trim() ? null : s.normalize('NFC').trim()));
