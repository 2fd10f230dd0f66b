/** First line of an error's message (errors from native code may not be `instanceof Error` here). */
export function firstLine(err: unknown): string {
  const message =
    typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
  const [first = ''] = message.split('\n');
  return first;
}
