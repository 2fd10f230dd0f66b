// Last-resort handlers: 404 and errors as small JSON bodies, logged without request data.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { httpErrorLike } from '../core/http-error-like';

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'not_found' });
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { status: given } = httpErrorLike(err);
    const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
    if (status >= 500)
      logger.error(
        { path: req.path, err: err instanceof Error ? err.message : String(err) },
        'request failed',
      );
    if (res.headersSent) return;
    res.status(status).json({
      error: status === 413 ? 'payload_too_large' : status < 500 ? 'bad_request' : 'internal_error',
    });
  };
}
