// A channel's OAuth tokens.
import { z } from 'zod';
import { date, text } from './fields';

export const tokenPairSchema = z.object({ accessToken: text, refreshToken: text, expiresAt: date });
export type TokenPair = z.infer<typeof tokenPairSchema>;
