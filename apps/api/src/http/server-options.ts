import type { ServerOptions } from 'node:http';

/**
 * The HTTP server's timeouts, the same for `pnpm start` and the contract tests' harness, which ran on
 * Node's defaults (5 s keep-alive) and so tested a server no one runs.
 *
 * A client gets `headersMs` (MUJUN_HEADERS_TIMEOUT_MS, 60 s) to send its headers and `requestMs`
 * (MUJUN_REQUEST_TIMEOUT_MS, 5 min) for the whole request, uploads included, then a 408. Node checks
 * those timeouts every connectionsCheckingInterval (30 s by default): every 2 s here, so a slow client
 * is cut off close to its deadline, not up to 30 s after it.
 *
 * An idle keep-alive connection is closed after KEEP_ALIVE_MS, longer than the peer keeps it: a proxy or
 * load balancer holds idle upstream connections 60 s (nginx's upstream keepalive_timeout, cloud load
 * balancers), so it closes first and never sends a request onto a connection the server is closing
 * (that request fails: `write EPIPE`, `other side closed`). The 5 s it was also lost to any client whose
 * event loop was busy for 5 s (the hostile-input suite building a 46 MB body) and to the server's own
 * stalls: the keep-alive timer fired before the request that had arrived was read.
 */
export const KEEP_ALIVE_MS = 65_000;

export function serverOptions(timeouts: {
  readonly requestMs: number;
  readonly headersMs: number;
}): ServerOptions {
  return {
    requestTimeout: timeouts.requestMs,
    headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
    keepAliveTimeout: KEEP_ALIVE_MS,
    connectionsCheckingInterval: 2_000,
  };
}
