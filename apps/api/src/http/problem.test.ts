import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { errorMiddleware } from './problem.js';

describe('the error middleware, after the headers went out', () => {
  it('cuts the connection (no second answer, no HTML) and logs the error', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const app = express();
    app.get('/half', (_req, res, next) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      res.write('half of it');
      next(new Error('failed half way'));
    });
    app.use(errorMiddleware(logger));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // The 200 already started cannot become anything else: the client sees the connection cut.
      const outcome = await fetch(`http://127.0.0.1:${port}/half`)
        .then((res) => res.text())
        .then(
          () => 'complete',
          () => 'cut',
        );
      expect(outcome).toBe('cut');
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged.find((entry) => entry['msg'] === 'error after the response started')).toMatchObject({
        err: { message: 'failed half way' },
        method: 'GET',
        url: '/half',
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
