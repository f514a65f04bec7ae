import { createHash, randomUUID, webcrypto } from 'node:crypto';
import type { Request } from 'express';
import type { Principal } from '../domain/roles.js';
import { IdempotentReplay } from '../store/store.js';
import type { IdempotentWrite, Store, StoredResponse } from '../store/store.js';
import { HttpProblem } from './problem.js';
import type { Reply } from './route.js';

/**
 * Idempotency-Key (the IETF httpapi draft, Stripe): a creating POST with a key is done once. The key is
 * scoped to the caller's token; the body's fingerprint and the response are stored in the same
 * transaction as the row they describe. Same key and body: the stored response again. Same key,
 * different body: 422. Same key while the first request is still running: 409.
 */

const KEY = /^[\x21-\x7e]{1,255}$/;

export type JsonReply = Extract<Reply, { readonly json: unknown }>;

export function idempotencyKey(req: Request, required: boolean): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) {
    if (!required) return undefined;
    throw new HttpProblem(
      400,
      'idempotency-key-required',
      '缺少 Idempotency-Key',
      '此请求须携带 Idempotency-Key 头：每次提交一个唯一值，重试时沿用 (this request must carry an Idempotency-Key header)',
      {
        errors: [{ pointer: '#/headers/idempotency-key', detail: '缺少' }],
      },
    );
  }
  if (!KEY.test(key)) {
    throw new HttpProblem(
      400,
      'validation',
      'Idempotency-Key 无效',
      'Idempotency-Key 须为 1–255 个可见 ASCII 字符 (the Idempotency-Key must be 1–255 visible ASCII characters)',
      {
        errors: [{ pointer: '#/headers/idempotency-key', detail: '须为 1–255 个可见 ASCII 字符' }],
      },
    );
  }
  return key;
}

/**
 * Files at least this large are hashed on libuv's thread pool (WebCrypto's digest), not on the event
 * loop: a 100,000-row upload's 25 MB took 120 ms of SHA-256 there (issue 17). Smaller ones cost less
 * than the hop.
 */
const HASH_OFF_LOOP_BYTES = 1024 * 1024;

async function sha256(file: Uint8Array): Promise<Uint8Array> {
  if (file.byteLength < HASH_OFF_LOOP_BYTES) return createHash('sha256').update(file).digest();
  return new Uint8Array(await webcrypto.subtle.digest('SHA-256', file));
}

/** A stable fingerprint of what a request asks: the route, its fields in key order, its files' hashes. */
export async function fingerprint(
  route: string,
  fields: unknown,
  files: readonly Uint8Array[] = [],
): Promise<string> {
  const hashes = await Promise.all(files.map(sha256));
  const hash = createHash('sha256');
  hash.update(route).update('\0').update(stableJson(fields));
  for (const fileHash of hashes) hash.update('\0').update(fileHash);
  return hash.digest('base64url');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The reply to store; `json` is its body as JSON text when the store serialised it already. */
function stored(reply: JsonReply, json: string | undefined): StoredResponse {
  return { status: reply.status, headers: { ...reply.headers }, body: json ?? JSON.stringify(reply.json) };
}

/**
 * How long a key stays claimed by a request on another instance before it is taken over: longer than
 * any request may run (MUJUN_REQUEST_TIMEOUT_MS is 5 minutes by default), so only a dead instance's
 * claim is ever taken.
 */
const CLAIM_STALE_MS = 10 * 60 * 1000;

function inFlight(): HttpProblem {
  return new HttpProblem(
    409,
    'idempotency-in-flight',
    '上一次提交仍在处理中',
    '使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试 (a request with this Idempotency-Key is still being processed)',
  );
}

/** The stored response again, for a request with the same content; 422 for another content. */
function replay(previous: { readonly fingerprint: string } & StoredResponse, print: string): Reply {
  if (previous.fingerprint !== print) {
    throw new HttpProblem(
      422,
      'idempotency-key-reused',
      'Idempotency-Key 已被使用',
      '此 Idempotency-Key 已用于另一内容的请求，新的提交请使用新的值 (this Idempotency-Key was used for a different request)',
    );
  }
  return {
    status: previous.status,
    raw: previous.body,
    contentType: 'application/json',
    headers: { ...previous.headers, 'Idempotent-Replayed': 'true' },
  };
}

export class Idempotency {
  /** Keys whose first request is still running, in this process (the only writer of its store). */
  readonly #inFlight = new Set<string>();
  /** This instance, in the claims of a shared store. */
  readonly #owner = randomUUID();

  constructor(private readonly store: Store) {}

  /**
   * Runs `create` once per (principal, key): `create` gets the IdempotentWrite to hand to the store,
   * which writes the response built by `respond` in the same transaction as the row. With
   * `recalledInWrite`, the store's write looks the key up itself, in its transaction (fileObjection: see
   * IdempotentReplay), so it is not read here first: one read, and its wait for the disk, fewer.
   * Only for a `create` that does nothing but that write: anything before it would run on a replay too.
   */
  async run<T>(
    principal: Principal,
    key: string | undefined,
    print: string,
    respond: (created: T) => JsonReply,
    create: (write: IdempotentWrite<T> | undefined) => Promise<T>,
    options: { readonly recalledInWrite?: boolean } = {},
  ): Promise<Reply> {
    if (key === undefined) return respond(await create(undefined));
    const slot = `${principal.tokenId}\n${key}`;
    if (this.#inFlight.has(slot)) throw inFlight();
    this.#inFlight.add(slot);
    let claimed = false;
    try {
      // Another instance on the same database may be running the same key (PostgreSQL): 409 too.
      const now = Date.now();
      claimed = await this.store.claimIdempotencyKey(
        principal.tokenId,
        key,
        this.#owner,
        new Date(now).toISOString(),
        new Date(now - CLAIM_STALE_MS).toISOString(),
      );
      if (!claimed) {
        // A stored response is final (written in its write's own transaction): replayed even while a
        // claim is held, so a key whose write committed on an instance that died before releasing its
        // claim replays at once instead of waiting for the claim to go stale.
        const done = await this.store.idempotentResponse(principal.tokenId, key);
        if (done !== undefined) return replay(done, print);
        throw inFlight();
      }
      if (options.recalledInWrite !== true) {
        const previous = await this.store.idempotentResponse(principal.tokenId, key);
        if (previous !== undefined) return replay(previous, print);
      }
      // The store serialises the response to keep it with the row; the client gets those very bytes,
      // rather than the object serialised a second time (and through res.send) on its way out.
      let written: StoredResponse | undefined;
      let created: T;
      try {
        created = await create({
          principal: principal.tokenId,
          key,
          fingerprint: print,
          respond: (value, json) => {
            const reply = respond(value);
            // The store's text is the value's: used only when the reply's body is that very value.
            return (written = stored(reply, reply.json === value ? json : undefined));
          },
        });
      } catch (error) {
        if (error instanceof IdempotentReplay) return replay(error.previous, print);
        throw error;
      }
      if (written === undefined) return respond(created);
      return {
        status: written.status,
        raw: written.body,
        contentType: 'application/json',
        headers: { ...written.headers },
      };
    } finally {
      this.#inFlight.delete(slot);
      if (claimed) await this.#release(principal.tokenId, key);
    }
  }

  /**
   * Releases a claim; when the database is away, tried again every second for a minute (the key's retry
   * on another instance would otherwise wait CLAIM_STALE_MS; on this one, the owner takes it over).
   */
  async #release(principal: string, key: string): Promise<void> {
    try {
      await this.store.releaseIdempotencyKey(principal, key);
    } catch {
      let tries = 0;
      const again = () => {
        tries += 1;
        this.store.releaseIdempotencyKey(principal, key).catch(() => {
          if (tries < 60) setTimeout(again, 1_000).unref();
        });
      };
      setTimeout(again, 1_000).unref();
    }
  }
}
