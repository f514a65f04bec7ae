import { DEFAULT_READ_LIMITS } from '@mujun/sheets';
import type { ReadLimits } from '@mujun/sheets';
import { z } from 'zod';
import { parseMetricsAddress } from './http/metrics.js';

const limit = (value: number) => z.coerce.number().int().positive().default(value);

/** The one place that reads process.env: every setting, validated, with its default. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback by default: put a reverse proxy (TLS) in front, or set HOST=0.0.0.0 deliberately. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the SQLite database lives; created at start. `:memory:` for a throwaway server. */
  MUJUN_DATA_DIR: z.string().min(1).default('.mujun-data'),
  /**
   * A PostgreSQL database (postgres://user@host:5432/mujun) instead of SQLite in MUJUN_DATA_DIR: several
   * instances may serve from the same one. Its schema is migrated at start.
   */
  MUJUN_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * For tests and demos only: an ISO instant with an offset (2026-06-01T10:00:00+08:00) at which the
   * server's clock starts, advancing in real time from there. Unset (production): the system clock.
   */
  MUJUN_CLOCK: z.iso.datetime({ offset: true }).optional(),
  // Server limits (issue 10): evidence quotas and how long a client may take to send a request.
  /** Evidence bytes one enterprise may store in one evaluation, over all its objections (100 MB). */
  MUJUN_EVIDENCE_QUOTA_ENTERPRISE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  /** Evidence bytes one evaluation may store, over all enterprises (5 GB). */
  MUJUN_EVIDENCE_QUOTA_EVALUATION_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 1024 * 1024 * 1024),
  /** Milliseconds a client has to send a whole request, body included (5 min): then 408. */
  MUJUN_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
  /** Milliseconds a client has to send the request line and headers (60 s): then 408. */
  MUJUN_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * The address people reach the server at (https://mujun.example.gov.cn): the origin a cookie-
   * authenticated state change must come from (CSRF), and, when https, session cookies are Secure.
   * The 公示 notice also sends enterprises to its pages (/app/) to object online.
   * Unset: the request's own Host is the origin, cookies are not Secure, and the notice names no address.
   */
  MUJUN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Force the Secure cookie attribute (behind a TLS proxy without MUJUN_PUBLIC_URL): 1/true. */
  MUJUN_SECURE_COOKIES: z.enum(['0', '1', 'true', 'false']).optional(),
  /** A session ends after this many minutes without a request. */
  MUJUN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** A session ends this many hours after sign-in, however active. */
  MUJUN_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /** Failed sign-ins per account (or per address) within the window before it is locked. */
  MUJUN_LOCKOUT_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** The failure window and the lock's length, in minutes. */
  MUJUN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * Express's `trust proxy` behind a reverse proxy (`loopback`, a hop count such as 1, or addresses):
   * the client's address (lockout per address, the audit trail) is then read from X-Forwarded-For.
   * Unset: the socket's address.
   */
  MUJUN_TRUST_PROXY: z.string().min(1).optional(),
  /** How long an activation code stays valid, in days. */
  MUJUN_ACTIVATION_DAYS: z.coerce.number().int().min(1).max(366).default(60),
  // OpenID Connect single sign-on (issue 11): set the issuer and client id to offer it on the sign-in page.
  /** The identity provider's issuer (https; http only on this machine, for development). */
  MUJUN_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  /** The client id this server is registered under at the provider. */
  MUJUN_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  /** Its client secret (client_secret_basic); unset: a public client, PKCE alone. */
  MUJUN_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The redirect URI registered at the provider; unset: MUJUN_PUBLIC_URL (or the request's host) + /v1/auth/oidc/callback. */
  MUJUN_OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The scopes asked for. */
  MUJUN_OIDC_SCOPE: z.string().trim().min(1).default('openid profile'),
  /** The claim carrying a legal person's 统一社会信用代码 (enterprise accounts). */
  MUJUN_OIDC_USCC_CLAIM: z.string().trim().min(1).default('uscc'),
  /** The claim carrying a staff member's username here (staff accounts). */
  MUJUN_OIDC_USERNAME_CLAIM: z.string().trim().min(1).default('preferred_username'),
  /** The sign-in page's button. */
  MUJUN_OIDC_LABEL: z.string().trim().min(1).max(40).default('政务服务账号登录'),
  /**
   * Limits on an uploaded data file, checked while it is read (the rest keep @mujun/sheets's defaults,
   * DEFAULT_READ_LIMITS): rows of a sheet or CSV, its cells in all, the bytes a workbook unzips to, and how
   * many issues of each kind a 422 lists before counting the rest.
   */
  MUJUN_MAX_SHEET_ROWS: limit(DEFAULT_READ_LIMITS.maxRows),
  /**
   * Worker threads for the heavy jobs (reading and grading an upload, recomputing), each one job at a
   * time; further jobs wait their turn. Default: cores − 1, at most 2. (0 runs them on the event loop,
   * and SQLite's writes of their rows too, as before there were workers: for `pnpm bench:api:heavy`'s
   * comparison only.)
   */
  MUJUN_WORKER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /** Each worker's heap limit in MB (2048): a job over it fails alone, the server goes on. */
  MUJUN_WORKER_MEMORY_MB: z.coerce.number().int().min(64).optional(),
  /**
   * The nice value (Linux, per thread) of those workers and of SQLite's writer thread, 0–19 (10): the
   * event loop's thread keeps 0, so it gets a core first when a request waits. 0 runs them at the usual
   * priority, which on a host busy with other processes finishes the jobs sooner.
   */
  MUJUN_BACKGROUND_NICE: z.coerce.number().int().min(0).max(19).optional(),
  MUJUN_MAX_SHEET_CELLS: limit(DEFAULT_READ_LIMITS.maxCells),
  MUJUN_MAX_UNZIPPED_BYTES: limit(DEFAULT_READ_LIMITS.maxUnzippedBytes),
  MUJUN_MAX_ISSUES_PER_KIND: limit(DEFAULT_READ_LIMITS.maxIssuesPerKind),
  // Watching it (issue 18): Prometheus metrics on a loopback listener of their own.
  /** Serve Prometheus metrics (GET /metrics) on MUJUN_METRICS_ADDR: 1/true. Off by default. */
  MUJUN_METRICS: z.enum(['0', '1', 'true', 'false']).default('0'),
  /**
   * Where the metrics listener binds, `host:port`: a loopback address only (127.0.0.1, [::1],
   * localhost), never the public port, so only this machine (Prometheus or its agent here) reads it.
   */
  MUJUN_METRICS_ADDR: z
    .string()
    .refine((value) => parseMetricsAddress(value) !== undefined, {
      message: 'host:port on a loopback address (127.0.0.1:9464, [::1]:9464)',
    })
    .default('127.0.0.1:9464'),
  // The 公示 notice (issue 12): who issues it, how to reach them, and where objections are filed online.
  /** 发布单位 on the 公示 notice, e.g. 黄岩区经济和信息化局; unset: the line is left out. */
  MUJUN_ISSUER_NAME: z.string().trim().min(1).max(200).optional(),
  /** 联系方式 on the 公示 notice, e.g. 联系人 王某 0576-84123456; unset: the line is left out. */
  MUJUN_ISSUER_CONTACT: z.string().trim().min(1).max(200).optional(),
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Settings that only make sense together. */
const CheckedEnvSchema = EnvSchema.superRefine((env, ctx) => {
  if ((env.MUJUN_OIDC_ISSUER === undefined) !== (env.MUJUN_OIDC_CLIENT_ID === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['MUJUN_OIDC_ISSUER'],
      message: 'MUJUN_OIDC_ISSUER and MUJUN_OIDC_CLIENT_ID go together',
    });
  }
  if (env.MUJUN_OIDC_ISSUER !== undefined) {
    const issuer = new URL(env.MUJUN_OIDC_ISSUER);
    if (issuer.protocol === 'http:' && !LOOPBACK.has(issuer.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MUJUN_OIDC_ISSUER'],
        message: 'an identity provider must be reached over https (http only on this machine)',
      });
    }
  }
});

export type Env = z.output<typeof EnvSchema>;

/** Every setting's name, in the order above: docs/部署手册.md's settings table is checked against it. */
export const SETTING_NAMES: readonly string[] = Object.keys(EnvSchema.shape);

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = CheckedEnvSchema.safeParse(source);
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

/** The metrics listener's address when MUJUN_METRICS is on, else undefined. */
export function metricsAddress(env: Env): { host: string; port: number } | undefined {
  if (env.MUJUN_METRICS !== '1' && env.MUJUN_METRICS !== 'true') return undefined;
  return parseMetricsAddress(env.MUJUN_METRICS_ADDR);
}

/** The data directory for the command line (`mujun token`, `mujun backup`) when --data-dir is not given. */
export function defaultDataDir(source: NodeJS.ProcessEnv = process.env): string {
  return loadEnv(source).MUJUN_DATA_DIR;
}
