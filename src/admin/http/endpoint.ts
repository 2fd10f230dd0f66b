// One API endpoint: method, path, the least role allowed, and a handler. Declaring them as data keeps
// the role check in one place (and lets the tests check that every endpoint is covered).
import express, { type Request, type Response, type Router } from 'express';
import type { StaffRole } from '../../store/ports';
import type { Staff } from '../auth/roles';
import { refusal, scopeOf, type Reach, type Scope } from '../auth/scope';
import { ApiError } from './api-error';

export interface Ctx {
  req: Request;
  res: Response;
  staff: Staff;
  /** The communes the caller's data requests are limited to. */
  scope: Scope;
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
  /** What the endpoint touches; with `role`, who may call it (src/admin/auth/scope.ts). */
  reach: Reach;
  /** The body is a file (CSV, XLSX, a knowledge archive) rather than JSON. */
  upload?: boolean;
  handle(ctx: Ctx): Promise<unknown>;
}

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const upload = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });

export function mountEndpoints(
  router: Router,
  endpoints: readonly Endpoint[],
  clock: () => Date,
  /** The commune of records that name none (rows from before communes). */
  defaultCommune: () => string,
): void {
  for (const e of endpoints) {
    const handlers = [
      async (req: Request, res: Response) => {
        const staff = res.locals['staff'] as Staff;
        const why = refusal(staff, e);
        if (why) throw new ApiError(403, 'forbidden', why);
        const scope = scopeOf(staff, defaultCommune());
        const result = await e.handle({ req, res, staff, scope, now: clock() });
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
