import { z } from 'zod';

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
  // The 公示 notice (issue 12): who issues it, how to reach them, and where objections are filed online.
  /** 发布单位 on the 公示 notice, e.g. 黄岩区经济和信息化局; unset: the line is left out. */
  MUJUN_ISSUER_NAME: z.string().trim().min(1).max(200).optional(),
  /** 联系方式 on the 公示 notice, e.g. 联系人 王某 0576-84123456; unset: the line is left out. */
  MUJUN_ISSUER_CONTACT: z.string().trim().min(1).max(200).optional(),
  /** This server's public address (https://mujun.example.gov.cn/): the notice sends enterprises to its pages. */
  MUJUN_PUBLIC_URL: z.url().optional(),
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

/** The data directory for the command line (`mujun token`, `mujun backup`) when --data-dir is not given. */
export function defaultDataDir(source: NodeJS.ProcessEnv = process.env): string {
  return loadEnv(source).MUJUN_DATA_DIR;
}
