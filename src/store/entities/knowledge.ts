// One published version of an edited document (procedure, training examples, ...).
import { z } from 'zod';
import { date, int, json, str, text } from './fields';

export const knowledgeVersionSchema = z.object({
  key: str(), // what was published, e.g. "procedure:can-cuoc" or "training:examples"
  version: int(1), // 1, 2, … per key
  content: json(), // the whole published document
  author: str(),
  at: date,
  comment: text.nullable(),
});
export type KnowledgeVersion = z.infer<typeof knowledgeVersionSchema>;
