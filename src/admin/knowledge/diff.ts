// A readable diff between two versions of a procedure, field by field: "fee.summary changed from … to …",
// "documents.submit: added …". List items are matched by content, so inserting one item shows one line;
// an item that is an object (a fee item, a unit) is compared field by field under its place in the list
// ("fee.items.1.vnd changed from 0 to 5000"), so the console can name every field in Vietnamese.
export interface Change {
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One line of text for any value (list items that are objects become "key: value | key: value"). */
function line(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(line).join('; ');
  if (isObject(v))
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${line(x)}`)
      .join(' | ');
  return (v as string | number | boolean).toString(); // what is left of YAML: scalars
}

/** Longest common subsequence of two lists of lines, as pairs of indexes. */
function common(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  // A flat (n+1)×(m+1) table; `at` reads 0 past the edges, which is the recurrence's base case.
  const len = new Array<number>((n + 1) * (m + 1)).fill(0);
  const at = (i: number, j: number) => len[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--)
      len[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

function diffList(field: string, a: unknown[], b: unknown[], out: Change[]): void {
  const la = a.map(line);
  const lb = b.map(line);
  const item = (side: 'removed' | 'added', index: number) => {
    const value = side === 'removed' ? a[index] : b[index];
    if (isObject(value))
      diffValue(`${field}.${index}`, side === 'removed' ? value : {}, side === 'added' ? value : {}, out);
    else if (side === 'removed') out.push({ field, kind: side, before: la[index] ?? '', after: null });
    else out.push({ field, kind: side, before: null, after: lb[index] ?? '' });
  };
  // Every run of unmatched items lies between two matched pairs (or an end of the lists).
  let [i0, j0] = [0, 0];
  for (const [i1, j1] of [...common(la, lb), [a.length, b.length] as const]) {
    for (let k = 0; i0 + k < i1 || j0 + k < j1; k++) {
      const i = i0 + k < i1 ? i0 + k : null;
      const j = j0 + k < j1 ? j0 + k : null;
      // An object item edited in place (same slot of the run on both sides): compared field by field.
      if (i !== null && j !== null && isObject(a[i]) && isObject(b[j])) diffValue(`${field}.${j}`, a[i], b[j], out);
      else {
        if (i !== null) item('removed', i);
        if (j !== null) item('added', j);
      }
    }
    [i0, j0] = [i1 + 1, j1 + 1];
  }
}

function diffValue(field: string, a: unknown, b: unknown, out: Change[]): void {
  const absent = (v: unknown) => v === null || v === undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    diffList(field, Array.isArray(a) ? a : [], Array.isArray(b) ? b : [], out);
  } else if ((isObject(a) || absent(a)) && (isObject(b) || absent(b)) && !(absent(a) && absent(b))) {
    const x = isObject(a) ? a : {};
    const y = isObject(b) ? b : {};
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
      diffValue(field ? `${field}.${key}` : key, x[key], y[key], out);
  } else {
    const before = line(a);
    const after = line(b);
    if (before === after) return;
    out.push({
      field,
      kind: !before ? 'added' : !after ? 'removed' : 'changed',
      before: before || null,
      after: after || null,
    });
  }
}

/** What changed from `before` to `after` (null before: everything is added). */
export function diffDocuments(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  diffValue('', before ?? {}, after ?? {}, out);
  return out;
}
