// One API endpoint: method, path, the least role allowed, and a handler. Declaring them as data keeps
// the role check in one place (and lets the tests check that every endpoint is covered).
import express, { type Request, type Response, type Router } from 'express';
import type { StaffRole } from '../../store/ports';
import { allows, ROLE_NAME, type Staff } from '../auth/roles';
import { ApiError } from './api-error';

export interface Ctx {
  req: Request;
  res: Response;
  staff: Staff;
  now: Date;
}

/** A file to download instead of a JSON answer. */
export class Download {
  constructor(
    readonly filename: string,
    readonly contentType: string,
    readonly body: Buffer | string,
  ) {}
}

export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch';
  path: string;
  role: StaffRole;
  /** The body is a file (CSV, XLSX, a knowledge archive) rather than JSON. */
  upload?: boolean;
  handle(ctx: Ctx): Promise<unknown>;
}

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const upload = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });

export function mountEndpoints(router: Router, endpoints: readonly Endpoint[], clock: () => Date): void {
  for (const e of endpoints) {
    const handlers = [
      async (req: Request, res: Response) => {
        const staff = res.locals['staff'] as Staff;
        if (!allows(staff.role, e.role)) {
          throw new ApiError(
            403,
            'forbidden',
            `Việc này cần quyền ${ROLE_NAME[e.role]} trở lên; tài khoản đang đăng nhập có quyền ${ROLE_NAME[staff.role]}.`,
          );
        }
        const result = await e.handle({ req, res, staff, now: clock() });
        if (result instanceof Download) {
          const name = encodeURIComponent(result.filename);
          res
            .status(200)
            .type(result.contentType)
            .set('Content-Disposition', `attachment; filename*=UTF-8''${name}`)
            .send(result.body);
        } else {
          res.status(200).json(result ?? { ok: true });
        }
      },
    ];
    if (e.upload) router[e.method](e.path, upload, ...handlers);
    else router[e.method](e.path, ...handlers);
  }
}
