// CSRF: every state-changing request must carry the session's token in X-CSRF-Token. A cross-site page
// can neither read the token nor set that header (SameSite=Strict cookies are a second line).
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../http/api-error';
import type { Staff } from './roles';

const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  if (SAFE.has(req.method)) {
    next();
    return;
  }
  const staff = res.locals['staff'] as Staff;
  const sent = req.get(CSRF_HEADER);
  if (!sent || !same(sent, staff.csrfToken))
    throw new ApiError(403, 'csrf', 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); xin tải lại trang.');
  next();
}
