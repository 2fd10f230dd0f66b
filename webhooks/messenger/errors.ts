// Graph API error body { error: { message, type, code, error_subcode, fbtrace_id } } (reference §5.6)
// → what the outbox sender does with it.
import { SendError, type SendErrorKind } from '../../src/pipeline/public';

export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  fbtrace_id?: string;
}

export function classifyGraph(
  code: number | undefined,
  subcode: number | undefined,
  httpStatus: number,
): SendErrorKind {
  if (code === 10 && (subcode === 2018278 || subcode === 2018065)) return 'window';
  if (code === 551) return 'unreachable';
  if (code === 10 || code === 200 || code === 190) return 'config';
  if (code === 613 || code === 4 || code === 17 || code === 32) return 'rate_limited';
  if (code === 1200 || code === 2) return 'retryable';
  if (code === 100) return 'permanent';
  if (httpStatus === 429) return 'rate_limited';
  if (httpStatus >= 500 || httpStatus === 0) return 'retryable';
  return 'permanent';
}

export function graphError(e: GraphError | undefined, httpStatus: number): SendError {
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const sub = typeof e?.error_subcode === 'number' ? e.error_subcode : undefined;
  const kind = classifyGraph(code, sub, httpStatus);
  const platformCode =
    code !== undefined ? `${code}${sub !== undefined ? `/${sub}` : ''}` : `http_${httpStatus}`;
  const msg = `${e?.message ?? `HTTP ${httpStatus}`}${e?.fbtrace_id ? ` (fbtrace_id ${e.fbtrace_id})` : ''}`;
  return new SendError(kind, msg, platformCode, kind === 'rate_limited' ? 2_000 : null);
}
