// The redaction seam: every log line passes through here, so no token, secret, phone number or
// ID-card number reaches a log, whatever a caller puts in it.

const SECRET_KEY =
  /token|secret|password|passwd|authorization|cookie|signature|proof|phone|cccd|cmnd|id_?card|national_?id|^code$/i;

const PATTERNS: Array<[RegExp, string]> = [
  // key=value pairs in URLs, form bodies and messages
  [
    /\b(access_token|refresh_token|appsecret_proof|secret_key|client_secret|code|hub\.verify_token)=([^&\s"']+)/gi,
    '$1=[redacted]',
  ],
  [/\b(Bearer|mac=|sha256=|sha1=)\s*[A-Za-z0-9._~+/=-]{8,}/g, '$1[redacted]'],
  // phone numbers (+84 / 0 prefixed, with or without separators) and 9–12 digit ID numbers; this also
  // hides long platform ids, which logs reference by userRef() instead
  [/\+?\d(?:[ .-]?\d){8,}/g, '[number]'],
  // long opaque strings (tokens, keys)
  [/\b[A-Za-z0-9_-]{32,}\b/g, '[redacted]'],
];

const registered = new Set<string>();

/** Values that must never appear in a log (tokens and secrets from the configuration). */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) registered.add(value);
}

export function scrubText(s: string): string {
  let out = s;
  for (const v of registered) if (out.includes(v)) out = out.split(v).join('[redacted]');
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error)
    return scrub({ type: value.name, message: value.message, stack: value.stack }, depth + 1);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] =
      SECRET_KEY.test(k) && v !== undefined && v !== null && typeof v !== 'boolean'
        ? '[redacted]'
        : scrub(v, depth + 1);
  }
  return out;
}
