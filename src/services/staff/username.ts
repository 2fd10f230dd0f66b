import { z } from 'zod';

/** Staff usernames: lower-case letters, digits, dot, dash, underscore (callers lower-case first). */
export const USERNAME = z
  .string()
  .regex(/^[a-z0-9._-]{2,64}$/, 'must be 2–64 characters: a-z, 0-9, dot, dash or underscore');
