// Shared by every schema: unknown fields in documents or filters are errors rather than silently dropped,
// and indexes are built once at start-up (openMongoStores) rather than lazily.
export const SCHEMA_OPTIONS = {
  versionKey: false,
  strict: 'throw',
  strictQuery: 'throw',
  autoIndex: false,
} as const;
