// The smallest tar (ustar) writer and reader the knowledge export needs: regular files only, gzip on
// the way out and accepted on the way in. `tar -xzf` unpacks an export straight into a knowledge/ folder.
import { gunzipSync, gzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  content: Buffer;
}

const BLOCK = 512;
const MAX_ENTRIES = 1_000;
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, length, 'utf8');
}

function octal(n: number, length: number): string {
  return `${n.toString(8).padStart(length - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  field(h, 0, 100, name);
  field(h, 100, 8, octal(0o644, 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(Math.floor(mtime.getTime() / 1000), 12));
  field(h, 148, 8, '        '); // checksum counted as spaces
  field(h, 156, 1, '0');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

export function writeTarGz(entries: readonly TarEntry[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e.name, e.content.length, mtime), e.content);
    const pad = (BLOCK - (e.content.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts));
}

const text = (buf: Buffer, offset: number, length: number) => {
  const raw = buf.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
};

/** Regular files of a .tar or .tar.gz; throws an Error with an English reason when it is neither. */
export function readTar(input: Buffer): TarEntry[] {
  const buf =
    input[0] === 0x1f && input[1] === 0x8b
      ? gunzipSync(input, { maxOutputLength: MAX_UNPACKED_BYTES })
      : input;
  if (buf.length < BLOCK || text(buf, 257, 5) !== 'ustar') throw new Error('not a tar or tar.gz archive');
  const entries: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= buf.length;) {
    const h = buf.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(text(h, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || at + BLOCK + size > buf.length)
      throw new Error('the archive is truncated or damaged');
    const prefix = text(h, 345, 155);
    const name = prefix ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100);
    const type = String.fromCharCode(h[156] || 0x30);
    if (type === '0')
      entries.push({ name, content: Buffer.from(buf.subarray(at + BLOCK, at + BLOCK + size)) });
    if (entries.length > MAX_ENTRIES) throw new Error(`the archive has more than ${MAX_ENTRIES} files`);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
