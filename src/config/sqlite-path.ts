/** The embedded store's file when SQLITE_PATH is unset, relative to the project root. */
export const DEFAULT_SQLITE_PATH = 'data/motcua.sqlite';
