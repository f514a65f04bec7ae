import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidRowsCsv } from '../../packages/sheets/bench/hostile-files.js';
import { Metrics, metricsServer } from '../../apps/api/src/http/metrics.js';
import { loadEnv, metricsAddress } from '../../apps/api/src/env.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { dataForm, objectionForm, PDF } from './support/fixtures.js';
import { publishedSample } from './support/uploads.js';

/** One sample of the text exposition format: `name{label="value",…} number`. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parses Prometheus's text format strictly: every line a comment, blank, or a well-formed sample. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`not a sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] ?? ''] = (pair[2] ?? '').replace(/\\(.)/g, '$1');
    }
    const value = Number(match[3]);
    if (Number.isNaN(value) && !/^nan$/i.test(match[3] ?? '')) throw new Error(`not a number: ${line}`);
    samples.push({ name: match[1] ?? '', labels, value });
  }
  return samples;
}

function find(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/**
 * /metrics scraped and parsed after real traffic: requests by route pattern and status, latency
 * histograms, an objection filed (and its replay not counted twice), an upload refused by a read
 * limit, store calls timed, the process's event-loop delay and memory. Served on its own listener,
 * never on the API's port.
 */
describe('Prometheus metrics', () => {
  let h: Harness;
  let scrape: Server;
  let scrapeBase = '';
  const metrics = new Metrics();
  let evaluationId = '';

  beforeAll(async () => {
    h = await startApi({ now: '2025-06-02T02:00:00.000Z', metrics });
    scrape = metricsServer(metrics);
    await new Promise<void>((resolve) => scrape.listen(0, '127.0.0.1', resolve));
    scrapeBase = `http://127.0.0.1:${(scrape.address() as AddressInfo).port}`;
    evaluationId = await publishedSample(h, { file: 'sample.csv' });
  });
  afterAll(async () => {
    await new Promise((resolve) => scrape.close(resolve));
    await h.close();
  });

  async function scraped(): Promise<Sample[]> {
    const res = await fetch(`${scrapeBase}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    return parseExposition(await res.text());
  }

  it('counts requests by route pattern and status, never by raw path', async () => {
    for (const id of ['no-such-1', 'no-such-2']) {
      const res = await h.api.call('get', '/v1/evaluations/{id}', {
        token: h.tokens.admin,
        params: { id },
      });
      expect(res.status).toBe(404);
    }
    const denied = await fetch(`${h.base}/v1/evaluations`);
    expect(denied.status).toBe(401);
    const samples = await scraped();
    expect(
      find(samples, 'mujun_http_requests_total', {
        method: 'GET',
        route: '/v1/evaluations/{id}',
        status: '404',
      })[0]?.value,
    ).toBe(2);
    expect(
      find(samples, 'mujun_http_requests_total', {
        method: 'GET',
        route: '/v1/evaluations',
        status: '401',
      })[0]?.value,
    ).toBe(1);
    expect(
      find(samples, 'mujun_http_requests_total', {
        method: 'POST',
        route: '/v1/evaluations',
        status: '201',
      })[0]?.value,
    ).toBe(1);
    // No series carries an id.
    for (const sample of find(samples, 'mujun_http_requests_total')) {
      expect(sample.labels['route']).not.toContain('no-such');
      expect(sample.labels['route']).not.toContain(evaluationId);
    }
    // The latency histogram: cumulative buckets ending in +Inf equal to the count.
    const buckets = find(samples, 'mujun_http_request_duration_seconds_bucket', {
      method: 'GET',
      route: '/v1/evaluations/{id}',
    });
    expect(buckets.length).toBeGreaterThan(5);
    expect(buckets.at(-1)?.labels['le']).toBe('+Inf');
    expect(buckets.at(-1)?.value).toBe(2);
    for (let i = 1; i < buckets.length; i++) {
      expect(buckets[i]?.value).toBeGreaterThanOrEqual(buckets[i - 1]?.value ?? 0);
    }
    expect(
      find(samples, 'mujun_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/v1/evaluations/{id}',
      })[0]?.value,
    ).toBe(2);
  });

  it('counts an objection once, however often its Idempotency-Key is replayed', async () => {
    const file = () =>
      h.api.call('post', '/v1/evaluations/{id}/objections', {
        token: h.tokens.enterprise,
        params: { id: evaluationId },
        headers: { 'idempotency-key': 'metrics-key' },
        body: objectionForm({ reason: '税收少计', items: [{ field: 'tax', claimedValue: '50' }] }, [
          { name: 'a.pdf', bytes: PDF },
        ]),
      });
    expect((await file()).status).toBe(201);
    expect((await file()).status).toBe(201);
    const samples = await scraped();
    expect(find(samples, 'mujun_objection_filings_total')[0]?.value).toBe(1);
    expect(
      find(samples, 'mujun_http_requests_total', {
        method: 'POST',
        route: '/v1/evaluations/{id}/objections',
        status: '201',
      })[0]?.value,
    ).toBe(2);
  });

  it('counts an upload refused by a read limit, by the limit', async () => {
    const res = await h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: 'big.csv', bytes: invalidRowsCsv(200_001) }]),
    });
    expect(res.status).toBe(422);
    const samples = await scraped();
    expect(find(samples, 'mujun_upload_limit_refusals_total', { limit: 'maxRows' })[0]?.value).toBe(1);
  });

  it('times store operations and reports the event loop and memory', async () => {
    const samples = await scraped();
    const fileObjection = find(samples, 'mujun_store_operation_duration_seconds_count', {
      operation: 'fileObjection',
    });
    // One filing and its replay: the replay's key is found inside the filing's transaction (issue 17),
    // so both are a fileObjection call, and neither reads the key before it.
    expect(fileObjection[0]?.value).toBe(2);
    expect(
      find(samples, 'mujun_store_operation_duration_seconds_count', { operation: 'idempotentResponse' }),
    ).toEqual([]);
    expect(
      find(samples, 'mujun_store_operation_duration_seconds_count', { operation: 'principalForTokenHash' })[0]
        ?.value,
    ).toBeGreaterThan(0);
    expect(find(samples, 'nodejs_eventloop_lag_p99_seconds')).toHaveLength(1);
    expect(find(samples, 'process_resident_memory_bytes')[0]?.value).toBeGreaterThan(0);
    expect(find(samples, 'nodejs_heap_size_used_bytes')[0]?.value).toBeGreaterThan(0);
  });

  it('is served on its own listener only: the API answers /metrics with 404', async () => {
    const res = await fetch(`${h.base}/metrics`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const other = await fetch(`${scrapeBase}/v1/evaluations`);
    expect(other.status).toBe(404);
  });
});

describe('the metrics settings', () => {
  it('are off unless MUJUN_METRICS is on, and bind a loopback address only', () => {
    expect(metricsAddress(loadEnv({}))).toBeUndefined();
    expect(metricsAddress(loadEnv({ MUJUN_METRICS: '1' }))).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(metricsAddress(loadEnv({ MUJUN_METRICS: 'true', MUJUN_METRICS_ADDR: '[::1]:9100' }))).toEqual({
      host: '::1',
      port: 9100,
    });
    for (const address of [
      '0.0.0.0:9464',
      '10.0.0.5:9464',
      'example.com:9464',
      '127.0.0.1',
      '127.0.0.1:99999',
    ]) {
      expect(() => loadEnv({ MUJUN_METRICS: '1', MUJUN_METRICS_ADDR: address })).toThrow(
        /MUJUN_METRICS_ADDR/,
      );
    }
  });
});
