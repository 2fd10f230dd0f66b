// Errors of the staff API as JSON with a Vietnamese message for staff; unexpected ones are logged, never shown.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { StoreInputError } from '../../store/guard';
import { httpErrorLike } from '../../core/http-error-like';
import { ApiError } from './api-error';

export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: 'not_found', message: `Không có chức năng này: ${req.method} ${req.path}` });
};

export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    const h = httpErrorLike(err);
    if (err instanceof ApiError) {
      res.status(err.status).json({
        error: err.code,
        message: err.message,
        ...(err.problems.length ? { problems: err.problems } : {}),
      });
    } else if (err instanceof StoreInputError) {
      res.status(400).json({ error: 'invalid', message: err.message });
    } else if (h.type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: 'Dữ liệu gửi lên quá lớn.' });
    } else if (h.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_json', message: 'Dữ liệu gửi lên không đúng định dạng JSON.' });
    } else if (
      h.expose === true &&
      typeof h.status === 'number' &&
      Number.isInteger(h.status) &&
      h.status >= 400 &&
      h.status < 500
    ) {
      // The body parser's other refusals (bad charset or encoding, an aborted upload): the client's doing.
      res
        .status(h.status)
        .json({ error: 'bad_request', message: `Máy chủ không nhận được yêu cầu: ${String(h.message)}` });
    } else {
      logger.error(
        { path: req.path, err: err instanceof Error ? err.message : String(err) },
        'staff API request failed',
      );
      res.status(500).json({
        error: 'internal_error',
        message: 'Máy chủ gặp lỗi; lỗi đã được ghi lại. Xin thử lại sau hoặc báo người quản trị.',
      });
    }
  };
}
