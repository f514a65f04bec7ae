import type { paths } from '../../../apps/api/src/generated/openapi.generated.js';

/**
 * A tiny fetch wrapper typed by the generated client types (openapi-typescript): the path must be one
 * the document has, the method one it allows, the JSON body the documented one, and each answer is a
 * union by status, so a test narrows with `if (res.status === 201)` and reads a typed body.
 */

type Method = 'get' | 'post' | 'put';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type MethodsOf<P extends keyof paths> = { [M in Method]: paths[P][M] extends undefined ? never : M }[Method];

type ParamsOf<O> = O extends { parameters: { path: infer T } } ? T : never;
type QueryOf<O> = O extends { parameters: { query?: infer T } } ? T : never;
type JsonBodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type ResponsesOf<O> = O extends { responses: infer R } ? R : never;
type BodyOf<R> = R extends { content: { 'application/json': infer B } }
  ? B
  : R extends { content: { 'application/problem+json': infer B } }
    ? B
    : undefined;

export type Answer<O> = {
  [S in keyof ResponsesOf<O>]: {
    readonly status: S;
    readonly body: BodyOf<ResponsesOf<O>[S]>;
    readonly headers: Headers;
    readonly text: string;
  };
}[keyof ResponsesOf<O>];

export interface Request<O> {
  readonly token?: string | undefined;
  readonly params?: ParamsOf<O>;
  readonly query?: QueryOf<O>;
  /** JSON body; or a FormData for multipart routes. */
  readonly body?: JsonBodyOf<O> | FormData;
  readonly headers?: Readonly<Record<string, string>>;
}

export class Api {
  constructor(readonly base: string) {}

  async call<P extends keyof paths, M extends MethodsOf<P>>(
    method: M,
    path: P,
    request: Request<Operation<P, M>> = {},
  ): Promise<Answer<Operation<P, M>>> {
    const params = (request.params ?? {}) as Record<string, string>;
    const url = new URL(
      path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')),
      this.base,
    );
    for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, string | undefined>)) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = { ...request.headers };
    if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
    let body: string | FormData | undefined;
    if (request.body instanceof FormData) body = request.body;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(url, {
      method: method.toUpperCase(),
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed: unknown = type.includes('json') && text !== '' ? JSON.parse(text) : undefined;
    return { status: response.status, body: parsed, headers: response.headers, text } as Answer<
      Operation<P, M>
    >;
  }
}
