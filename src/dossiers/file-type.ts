// Trust the content, not the name: a file is imported only when its bytes are what its extension claims.
import path from 'node:path';
import { DossierImportError } from './import-error';

export type SheetFormat = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, .doc and other Office 97-2003 files
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

function binaryKind(buf: Buffer): string | null {
  if (startsWith(buf, ZIP)) return 'a ZIP archive (an .xlsx workbook?)';
  if (startsWith(buf, OLE2)) return 'an old Office 97-2003 file (.xls?)';
  if (startsWith(buf, PDF)) return 'a PDF document';
  if (buf.subarray(0, 8192).includes(0)) return 'binary data';
  return null;
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** The format to read `filename` as, after checking its bytes; throws DossierImportError otherwise. */
export function sheetFormat(buf: Buffer, filename: string): SheetFormat {
  const name = path.basename(filename);
  const ext = path.extname(filename).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    throw new DossierImportError(
      `${name}: unsupported file type "${ext || '(none)'}"; import a .csv or .xlsx file`,
    );
  }
  if (buf.length === 0) throw new DossierImportError(`${name} is empty`);
  const binary = binaryKind(buf);
  if (ext === '.csv') {
    if (binary) throw new DossierImportError(`${name} is not a CSV text file: it is ${binary}`);
    if (!isUtf8(buf)) throw new DossierImportError(`${name} is not UTF-8 text; export it as "CSV UTF-8"`);
    return 'csv';
  }
  if (startsWith(buf, ZIP)) return 'xlsx';
  if (startsWith(buf, OLE2)) {
    throw new DossierImportError(
      `${name} is an old Excel 97-2003 (.xls) file renamed to .xlsx; save it as .xlsx`,
    );
  }
  throw new DossierImportError(`${name} is not an Excel workbook: it is ${binary ?? 'text (a CSV file?)'}`);
}
