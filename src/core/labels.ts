// Canonical labels (mirrors ../shared/eval/taxonomy.json; procedure ids come from the knowledge base).
export const INTENTS = [
  'procedure',
  'status_lookup',
  'greeting',
  'thanks',
  'goodbye',
  'ask_human',
  'office_info',
  'complaint',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export const ASPECTS = ['documents', 'fee', 'time', 'where', 'form', 'general'] as const;
export type Aspect = (typeof ASPECTS)[number];

export function isIntent(x: unknown): x is Intent {
  return typeof x === 'string' && (INTENTS as readonly string[]).includes(x);
}
export function isAspect(x: unknown): x is Aspect {
  return typeof x === 'string' && (ASPECTS as readonly string[]).includes(x);
}
