/** The whole file cannot be imported (wrong type, unreadable, no header); the message says why, in English. */
export class DossierImportError extends Error {
  override name = 'DossierImportError';
}
