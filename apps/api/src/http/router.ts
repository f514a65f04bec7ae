import express from 'express';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { Principal } from '../domain/roles.js';
import type { Services } from '../services.js';
import { authenticate } from './auth.js';
import { notModified } from './preconditions.js';
import { HttpProblem, sendProblem, PROBLEM_BASE } from './problem.js';
import { expressPath } from './route.js';
import type { AnyRoute, Reply } from './route.js';
import { readUpload, uploadMiddleware } from './upload.js';
import { parsePart } from './validation.js';

const JSON_LIMIT = '1mb';

/** JSON bodies are parsed after authentication, so an anonymous caller never costs a parse. */
const jsonParser = express.json({ limit: JSON_LIMIT, type: () => true });

function runMiddleware(handler: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void handler(req, res, (error?: unknown) => {
      if (error === undefined || error === null) resolve();
      else reject(error instanceof Error ? error : new Error('middleware failed', { cause: error }));
    });
  });
}

async function jsonBody(req: Request, res: Response): Promise<unknown> {
  const length = Number(req.get('content-length') ?? '0');
  const chunked = req.get('transfer-encoding') !== undefined;
  if (length === 0 && !chunked) return {};
  if (!req.is('application/json')) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      'expected application/json',
    );
  }
  await runMiddleware(jsonParser, req, res);
  return req.body as unknown;
}

/** In test mode, every JSON answer is checked against the schema the document promises. */
function checkReply(route: AnyRoute, reply: Reply): void {
  const spec = route.responses[reply.status];
  if (spec === undefined)
    throw new Error(`${route.operationId} answered ${reply.status}, which it does not document`);
  if (spec.schema === undefined) return;
  let value: unknown;
  if ('json' in reply) value = reply.json;
  else if ('raw' in reply && reply.contentType.startsWith('application/json')) value = JSON.parse(reply.raw);
  else return;
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `${route.operationId} ${reply.status} does not match its schema: ${parsed.error.message}`,
    );
  }
}

/**
 * A body already serialised (a stored result, a page of them) goes out as the string it is, as res.send
 * would send it (charset=utf-8, Content-Length) but without its copy into a Buffer or its parsing of the
 * content type: Node writes the headers and a string body in one write. Most of a result lookup is this.
 */
function sendText(res: Response, contentType: string, text: string): void {
  res.setHeader(
    'Content-Type',
    contentType.includes('charset=') ? contentType : `${contentType}; charset=utf-8`,
  );
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function send(req: Request, res: Response, reply: Reply): void {
  res.set(reply.headers ?? {});
  if (reply.etag !== undefined) {
    res.set('ETag', reply.etag);
    if ((req.method === 'GET' || req.method === 'HEAD') && notModified(req, reply.etag)) {
      res.status(304).end();
      return;
    }
  }
  res.status(reply.status);
  if ('json' in reply) res.type('application/json').send(JSON.stringify(reply.json));
  else if ('raw' in reply) sendText(res, reply.contentType, reply.raw);
  else res.type(reply.contentType).send(Buffer.from(reply.bytes));
}

/** Registers each route: authenticate, read the body, validate, handle, answer. Errors go to the error middleware. */
export function registerRoutes(
  app: Express,
  routes: readonly AnyRoute[],
  services: Services,
  checkResponses: boolean,
): void {
  for (const route of routes) {
    const upload = route.body?.kind === 'multipart' ? uploadMiddleware(route.body.upload) : undefined;
    const handler: RequestHandler = async (req, res) => {
      const principal: Principal | null =
        route.access === 'public' ? null : await authenticate(services, req, route.access, route.departments);
      let body: unknown = undefined;
      if (route.body?.kind === 'json') {
        body = parsePart(route.body.schema, await jsonBody(req, res), '#');
      } else if (route.body?.kind === 'multipart' && upload !== undefined) {
        await readUpload(upload, req, res);
        body = parsePart(route.body.fields, { ...(req.body as object | undefined) }, '#');
      }
      const params = route.params === undefined ? undefined : parsePart(route.params, req.params, '#/params');
      const query = route.query === undefined ? {} : parsePart(route.query, { ...req.query }, '#/query');
      const reply = await route.handle({ services, principal, params, query, body, req });
      if (checkResponses) checkReply(route, reply);
      send(req, res, reply);
    };
    app[route.method](expressPath(route.path), handler);
  }
  // A known path with another method is 405 with Allow, not 404.
  const methods = new Map<string, string[]>();
  for (const route of routes) {
    const path = expressPath(route.path);
    methods.set(path, [...(methods.get(path) ?? []), route.method.toUpperCase()]);
  }
  for (const [path, allowed] of methods) {
    app.all(path, (req, res) => {
      sendProblem(
        res,
        {
          type: `${PROBLEM_BASE}method-not-allowed`,
          title: 'Method not allowed',
          status: 405,
          detail: `${req.method} is not allowed here; use ${allowed.join(', ')}`,
        },
        { Allow: allowed.join(', ') },
      );
    });
  }
}
