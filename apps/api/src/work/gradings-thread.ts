import { parentPort, workerData } from 'node:worker_threads';
import { niceOf, runInBackground } from './background.js';
import { failure } from './failure.js';
import type { TaskFailure } from './failure.js';
import { Gradings } from './gradings.js';

/**
 * The regrading thread (see held-gradings.ts): it holds the gradings the downloads read and runs their
 * jobs, one message at a time in the order sent, each answered by its id. Byte answers (a workbook, a
 * town's deflated letters) are moved back, not copied.
 */

/** What the thread is started with: its module (for ts-worker.mjs) and its nice value. */
export interface GradingsData {
  readonly module: string;
  readonly nice: number;
}

export type GradingsCall = {
  readonly [Op in keyof Gradings]: {
    readonly id: number;
    readonly op: Op;
    readonly args: Parameters<Gradings[Op]>;
  };
}[keyof Gradings];

export type GradingsReply =
  | { readonly id: number; readonly failed: false; readonly value: unknown }
  | ({ readonly id: number } & TaskFailure);

/** The ArrayBuffers of an answer's byte arrays (the answer itself, or its fields), each its own. */
function transferables(value: unknown): ArrayBuffer[] {
  const arrays =
    value instanceof Uint8Array
      ? [value]
      : typeof value === 'object' && value !== null
        ? Object.values(value).filter((field) => field instanceof Uint8Array)
        : [];
  return arrays
    .filter((bytes) => bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0)
    .filter((bytes) => bytes.byteLength === bytes.buffer.byteLength)
    .map((bytes) => bytes.buffer as ArrayBuffer);
}

const port = parentPort;
if (port === null) throw new Error('gradings-thread.ts runs as a worker thread');
runInBackground(niceOf(workerData as GradingsData));
const gradings = new Gradings();
function perform(call: GradingsCall): unknown {
  switch (call.op) {
    case 'grade':
      return gradings.grade(...call.args);
    case 'check':
      return gradings.check(...call.args);
    case 'finish':
      return gradings.finish(...call.args);
    case 'run':
      return gradings.run(...call.args);
    case 'drop':
      gradings.drop(...call.args);
      return undefined;
  }
}

// One call at a time, in order: a job sent after a drop finds its grading gone, as on the event loop.
let queue: Promise<void> = Promise.resolve();
port.on('message', (call: GradingsCall) => {
  queue = queue.then(async () => {
    let reply: GradingsReply;
    try {
      const value: unknown = await perform(call);
      reply = { id: call.id, failed: false, value };
    } catch (error) {
      reply = { id: call.id, ...failure(error) };
    }
    port.postMessage(reply, reply.failed ? [] : transferables(reply.value));
  });
});
