import defaultCalendar from '@mujun/calendar';
import { createApp } from './app.js';
import { systemClock } from './domain/clock.js';
import { loadEnv } from './env.js';
import { createLogger } from './logger.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';

/**
 * `pnpm start`: opens (creating and migrating) the store in MUJUN_DATA_DIR and serves on HOST:PORT.
 * SIGTERM and SIGINT stop accepting, let requests in progress finish, then close the database.
 */
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const store = openSqliteStore(env.MUJUN_DATA_DIR);
const app = createApp({ store, clock: systemClock, calendar: defaultCalendar, logger });

const server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  // Always printed, whatever LOG_LEVEL: supervisors and tests read the port from it (PORT=0).
  logger
    .child({}, { level: 'info' })
    .info({ host: env.HOST, port, dataDir: env.MUJUN_DATA_DIR }, 'listening');
});

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
