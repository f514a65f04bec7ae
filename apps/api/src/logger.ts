import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
import { scrubSecrets } from './http/redact.js';

/**
 * JSON lines on stdout (or `destination`). No secret reaches a log: the Authorization header and
 * cookies are redacted by path, the request log redacts secrets in URLs and headers by name
 * (http/request-log.ts), and every line is scrubbed of token-shaped text (`mjt_…`, `Bearer …`) on its
 * way out, whatever wrote it (an error message quoting a body, a library's message).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["proxy-authorization"]',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  };
  // Asynchronous on stdout, as pino's default; pino flushes it synchronously at process.exit, so the
  // line of a crash (server.ts) is written before the process ends.
  const target = destination ?? pino.destination({ fd: 1, sync: false });
  return pino(options, {
    write: (line: string) => {
      target.write(scrubSecrets(line));
    },
  });
}
