import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Level, Logger } from 'pino';
// For the `id` and `log` it declares on every request (problem.ts reads `req.id` as the traceId).
import type {} from 'pino-http';
import { redactHeaders, redactUrl } from './redact.js';

/** A client's X-Request-Id is kept when it is a plain token; otherwise a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function levelOf(status: number, finished: boolean): Level {
  return status >= 500 ? 'error' : status >= 400 || !finished ? 'warn' : 'info';
}

/**
 * The request id (X-Request-Id, echoed) and one log line per request when it ends: info for 2xx/3xx,
 * warn for 4xx and aborted requests, error for 5xx, with the request's URL and headers, secrets redacted
 * (a token in the query string, Authorization, cookies: http/redact.ts). In place of pino-http, which builds a child logger holding the
 * serialised, redacted request for every request, whether or not its line is ever written: that was
 * ~10% of a result lookup's CPU at LOG_LEVEL=warn. Here nothing is serialised unless the line's level
 * is enabled.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    req.log = logger;
    res.setHeader('X-Request-Id', id);
    const started = Date.now();
    // 'close' comes after 'finish' too, and alone when the client went away first.
    res.once('close', () => {
      const finished = res.writableFinished;
      const level = levelOf(res.statusCode, finished);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: {
            id,
            method: req.method,
            url: redactUrl(req.originalUrl),
            headers: redactHeaders(req.headers),
            // The client's address: behind a trusted proxy (MUJUN_TRUST_PROXY), from X-Forwarded-For.
            remoteAddress: req.ip ?? req.socket.remoteAddress,
            remotePort: req.socket.remotePort,
          },
          res: { statusCode: res.statusCode, headers: res.getHeaders() },
          responseTime: Date.now() - started,
        },
        finished ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}
