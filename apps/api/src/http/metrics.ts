import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/store.js';

/**
 * Prometheus metrics (prom-client), on a registry of their own (never prom-client's global one, so two
 * apps in one process, as in the tests, count apart):
 *
 * - `mujun_http_requests_total{method,route,status}` and `mujun_http_request_duration_seconds{method,route}`:
 *   by the route's pattern (`/v1/evaluations/{id}`), never the raw path, so an id cannot make a new series;
 * - `mujun_objection_filings_total`: objections stored (an idempotent replay is not a new filing);
 * - `mujun_upload_limit_refusals_total{limit}`: data files refused by a read limit (SheetLimitError);
 * - `mujun_store_operation_duration_seconds{operation}`: each store call, by its method name;
 * - prom-client's default metrics: event-loop delay (`nodejs_eventloop_lag_*`), heap and resident memory,
 *   CPU, handles, garbage collection.
 *
 * Served only when MUJUN_METRICS is on, and only on a listener of its own on a loopback address
 * (MUJUN_METRICS_ADDR, 127.0.0.1:9464): never on the public port, so nginx cannot expose it.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'mujun_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'mujun_http_request_duration_seconds',
    help: 'Time from a request arriving to its response ending, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly objectionFilings = new Counter({
    name: 'mujun_objection_filings_total',
    help: 'Objections (异议) filed and stored',
    registers: [this.registry],
  });
  readonly uploadLimitRefusals = new Counter({
    name: 'mujun_upload_limit_refusals_total',
    help: 'Uploaded data files refused by a read limit (rows, cells, unzipped bytes, …), by limit',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly storeDuration = new Histogram({
    name: 'mujun_store_operation_duration_seconds',
    help: 'Time a store operation took, by operation',
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  constructor(options: { readonly defaults?: boolean } = {}) {
    // Event-loop delay, memory, CPU, GC: measured from here on; off only where a test makes many apps.
    if (options.defaults ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** The text exposition format, as Prometheus scrapes it. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  /**
   * Counts every request when it ends. The route label is the route table's pattern when a route
   * answered (set by the router in `res.locals`), the web pages' `/app` for the pages, else `unmatched`:
   * never the raw path.
   */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      res.once('close', () => {
        const route = routeLabel(res.locals, req.path);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
        this.requestDuration.observe({ method: req.method, route }, seconds);
      });
      next();
    };
  }

  /**
   * The store with each call timed. A Proxy rather than a hand-written wrapper, so a method a later
   * change adds is timed without anyone remembering it. Synchronous calls are timed as they return,
   * asynchronous ones when they settle.
   */
  timedStore<S extends Store>(store: S): S {
    const histogram = this.storeDuration;
    return new Proxy(store, {
      get(target, property, receiver) {
        // Read with the store itself as `this`, so a getter reading a private field (#x) works.
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        const method = value as (...args: unknown[]) => unknown;
        return function timed(this: unknown, ...args: unknown[]): unknown {
          const end = histogram.startTimer({ operation: property });
          let result: unknown;
          try {
            result = method.apply(this === receiver ? target : this, args);
          } catch (error) {
            end();
            throw error;
          }
          if (result instanceof Promise) {
            return result.finally(() => {
              end();
            });
          }
          end();
          return result;
        };
      },
    });
  }
}

/** Where the router notes the pattern of the route that answered. */
export const ROUTE_LOCAL = 'mujunRoute';

function routeLabel(locals: Record<string, unknown>, path: string): string {
  const route = locals[ROUTE_LOCAL];
  if (typeof route === 'string') return route;
  if (path === '/' || path === '/app' || path.startsWith('/app/') || path.startsWith('/check/')) {
    return '/app';
  }
  return 'unmatched';
}

/** MUJUN_METRICS_ADDR: `host:port`, the host a loopback address. */
export function parseMetricsAddress(address: string): { host: string; port: number } | undefined {
  const match = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):(\d{1,5})$/.exec(address);
  if (match === null) return undefined;
  const port = Number(match[2]);
  if (port > 65535) return undefined;
  const host = match[1] === '[::1]' ? '::1' : (match[1] ?? '127.0.0.1');
  return { host, port };
}

/**
 * The metrics listener: GET /metrics and nothing else, on its own port, so the public port never
 * serves it and no proxy in front can reach it.
 */
export function metricsServer(metrics: Metrics): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    metrics.exposition().then(
      ({ contentType, text }) => {
        res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('metrics failed\n');
      },
    );
  });
}
