import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import defaultCalendar from '@mujun/calendar';
import { authSettingsFrom } from './accounts/settings.js';
import { createApp } from './app.js';
import { clockStartingAt, systemClock } from './domain/clock.js';
import { loadEnv, metricsAddress, sheetLimits } from './env.js';
import { answerClientError } from './http/client-error.js';
import { Metrics, metricsServer } from './http/metrics.js';
import { serverOptions } from './http/server-options.js';
import { createLogger } from './logger.js';
import { openPostgresStore } from './store/postgres/postgres-store.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { NewerSchemaError } from './store/store.js';
import type { Store } from './store/store.js';
import { webAssets } from './web/pages.js';
import { HeavyWork } from './work/pool.js';

/**
 * `pnpm start`: opens (creating and migrating) the store in MUJUN_DATA_DIR and serves on HOST:PORT.
 * SIGTERM and SIGINT stop accepting, let requests in progress finish, then close the database.
 * An uncaught exception or unhandled rejection (a library's, anywhere) is logged with a traceId and
 * the process exits 1 after at most 2 s of closing, so that the supervisor starts a clean process
 * rather than this one running on in an unknown state.
 */
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
// PostgreSQL when MUJUN_DATABASE_URL names one (several instances may share it), else SQLite in the data dir.
/**
 * The exit code for a store this build must not run on (migrated by a newer release): EX_CONFIG, which
 * the systemd unit lists in RestartPreventExitStatus, so it is not restarted in a loop.
 */
const EXIT_NEWER_SCHEMA = 78;
let store: Store;
try {
  store =
    env.MUJUN_DATABASE_URL === undefined
      ? // An evaluation's rows are written on a connection in a thread of their own, and commits are
        // flushed to disk in the thread pool, unless the heavy work is told to stay on the event loop
        // (MUJUN_WORKER_THREADS=0, the benches' comparison).
        openSqliteStore(env.MUJUN_DATA_DIR, {
          writerThread: env.MUJUN_WORKER_THREADS !== 0,
          syncOffLoop: env.MUJUN_WORKER_THREADS !== 0,
          ...(env.MUJUN_BACKGROUND_NICE === undefined ? {} : { backgroundNice: env.MUJUN_BACKGROUND_NICE }),
        })
      : await openPostgresStore(env.MUJUN_DATABASE_URL);
} catch (error) {
  if (!(error instanceof NewerSchemaError)) throw error;
  // Migrations only go forward: say which versions, and change nothing.
  logger.fatal({ found: error.found, known: error.known }, error.message);
  process.stderr.write(`${error.message}\n`);
  process.exit(EXIT_NEWER_SCHEMA);
}
// Metrics only when asked for (MUJUN_METRICS), served on a loopback listener of their own.
const metricsAt = metricsAddress(env);
const metrics = metricsAt === undefined ? undefined : new Metrics();
const clock = env.MUJUN_CLOCK === undefined ? systemClock : clockStartingAt(new Date(env.MUJUN_CLOCK));
// Reading, grading and recomputing run in worker threads (MUJUN_WORKER_THREADS, MUJUN_WORKER_MEMORY_MB,
// MUJUN_BACKGROUND_NICE).
const work = new HeavyWork({
  ...(env.MUJUN_WORKER_THREADS === undefined ? {} : { threads: env.MUJUN_WORKER_THREADS }),
  ...(env.MUJUN_WORKER_MEMORY_MB === undefined ? {} : { memoryMb: env.MUJUN_WORKER_MEMORY_MB }),
  ...(env.MUJUN_BACKGROUND_NICE === undefined ? {} : { nice: env.MUJUN_BACKGROUND_NICE }),
});
const app = createApp({
  store,
  work,
  clock,
  calendar: defaultCalendar,
  logger,
  sheetLimits: sheetLimits(env),
  evidenceQuota: {
    perEnterprise: env.MUJUN_EVIDENCE_QUOTA_ENTERPRISE_BYTES,
    perEvaluation: env.MUJUN_EVIDENCE_QUOTA_EVALUATION_BYTES,
  },
  auth: authSettingsFrom(env),
  ...(metrics === undefined ? {} : { metrics }),
  ...(env.MUJUN_TRUST_PROXY === undefined ? {} : { trustProxy: env.MUJUN_TRUST_PROXY }),
  notice: {
    ...(env.MUJUN_ISSUER_NAME === undefined ? {} : { issuer: env.MUJUN_ISSUER_NAME }),
    ...(env.MUJUN_ISSUER_CONTACT === undefined ? {} : { contact: env.MUJUN_ISSUER_CONTACT }),
    ...(env.MUJUN_PUBLIC_URL === undefined ? {} : { publicUrl: env.MUJUN_PUBLIC_URL }),
  },
});
if (env.MUJUN_CLOCK !== undefined) {
  // A fixed clock decides 公示 windows: say so loudly, in case it was set anywhere but a test or demo.
  logger.warn({ clock: env.MUJUN_CLOCK }, 'MUJUN_CLOCK is set: the server runs on a clock starting there');
}
// The web pages' script is bundled now, so the first visitor does not wait and a broken client shows at start.
webAssets().catch((error: unknown) => {
  logger.error({ err: error }, 'the web pages could not be bundled');
});

// Timeouts and keep-alive: http/server-options.ts, shared with the test harness.
const server = createServer(
  serverOptions({ requestMs: env.MUJUN_REQUEST_TIMEOUT_MS, headersMs: env.MUJUN_HEADERS_TIMEOUT_MS }),
  app,
);
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  // Always printed, whatever LOG_LEVEL: supervisors and tests read the port from it (PORT=0).
  logger.child({}, { level: 'info' }).info(
    {
      host: env.HOST,
      port,
      ...(env.MUJUN_DATABASE_URL === undefined ? { dataDir: env.MUJUN_DATA_DIR } : { store: 'postgresql' }),
    },
    'listening',
  );
});

if (metrics !== undefined && metricsAt !== undefined) {
  const scrape = metricsServer(metrics);
  scrape.on('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen for metrics');
    store.close();
    process.exit(1);
  });
  scrape.listen(metricsAt.port, metricsAt.host, () => {
    const address = scrape.address();
    const port = typeof address === 'object' && address !== null ? address.port : metricsAt.port;
    logger.child({}, { level: 'info' }).info({ host: metricsAt.host, port }, 'metrics listening');
  });
  // It must not hold the process open when the server stops.
  scrape.unref();
}

// Requests Node cannot parse (headers over 16 KiB: 431; malformed: 400; too slow: 408) get a
// problem+json body too.
server.on('clientError', answerClientError);

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
    void work.close().finally(() => {
      store.close();
      logger.info('stopped');
      process.exit(0);
    });
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

/** How long a crashing process lets requests in progress finish before it exits anyway. */
const CRASH_GRACE_MS = 2_000;
let crashing = false;

/**
 * An exception nothing caught, or a rejection nothing handled: the process's state is unknown (a
 * half-done write, a stream in an odd state), so it is not served from any longer. The error is
 * logged once with a traceId (the logger scrubs tokens from every line), the server stops accepting,
 * requests in progress get CRASH_GRACE_MS to finish, the database is closed, and the exit code is 1,
 * which a supervisor (systemd Restart=on-failure, Docker restart policy, Kubernetes) answers with a
 * fresh process. A second error while closing does not restart the sequence.
 */
function crash(kind: 'uncaughtException' | 'unhandledRejection', error: unknown): void {
  if (crashing) return;
  crashing = true;
  const traceId = randomUUID();
  try {
    logger.fatal({ err: error, traceId, kind }, 'uncaught error: exiting for a clean restart');
  } catch {
    process.stderr.write(`uncaught error (${kind}), traceId ${traceId}: exiting for a clean restart\n`);
  }
  const exit = () => {
    try {
      store.close();
    } catch {
      // closing is best effort: the database is consistent at every commit (WAL, synchronous=FULL)
    }
    process.exit(1);
  };
  setTimeout(exit, CRASH_GRACE_MS);
  try {
    server.close(exit);
    server.closeIdleConnections();
  } catch {
    exit();
  }
}

process.on('uncaughtException', (error) => {
  crash('uncaughtException', error);
});
process.on('unhandledRejection', (reason) => {
  crash('unhandledRejection', reason);
});
