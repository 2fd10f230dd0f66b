// The uncompressed size an .xlsx (a ZIP archive) declares for its parts, read from the central directory
// without unpacking anything. A ZIP bomb declares its size honestly or not at all; a lie is caught by the
// reading worker's memory limit instead.
import { DossierImportError } from './import-error';

const EOCD = 0x06054b50;
const ENTRY = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const ZIP64 = 0xffffffff;

function endOfDirectory(buf: Buffer): number {
  for (let at = buf.length - EOCD_MIN; at >= Math.max(0, buf.length - EOCD_MIN - MAX_COMMENT); at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

/** Total declared uncompressed bytes; throws DossierImportError when the directory is unreadable. */
export function unzippedSize(buf: Buffer, name: string): number {
  const broken = () => new DossierImportError(`${name} is a ZIP archive but not a readable Excel workbook`);
  const end = buf.length >= EOCD_MIN ? endOfDirectory(buf) : -1;
  if (end < 0) throw broken();
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== ENTRY) throw broken();
    const size = buf.readUInt32LE(at + 24);
    // ZIP64 sizes (over 4 GiB) are never a real commune export.
    if (size === ZIP64) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}
