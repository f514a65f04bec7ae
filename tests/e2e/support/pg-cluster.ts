import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster this test owns, in a temporary directory, started and stopped with pg_ctl: for
 * the outage tests, which stop the server with `pg_ctl stop -m immediate` (never the machine's own
 * server). The binaries are PostgreSQL 15's from Debian (MUJUN_TEST_PG_BIN overrides the directory).
 * As root, the cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
 */

export const PG_BIN = process.env['MUJUN_TEST_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

export function clusterAvailable(): boolean {
  return existsSync(join(PG_BIN, 'pg_ctl'));
}

async function asOwner(command: string, args: readonly string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const file = root ? 'runuser' : join(PG_BIN, command);
  const argv = root ? ['-u', 'postgres', '--', join(PG_BIN, command), ...args] : [...args];
  await run(file, argv, { timeout: 60_000 });
}

export interface Cluster {
  readonly url: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: the server dies as in a crash; recovery replays its WAL at the next start. */
  crash(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createCluster(port: number): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mujun-cluster-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on`;
  const start = () => asOwner('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    crash: () => asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    destroy: async () => {
      await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
