// POST /login: a JSON body (a cross-site form cannot send one), throttled per client address (failed
// attempts, any account) and per (account, address) with growing delays, constant work for unknown
// usernames, then a fresh session.
import express, { type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { addressKey } from '../../core/address-key';
import type { AdminDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from '../../services/staff/password';
import { whoIs } from './who';
import { startSession } from './session';
import { loginThrottle } from './throttle';
import { USERNAME } from '../../services/staff/username';

const LOGIN_FIRST_DELAY_MS = 1_000;

const loginBody = z.object({
  username: z
    .string()
    .max(100, 'quá dài')
    .transform((s) => s.trim().toLowerCase()),
  password: z.string().min(1, 'không được để trống').max(MAX_PASSWORD_LENGTH, 'quá dài'),
});

export function loginRouter(d: AdminDeps): Router {
  const c = d.config;
  const tooMany = (_req: Request, res: Response) => {
    const minutes = Math.ceil(c.loginWindowMs / 60_000);
    res.status(429).json({
      error: 'too_many_attempts',
      message: `Đăng nhập sai quá nhiều lần; xin thử lại sau ${minutes} phút.`,
    });
  };
  const perIp = rateLimit({
    windowMs: c.loginWindowMs,
    limit: c.loginMaxPerIp,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: tooMany,
  });
  const throttle = loginThrottle(d.stores.counters, {
    freeFailures: c.loginFreeFailures,
    windowMs: c.loginWindowMs,
    firstDelayMs: LOGIN_FIRST_DELAY_MS,
    maxDelayMs: c.loginMaxDelayMs,
  });
  // Unknown usernames cost the same scrypt work as known ones, so timing does not reveal accounts.
  let dummy: Promise<string> | null = null;
  const dummyHash = () => (dummy ??= hashPassword('not a real password'));

  const router = express.Router();
  router.post('/login', express.json({ limit: '4kb' }), perIp, async (req, res) => {
    const { username, password } = parse(loginBody, req.body, 'Thông tin đăng nhập');
    const address = addressKey(req.ip);
    const wait = await throttle.waitMs(username, address, d.clock());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1_000);
      res.setHeader('Retry-After', String(seconds));
      throw new ApiError(
        429,
        'too_many_attempts',
        `Tài khoản này đăng nhập sai quá nhiều lần từ địa chỉ này; xin thử lại sau ${seconds} giây.`,
      );
    }
    const account = USERNAME.safeParse(username).success ? await d.stores.staff.get(username) : null;
    const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
    if (!account || account.disabled || !ok) {
      await throttle.failed(username, address, d.clock());
      throw new ApiError(401, 'bad_credentials', 'Sai tên đăng nhập hoặc mật khẩu.');
    }
    await throttle.succeeded(username, address);
    const { csrfToken } = await startSession(sessionDeps(d), account.username, req, res);
    await d.stores.audit.append({
      at: d.clock(),
      actor: account.username,
      action: 'staff.login',
      target: account.username,
      before: null,
      after: null,
    });
    res.status(200).json({ ...whoIs(d, account), csrfToken });
  });
  return router;
}

export function sessionDeps(d: AdminDeps) {
  return {
    sessions: d.stores.sessions,
    staff: d.stores.staff,
    clock: d.clock,
    idleMs: d.config.sessionIdleMs,
  };
}
