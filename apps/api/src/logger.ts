import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

/** JSON lines on stdout (or `destination`); the bearer token and cookies never reach a log. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
