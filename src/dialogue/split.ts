// Splits a long answer into bubbles at line (item) boundaries, each below the channel text limit.
export const TEXT_LIMIT = 2000;

export function splitLines(lines: readonly string[], limit = TEXT_LIMIT): string[] {
  const bubbles: string[] = [];
  let current = '';
  for (const raw of lines) {
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
      if (next.length > limit && current) {
        bubbles.push(current);
        current = piece;
      } else current = next;
    }
  }
  if (current) bubbles.push(current);
  return bubbles;
}
