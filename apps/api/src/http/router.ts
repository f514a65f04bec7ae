import type { Express, Request, RequestHandler, Response } from 'express';
import type { Principal } from '../domain/roles.js';
import type { Services } from '../services.js';
import { authenticate } from './auth.js';
import { hasBody, readBody, refuseDeclaredOver } from './body-limit.js';
import { closeIfBodyUnread } from './connection.js';
import { ROUTE_LOCAL } from './metrics.js';
import { notModified } from './preconditions.js';
import { HttpProblem, sendProblem, PROBLEM_BASE } from './problem.js';
import { expressPath } from './route.js';
import type { AnyRoute, Reply } from './route.js';
import { fieldsOf, maxRequestBytes, readUpload, uploadMiddleware } from './upload.js';
import { parsePart, refuseDeepJson } from './validation.js';

/** A JSON request body's limit: the largest one any route takes (a publication date, a decision) is < 1 KB. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** A route that takes no body may still get a small one (some clients send `{}`); never a large one. */
const MAX_UNUSED_BODY_BYTES = 64 * 1024;

/**
 * A JSON body, read by us rather than express.json: body-parser reads (and waits for) the whole rest
 * of a body over its limit before it answers, so a slow or endless one held the connection. Here a
 * declared length over the limit is refused before a byte is read, and a chunked body is cut off at
 * the limit. UTF-8 only, no Content-Encoding; parsed after authentication, so an anonymous caller
 * never costs a parse.
 */
async function jsonBody(req: Request): Promise<unknown> {
  if (!hasBody(req)) return {};
  if (!req.is('application/json')) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      '不支持的内容类型',
      '请求体须为 application/json (expected application/json)',
    );
  }
  const encoding = req.headers['content-encoding'];
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (
    (encoding !== undefined && encoding !== 'identity') ||
    (charset !== undefined && !/^utf-?8$/i.test(charset))
  ) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      '不支持的内容编码',
      '请求体须为未压缩的 UTF-8 JSON (expected uncompressed UTF-8 JSON)',
    );
  }
  const bytes = await readBody(req, MAX_JSON_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpProblem(
      400,
      'malformed-json',
      'JSON 格式错误',
      '请求体不是有效的 UTF-8 (the body is not UTF-8)',
    );
  }
  refuseDeepJson(text, '#');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(
      400,
      'malformed-json',
      'JSON 格式错误',
      '请求体不是有效的 JSON (the body is not valid JSON)',
    );
  }
}

/** In test mode, every JSON answer is checked against the schema the document promises. */
function checkReply(route: AnyRoute, reply: Reply): void {
  const spec = route.responses[reply.status];
  if (spec === undefined)
    throw new Error(`${route.operationId} answered ${reply.status}, which it does not document`);
  if (spec.schema === undefined) return;
  let value: unknown;
  if ('json' in reply) value = reply.json;
  else if ('raw' in reply && reply.contentType.startsWith('application/json'))
    value = JSON.parse(reply.raw.toString());
  else return;
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `${route.operationId} ${reply.status} does not match its schema: ${parsed.error.message}`,
    );
  }
}

/**
 * A body already serialised (a stored result, a page of them) goes out as the string or UTF-8 bytes it
 * is, as res.send would send it (charset=utf-8, Content-Length) but without its copy into a Buffer or its
 * parsing of the content type. Most of a result lookup is this.
 */
function sendText(res: Response, contentType: string, text: string | Buffer): void {
  res.setHeader(
    'Content-Type',
    contentType.includes('charset=') ? contentType : `${contentType}; charset=utf-8`,
  );
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Whether the response can take no more: the client went away, or it was destroyed. */
const gone = (res: Response) => res.destroyed || res.writableEnded;

/**
 * Resolves true on 'drain', false when the response closes first (the client went away): a write that
 * waits for a client that is gone must not wait for ever.
 */
function drained(res: Response): Promise<boolean> {
  if (gone(res)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const settle = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => {
      settle(true);
    };
    const onClose = () => {
      settle(false);
    };
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/**
 * A streamed body, a chunk at a time, the next chunk pulled only once the last one is in the socket's
 * buffer (the 'drain' of res.write): memory holds a chunk or two, not the body. The first chunk is pulled
 * before the status goes out, so a source that fails at once is still an ordinary problem+json answer.
 * A source that throws later, after the 200 and part of the body, throws on to the error middleware,
 * which logs it and destroys the connection: the client sees the chunked body cut off before its last
 * chunk (an error in every HTTP client), never a body that looks complete. A client that goes away
 * stops the source (its iterator's `return`, so a store read stops too) and is no error.
 */
async function sendStream(
  req: Request,
  res: Response,
  reply: Extract<Reply, { stream: unknown }>,
): Promise<void> {
  const { stream } = reply;
  const chunks = Symbol.asyncIterator in stream ? stream[Symbol.asyncIterator]() : stream[Symbol.iterator]();
  if (req.method === 'HEAD') {
    await chunks.return?.();
    res.status(reply.status).type(reply.contentType).end();
    return;
  }
  let next = await chunks.next();
  res.status(reply.status).type(reply.contentType);
  while (next.done !== true) {
    if (gone(res) || (!res.write(next.value) && !(await drained(res)))) {
      await chunks.return?.();
      return;
    }
    // A turn of the event loop between chunks: a local client reads as fast as the socket is written,
    // so writes never wait for 'drain', and a county's pages rendered chunk by chunk would otherwise
    // hold every other request until the last one (8.8 s for 20,000 一企一单 sheets).
    await new Promise((resolve) => setImmediate(resolve));
    next = await chunks.next();
  }
  if (!gone(res)) res.end();
}

function send(req: Request, res: Response, reply: Reply): Promise<void> | undefined {
  res.set(reply.headers ?? {});
  closeIfBodyUnread(req, res);
  if (reply.etag !== undefined) {
    res.set('ETag', reply.etag);
    if ((req.method === 'GET' || req.method === 'HEAD') && notModified(req, reply.etag)) {
      res.status(304).end();
      return undefined;
    }
  }
  if ('stream' in reply) return sendStream(req, res, reply);
  res.status(reply.status);
  if ('json' in reply) res.type('application/json').send(JSON.stringify(reply.json));
  else if ('raw' in reply) sendText(res, reply.contentType, reply.raw);
  else res.type(reply.contentType).send(Buffer.from(reply.bytes));
  return undefined;
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
    const bodyLimit =
      upload !== undefined
        ? maxRequestBytes(upload.spec)
        : route.body?.kind === 'json'
          ? MAX_JSON_BYTES
          : MAX_UNUSED_BODY_BYTES;
    const handler: RequestHandler = async (req, res) => {
      // The pattern, for the metrics' route label (never the raw path).
      res.locals[ROUTE_LOCAL] = route.path;
      // Before anything else, authentication included: a body declared over the limit is refused unread.
      refuseDeclaredOver(req, bodyLimit);
      const principal: Principal | null =
        route.access === 'public' ? null : await authenticate(services, req, route.access, route.departments);
      let body: unknown = undefined;
      if (route.body?.kind === 'json') {
        body = parsePart(route.body.schema, await jsonBody(req), '#');
      } else if (route.body?.kind === 'multipart' && upload !== undefined) {
        await readUpload(upload, req);
        body = parsePart(route.body.fields, { ...fieldsOf(req) }, '#');
      }
      const params = route.params === undefined ? undefined : parsePart(route.params, req.params, '#/params');
      const query = route.query === undefined ? {} : parsePart(route.query, { ...req.query }, '#/query');
      const reply = await route.handle({ services, principal, params, query, body, req });
      if (checkResponses) checkReply(route, reply);
      await send(req, res, reply);
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
      res.locals[ROUTE_LOCAL] = path;
      sendProblem(
        res,
        {
          type: `${PROBLEM_BASE}method-not-allowed`,
          title: '不支持的请求方法',
          status: 405,
          detail: `此地址不支持 ${req.method}，请使用 ${allowed.join('、')} (${req.method} is not allowed here)`,
        },
        { Allow: allowed.join(', ') },
      );
    });
  }
}
