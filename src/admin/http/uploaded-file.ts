// The file of an upload endpoint (`upload: true`): the raw request body, which must not be empty.
import { ApiError } from './api-error';
import type { Ctx } from './endpoint';

/** `what` names the file the endpoint expects, for the refusal ("Chưa có tệp …"). */
export function uploadedFile(ctx: Ctx, what: string): Buffer {
  const body: unknown = ctx.req.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new ApiError(400, 'invalid', `Chưa có ${what} trong yêu cầu; xin chọn tệp rồi gửi lại.`);
  return body;
}
