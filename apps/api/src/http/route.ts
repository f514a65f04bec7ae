import type { Request } from 'express';
import type { z } from 'zod';
import type { Department, Principal, Role } from '../domain/roles.js';
import type { Services } from '../services.js';
import type { UploadSpec } from './upload.js';

/**
 * One route, declared once: method, path, who may call it, the zod schemas of what it takes and
 * answers, and its handler. The app registers routes from this table, the OpenAPI document is
 * generated from it, and the role × route test walks it, so the three cannot disagree.
 */

export type Method = 'get' | 'post' | 'put';
export type Access = readonly Role[] | 'public';

export interface ResponseSpec {
  readonly description: string;
  /** The JSON body's schema; absent for 204/304 and for non-JSON bodies. */
  readonly schema?: z.ZodType;
  /** Defaults to application/json when `schema` is set. */
  readonly contentType?: string;
  /** Response headers to document, e.g. ETag. */
  readonly headers?: z.ZodObject;
  /**
   * Other bodies the same status may have, chosen by a query parameter (e.g. `format=csv`): documented
   * as text, or as bytes with `binary`; never checked against `schema`. Beside a `contentType` without a
   * `schema` (a file), the other file formats.
   */
  readonly alternatives?: readonly {
    readonly contentType: string;
    readonly description: string;
    readonly binary?: boolean;
  }[];
}

export type Body =
  | { readonly kind: 'json'; readonly schema: z.ZodType }
  | {
      readonly kind: 'multipart';
      /** The whole form, files included: for the document. */
      readonly schema: z.ZodType;
      /** The text fields, validated by the router; the files are the handler's (`filesOf`). */
      readonly fields: z.ZodObject;
      readonly upload: UploadSpec;
      /** Per-part content types for the document, e.g. a JSON part. */
      readonly encoding?: Readonly<Record<string, { readonly contentType: string }>>;
    };

type BodyOut<B> = B extends { readonly kind: 'multipart'; readonly fields: infer F }
  ? Out<F>
  : B extends { readonly kind: 'json'; readonly schema: infer S }
    ? Out<S>
    : undefined;

/** What a handler answers; the router writes it, validates it in test mode, and handles If-None-Match. */
export type Reply =
  | {
      readonly status: number;
      readonly json: unknown;
      readonly etag?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | {
      /** A body already serialised (stored JSON, HTML), or its UTF-8 bytes: sent as is. */
      readonly status: number;
      readonly raw: string | Buffer;
      readonly contentType: string;
      readonly etag?: string;
      /** A list sends the header once per value (two Set-Cookie lines). */
      readonly headers?: Readonly<Record<string, string | readonly string[]>>;
    }
  | {
      readonly status: number;
      readonly bytes: Uint8Array;
      readonly contentType: string;
      readonly etag?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | {
      /**
       * A body too large to hold whole (a county's snapshot): its chunks, pulled one at a time as the
       * client reads them (no Content-Length; chunked). Not pulled at all for a 304 or a HEAD; stopped
       * (the iterator's `return`) when the client goes away. Never checked against the schema.
       */
      readonly status: number;
      readonly stream: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;
      readonly contentType: string;
      readonly etag?: string;
      readonly headers?: Readonly<Record<string, string>>;
    };

export interface HandlerInput<P, Q, B, A extends Access> {
  readonly services: Services;
  readonly principal: A extends 'public' ? null : Principal;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** For the headers a route reads itself (Idempotency-Key, If-Match) and the uploaded files. */
  readonly req: Request;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteDefinition<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends Body | undefined,
  A extends Access,
> {
  readonly method: Method;
  /** OpenAPI form: `/v1/evaluations/{id}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly access: A;
  /**
   * When `access` includes `department`: the departments that may call it (e.g. only power for the
   * electricity-price list); any other department answers 403. Absent: every department.
   */
  readonly departments?: readonly Department[];
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Request headers to document (Idempotency-Key, If-Match, If-None-Match); read by the handler. */
  readonly headers?: z.ZodObject;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Problem statuses this route answers beyond the usual 400/401/403/404/500, for the document. */
  readonly problems?: readonly number[];
  readonly handle: (input: HandlerInput<Out<P>, Out<Q>, BodyOut<B>, A>) => Promise<Reply>;
}

/** A route with its types erased, as the router and the document generator hold them. */
export interface AnyRoute {
  readonly method: Method;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly access: Access;
  readonly departments?: readonly Department[];
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: Body;
  readonly headers?: z.ZodObject;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  readonly problems?: readonly number[];
  readonly handle: (input: HandlerInput<unknown, unknown, unknown, Access>) => Promise<Reply>;
}

export function defineRoute<
  const A extends Access,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends Body | undefined = undefined,
>(definition: RouteDefinition<P, Q, B, A>): AnyRoute {
  return definition as unknown as AnyRoute;
}

/** `/v1/evaluations/{id}` → `/v1/evaluations/:id` for Express. */
export function expressPath(path: string): string {
  return path.replace(/\{([A-Za-z]+)\}/g, ':$1');
}
