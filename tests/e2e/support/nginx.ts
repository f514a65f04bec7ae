import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './mujun.js';

const run = promisify(execFile);

/** Debian's nginx (CI: `apt-get install -y nginx-light`, as .ci/run does). */
export const NGINX = '/usr/sbin/nginx';

/** The committed site configuration IT staff install (deploy/nginx/mujun.conf). */
export const SITE_CONF = join(ROOT, 'deploy/nginx/mujun.conf');

/** A free loopback port: the operating system picks one, and it is handed back at once. */
export function freePort(): Promise<number> {
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

/** A self-signed certificate for localhost and 127.0.0.1, made by the openssl command line. */
export async function selfSignedCertificate(dir: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, 'fullchain.pem');
  const key = join(dir, 'privkey.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { cert, key };
}

export interface Nginx {
  /** The HTTPS port (the site's 443). */
  readonly port: number;
  /** The plain HTTP port that redirects (the site's 80). */
  readonly httpPort: number;
  readonly accessLog: string;
  readonly errorLog: string;
  stop(): Promise<void>;
}

/**
 * The committed site file as this machine runs it: the same directives, with only what cannot be the
 * same here replaced (the ports, the certificate's paths, the upstream's port); IPv6 listeners dropped.
 */
export function siteForTest(
  site: string,
  at: { port: number; httpPort: number; upstreamPort: number; cert: string; key: string },
): string {
  const replaced = site
    .replace(/^\s*listen \[::\]:.*$/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${at.httpPort};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${at.port} ssl http2;`)
    .replace('/etc/ssl/mujun/fullchain.pem', at.cert)
    .replace('/etc/ssl/mujun/privkey.pem', at.key)
    .replace('http://127.0.0.1:3000', `http://127.0.0.1:${at.upstreamPort}`);
  for (const expected of [`:${at.httpPort};`, `:${at.port} ssl`, at.cert, at.key, `:${at.upstreamPort}`]) {
    if (!replaced.includes(expected))
      throw new Error(`deploy/nginx/mujun.conf changed: ${expected} not placed`);
  }
  return replaced;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/**
 * nginx in the foreground (`daemon off`) with everything under `dir`: its configuration, pid file,
 * logs and temporary files, so it needs no /etc/nginx and leaves nothing behind. Resolves once it accepts
 * connections; the access log carries each request's $request_id.
 */
export async function startNginx(dir: string, upstreamPort: number, httpsPort?: number): Promise<Nginx> {
  await mkdir(join(dir, 'temp'), { recursive: true });
  const { cert, key } = await selfSignedCertificate(dir);
  const port = httpsPort ?? (await freePort());
  const httpPort = await freePort();
  const site = siteForTest(await readFile(SITE_CONF, 'utf8'), { port, httpPort, upstreamPort, cert, key });
  await writeFile(join(dir, 'mujun.conf'), site);
  const accessLog = join(dir, 'access.log');
  const errorLog = join(dir, 'error.log');
  const temp = join(dir, 'temp');
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      `user ${userInfo().username};`,
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} info;`,
      'events { worker_connections 256; }',
      'http {',
      '  log_format mujun \'$remote_addr $request_id "$request" $status $body_bytes_sent\';',
      `  access_log ${accessLog} mujun;`,
      `  client_body_temp_path ${temp}/body;`,
      `  proxy_temp_path ${temp}/proxy;`,
      `  fastcgi_temp_path ${temp}/fastcgi;`,
      `  uwsgi_temp_path ${temp}/uwsgi;`,
      `  scgi_temp_path ${temp}/scgi;`,
      `  include ${join(dir, 'mujun.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-e', errorLog, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  // An object, so the type checker sees that the exit handler may change it.
  const state = { exited: false };
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      state.exited = true;
      resolve();
    });
  });
  for (let i = 0; i < 200; i += 1) {
    if (state.exited) break;
    if (await listening(port)) {
      return {
        port,
        httpPort,
        accessLog,
        errorLog,
        stop: async () => {
          if (!state.exited) child.kill('SIGQUIT');
          await exit;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  const log = await readFile(errorLog, 'utf8').catch(() => '');
  throw new Error(`nginx did not start: ${stderr.join('')} ${log}`);
}
