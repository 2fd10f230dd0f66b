/** One-line error text for structured logs (never the payload: it may hold personal data). */
export function errText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
