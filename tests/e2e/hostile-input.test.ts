import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCsv, issueTokens, multipart, smallPdf } from './support/api-data.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import {
  memory,
  numberedRows,
  pollHealth,
  rawRequest,
  repeatedRows,
  storedDigest,
  xlsx,
} from './support/hostile.js';
import type { RawAnswer } from './support/hostile.js';
import { ROOT, SAMPLE, tempDirectory } from './support/mujun.js';

/**
 * Nothing a client sends can take the server down (issue 10). The REAL server process, with its heap
 * capped at 1 GiB (--max-old-space-size=1024: a blow-up is a crash this suite reports, not a machine
 * swapping), is sent what an attacker or a clumsy clerk would send. For each case:
 *
 * - an answer within a bounded time, as application/problem+json with a Chinese title (never HTML);
 * - /healthz, polled every 100 ms during the case, never fails and answers within HEALTH_BOUND_MS;
 * - the server's peak RSS during the case (VmHWM, reset before it) stays under RSS_BOUND_MIB;
 * - nothing is stored (the row counts of every table, audit included, are unchanged);
 * - a good upload right after still works.
 *
 * Each case's time to refusal, peak RSS and slowest /healthz are printed as a table at the end.
 */

const RSS_BOUND_MIB = 1024;
const HEALTH_BOUND_MS = 3_000;
/** The server's request timeout in this suite (MUJUN_REQUEST_TIMEOUT_MS), so that a slow body ends soon. */
const REQUEST_TIMEOUT_MS = 6_000;
/** A small evidence quota per enterprise, so that passing it takes a few MB, not 100. */
const ENTERPRISE_QUOTA = 3 * 1024 * 1024;
const CHINESE = /[\u4e00-\u9fff]/;
const NAMES_A_LIMIT = /上限|限制|超过|最多|过大|过多/;
const DUPLICATE_HEADER = '统一社会信用代码,企业名称,企业规模,用地面积(亩),税收实际贡献(万元)';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

interface Figures {
  readonly name: string;
  readonly status: number | string;
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly healthMaxMs: number;
  readonly healthFailures: number;
}

const figures: Figures[] = [];

describe('hostile input against the real server process', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let dataDir = '';
  let server: ServerProcess;
  let admin = '';
  let enterprise = '';
  let evaluationId = '';
  let goodUploads = 0;
  const sample = readFile(join(ROOT, SAMPLE));

  async function start(): Promise<void> {
    server = await startServer(
      dataDir,
      {
        LOG_LEVEL: 'info',
        MUJUN_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        MUJUN_HEADERS_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        MUJUN_EVIDENCE_QUOTA_ENTERPRISE_BYTES: String(ENTERPRISE_QUOTA),
      },
      ['--max-old-space-size=1024'],
    );
  }

  async function upload(file: Buffer, name: string, fields: Record<string, string> = {}): Promise<Answer> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('data', new Blob([file]), name);
    const res = await fetch(`${server.base}/v1/evaluations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
  }

  function fromRaw(answer: RawAnswer): Answer {
    return { status: answer.status, contentType: answer.headers['content-type'] ?? '', body: answer.body };
  }

  /**
   * Runs one case: `attempt` within `limitMs`, with /healthz polled and the peak RSS taken around it,
   * the stored rows compared before and after, and a good upload after. Returns the answer.
   */
  async function hostile(
    name: string,
    attempt: () => Promise<Answer>,
    options: { readonly limitMs: number; readonly stores?: boolean },
  ): Promise<Answer> {
    const pid = server.child.pid ?? 0;
    const before = storedDigest(dataDir);
    memory.reset(pid);
    const health = pollHealth(server.base);
    const started = Date.now();
    let answer: Answer | undefined;
    let failure: unknown;
    try {
      answer = await Promise.race([
        attempt(),
        new Promise<never>((_, reject) =>
          setTimeout(() => {
            reject(new Error(`no answer in ${options.limitMs} ms`));
          }, options.limitMs),
        ),
      ]);
    } catch (error) {
      failure = error;
    }
    const ms = Date.now() - started;
    const peak = memory.peakMiB(pid);
    const polled = await health.stop();
    const died = server.child.exitCode !== null || server.child.signalCode !== null;
    figures.push({
      name,
      status: died ? 'server died' : (answer?.status ?? 'no answer'),
      ms,
      peakRssMiB: peak,
      healthMaxMs: polled.maxMs,
      healthFailures: polled.failures,
    });
    if (died) {
      const fatal = server.logs.filter((entry) => Number(entry['level']) >= 50).slice(-1);
      await start();
      throw new Error(`the server died during "${name}": ${JSON.stringify(fatal)}`);
    }
    if (answer === undefined) {
      // A server still busy with this case would distort the next one's figures: start a fresh one.
      await server.stop('SIGKILL');
      await start();
      throw failure instanceof Error ? failure : new Error(String(failure));
    }
    expect(answer.contentType, `${name}: ${answer.body.slice(0, 300)}`).toMatch(
      /^application\/(problem\+)?json/,
    );
    expect(answer.body).not.toMatch(/<html|<pre>|\bat [^\s]+\.(ts|js):\d+|\/work\/|node_modules/i);
    expect(peak, `${name}: peak RSS`).toBeLessThan(RSS_BOUND_MIB);
    expect(polled.failures, `${name}: /healthz failures`).toBe(0);
    expect(polled.maxMs, `${name}: slowest /healthz`).toBeLessThan(HEALTH_BOUND_MS);
    if (options.stores !== true) expect(storedDigest(dataDir), `${name}: stored rows`).toEqual(before);
    // The server still serves, and a good upload right after works.
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    const good = await upload(await sample, 'sample-2025.csv', { name: `good upload ${++goodUploads}` });
    expect(good.status, good.body.slice(0, 300)).toBe(201);
    return answer;
  }

  /** A refusal: the status expected, problem+json with a Chinese title and detail. */
  function expectProblem(
    answer: Answer,
    statuses: readonly number[],
    detail?: RegExp,
  ): Record<string, unknown> {
    expect(statuses, answer.body.slice(0, 300)).toContain(answer.status);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(answer.body) as Record<string, unknown>;
    expect(problem['status']).toBe(answer.status);
    expect(String(problem['type'])).toMatch(/^https:\/\/mujun\.dev\/problems\//);
    expect(String(problem['title'])).toMatch(CHINESE);
    expect(String(problem['detail'])).toMatch(CHINESE);
    if (detail !== undefined) expect(String(problem['detail'])).toMatch(detail);
    return problem;
  }

  beforeAll(async () => {
    dir = await tempDirectory();
    dataDir = join(dir.path, 'data');
    const year = generatedCsv(30, 10);
    const uscc = year.records[0]?.uscc ?? '';
    [admin = '', enterprise = ''] = await issueTokens(dataDir, [
      { role: 'admin', label: 'hostile' },
      { role: 'enterprise', uscc },
    ]);
    await start();
    const created = await upload(year.bytes, 'year.csv', { year: '2025' });
    if (created.status !== 201) throw new Error(created.body);
    evaluationId = (JSON.parse(created.body) as { id: string }).id;
    const published = await fetch(`${server.base}/v1/evaluations/${evaluationId}/publication`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-06-01' }),
    });
    if (published.status !== 201) throw new Error(await published.text());
  }, 120_000);

  afterAll(async () => {
    console.log(
      `\nhostile input: time to refusal, peak RSS (VmHWM) and slowest /healthz per case (bounds: RSS < ${RSS_BOUND_MIB} MiB, /healthz < ${HEALTH_BOUND_MS} ms)`,
    );
    console.table(
      figures.map((f) => ({
        case: f.name,
        status: f.status,
        'time (ms)': f.ms,
        'peak RSS (MiB)': f.peakRssMiB,
        'slowest /healthz (ms)': f.healthMaxMs,
        '/healthz failures': f.healthFailures,
      })),
    );
    await server.stop('SIGKILL');
    await dir.cleanup();
  }, 60_000);

  // ---- the spreadsheets (the readers' limits: packages/sheets) ----

  it('refuses a 500 KB CSV of one code repeated 50,000 times, naming a limit, in bounded memory', async () => {
    const csv = Buffer.from(`${DUPLICATE_HEADER}\n${'X,a,b,c,d\n'.repeat(50_000)}`, 'utf8');
    const answer = await hostile('CSV: 50,000 duplicate codes', () => upload(csv, 'dup.csv'), {
      limitMs: 60_000,
    });
    expectProblem(answer, [413, 422]);
    expect(answer.body.length).toBeLessThan(2 * 1024 * 1024);
  }, 180_000);

  it('refuses a 2-million-row CSV whose every row is invalid, in bounded memory', async () => {
    const rows: string[] = [DUPLICATE_HEADER];
    for (let i = 0; i < 2_000_000; i++) rows.push(`${i},名,规上,x,y`);
    const csv = Buffer.from(`${rows.join('\n')}\n`, 'utf8');
    expect(csv.length).toBeGreaterThan(20 * 1024 * 1024);
    const answer = await hostile('CSV: 2,000,000 invalid rows', () => upload(csv, 'rows.csv'), {
      limitMs: 60_000,
    });
    expectProblem(answer, [413, 422], NAMES_A_LIMIT);
    expect(answer.body.length).toBeLessThan(2 * 1024 * 1024);
  }, 180_000);

  /** Row n of the duplicate-code table as Excel writes it: shared strings 0–2, numbers, `r` everywhere. */
  const duplicateRow = (n: number) =>
    `<c r="A${n}" t="s"><v>0</v></c><c r="B${n}" t="s"><v>1</v></c><c r="C${n}" t="s"><v>2</v></c>` +
    `<c r="D${n}"><v>1</v></c><c r="E${n}"><v>1</v></c>`;
  const SHARED = ['X', 'a', '规上'];

  it('refuses an XLSX whose sheet unpacks to 1 GiB, naming a limit, without unpacking it', async () => {
    // A few rows, then 1 GiB of blanks between them: runs of one byte deflate about 1000:1, so the
    // whole workbook is about 1 MB.
    const blanks = Buffer.alloc(1024 * 1024, 0x20);
    const bomb = await xlsx(
      DUPLICATE_HEADER.split(','),
      function* () {
        yield* numberedRows(10, duplicateRow);
        for (let i = 0; i < 1024; i++) yield blanks;
      },
      SHARED,
    );
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const answer = await hostile(
      `XLSX: 1 GiB sheet in ${(bomb.length / 1024).toFixed(0)} KB`,
      () => upload(bomb, 'bomb.xlsx'),
      { limitMs: 60_000 },
    );
    expectProblem(answer, [413, 422], NAMES_A_LIMIT);
  }, 240_000);

  it('refuses a small XLSX of 186,000 repeated rows quickly, with a short answer', async () => {
    const workbook = await xlsx(
      DUPLICATE_HEADER.split(','),
      () => numberedRows(186_000, duplicateRow),
      SHARED,
    );
    // About 3 MB: every row and cell carries its own reference, which deflate cannot repeat.
    expect(workbook.length).toBeLessThan(4 * 1024 * 1024);
    const answer = await hostile(
      `XLSX: 186,000 repeated rows in ${(workbook.length / 1024).toFixed(0)} KB`,
      () => upload(workbook, 'rows.xlsx'),
      { limitMs: 30_000 },
    );
    expectProblem(answer, [413, 422]);
    expect(answer.body.length).toBeLessThan(2 * 1024 * 1024);
  }, 180_000);

  it('refuses a 66 KB XLSX of 186,000 rows without cell references (optional in ECMA-376) as quickly', async () => {
    const row =
      '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c><v>1</v></c><c><v>1</v></c></row>';
    const workbook = await xlsx(DUPLICATE_HEADER.split(','), () => repeatedRows(row, 186_000), SHARED);
    expect(workbook.length).toBeLessThan(96 * 1024);
    const answer = await hostile(
      `XLSX: 186,000 rows without references in ${(workbook.length / 1024).toFixed(0)} KB`,
      () => upload(workbook, 'rows.xlsx'),
      { limitMs: 30_000 },
    );
    expectProblem(answer, [413, 422], NAMES_A_LIMIT);
    expect(answer.body.length).toBeLessThan(2 * 1024 * 1024);
  }, 180_000);

  // ---- the request itself ----

  it('refuses an upload declaring a Content-Length of 1 TB at once and closes the connection', async () => {
    let raw: RawAnswer | undefined;
    const answer = await hostile(
      'upload declaring 1 TB',
      async () => {
        raw = await rawRequest(
          server.port,
          [
            'POST /v1/evaluations HTTP/1.1',
            'Host: 127.0.0.1',
            `Authorization: Bearer ${admin}`,
            'Content-Type: multipart/form-data; boundary=xyz',
            `Content-Length: ${1024 ** 4}`,
          ].join('\r\n'),
          async (write, answered) => {
            const chunk = Buffer.alloc(64 * 1024, 0x41);
            for (let i = 0; i < 1000 && !answered(); i++) {
              write(chunk);
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
          },
          10_000,
        );
        return fromRaw(raw);
      },
      { limitMs: 10_000 },
    );
    const problem = expectProblem(answer, [413], /上限/);
    expect(problem['type']).toBe('https://mujun.dev/problems/too-large');
    expect(raw?.closedByServer).toBe(true);
    expect(figures.at(-1)?.ms).toBeLessThan(2_000);
  }, 60_000);

  it('cuts off a chunked JSON body at its limit with 413, without reading the rest', async () => {
    let raw: RawAnswer | undefined;
    const answer = await hostile(
      'chunked JSON body past 1 MB',
      async () => {
        raw = await rawRequest(
          server.port,
          [
            `POST /v1/evaluations/${evaluationId}/publication HTTP/1.1`,
            'Host: 127.0.0.1',
            `Authorization: Bearer ${admin}`,
            'Content-Type: application/json',
            'Transfer-Encoding: chunked',
          ].join('\r\n'),
          async (write, answered) => {
            const data = Buffer.alloc(256 * 1024, 0x20);
            for (let i = 0; i < 4000 && !answered(); i++) {
              write(`${data.length.toString(16)}\r\n`);
              write(data);
              write('\r\n');
              await new Promise((resolve) => setTimeout(resolve, 2));
            }
          },
          10_000,
        );
        return fromRaw(raw);
      },
      { limitMs: 10_000 },
    );
    expectProblem(answer, [413], /上限/);
    expect(raw?.closedByServer).toBe(true);
  }, 60_000);

  it('answers a body that trickles in with 408 at the request timeout, serving everyone else meanwhile', async () => {
    const answer = await hostile(
      'slow body (1 byte / 200 ms)',
      async () =>
        fromRaw(
          await rawRequest(
            server.port,
            [
              'POST /v1/evaluations HTTP/1.1',
              'Host: 127.0.0.1',
              `Authorization: Bearer ${admin}`,
              'Content-Type: multipart/form-data; boundary=xyz',
              'Content-Length: 100000',
            ].join('\r\n'),
            async (write, answered) => {
              for (let i = 0; i < 200 && !answered(); i++) {
                write('-');
                await new Promise((resolve) => setTimeout(resolve, 200));
              }
            },
            REQUEST_TIMEOUT_MS + 10_000,
          ),
        ),
      { limitMs: REQUEST_TIMEOUT_MS + 10_000 },
    );
    expectProblem(answer, [408]);
  }, 60_000);

  it('answers malformed multipart bodies with 400 problems', async () => {
    const bodies: readonly [string, string][] = [
      [
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="data"; filename="a.csv"\r\n\r\nunterminated',
      ],
      ['multipart/form-data; boundary=xyz', 'no boundary anywhere in this body'],
      ['multipart/form-data', '--xyz\r\n\r\n--xyz--'],
      [
        'multipart/form-data; boundary=xyz',
        `--xyz\r\n${'X-Header: v\r\n'.repeat(500)}\r\nvalue\r\n--xyz--\r\n`,
      ],
    ];
    for (const [contentType, body] of bodies) {
      const answer = await hostile(
        `malformed multipart: ${body.slice(0, 24).replace(/\r\n/g, ' ')}…`,
        async () => {
          const res = await fetch(`${server.base}/v1/evaluations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${admin}`, 'content-type': contentType },
            body,
          });
          return {
            status: res.status,
            contentType: res.headers.get('content-type') ?? '',
            body: await res.text(),
          };
        },
        { limitMs: 10_000 },
      );
      expectProblem(answer, [400, 413]);
    }
  }, 120_000);

  it('refuses a multipart body of 20,000 tiny fields at the parts limit', async () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => ({ name: `f${i}`, value: 'x' }));
    const { body, contentType } = multipart(parts);
    const answer = await hostile(
      'multipart: 20,000 fields',
      async () => {
        const res = await fetch(`${server.base}/v1/evaluations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': contentType },
          body,
        });
        return {
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          body: await res.text(),
        };
      },
      { limitMs: 10_000 },
    );
    expectProblem(answer, [400, 413], NAMES_A_LIMIT);
  }, 60_000);

  it('refuses deeply nested JSON, as a body and inside the objection field', async () => {
    const deep = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    const asBody = await hostile(
      'JSON nested 500,000 deep (body)',
      async () => {
        const res = await fetch(`${server.base}/v1/evaluations/${evaluationId}/publication`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: deep,
        });
        return {
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          body: await res.text(),
        };
      },
      { limitMs: 10_000 },
    );
    expectProblem(asBody, [400], /嵌套超过 64 层/);
    const nested = `{"reason":"x","items":[{"field":"tax","claimedValue":"1","x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}`;
    const inField = await hostile(
      'JSON nested 10,000 deep (objection field)',
      async () => {
        const form = new FormData();
        form.append('objection', nested);
        form.append('evidence', new Blob([smallPdf('deep')]), 'deep.pdf');
        const res = await fetch(`${server.base}/v1/evaluations/${evaluationId}/objections`, {
          method: 'POST',
          headers: { authorization: `Bearer ${enterprise}`, 'idempotency-key': 'deep-json' },
          body: form,
        });
        return {
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          body: await res.text(),
        };
      },
      { limitMs: 10_000 },
    );
    expectProblem(inField, [400], /嵌套超过 64 层/);
  }, 60_000);

  it('refuses huge headers with 431 problem+json', async () => {
    const answer = await hostile(
      'headers of 64 KB',
      async () =>
        fromRaw(
          await rawRequest(
            server.port,
            ['GET /healthz HTTP/1.1', 'Host: 127.0.0.1', `X-Big: ${'a'.repeat(64 * 1024)}`].join('\r\n'),
            () => undefined,
            10_000,
          ),
        ),
      { limitMs: 10_000 },
    );
    expectProblem(answer, [431]);
  }, 60_000);

  // ---- evidence ----

  it('stores a PDF/HTML polyglot uploaded as ../../x.html as x.pdf, served as an inert PDF attachment', async () => {
    const polyglot = Buffer.concat([
      smallPdf('polyglot'),
      Buffer.from('<html><script>alert(1)</script></html>'),
    ]);
    const answer = await hostile(
      'evidence: PDF/HTML polyglot named ../../x.html',
      async () => {
        const form = new FormData();
        form.append(
          'objection',
          JSON.stringify({ reason: '税收少计', items: [{ field: 'tax', claimedValue: '1' }] }),
        );
        form.append('evidence', new Blob([polyglot], { type: 'text/html' }), '../../x.html');
        const res = await fetch(`${server.base}/v1/evaluations/${evaluationId}/objections`, {
          method: 'POST',
          headers: { authorization: `Bearer ${enterprise}`, 'idempotency-key': 'polyglot' },
          body: form,
        });
        return {
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          body: await res.text(),
        };
      },
      { limitMs: 10_000, stores: true },
    );
    expect(answer.status, answer.body).toBe(201);
    const objection = JSON.parse(answer.body) as { id: string; evidence: { id: string; filename: string }[] };
    expect(objection.evidence[0]?.filename).toBe('x.pdf');
    const download = await fetch(
      `${server.base}/v1/objections/${objection.id}/evidence/${objection.evidence[0]?.id ?? ''}`,
      { headers: { authorization: `Bearer ${enterprise}` } },
    );
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toMatch(/sandbox/);
  }, 60_000);

  it('refuses evidence past the enterprise’s quota with a Chinese 413, storing nothing', async () => {
    const big = Buffer.alloc(ENTERPRISE_QUOTA - 100 * 1024, 0x20);
    smallPdf('quota').copy(big);
    const file = (key: string, field: string) => async () => {
      const form = new FormData();
      form.append('objection', JSON.stringify({ reason: '配额', items: [{ field, claimedValue: '2' }] }));
      form.append('evidence', new Blob([big]), '证明.pdf');
      const res = await fetch(`${server.base}/v1/evaluations/${evaluationId}/objections`, {
        method: 'POST',
        headers: { authorization: `Bearer ${enterprise}`, 'idempotency-key': key },
        body: form,
      });
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        body: await res.text(),
      };
    };
    const first = await file('quota-1', 'revenue')();
    expect(first.status, first.body).toBe(201);
    const answer = await hostile('evidence past the enterprise quota', file('quota-2', 'landAreaMu'), {
      limitMs: 10_000,
    });
    const problem = expectProblem(answer, [413], /上限/);
    expect(problem['type']).toBe('https://mujun.dev/problems/evidence-quota');
  }, 60_000);

  // ---- secrets ----

  it('refuses a token in the query string and never writes it to the log', async () => {
    const token = `mjt_${'Q'.repeat(43)}`;
    const answer = await hostile(
      '?access_token= in the URL',
      async () => {
        const res = await fetch(`${server.base}/v1/evaluations?access_token=${admin}&token=${token}`, {
          headers: { 'x-request-id': 'query-token' },
        });
        return {
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          body: await res.text(),
        };
      },
      { limitMs: 10_000 },
    );
    expectProblem(answer, [401]);
    // The request's line reaches our pipe a moment after the answer.
    for (let i = 0; i < 100 && !JSON.stringify(server.logs).includes('query-token'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const log = JSON.stringify(server.logs);
    expect(log).toContain('query-token');
    expect(log).toContain('access_token=[redacted]');
    expect(log).not.toContain(admin);
    expect(log).not.toContain(token);
  }, 60_000);
});
