// The staff session cookie: httpOnly, SameSite=Strict, scoped to /admin, Secure when the request came
// over HTTPS (directly or through a trusted reverse proxy, see the app's "trust proxy" setting).
import type { CookieOptions, Request } from 'express';
import { ApiError } from '../http/api-error';

export const SESSION_COOKIE = 'motcua_staff';
const COOKIE_PATH = '/admin';

export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A cookie header is client input: a broken escape ("%E0%A4%A") is the client's mistake, not ours.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        throw new ApiError(
          400,
          'bad_cookie',
          `Cookie ${name} bị hỏng; xin xóa cookie của trang rồi đăng nhập lại.`,
        );
      }
    }
  }
  return null;
}

export function sessionCookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: COOKIE_PATH };
}
