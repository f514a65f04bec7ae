/**
 * The peer of `pnpm bench:api`'s lookups (issue 17): a bare Express 5 route as one would write it without
 * mujun, serving the same bytes. It checks a bearer token in a Map, validates the path's parameters with
 * zod, and sends the result the real server sent for that enterprise (read from the file the bench
 * wrote: `{ "token": …, "evaluationId": …, "results": { uscc: body } }`). Started by the bench as a
 * child process, like the server; prints `{"msg":"listening","port":…}` as the server does.
 */
import { readFileSync } from 'node:fs';
import express from 'express';
import { z } from 'zod';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: peer-server.ts <results.json>');
const data = JSON.parse(readFileSync(file, 'utf8')) as {
  token: string;
  evaluationId: string;
  results: Record<string, string>;
};
const tokens = new Map([[data.token, { role: 'admin' }]]);
const results = new Map(Object.entries(data.results));
const Params = z.object({ id: z.string().min(1).max(64), uscc: z.string().regex(/^[0-9A-Z]{18}$/) });

const app = express();
app.disable('x-powered-by');
app.get('/v1/evaluations/:id/enterprises/:uscc', (req, res) => {
  const principal = tokens.get(req.get('authorization')?.replace(/^Bearer /, '') ?? '');
  if (principal === undefined) {
    res.status(401).json({ title: 'unauthorized' });
    return;
  }
  const params = Params.safeParse(req.params);
  if (!params.success) {
    res.status(400).json({ title: 'bad request' });
    return;
  }
  const body = params.data.id === data.evaluationId ? results.get(params.data.uscc) : undefined;
  if (body === undefined) {
    res.status(404).json({ title: 'not found' });
    return;
  }
  res.type('application/json').send(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(
    JSON.stringify({
      msg: 'listening',
      port: typeof address === 'object' && address !== null ? address.port : 0,
    }),
  );
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
