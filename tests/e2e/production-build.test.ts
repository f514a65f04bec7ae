import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCsv, multipart } from './support/api-data.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { build, runCommand, unitSettings } from './support/build.js';
import { builtMujun, mujun, ROOT, SAMPLE, tempDirectory } from './support/mujun.js';

/**
 * `pnpm build`'s output as production runs it: plain `node` on dist/, no TypeScript loader. The CLI
 * grades the sample to the same bytes as from source; the server answers /healthz with its version and
 * /readyz, serves the prebuilt pages with the version in the footer, finishes an upload in flight when
 * SIGTERM arrives and exits 0, and has the upload after a restart.
 */

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const VERSION = (
  JSON.parse(await readFile(join(ROOT, 'apps/api/package.json'), 'utf8')) as { version: string }
).version;

describe('pnpm build', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dir = await tempDirectory();
    await build();
  }, 300_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await dir.cleanup();
  });

  it('emits a .js file for every .ts file under apps/*/src and packages/*/src, importing no TypeScript', async () => {
    let sources = 0;
    for (const group of ['apps', 'packages']) {
      for (const name of await readdir(join(ROOT, group))) {
        const src = join(ROOT, group, name, 'src');
        if (!existsSync(src)) continue;
        for await (const path of files(src)) {
          if (!path.endsWith('.ts') || path.endsWith('.test.ts') || path.includes('/web/client/')) continue;
          sources += 1;
          const emitted = join(ROOT, group, name, 'dist', relative(src, path)).replace(/\.ts$/, '.js');
          expect(existsSync(emitted), emitted).toBe(true);
          const code = await readFile(emitted, 'utf8');
          expect(code, emitted).not.toMatch(/from ['"][^'"]+\.ts['"]/);
          expect(code, emitted).not.toMatch(/\bimport ['"]tsx/);
        }
      }
    }
    expect(sources).toBeGreaterThan(200);
    // The pages' client, bundled: the server reads these instead of running esbuild.
    for (const asset of ['app.js', 'self-check.js', 'app.css']) {
      expect(existsSync(join(ROOT, 'apps/api/dist/web/assets', asset)), asset).toBe(true);
    }
  });

  it('runs the CLI with plain node: the sample graded to the same JSON as from source, and a workbook', async () => {
    const built = join(dir.path, 'built.json');
    const source = join(dir.path, 'source.json');
    const [a, b] = await Promise.all([
      builtMujun('grade', '--input', SAMPLE, '--out', built),
      mujun('grade', '--input', SAMPLE, '--out', source),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stderr).toBe(b.stderr);
    expect(await readFile(built, 'utf8')).toBe(await readFile(source, 'utf8'));
    // exceljs is loaded only for a workbook: it must resolve from the bundle's place too.
    const xlsx = join(dir.path, 'built.xlsx');
    const c = await builtMujun('grade', '--input', SAMPLE, '--out', xlsx);
    expect(c.code, c.stderr).toBe(0);
    expect((await readFile(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('runs the server with plain node: version, readiness, prebuilt pages, and SIGTERM finishing an upload', async () => {
    const data = join(dir.path, 'data');
    // The CLI's store commands load the compiled server package from outside the CLI bundle.
    const issued = await builtMujun(
      'token',
      'create',
      '--role',
      'admin',
      '--label',
      'build',
      '--data-dir',
      data,
    );
    expect(issued.code, issued.stderr).toBe(0);
    const token = issued.stdout.trim();

    server = await startServer(data, {}, [], 'built');
    const health = await fetch(`${server.base}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', version: VERSION });
    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', schema: expect.any(Number) as number });
    const page = await (await fetch(`${server.base}/app/`)).text();
    expect(page).toContain(`<footer class="foot">亩均论英雄 mujun ${VERSION}</footer>`);
    const script = await (await fetch(`${server.base}/app/app.js`)).text();
    expect(script).toBe(await readFile(join(ROOT, 'apps/api/dist/web/assets/app.js'), 'utf8'));

    // An upload in flight when SIGTERM arrives: its first half is sent, the signal, then the rest. The
    // server stops accepting, but this request is answered and committed, and then the process exits 0.
    const { body, contentType } = multipart([
      { name: 'data', filename: 'year.csv', type: 'text/csv', bytes: generatedCsv(2000, 7).bytes },
    ]);
    const running = server;
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${running.base}/v1/evaluations`, {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          connection: 'close',
          'content-type': contentType,
          'content-length': String(body.length),
        },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.write(body.subarray(0, body.length >> 1));
      req.on('socket', (socket) => {
        socket.on('connect', () => {
          // The server's event loop is idle: it has the connection and the first half well before this.
          setTimeout(() => {
            void running.stop('SIGTERM');
            setTimeout(() => req.end(body.subarray(body.length >> 1)), 300);
          }, 500);
        });
      });
    });
    const answer = await answered;
    expect(answer.status, answer.text).toBe(201);
    const { id } = JSON.parse(answer.text) as { id: string };
    expect(await running.stop('SIGTERM')).toBe(0);
    expect(running.logs.some((line) => line['msg'] === 'stopped')).toBe(true);

    server = await startServer(data, {}, [], 'built');
    const again = await fetch(`${server.base}/v1/evaluations/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;
  }, 300_000);
});

/**
 * `pnpm release`: the archive unpacked where the test controls it (systemd is not PID 1 here), its
 * checksums verified, no development dependency inside, the licence notices present, and the unit's
 * own ExecStart run as the supervisor would (its Environment= lines and the environment file template,
 * with the data folder and port of the test) under plain node; then the packaged `mujun` grades.
 */
describe('pnpm release', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let server: ServerProcess | undefined;
  let unpacked = '';

  beforeAll(async () => {
    dir = await tempDirectory();
    await runCommand(process.execPath, ['scripts/release.mjs', '--out', join(dir.path, 'release')]);
    await mkdir(join(dir.path, 'opt'));
    await runCommand('tar', [
      '-xzf',
      join(dir.path, 'release', `mujun-${VERSION}.tar.gz`),
      '-C',
      join(dir.path, 'opt'),
    ]);
    unpacked = join(dir.path, 'opt', `mujun-${VERSION}`);
  }, 900_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await dir.cleanup();
  });

  it('is one versioned archive with its checksum, every file inside checksummed too', async () => {
    const archive = join(dir.path, 'release', `mujun-${VERSION}.tar.gz`);
    const digest = createHash('sha256')
      .update(await readFile(archive))
      .digest('hex');
    expect(await readFile(join(dir.path, 'release/SHA256SUMS'), 'utf8')).toBe(
      `${digest}  mujun-${VERSION}.tar.gz\n`,
    );
    await runCommand('sha256sum', ['--quiet', '--strict', '-c', 'SHA256SUMS'], unpacked);
    expect(await readFile(join(unpacked, 'RELEASE'), 'utf8')).toMatch(new RegExp(`^version ${VERSION}\\n`));
  });

  it('holds production dependencies only, with their licence notices', async () => {
    const packages = await readdir(join(unpacked, 'node_modules/.pnpm'));
    for (const dev of ['typescript@', 'tsx@', 'vitest@', 'esbuild@', 'eslint@', 'prettier@']) {
      expect(
        packages.filter((name) => name.startsWith(dev)),
        dev,
      ).toEqual([]);
    }
    const notices = await readFile(join(unpacked, 'THIRD-PARTY-NOTICES'), 'utf8');
    for (const name of ['exceljs', 'express', 'better-sqlite3', 'decimal.js', 'zod']) {
      expect(notices).toMatch(new RegExp(`^${name.replace('.', '\\.')}@\\S+ {2}\\(MIT\\)`, 'm'));
    }
    expect(notices).toContain('Permission is hereby granted');
  });

  it("serves with the unit's ExecStart and environment, and its mujun grades", async () => {
    const unit = unitSettings(await readFile(join(unpacked, 'deploy/mujun.service'), 'utf8'));
    const [node, script] = (unit.get('ExecStart')?.at(-1) ?? '').split(' ');
    expect(node).toBe('/usr/bin/node');
    const env: Record<string, string> = {};
    for (const line of unit.get('Environment') ?? []) {
      const [key = '', value = ''] = line.split('=');
      env[key] = value;
    }
    for (const line of (await readFile(join(unpacked, 'deploy/mujun.env'), 'utf8')).split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line);
      if (match?.[1] !== undefined) env[match[1]] = match[2] ?? '';
    }
    // Where this test puts what the unit puts in /var/lib/mujun and /opt/mujun/current.
    env['MUJUN_DATA_DIR'] = join(dir.path, 'var-lib-mujun');
    env['PORT'] = '0';
    await mkdir(env['MUJUN_DATA_DIR']);
    server = await startServer(env['MUJUN_DATA_DIR'], env, [], {
      script: (script ?? '').replace('/opt/mujun/current', unpacked),
      cwd: env['MUJUN_DATA_DIR'],
    });
    expect(await (await fetch(`${server.base}/healthz`)).json()).toEqual({ status: 'ok', version: VERSION });
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${server.base}/app/`)).text()).toContain(`mujun ${VERSION}`);
    expect((await fetch(`${server.base}/app/app.js`)).status).toBe(200);

    const out = join(dir.path, 'r.json');
    await runCommand(
      join(unpacked, 'bin/mujun'),
      ['grade', '--input', join(ROOT, SAMPLE), '--out', out],
      dir.path,
    );
    expect(JSON.parse(await readFile(out, 'utf8'))).toBeTypeOf('object');
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;
  }, 300_000);
});
