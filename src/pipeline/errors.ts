// Send failures, classified once by each channel client so the outbox sender can decide what to do.

/**
 * - retryable:    network errors, timeouts, HTTP 5xx, temporary platform errors → back off and retry
 * - rate_limited: platform throttling → back off (honouring any retry hint) and retry
 * - token:        the access token was rejected → refresh once and retry once (e.g. an expired OA token)
 * - window:       outside the consultation window → never retried
 * - unreachable:  the citizen blocked / unfollowed / is unavailable → never retried
 * - permanent:    invalid request → never retried
 * - config:       our configuration or permissions are wrong → never retried, alert an operator
 */
export type SendErrorKind =
  'retryable' | 'rate_limited' | 'token' | 'window' | 'unreachable' | 'permanent' | 'config';

export class SendError extends Error {
  override readonly name = 'SendError';
  constructor(
    readonly kind: SendErrorKind,
    message: string,
    /** The platform's own error code (an error number, `code/subcode`, or `http_503`), for support. */
    readonly platformCode: string | null = null,
    /** A minimum delay before the next attempt, when the platform said so. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

// No answer, but the request may have been sent: a timeout or a connection broken mid-way (a refused
// connection or an unknown host never reached the platform).
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether the platform may have received (and delivered) the request although we have no answer. */
export function mayHaveArrived(e: SendError): boolean {
  const code = e.platformCode ?? '';
  return e.kind === 'retryable' && (code === 'network' || (/^E[A-Z_]+$/.test(code) && !NOT_SENT.has(code)));
}

export function isRetryable(kind: SendErrorKind): boolean {
  return kind === 'retryable' || kind === 'rate_limited';
}

/** Anything thrown by a channel sender, as a SendError (unknown errors count as retryable). */
export function asSendError(e: unknown): SendError {
  if (e instanceof SendError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new SendError('retryable', `unexpected: ${msg}`);
}

/** One line for the outbox `lastError` column and the logs: kind, code, message. */
export function describeSendError(e: SendError): string {
  return `${e.kind}${e.platformCode ? ` ${e.platformCode}` : ''}: ${e.message}`.slice(0, 500);
}
