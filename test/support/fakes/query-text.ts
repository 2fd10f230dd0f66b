// A query parameter as the single string the fakes expect ('' when absent, repeated or nested).
export const queryText = (v: unknown): string => (typeof v === 'string' ? v : '');
