import { DEFAULT_READ_LIMITS } from '@mujun/sheets';
import type { ReadLimits } from '@mujun/sheets';
import { z } from 'zod';

const limit = (value: number) => z.coerce.number().int().positive().default(value);

/** The one place that reads process.env: every setting, validated, with its default. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback by default: put a reverse proxy (TLS) in front, or set HOST=0.0.0.0 deliberately. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the SQLite database lives; created at start. `:memory:` for a throwaway server. */
  MUJUN_DATA_DIR: z.string().min(1).default('.mujun-data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * For tests and demos only: an ISO instant with an offset (2026-06-01T10:00:00+08:00) at which the
   * server's clock starts, advancing in real time from there. Unset (production): the system clock.
   */
  MUJUN_CLOCK: z.iso.datetime({ offset: true }).optional(),
  /**
   * Limits on an uploaded data file, checked while it is read (the rest keep @mujun/sheets's defaults,
   * DEFAULT_READ_LIMITS): rows of a sheet or CSV, its cells in all, the bytes a workbook unzips to, and how
   * many issues of each kind a 422 lists before counting the rest.
   */
  MUJUN_MAX_SHEET_ROWS: limit(DEFAULT_READ_LIMITS.maxRows),
  MUJUN_MAX_SHEET_CELLS: limit(DEFAULT_READ_LIMITS.maxCells),
  MUJUN_MAX_UNZIPPED_BYTES: limit(DEFAULT_READ_LIMITS.maxUnzippedBytes),
  MUJUN_MAX_ISSUES_PER_KIND: limit(DEFAULT_READ_LIMITS.maxIssuesPerKind),
});

export type Env = z.output<typeof EnvSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The sheet limits the settings give, for createApp. */
export function sheetLimits(env: Env): Partial<ReadLimits> {
  return {
    maxRows: env.MUJUN_MAX_SHEET_ROWS,
    maxCells: env.MUJUN_MAX_SHEET_CELLS,
    maxUnzippedBytes: env.MUJUN_MAX_UNZIPPED_BYTES,
    maxIssuesPerKind: env.MUJUN_MAX_ISSUES_PER_KIND,
  };
}

/** The data directory for the command line (`mujun token`, `mujun backup`) when --data-dir is not given. */
export function defaultDataDir(source: NodeJS.ProcessEnv = process.env): string {
  return loadEnv(source).MUJUN_DATA_DIR;
}
