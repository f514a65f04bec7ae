import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { serverOptions } from './server-options.js';

/**
 * The server made for an app hands Express requests and responses that already have the app's
 * prototypes, so Express's per-request Object.setPrototypeOf changes nothing; they are Node's own
 * messages in every other way.
 */

let close = () => {};
afterEach(() => {
  close();
});

describe('the server for an app', () => {
  it('makes its requests and responses with the app’s Express prototypes, before Express sees them', async () => {
    const app = express();
    app.get('/x/:id', (req, res) => {
      res.status(201).json({ id: req.params.id, query: req.query });
    });
    const seen: boolean[] = [];
    const server = createServer(serverOptions({ requestMs: 10_000, headersMs: 10_000 }, app), (req, res) => {
      seen.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response);
      app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => {
      server.closeAllConnections();
      server.close();
    };
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${String(port)}/x/a%20b?y=1`);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'a b', query: { y: '1' } });
    expect(seen).toEqual([true]);
  });

  it('keeps Node’s own messages when no app is given', () => {
    expect(serverOptions({ requestMs: 1, headersMs: 1 })).not.toHaveProperty('IncomingMessage');
  });
});
