// The redirect catalogue (knowledge/elsewhere/<id>.yaml): procedures citizens ask the commune about that
// the bot does not guide, each with who handles it, where and how. See knowledge/README.md.
import { z } from 'zod';
import { hasVietnameseMarks } from '../nlu/fold';
import { isoDate } from './schema';

const text = z.string().trim().min(1, 'must not be empty');
/** Each field is one line of a phone-sized reply: long texts would push the answer past one message. */
const line = (max: number) =>
  text
    .refine(hasVietnameseMarks, 'must be Vietnamese with diacritics')
    .refine((t) => t.length <= max, `must be at most ${max} characters`);

export const ELSEWHERE_LIMITS = {
  name: 110,
  authority: 140,
  where: 150,
  how: 150,
  howItems: 3,
  note: 130,
} as const;

export const elsewhereSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id like ho-chieu'),
    name: line(ELSEWHERE_LIMITS.name),
    // commune: the commune decides it but the bot has no guide for it yet; other_authority: another office.
    handled_by: z.enum(['commune', 'other_authority']),
    authority: line(ELSEWHERE_LIMITS.authority),
    where: line(ELSEWHERE_LIMITS.where),
    how: z
      .array(line(ELSEWHERE_LIMITS.how))
      .min(1, 'needs at least one way to apply')
      .max(ELSEWHERE_LIMITS.howItems, `lists at most ${ELSEWHERE_LIMITS.howItems} ways`),
    note: line(ELSEWHERE_LIMITS.note).nullable().optional(),
    verified: z.boolean(),
    source: text,
    last_reviewed: isoDate.optional(),
  })
  .strict();
export type ElsewhereEntry = z.output<typeof elsewhereSchema>;
