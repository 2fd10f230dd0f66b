// Staff sessions: a random id in the cookie, kept in the SessionStore with its CSRF token. Every request
// re-reads the account, so a disabled account or a changed role takes effect at once.
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { SessionStore, StaffStore } from '../../store/ports';
import { ApiError } from '../http/api-error';
import { readCookie, SESSION_COOKIE, sessionCookieOptions } from './cookie';
import type { Staff } from './roles';

export interface SessionDeps {
  sessions: SessionStore;
  staff: StaffStore;
  clock: () => Date;
  idleMs: number;
}

const token = () => randomBytes(32).toString('base64url');

export async function startSession(
  d: SessionDeps,
  username: string,
  req: Request,
  res: Response,
): Promise<{ csrfToken: string }> {
  const now = d.clock();
  // Housekeeping: sessions idle past the timeout are of no use to anyone.
  await d.sessions.deleteIdle(new Date(now.getTime() - d.idleMs));
  const session = { id: token(), username, csrfToken: token(), createdAt: now, lastSeenAt: now };
  await d.sessions.create(session);
  res.cookie(SESSION_COOKIE, session.id, sessionCookieOptions(req));
  return { csrfToken: session.csrfToken };
}

export async function endSession(d: SessionDeps, staff: Staff, req: Request, res: Response): Promise<void> {
  await d.sessions.delete(staff.sessionId);
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
}

/** Sets res.locals.staff, or answers 401 (no session, expired after the idle timeout, account disabled). */
export function authenticate(d: SessionDeps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = readCookie(req, SESSION_COOKIE);
    const session = id && id.length <= 100 ? await d.sessions.get(id) : null;
    if (!session) throw new ApiError(401, 'unauthenticated', 'Xin đăng nhập trước.');
    const now = d.clock();
    if (now.getTime() - session.lastSeenAt.getTime() > d.idleMs) {
      await d.sessions.delete(session.id);
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
      throw new ApiError(
        401,
        'session_expired',
        'Phiên làm việc đã hết hạn do không hoạt động; xin đăng nhập lại.',
      );
    }
    const account = await d.staff.get(session.username);
    if (!account || account.disabled) {
      await d.sessions.delete(session.id);
      throw new ApiError(401, 'unauthenticated', 'Tài khoản này đã bị khóa.');
    }
    await d.sessions.touch(session.id, now);
    const staff: Staff = {
      username: account.username,
      role: account.role,
      communes: account.communes,
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
    res.locals['staff'] = staff;
    next();
  };
}
