import type { HolidayCalendar } from '@mujun/calendar';
import type { ReadLimits } from '@mujun/sheets';
import type { Logger } from 'pino';
import type { AuthService } from './accounts/service.js';
import type { Clock } from './domain/clock.js';
import type { EvidenceQuota } from './domain/evidence.js';
import type { Idempotency } from './http/idempotency.js';
import type { Metrics } from './http/metrics.js';
import type { Store } from './store/store.js';
import type { HeavyWork } from './work/pool.js';

/** What handlers work with: injected, so tests run on an in-memory or temp-dir store and a fixed clock. */
export interface Services {
  readonly store: Store;
  readonly clock: Clock;
  readonly calendar: HolidayCalendar;
  readonly logger: Logger;
  readonly idempotency: Idempotency;
  readonly evidenceQuota: EvidenceQuota;
  /** Sign-in, sessions, passwords, activation codes and the second factor. */
  readonly auth: AuthService;
  /** Limits on uploaded data files (MUJUN_MAX_SHEET_ROWS, …; the rest @mujun/sheets's defaults). */
  readonly sheetLimits: ReadLimits;
  readonly notice: NoticeSettings;
  /** Prometheus metrics when MUJUN_METRICS is on. */
  readonly metrics?: Metrics;
  /** Reading, grading and recomputing in worker threads, off the event loop. */
  readonly work: HeavyWork;
}

/** The 公示 notice's settings (MUJUN_ISSUER_NAME, MUJUN_ISSUER_CONTACT, MUJUN_PUBLIC_URL); each optional. */
export interface NoticeSettings {
  readonly issuer?: string;
  readonly contact?: string;
  readonly publicUrl?: string;
}
