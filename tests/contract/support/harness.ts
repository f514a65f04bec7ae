import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import {
  createApp,
  createToken,
  HeavyWork,
  loadEnv,
  openPostgresStore,
  openSqliteStore,
  serverOptions,
} from '../../../apps/api/src/index.js';
import type { AuthSettings } from '../../../apps/api/src/accounts/settings.js';
import type { Metrics } from '../../../apps/api/src/http/metrics.js';
import type { AppOptions, SqlStore } from '../../../apps/api/src/index.js';
import { createTestDatabase } from '../../support/postgres.js';
import type { EngineName } from '../../support/postgres.js';
import { Api } from './client.js';

/** The app on an ephemeral loopback port, an in-memory (or given) store, and a clock the test moves. */

export class TestClock {
  constructor(private at: Date) {}
  now(): Date {
    return this.at;
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

/** The sample's enterprises the tests use (apps/cli/samples/sample-2025.csv). */
export const SAMPLE = {
  /** 台州远东铸造有限公司, 院桥镇: 规上 rank 19, class D by the 亩均税收 floor (0.9 万元/亩). */
  floorD: '91331003MA20CKPQ23',
  /** 台州市黄岩恒力模具有限公司, 北城街道. */
  beicheng: '91331003MA209HKA5H',
  townOfFloorD: '院桥镇',
} as const;

export interface Tokens {
  readonly admin: string;
  readonly tax: string;
  readonly statistics: string;
  readonly naturalResources: string;
  readonly power: string;
  readonly ecology: string;
  /** 院桥镇 */
  readonly town: string;
  /** 北城街道 */
  readonly otherTown: string;
  /** SAMPLE.floorD */
  readonly enterprise: string;
  /** SAMPLE.beicheng */
  readonly otherEnterprise: string;
}

export interface Harness {
  readonly api: Api;
  readonly base: string;
  readonly store: SqlStore;
  /** The server's heavy work (one worker thread, and the regrading thread: see work/pool.ts). */
  readonly work: HeavyWork;
  readonly engine: EngineName;
  /** The PostgreSQL database's URL (engine 'postgres'), to look under the API; undefined on SQLite. */
  readonly databaseUrl: string | undefined;
  readonly clock: TestClock;
  readonly tokens: Tokens;
  close(): Promise<void>;
}

/** During the window of a list published on 2025-06-03 (a Tuesday): 5 working days to 06-09. */
export const IN_WINDOW = '2025-06-04T02:00:00.000Z';
/** 2025-06-10 09:00 Asia/Shanghai: the window closed at 24:00 on 06-09. */
export const AFTER_WINDOW = '2025-06-10T01:00:00.000Z';
export const PUBLISHED_ON = '2025-06-03';
/** 10:00 in Shanghai on PUBLISHED_ON: a publication must not be dated before the server's today. */
export const ON_PUBLICATION_DAY = '2025-06-03T02:00:00.000Z';

export async function startApi(
  options: {
    /** SQLite (in memory, or in dataDir) by default; PostgreSQL in a database of its own, dropped at close. */
    readonly engine?: EngineName;
    readonly dataDir?: string;
    readonly now?: string;
    readonly evidenceQuota?: { readonly perEnterprise: number; readonly perEvaluation: number };
    readonly auth?: Partial<AuthSettings>;
    readonly notice?: { readonly issuer?: string; readonly contact?: string; readonly publicUrl?: string };
    /** Count into these metrics (MUJUN_METRICS). */
    readonly metrics?: Metrics;
    /** MUJUN_TRUST_PROXY. */
    readonly trustProxy?: string;
    /** Default: silent. */
    readonly logger?: AppOptions['logger'];
  } = {},
): Promise<Harness> {
  const engine = options.engine ?? 'sqlite';
  const database = engine === 'postgres' ? await createTestDatabase() : undefined;
  const store: SqlStore =
    database === undefined
      ? openSqliteStore(options.dataDir ?? ':memory:')
      : await openPostgresStore(database.url);
  const clock = new TestClock(new Date(options.now ?? '2025-06-02T02:00:00.000Z'));
  const work = new HeavyWork({ threads: 1 });
  const app = createApp({
    store,
    clock,
    work,
    checkResponses: true,
    ...(options.evidenceQuota === undefined ? {} : { evidenceQuota: options.evidenceQuota }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.notice === undefined ? {} : { notice: options.notice }),
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const server: Server = await new Promise((resolve) => {
    // The production server's timeouts at their defaults, not Node's 5 s keep-alive: client and server
    // share this process, and a 5 s stall of it (load 20, a 100 MB body built) lets the server's timer
    // close a pooled connection the client has just sent on (the suspected cause of fuzz-every-route's
    // rare "fetch failed" on an oversized upload, not reproduced on demand).
    const defaults = loadEnv({});
    const timeouts = {
      requestMs: defaults.MUJUN_REQUEST_TIMEOUT_MS,
      headersMs: defaults.MUJUN_HEADERS_TIMEOUT_MS,
    };
    const listening = createServer(serverOptions(timeouts), app).listen(0, '127.0.0.1', () => {
      resolve(listening);
    });
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const at = clock.now().toISOString();
  const issue = async (request: Parameters<typeof createToken>[1]) =>
    (await createToken(store, request, at)).token;
  const tokens: Tokens = {
    admin: await issue({ role: 'admin', label: 'bureau' }),
    tax: await issue({ role: 'department', department: 'tax' }),
    statistics: await issue({ role: 'department', department: 'statistics' }),
    naturalResources: await issue({ role: 'department', department: 'natural-resources' }),
    power: await issue({ role: 'department', department: 'power' }),
    ecology: await issue({ role: 'department', department: 'ecology' }),
    town: await issue({ role: 'town', town: SAMPLE.townOfFloorD }),
    otherTown: await issue({ role: 'town', town: '北城街道' }),
    enterprise: await issue({ role: 'enterprise', uscc: SAMPLE.floorD }),
    otherEnterprise: await issue({ role: 'enterprise', uscc: SAMPLE.beicheng }),
  };
  return {
    api: new Api(base),
    base,
    store,
    work,
    engine,
    databaseUrl: database?.url,
    clock,
    tokens,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await work.close();
      await store.shutdown();
      await database?.drop();
    },
  };
}
