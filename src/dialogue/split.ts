// Splits a long answer into bubbles at line (item) boundaries: the first one phone-sized, the others below
// the length a phone shows without scrolling far (both well under the channels' 2,000-character limit).
export const TEXT_LIMIT = 1500;
/** The first message, greeting included: what a phone shows at once. */
export const FIRST_LIMIT = 700;

export function splitLines(lines: readonly string[], firstLimit = FIRST_LIMIT, rest = TEXT_LIMIT): string[] {
  const bubbles: string[] = [];
  let current = '';
  for (const raw of lines) {
    const limit = bubbles.length === 0 ? firstLimit : rest;
    // A single line longer than the limit is cut at a word boundary (never happens with KB limits).
    const pieces: string[] = [];
    let line = raw;
    while (line.length > limit) {
      const cut = line.lastIndexOf(' ', limit - 1);
      const at = cut > 0 ? cut : limit - 1;
      pieces.push(line.slice(0, at));
      line = line.slice(at).trimStart();
    }
    pieces.push(line);
    for (const piece of pieces) {
      const next = current ? `${current}\n${piece}` : piece;
      if (next.length > (bubbles.length === 0 ? firstLimit : rest) && current) {
        bubbles.push(current);
        current = piece;
      } else current = next;
    }
  }
  if (current) bubbles.push(current);
  return bubbles;
}
