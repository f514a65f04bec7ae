import defaultCalendar from '@mujun/calendar';
import type { HolidayCalendar } from '@mujun/calendar';
import { readLimits } from '@mujun/sheets';
import type { ReadLimits } from '@mujun/sheets';
import express from 'express';
import type { Express } from 'express';
import pino from 'pino';
import type { Logger } from 'pino';
import { AuthService } from './accounts/service.js';
import { DEFAULT_AUTH_SETTINGS } from './accounts/settings.js';
import type { AuthSettings } from './accounts/settings.js';
import { systemClock } from './domain/clock.js';
import { DEFAULT_EVIDENCE_QUOTA } from './domain/evidence.js';
import type { EvidenceQuota } from './domain/evidence.js';
import type { Clock } from './domain/clock.js';
import { Idempotency } from './http/idempotency.js';
import type { Metrics } from './http/metrics.js';
import { errorMiddleware, sendProblem, PROBLEM_BASE } from './http/problem.js';
import { registerRoutes } from './http/router.js';
import { requestLog } from './http/request-log.js';
import { ROUTES } from './routes/index.js';
import { getEnterpriseResult } from './routes/results.js';
import type { NoticeSettings, Services } from './services.js';
import type { Store } from './store/store.js';
import { webRouter } from './web/pages.js';
import { HeavyWork } from './work/pool.js';

export interface AppOptions {
  readonly store: Store;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: the bundled State Council holiday calendar (@mujun/calendar). */
  readonly calendar?: HolidayCalendar;
  /** Default: silent (server.ts passes the real one). */
  readonly logger?: Logger;
  /** Limits on uploaded data files other than @mujun/sheets's defaults (server.ts: from the settings). */
  readonly sheetLimits?: Partial<ReadLimits>;
  /** Check every JSON answer against its documented schema (tests): a mismatch is a 500. */
  readonly checkResponses?: boolean;
  /** Default: 100 MB per enterprise and 5 GB per evaluation (MUJUN_EVIDENCE_QUOTA_* in server.ts). */
  readonly evidenceQuota?: EvidenceQuota;
  /** Sessions, lockout and activation settings; default DEFAULT_AUTH_SETTINGS (server.ts: from the environment). */
  readonly auth?: Partial<AuthSettings>;
  /** Express's `trust proxy` (MUJUN_TRUST_PROXY): which proxies' X-Forwarded-For gives the client's address. */
  readonly trustProxy?: string;
  /** The 公示 notice's issuer, contact and public address; default none (those lines left out). */
  readonly notice?: NoticeSettings;
  /** Count requests, filings, refusals and store calls here (MUJUN_METRICS); default: none counted. */
  readonly metrics?: Metrics;
  /**
   * The worker pool for the heavy jobs; default one of DEFAULT_WORK_SETTINGS (its threads start with the
   * first job and end after a minute idle). server.ts passes one from the settings and closes it at exit.
   */
  readonly work?: HeavyWork;
}

/** Builds the Express app from its dependencies; listening is server.ts's business. */
export function createApp(options: AppOptions): Express {
  const logger = options.logger ?? pino({ level: 'silent' });
  const clock = options.clock ?? systemClock;
  const metrics = options.metrics;
  // Timed only when metrics are on: no Proxy in the way of every store call otherwise.
  const store = metrics === undefined ? options.store : metrics.timedStore(options.store);
  const services: Services = {
    store,
    clock,
    calendar: options.calendar ?? defaultCalendar,
    logger,
    idempotency: new Idempotency(store),
    evidenceQuota: options.evidenceQuota ?? DEFAULT_EVIDENCE_QUOTA,
    auth: new AuthService(store, clock, { ...DEFAULT_AUTH_SETTINGS, ...options.auth }),
    sheetLimits: readLimits(options.sheetLimits),
    notice: options.notice ?? {},
    ...(metrics === undefined ? {} : { metrics }),
    work: options.work ?? new HeavyWork(),
  };
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) {
    const hops = Number(options.trustProxy);
    app.set('trust proxy', Number.isInteger(hops) ? hops : options.trustProxy);
  }
  // Our ETags are strong hashes of immutable bodies; Express's weak ones would be noise.
  app.set('etag', false);
  if (metrics !== undefined) app.use(metrics.middleware());
  app.use(requestLog(logger));
  // A result lookup is most of the traffic: its route is matched first (every path is matched whole, so
  // the order changes no answer, only how many patterns a lookup is tried against before its own).
  const routes = [getEnterpriseResult, ...ROUTES.filter((route) => route !== getEnterpriseResult)];
  registerRoutes(app, routes, services, options.checkResponses ?? false);
  // The web pages (/app/): static assets over the same API, outside the route table and the document.
  app.use(webRouter());
  app.use((req, res) => {
    sendProblem(res, {
      type: `${PROBLEM_BASE}not-found`,
      title: '未找到',
      status: 404,
      detail: `没有这个接口：${req.method} ${req.path} (no such route)`,
    });
  });
  app.use(errorMiddleware(logger, metrics));
  return app;
}
