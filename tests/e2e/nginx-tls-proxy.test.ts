import { request } from 'node:https';
import { readFile } from 'node:fs/promises';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../apps/api/src/routes/index.js';
import { maxRequestBytes } from '../../apps/api/src/http/upload.js';
import { issueTokens, multipart } from './support/api-data.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { mujunWithInput, ROOT, SAMPLE, tempDirectory } from './support/mujun.js';
import { freePort, SITE_CONF, startNginx } from './support/nginx.js';
import type { Nginx } from './support/nginx.js';

/**
 * The server behind Debian's nginx with the committed site file (deploy/nginx/mujun.conf) and a
 * self-signed certificate: the pages in Chromium over HTTPS and HTTP/2, an upload through the proxy,
 * the client's address from X-Forwarded-For (MUJUN_TRUST_PROXY=1) in the audit trail and the log with
 * the request id nginx gave, a forged X-Forwarded-For ignored, bodies over the upload limit refused by
 * nginx, and /metrics on its loopback listener only.
 */

/** The test's own client connects from this loopback address, so its address is told apart from nginx's. */
const CLIENT_ADDRESS = '127.0.0.5';
const PASSWORD = 'Browser#Test2025';

let dir: { path: string; cleanup: () => Promise<void> };
let server: ServerProcess;
let nginx: Nginx;
let cert: Buffer;
let adminToken = '';
let metricsPort = 0;

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/** One HTTPS request to nginx, trusting the test's certificate, from CLIENT_ADDRESS. */
function https(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; sendBody?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        servername: 'localhost',
        port: nginx.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `localhost:${nginx.port}`, ...options.headers },
        ca: cert,
        localAddress: CLIENT_ADDRESS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    if (options.sendBody !== false && options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** The server's log line of a request: pino writes asynchronously, so it may come a moment after the answer. */
async function logLine(requestId: string): Promise<Record<string, unknown> | undefined> {
  for (let i = 0; i < 100; i += 1) {
    const line = server.logs.find((entry) => (entry['req'] as { id?: string } | undefined)?.id === requestId);
    if (line !== undefined) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

beforeAll(async () => {
  dir = await tempDirectory();
  const dataDir = join(dir.path, 'data');
  [adminToken = ''] = await issueTokens(dataDir, [{ role: 'admin', label: '经信局' }]);
  const created = await mujunWithInput(
    `${PASSWORD}\n`,
    'account',
    'create',
    '--role',
    'town',
    '--town',
    '院桥镇',
    '--username',
    'yuanqiao',
    '--password-stdin',
    '--data-dir',
    dataDir,
  );
  if (created.code !== 0) throw new Error(created.stderr);
  // The address people use is nginx's: the server is told it (cookies Secure, the origin CSRF checks).
  const port = await freePort();
  server = await startServer(dataDir, {
    MUJUN_PUBLIC_URL: `https://localhost:${port}`,
    MUJUN_TRUST_PROXY: '1',
    MUJUN_METRICS: '1',
    MUJUN_METRICS_ADDR: '127.0.0.1:0',
  });
  nginx = await startNginx(join(dir.path, 'nginx'), server.port, port);
  cert = await readFile(join(dir.path, 'nginx', 'fullchain.pem'));
  const scrapeLine = server.logs.find((line) => line['msg'] === 'metrics listening');
  metricsPort = Number(scrapeLine?.['port']);
}, 120_000);

afterAll(async () => {
  // Whatever beforeAll got to start (the variables are assigned in order there).
  const started = [nginx as Nginx | undefined, server as ServerProcess | undefined];
  await started[0]?.stop();
  await started[1]?.stop();
  await dir.cleanup();
});

describe('behind nginx with TLS', () => {
  it('sets client_max_body_size in step with the largest request a route takes', async () => {
    const largest = Math.max(
      ...ROUTES.filter((route) => route.body?.kind === 'multipart').map((route) =>
        route.body?.kind === 'multipart' ? maxRequestBytes(route.body.upload) : 0,
      ),
    );
    const site = await readFile(SITE_CONF, 'utf8');
    const megabytes = Number(/client_max_body_size (\d+)m;/.exec(site)?.[1]);
    // Not below the server's limit (nginx would refuse what the server takes), within 1 MB above it.
    expect(megabytes * 1024 * 1024).toBeGreaterThanOrEqual(largest);
    expect(megabytes * 1024 * 1024 - largest).toBeLessThan(1024 * 1024);
  });

  it('speaks HTTP/2 over TLS and sends the security headers', async () => {
    const protocol = await new Promise<string | false | null>((resolve, reject) => {
      const socket = tlsConnect(
        {
          host: '127.0.0.1',
          port: nginx.port,
          servername: 'localhost',
          ca: cert,
          ALPNProtocols: ['h2', 'http/1.1'],
        },
        () => {
          resolve(socket.alpnProtocol);
          socket.destroy();
        },
      );
      socket.on('error', reject);
    });
    expect(protocol).toBe('h2');
    const health = await https('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(health.headers['x-frame-options']).toBe('DENY');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['server']).toBe('nginx');
    // The request id nginx made is the server's too.
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await fetch(`http://127.0.0.1:${nginx.httpPort}/app/`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://mujun.example.gov.cn/app/');
  });

  it('takes an upload through the proxy, and records the client, not nginx, from X-Forwarded-For', async () => {
    const form = multipart([
      { name: 'data', filename: 'sample.csv', type: 'text/csv', bytes: await readFile(join(ROOT, SAMPLE)) },
    ]);
    const created = await https('/v1/evaluations', {
      method: 'POST',
      // A forged header: nginx appends the real peer, and the server trusts one hop only.
      headers: {
        authorization: `Bearer ${adminToken}`,
        'content-type': form.contentType,
        'x-forwarded-for': '6.6.6.6',
      },
      body: form.body,
    });
    expect(created.status, created.text).toBe(201);
    const requestId = String(created.headers['x-request-id']);
    const line = await logLine(requestId);
    expect(line?.['req']).toMatchObject({
      method: 'POST',
      url: '/v1/evaluations',
      remoteAddress: CLIENT_ADDRESS,
    });
    const access = await readFile(nginx.accessLog, 'utf8');
    expect(access).toContain(`${CLIENT_ADDRESS} ${requestId} "POST /v1/evaluations HTTP/1.1" 201`);

    // A body over 1 MB passes nginx (its default limit is 1 MB): 3 MB of bad rows reach the server's 422.
    const big = multipart([
      { name: 'data', filename: 'big.csv', type: 'text/csv', bytes: Buffer.from('x,y\n'.repeat(750_000)) },
    ]);
    const refused = await https('/v1/evaluations', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': big.contentType },
      body: big.body,
    });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    // Sign-in, audited with the client's address.
    const signIn = await https('/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6' },
      body: Buffer.from(JSON.stringify({ account: 'yuanqiao', password: PASSWORD })),
    });
    expect(signIn.status, signIn.text).toBe(204);
    const audit = await https('/v1/audit?entity=sign-in', {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const entries = (JSON.parse(audit.text) as { data: { entityId: string; after: { address: string } }[] })
      .data;
    expect(entries.map((entry) => [entry.entityId, entry.after.address])).toContainEqual([
      'yuanqiao',
      CLIENT_ADDRESS,
    ]);
  });

  it('refuses a body declared over client_max_body_size before it is sent', async () => {
    const res = await https('/v1/evaluations', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(200 * 1024 * 1024),
      },
      sendBody: false,
    }).catch((error: unknown) => ({ status: -1, headers: {}, text: String(error) }));
    expect(res.status).toBe(413);
  });

  it('serves the pages to Chromium over HTTPS and HTTP/2, signed in through the proxy', async () => {
    const browser = await launchChromium({ ignoreHTTPSErrors: true });
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`https://localhost:${nginx.port}/app/`);
      await page.getByLabel('账号').fill('yuanqiao');
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('[data-role]').waitFor();
      // The page's own navigation entry, read in the page: the protocol Chromium negotiated.
      const protocol = await page.evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol");
      expect(protocol).toBe('h2');
      const cookies = await browser.context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'mujun_session')?.secure).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'nginx-tls-town.png') });
    } finally {
      await browser.close();
    }
  });

  it('serves /metrics on the loopback listener only, counting what came through nginx', async () => {
    expect((await https('/metrics')).status).toBe(404);
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    expect(text).toMatch(
      /^mujun_http_requests_total\{method="POST",route="\/v1\/evaluations",status="201"\} 1$/m,
    );
    expect(text).toMatch(
      /^mujun_http_requests_total\{method="POST",route="\/v1\/auth\/sign-in",status="204"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^mujun_http_requests_total\{method="POST",route="\/v1\/evaluations",status="422"\} 1$/m,
    );
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });
});
