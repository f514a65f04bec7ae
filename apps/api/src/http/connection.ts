import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How an answer sent before its request's body was read ends. Node, to keep a connection alive, reads
 * and discards the rest of an unread body after the response; for a body of a size the server would have
 * read anyway that is right (the client, still sending, then reads the answer: browsers and fetch do not
 * cope with a connection closed under an upload). A refusal (endRefusal) goes out at once and closes the
 * connection once such a body has arrived. For a body declared larger than that, chunked without a
 * length, or cut off for passing a limit, it would mean waiting for up to a terabyte or until the request
 * timeout: those answers close the connection as they end.
 */

/** The most a route reads (a data upload, 100 MB; evidence, 10 × 10 MB and the fields): drained, not cut. */
export const MAX_DRAINED_BYTES = 110 * 1024 * 1024;

const refused = new WeakSet<IncomingMessage>();

/** The body was refused for its size while it streamed: the connection closes after the answer. */
export function closeAfterAnswer(req: IncomingMessage): void {
  refused.add(req);
}

/** Whether the unread rest of a request's body is to be read (and dropped) rather than cut off. */
function worthDraining(req: IncomingMessage): boolean {
  const header = req.headers['content-length'];
  const declared = header !== undefined && /^\s*[0-9]+\s*$/.test(header) ? Number(header) : undefined;
  return !refused.has(req) && declared !== undefined && declared <= MAX_DRAINED_BYTES;
}

/** Sets `Connection: close` on `res` when the rest of its request's body is not worth reading. */
export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  if (!worthDraining(req)) res.setHeader('Connection', 'close');
}

/**
 * Ends a refusal with `text`. Sent before its request's body has all been read (a 413 as soon as a file
 * passes its limit, a 401 before an upload is read), the answer goes out at once with `Connection:
 * close`, and the connection closes only once the rest of a body worth draining has arrived (read and
 * dropped) or the client has gone: Node would otherwise close it as the answer ends, under a client still
 * sending, which then gets a reset (EPIPE, ECONNRESET) and may lose the answer with it. A body not worth
 * draining is cut off as the answer ends.
 */
export function endRefusal(req: IncomingMessage, res: ServerResponse, text: string): void {
  if (req.complete || req.readableEnded || req.destroyed) {
    res.end(text);
    return;
  }
  res.setHeader('Connection', 'close');
  if (!worthDraining(req)) {
    res.end(text);
    return;
  }
  res.write(text);
  const end = () => {
    req.off('end', end);
    req.off('close', end);
    if (!res.writableEnded && !res.destroyed) res.end();
  };
  req.on('end', end);
  req.on('close', end);
  req.resume();
}
