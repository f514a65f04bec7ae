import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../services.js';
import { errorMiddleware, PROBLEM_BASE } from './problem.js';
import { defineRoute } from './route.js';
import { registerRoutes } from './router.js';
import { createLogger } from '../logger.js';
import { filesOf } from './upload.js';

/**
 * A multipart route's reader over real HTTP: every limit of its spec answered as a Chinese problem, and
 * a file over its limit answered as soon as it passes it, the rest of the body read before the
 * connection closes, so that a client still sending gets the answer and no reset.
 */

const MAX_FILE = 64 * 1024;
const routes = [
  defineRoute({
    method: 'post',
    path: '/upload',
    operationId: 'upload',
    tag: 'test',
    summary: 'a multipart upload',
    access: 'public',
    body: {
      kind: 'multipart',
      schema: z.object({}),
      fields: z.object({ note: z.string() }),
      upload: {
        files: [{ name: 'evidence', maxCount: 2 }],
        maxFileBytes: MAX_FILE,
        maxFieldBytes: 1024,
        maxFields: 1,
      },
    },
    responses: { 200: { description: 'the files read' } },
    handle: ({ body, req }) =>
      Promise.resolve({
        status: 200,
        json: {
          note: body.note,
          files: filesOf(req, 'evidence').map((file) => ({ name: file.name, size: file.bytes.length })),
        },
      }),
  }),
];

let server: ReturnType<express.Express['listen']> | undefined;

async function start(): Promise<number> {
  const app = express();
  registerRoutes(app, routes, {} as Services, false);
  app.use(errorMiddleware(createLogger('silent')));
  const listening = app.listen(0, '127.0.0.1');
  server = listening;
  await new Promise((resolve) => listening.once('listening', resolve));
  return (listening.address() as AddressInfo).port;
}

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

const BOUNDARY = 'b0undary';
const filePart = (name: string, filename: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
  'Content-Type: application/pdf\r\n\r\n';
const fieldPart = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const END = `\r\n--${BOUNDARY}--\r\n`;

async function post(port: number, body: string | Buffer) {
  const res = await fetch(`http://127.0.0.1:${String(port)}/upload`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

/** A POST written on a raw socket, the body's first part at once and the rest when the test says. */
async function rawPost(port: number, first: Buffer, contentLength: number) {
  const socket = connect(port, '127.0.0.1');
  const received: Buffer[] = [];
  const events: string[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  socket.on('end', () => events.push('end'));
  socket.on('error', (error) => events.push(`error ${error.message}`));
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
      `Content-Length: ${String(contentLength)}\r\n\r\n`,
  );
  socket.write(first);
  const until = async (done: () => boolean) => {
    const since = Date.now();
    while (!done() && Date.now() - since < 5_000) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return {
    events,
    /** The answer so far, once it includes `text` (or after 5 s). */
    answer: async (text: string) => {
      await until(() => Buffer.concat(received).includes(text));
      return Buffer.concat(received).toString('utf8');
    },
    send: (bytes: Buffer) =>
      new Promise<void>((resolve) => {
        socket.write(bytes, () => {
          resolve();
        });
      }),
    /** The socket's events once the server has ended the connection (or after 5 s). */
    closed: async () => {
      await until(() => events.includes('end'));
      socket.destroy();
      return events;
    },
  };
}

describe('a multipart upload', () => {
  it('reads the fields and the files, UTF-8 names kept', async () => {
    const port = await start();
    const answer = await post(
      port,
      `${fieldPart('note', '说明')}${filePart('evidence', '证明.pdf')}%PDF-1.4${END}`,
    );
    expect(answer).toMatchObject({
      status: 200,
      body: { note: '说明', files: [{ name: '证明.pdf', size: 8 }] },
    });
  });

  it('answers each limit with a Chinese problem naming it', async () => {
    const port = await start();
    const file = (n: number) => `${filePart('evidence', `${String(n)}.pdf`)}%PDF${END.slice(0, 2)}`;
    const cases: [string, number, string, string][] = [
      [`${filePart('evidence', 'big.pdf')}${'x'.repeat(MAX_FILE + 1)}${END}`, 413, 'too-large', '文件过大'],
      [`${fieldPart('note', 'x'.repeat(1025))}--${BOUNDARY}--\r\n`, 413, 'too-large', '表单字段过大'],
      [`${file(1)}${file(2)}${file(3)}--${BOUNDARY}--\r\n`, 400, 'validation', '文件过多'],
      [
        `${fieldPart('note', 'a')}${fieldPart('other', 'b')}--${BOUNDARY}--\r\n`,
        400,
        'validation',
        '表单字段过多',
      ],
      [`${filePart('elsewhere', 'a.pdf')}%PDF${END}`, 400, 'validation', '意外的文件字段'],
      [`${fieldPart('n'.repeat(101), 'a')}--${BOUNDARY}--\r\n`, 400, 'validation', '字段名过长'],
      [`${filePart('evidence', 'a.pdf')}unterminated`, 400, 'malformed-multipart', '表单格式错误'],
      [
        `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--${BOUNDARY}--\r\n`,
        400,
        'validation',
        '表单部分缺少字段名',
      ],
    ];
    for (const [body, status, slug, title] of cases) {
      const answer = await post(port, body);
      expect(answer.type).toMatch(/^application\/problem\+json/);
      expect(answer.body, title).toMatchObject({ status, type: `${PROBLEM_BASE}${slug}`, title });
    }
  });

  it('answers a file over its limit before the body has all arrived, and closes only after the rest', async () => {
    const port = await start();
    const head = `${filePart('evidence', 'big.pdf')}%PDF-1.4\n`;
    // The file passes its limit in the first write; a megabyte of it follows, then the end of the form.
    const first = Buffer.concat([Buffer.from(head), Buffer.alloc(MAX_FILE + 1024, 0x25)]);
    const rest = Buffer.concat([Buffer.alloc(1024 * 1024, 0x25), Buffer.from(END)]);
    const client = await rawPost(port, first, first.length + rest.length);
    // The answer comes while a megabyte of the body is still unsent.
    const text = await client.answer('文件过大');
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toMatch(/\r\nConnection: close\r\n/i);
    expect(text).toContain('"title":"文件过大"');
    // The connection stays open for the rest of the body, which is read without a reset…
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.events).toEqual([]);
    await client.send(rest);
    // …and then closes.
    expect(await client.closed()).toEqual(['end']);
  });

  it('refuses a file in another field while its part is still arriving, and goes on serving', async () => {
    const port = await start();
    // The refused part is still open when the parser is torn down, so busboy ends its stream with an
    // error: without a listener on that stream the process would die of an uncaught exception.
    const first = Buffer.concat([Buffer.from(filePart('elsewhere', 'a.pdf')), Buffer.alloc(4096, 0x25)]);
    const rest = Buffer.concat([Buffer.alloc(64 * 1024, 0x25), Buffer.from(END)]);
    const client = await rawPost(port, first, first.length + rest.length);
    expect(await client.answer('意外的文件字段')).toMatch(/^HTTP\/1\.1 400 /);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.send(rest);
    expect(await client.closed()).toEqual(['end']);
    const next = await post(port, `${fieldPart('note', '再来')}--${BOUNDARY}--\r\n`);
    expect(next).toMatchObject({ status: 200, body: { note: '再来', files: [] } });
  });
});
