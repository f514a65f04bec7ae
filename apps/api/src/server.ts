import defaultCalendar from '@mujun/calendar';
import { createApp } from './app.js';
import { clockStartingAt, systemClock } from './domain/clock.js';
import { loadEnv, sheetLimits } from './env.js';
import { answerClientError } from './http/client-error.js';
import { createLogger } from './logger.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { webAssets } from './web/pages.js';

/**
 * `pnpm start`: opens (creating and migrating) the store in MUJUN_DATA_DIR and serves on HOST:PORT.
 * SIGTERM and SIGINT stop accepting, let requests in progress finish, then close the database.
 */
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const store = openSqliteStore(env.MUJUN_DATA_DIR);
const clock = env.MUJUN_CLOCK === undefined ? systemClock : clockStartingAt(new Date(env.MUJUN_CLOCK));
const app = createApp({ store, clock, calendar: defaultCalendar, logger, sheetLimits: sheetLimits(env) });
if (env.MUJUN_CLOCK !== undefined) {
  // A fixed clock decides 公示 windows: say so loudly, in case it was set anywhere but a test or demo.
  logger.warn({ clock: env.MUJUN_CLOCK }, 'MUJUN_CLOCK is set: the server runs on a clock starting there');
}
// The web pages' script is bundled now, so the first visitor does not wait and a broken client shows at start.
webAssets().catch((error: unknown) => {
  logger.error({ err: error }, 'the web pages could not be bundled');
});

const server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  // Always printed, whatever LOG_LEVEL: supervisors and tests read the port from it (PORT=0).
  logger
    .child({}, { level: 'info' })
    .info({ host: env.HOST, port, dataDir: env.MUJUN_DATA_DIR }, 'listening');
});

// Requests Node cannot parse (headers over 16 KiB: 431; malformed: 400) get a problem+json body too.
server.on('clientError', answerClientError);
// A client gets 60 s to send its headers and 5 min for the whole request, uploads included; an idle
// keep-alive connection is closed after 5 s. Node's defaults, set here so that they are explicit.
server.headersTimeout = 60_000;
server.requestTimeout = 300_000;
server.keepAliveTimeout = 5_000;

server.on('error', (error) => {
  // A port in use or not allowed: say so and exit, rather than a stack trace.
  logger.fatal({ err: error }, 'cannot listen');
  store.close();
  process.exit(1);
});

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  server.close(() => {
    store.close();
    logger.info('stopped');
    process.exit(0);
  });
  // Keep-alive connections would hold close() open: end idle ones now, and give busy ones 10 s.
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
  }, 10_000).unref();
}

process.on('SIGTERM', () => {
  stop('SIGTERM');
});
process.on('SIGINT', () => {
  stop('SIGINT');
});
