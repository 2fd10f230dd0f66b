// The staff session cookie: httpOnly, SameSite=Strict, scoped to /admin, Secure when the request came
// over HTTPS (directly or through a trusted reverse proxy, see the app's "trust proxy" setting).
import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'motcua_staff';
const COOKIE_PATH = '/admin';

export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function sessionCookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: COOKIE_PATH };
}
