import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRoute } from '../../apps/api/src/http/route.js';
import { ROUTES } from '../../apps/api/src/routes/index.js';
import { tempDirectory } from '../e2e/support/mujun.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { storeDigest } from '../support/store-digest.js';
import type { DigestTarget, TableDigest } from '../support/store-digest.js';
import { JPEG, PDF, PNG, SAMPLE_CSV, TEXT, objectionForm } from './support/fixtures.js';
import { IN_WINDOW, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import type { Harness, Tokens } from './support/harness.js';
import { uploadedEvaluation } from './support/uploads.js';

/**
 * Every route of the route table (walked, not listed), fuzzed (issue 4, proof 2): malformed bodies
 * (wrong types, huge strings, deep nesting, invalid JSON, wrong content types, binary garbage, broken
 * multipart, bad boundaries, too many files or fields), malformed headers (Authorization forms,
 * If-Match, Idempotency-Key, Content-Encoding) and malformed path parameters and query strings, with
 * every role's token and none. Whatever comes in: never a 5xx, every 4xx is problem+json with type,
 * title and status, /healthz still answers, and the store is byte-for-byte as it was.
 *
 * A request that could legitimately change something is never sent: each request to a route that
 * writes (POST, PUT) carries at least one fault that must refuse it (no or a wrong token, an unknown
 * method, an unknown or over-long id, a body that is no JSON or no multipart, the wrong content type,
 * no files or too many, a bad Idempotency-Key or If-Match), besides any amount of other noise; and
 * such a request answering anything but a 4xx fails the test. Reads may succeed.
 */

const RUNS_PER_ROUTE = Number(process.env['FUZZ_RUNS'] ?? 100);

type TokenName = keyof Tokens;
const TOKEN_ROLES: Readonly<Record<TokenName, string>> = {
  admin: 'admin',
  tax: 'department',
  statistics: 'department',
  naturalResources: 'department',
  power: 'department',
  ecology: 'department',
  town: 'town',
  otherTown: 'town',
  enterprise: 'enterprise',
  otherEnterprise: 'enterprise',
};
const TOKEN_NAMES = Object.keys(TOKEN_ROLES) as TokenName[];

/** Real ids the fuzzer mixes into paths, queries and bodies, so some requests reach deep code. */
interface Known {
  readonly published: string;
  readonly draft: string;
  readonly objection: string;
  readonly item: string;
  readonly evidence: string;
}

// ---------------------------------------------------------------------------------------------------------
// What a request is made of: the choices fast-check draws, then one function that builds the request.

type Auth =
  | { readonly kind: 'token'; readonly name: TokenName }
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed'; readonly form: number; readonly garbage: string };

type Param =
  | { readonly kind: 'known'; readonly which: keyof Known | 'uscc' | 'otherUscc' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'long'; readonly length: number }
  | { readonly kind: 'raw'; readonly raw: string }
  | { readonly kind: 'unknown'; readonly suffix: string };

interface QueryPair {
  readonly key: string;
  readonly value: string;
  readonly raw: boolean;
}

type FilePart = {
  readonly field: string;
  readonly filename: string;
  readonly content: number;
  readonly type: string;
};
type TextPart = { readonly field: string; readonly value: string };

type Body =
  | { readonly kind: 'json'; readonly text: string; readonly type: string | null }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly type: string | null }
  | { readonly kind: 'huge'; readonly length: number; readonly type: string }
  | { readonly kind: 'deep'; readonly depth: number; readonly object: boolean; readonly type: string }
  | {
      readonly kind: 'form';
      readonly texts: readonly TextPart[];
      readonly files: readonly FilePart[];
      /** How the form is broken, if it is. */
      readonly damage: 'none' | 'boundary' | 'no-boundary' | 'truncate' | 'garbage';
      readonly cut: number;
    };

/** A fault that must refuse the request, whatever else it carries. */
type Fault =
  | 'auth'
  | 'method'
  | 'param-long'
  | 'param-unknown'
  | 'content-type'
  | 'syntax'
  | 'json-shape'
  | 'no-files'
  | 'too-many-files'
  | 'idempotency-key'
  | 'if-match';

interface Choices {
  readonly method: string | null;
  readonly auth: Auth;
  readonly params: readonly Param[];
  readonly query: readonly QueryPair[];
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Body | null;
  readonly faults: readonly Fault[];
  /** Picks among a fault's variants (which token, which bad value, which broken body). */
  readonly pick: number;
}

interface Built {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | string | undefined;
  /** For a failure message: what was sent, shortly. */
  readonly summary: string;
}

const EVIDENCE_CONTENTS: readonly Uint8Array[] = [PDF, PNG, JPEG, TEXT, SAMPLE_CSV, new Uint8Array()];

function paramNames(route: AnyRoute): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

function headerNames(route: AnyRoute): string[] {
  return Object.keys(route.headers?.shape ?? {}).map((name) => name.toLowerCase());
}

function writes(route: AnyRoute): boolean {
  return route.method !== 'get';
}

function applicableFaults(route: AnyRoute): Fault[] {
  const faults: Fault[] = ['method'];
  if (route.access !== 'public') faults.push('auth');
  if (paramNames(route).length > 0) faults.push('param-long', 'param-unknown');
  if (route.body !== undefined) faults.push('content-type', 'syntax');
  if (route.body?.kind === 'json') faults.push('json-shape');
  if (route.body?.kind === 'multipart') faults.push('no-files', 'too-many-files');
  if (headerNames(route).includes('idempotency-key')) faults.push('idempotency-key');
  if (headerNames(route).includes('if-match')) faults.push('if-match');
  return faults;
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries.

/** Header-safe text (what fetch will send): visible ASCII, spaces and Latin-1. */
const headerText = fc
  .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })), {
    maxLength: 80,
  })
  .map((codes) => String.fromCharCode(...codes));

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e3',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '../..',
    '\u0000',
    '\u202e',
    '統一',
    '💥',
  ),
);

const authArb = (): fc.Arbitrary<Auth> =>
  fc.oneof(
    // Admin may call every route but the public ones: drawn as often as all the others together.
    { weight: 6, arbitrary: fc.constant<Auth>({ kind: 'token', name: 'admin' }) },
    { weight: 6, arbitrary: fc.constantFrom(...TOKEN_NAMES).map((name): Auth => ({ kind: 'token', name })) },
    { weight: 1, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
    {
      weight: 2,
      arbitrary: fc
        .record({ form: fc.nat(11), garbage: headerText })
        .map(({ form, garbage }): Auth => ({ kind: 'malformed', form, garbage })),
    },
  );

const paramArb: fc.Arbitrary<Param> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom<(keyof Known | 'uscc' | 'otherUscc')[]>(
        'published',
        'draft',
        'objection',
        'item',
        'evidence',
        'uscc',
        'otherUscc',
      )
      .map((which): Param => ({ kind: 'known', which })),
  },
  { weight: 2, arbitrary: weirdText.map((text): Param => ({ kind: 'text', text })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 90, max: 1500 }).map((length): Param => ({ kind: 'long', length })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '%',
        '%ZZ',
        '%E0%A4%A',
        '%C0%AF',
        '%00',
        '%2F',
        '%2e%2e',
        '..',
        '.',
        ';x',
        '%FF%FE',
        'a%20b',
      )
      .map((raw): Param => ({ kind: 'raw', raw })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 12 }).map((suffix): Param => ({ kind: 'unknown', suffix })),
  },
);

function queryArb(route: AnyRoute): fc.Arbitrary<QueryPair[]> {
  const keys = [...Object.keys(route.query?.shape ?? {}), 'limit', 'cursor', 'x', '__proto__', 'a[b]', ''];
  const value = fc.oneof(
    weirdText,
    fc.constantFrom(
      '0',
      '1',
      '100',
      '101',
      '-5',
      '1.5',
      '5e1',
      ' 7',
      'cDE',
      'cC0x',
      'p9999999999999999',
      'A',
      'rated',
    ),
    fc.nat().map(String),
    fc.uint8Array({ maxLength: 30 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  );
  return fc.array(
    fc.record({
      key: fc.oneof(fc.constantFrom(...keys), weirdText),
      value,
      raw: fc.boolean(),
    }),
    { maxLength: 4 },
  );
}

const headersArb: fc.Arbitrary<(readonly [string, string])[]> = fc.array(
  fc.oneof(
    fc.tuple(
      fc.constant('idempotency-key'),
      fc.oneof(headerText, fc.uuid(), fc.constantFrom('', 'x'.repeat(256), 'a b', 'clé')),
    ),
    fc.tuple(
      fc.constant('if-match'),
      fc.oneof(
        headerText,
        fc.constantFrom(
          '"1"',
          '"2"',
          '1',
          '*',
          'W/"1"',
          '"0"',
          '"01"',
          '"12345678901"',
          '"a"',
          '',
          '"1", "2"',
        ),
      ),
    ),
    fc.tuple(fc.constant('if-none-match'), fc.oneof(headerText, fc.constantFrom('*', '"x"', 'W/"1"'))),
    fc.tuple(fc.constant('x-request-id'), headerText),
    fc.tuple(fc.constant('accept'), fc.oneof(headerText, fc.constantFrom('application/xml', '*/*'))),
    fc.tuple(fc.constant('content-encoding'), fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-fuzz')),
  ),
  { maxLength: 3 },
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zz',
  'application/octet-stream',
  'application/problem+json',
];

/** JSON with the keys and values the real bodies use, in the wrong places and of the wrong types. */
const nearJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      null,
      true,
      0,
      -1,
      1e308,
      '',
      '12.5',
      '-3',
      '1e5',
      'upheld',
      'rejected',
      'tax',
      'landAreaMu',
      '2025-06-03',
      '2025-02-30',
      SAMPLE.floorD,
      'x'.repeat(5000),
    ),
    fc.string(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        'decision',
        'correctedValue',
        'reason',
        'date',
        'uscc',
        'items',
        'field',
        'claimedValue',
        '__proto__',
        'constructor',
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

function formArb(route: AnyRoute): fc.Arbitrary<Body> {
  const fieldNames =
    route.body?.kind === 'multipart'
      ? [...Object.keys(route.body.fields.shape), ...route.body.upload.files.map((file) => file.name)]
      : ['objection', 'data', 'evidence'];
  const field = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fieldNames) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('a[b][c]', 'objection[0]', '__proto__[x]', 'constructor[prototype][y]', ''),
    },
    { weight: 1, arbitrary: weirdText },
  );
  const text = fc.oneof(
    nearJson.map((value) => JSON.stringify(value)),
    fc.json(),
    weirdText,
    fc.constantFrom('reference', 'huangyan-2022', 'gbk', 'utf8', 'Sheet1', '{', '[]'),
  );
  return fc.record({
    kind: fc.constant('form' as const),
    texts: fc.array(fc.record({ field, value: text }), { maxLength: 3 }),
    files: fc.array(
      fc.record({
        field,
        filename: fc.oneof(
          weirdText,
          fc.constantFrom('证明.pdf', 'data.csv', 'a"b.pdf', 'x'.repeat(400), '../../etc/passwd'),
        ),
        content: fc.nat(EVIDENCE_CONTENTS.length),
        type: fc.constantFrom('application/pdf', 'text/csv', 'image/png', 'application/octet-stream', ''),
      }),
      { maxLength: 3 },
    ),
    damage: fc.constantFrom('none', 'none', 'none', 'boundary', 'no-boundary', 'truncate', 'garbage'),
    cut: fc.nat(),
  });
}

function bodyArb(route: AnyRoute): fc.Arbitrary<Body> {
  const type = fc.oneof(
    { weight: 3, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom<string | null>(...CONTENT_TYPES, null) },
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('json' as const),
        text: nearJson.map((value) => JSON.stringify(value)),
        type,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), text: fc.json(), type }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('json' as const),
        text: fc.oneof(
          fc.string({ minLength: 1 }),
          fc.constantFrom('{', '{"a":', "{'a':1}", '[1,]', 'NaN', '{"date":"2025-06-03"', '\uFEFF{}'),
        ),
        type,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('bytes' as const),
        bytes: fc.uint8Array({ maxLength: 300 }),
        type,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge' as const),
        length: fc.constantFrom(70 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024),
        type: fc.constantFrom('application/json', 'multipart/form-data; boundary=zz'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('deep' as const),
        depth: fc.constantFrom(100, 5_000, 100_000),
        object: fc.boolean(),
        type: fc.constant('application/json'),
      }),
    },
    { weight: route.body?.kind === 'multipart' ? 6 : 1, arbitrary: formArb(route) },
  );
}

function choicesArb(route: AnyRoute): fc.Arbitrary<Choices> {
  // The faults that stop a request at the door (method, token) are drawn less than those that let it in.
  const all = fc.oneof(
    ...applicableFaults(route).map((fault) => ({
      weight: fault === 'method' || fault === 'auth' ? 1 : 3,
      arbitrary: fc.constant(fault),
    })),
  );
  // A request to a route that writes carries one or two sure faults; a read mostly none.
  const faults = writes(route)
    ? fc.uniqueArray(all, { minLength: 1, maxLength: 2 })
    : fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: all.map((fault) => [fault]) },
      );
  return fc.record({
    method: fc.oneof(
      { weight: 19, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('DELETE', 'PATCH', 'OPTIONS') },
    ),
    auth: authArb(),
    params: fc.array(paramArb, { minLength: 2, maxLength: 2 }),
    query: queryArb(route),
    headers: headersArb,
    body:
      route.method === 'get'
        ? fc.option(bodyArb(route), { freq: 8 })
        : fc.option(bodyArb(route), { freq: 10 }),
    faults,
    pick: fc.nat(),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Building the request.

function malformedAuth(form: number, token: string, garbage: string): string {
  const forms = [
    '',
    'Bearer',
    'Bearer ',
    `bearer ${token}`,
    `Basic ${Buffer.from(`admin:${token}`).toString('base64')}`,
    `Bearer ${token}x`,
    `Bearer ${token.slice(0, -1)}`,
    `Bearer ${token} ${token}`,
    `Bearer mjt_${createHash('sha256').update(garbage).digest('base64url')}`,
    `Token ${token}`,
    `Bearer "${token}"`,
    garbage,
  ];
  return forms[form % forms.length] ?? '';
}

function boundaryOf(seed: number): string {
  return `----fuzz${seed.toString(36)}`;
}

/** A multipart body written by hand, so that it can be broken in ways FormData never is. */
function formBytes(body: Extract<Body, { kind: 'form' }>, pick: number): { bytes: Buffer; type: string } {
  const boundary = boundaryOf(pick);
  const chunks: Buffer[] = [];
  for (const part of body.texts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"\r\n\r\n${part.value}\r\n`,
        'utf8',
      ),
    );
  }
  for (const file of body.files) {
    const type = file.type === '' ? '' : `Content-Type: ${file.type}\r\n`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\n${type}\r\n`,
        'utf8',
      ),
      Buffer.from(EVIDENCE_CONTENTS[file.content % EVIDENCE_CONTENTS.length] ?? PDF),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  let bytes = Buffer.concat(chunks);
  let type = `multipart/form-data; boundary=${boundary}`;
  switch (body.damage) {
    case 'none':
      break;
    case 'boundary':
      type = `multipart/form-data; boundary=${boundary}x`;
      break;
    case 'no-boundary':
      type = 'multipart/form-data';
      break;
    case 'truncate':
      bytes = bytes.subarray(0, body.cut % Math.max(1, bytes.length - 4));
      break;
    case 'garbage':
      bytes = Buffer.concat([
        Buffer.from(`--${boundary}\r\n`),
        createHash('sha512').update(String(body.cut)).digest(),
      ]);
      break;
  }
  return { bytes, type };
}

/** A well-formed multipart body with the route's own file field `count` times. */
function filesForm(route: AnyRoute, count: number, pick: number): { bytes: Buffer; type: string } {
  const field = route.body?.kind === 'multipart' ? (route.body.upload.files[0]?.name ?? 'file') : 'file';
  return formBytes(
    {
      kind: 'form',
      texts: [],
      files: Array.from({ length: count }, (_, i) => ({
        field,
        filename: `f${i}.pdf`,
        content: 0,
        type: 'application/pdf',
      })),
      damage: 'none',
      cut: 0,
    },
    pick,
  );
}

function bodyBytes(body: Body, pick: number): { bytes: Uint8Array | string; type: string | null } {
  switch (body.kind) {
    case 'json':
      return { bytes: body.text, type: body.type };
    case 'bytes':
      return { bytes: body.bytes, type: body.type };
    case 'huge':
      return { bytes: `{"reason":"${'x'.repeat(body.length)}"}`, type: body.type };
    case 'deep': {
      const open = body.object ? '{"a":' : '[';
      const close = body.object ? '}' : ']';
      return { bytes: `${open.repeat(body.depth)}1${close.repeat(body.depth)}`, type: body.type };
    }
    case 'form': {
      const form = formBytes(body, pick);
      return { bytes: form.bytes, type: form.type };
    }
  }
}

function build(route: AnyRoute, choices: Choices, known: Known, tokens: Tokens): Built {
  const { pick } = choices;
  const faults = new Set(choices.faults);
  const headers: Record<string, string> = {};
  let method = (choices.method ?? route.method).toUpperCase();
  if (faults.has('method')) method = ['DELETE', 'PATCH', 'OPTIONS'][pick % 3] ?? 'DELETE';

  // Authorization: the drawn one, or one that cannot pass when the fault is 'auth'.
  let auth = choices.auth;
  if (faults.has('auth') && route.access !== 'public') {
    const access = route.access;
    const outsiders = TOKEN_NAMES.filter(
      (name) => !(access as readonly string[]).includes(TOKEN_ROLES[name]),
    );
    const failing: Auth[] = [
      { kind: 'none' },
      ...Array.from({ length: 11 }, (_, form): Auth => ({ kind: 'malformed', form, garbage: String(pick) })),
      ...outsiders.map((name): Auth => ({ kind: 'token', name })),
    ];
    auth = failing[pick % failing.length] ?? { kind: 'none' };
  }
  if (auth.kind === 'token') headers['authorization'] = `Bearer ${tokens[auth.name]}`;
  if (auth.kind === 'malformed')
    headers['authorization'] = malformedAuth(auth.form, tokens.admin, auth.garbage);

  // Path: each {param} from the drawn values; a fault makes one of them unusable.
  const names = paramNames(route);
  const faultyParam = pick % Math.max(1, names.length);
  let index = 0;
  const path = route.path.replace(/\{(\w+)\}/g, () => {
    const position = index++;
    let param: Param = choices.params[position % choices.params.length] ?? {
      kind: 'known',
      which: 'published',
    };
    if (faults.has('param-long') && position === faultyParam)
      param = { kind: 'long', length: 101 + (pick % 400) };
    if (faults.has('param-unknown') && position === faultyParam)
      param = { kind: 'unknown', suffix: String(pick) };
    switch (param.kind) {
      case 'known': {
        const value =
          param.which === 'uscc'
            ? SAMPLE.floorD
            : param.which === 'otherUscc'
              ? SAMPLE.beicheng
              : known[param.which];
        return encodeURIComponent(value);
      }
      case 'text':
        return encodeURIComponent(param.text);
      case 'long':
        return 'x'.repeat(param.length);
      case 'raw':
        return param.raw;
      case 'unknown':
        return encodeURIComponent(`zz_fuzz${param.suffix}`);
    }
  });
  const query = choices.query
    .map((pair) =>
      pair.raw
        ? `${pair.key.replace(/[#\s]/g, '')}=%${pair.value.slice(0, 2)}`
        : `${encodeURIComponent(pair.key)}=${encodeURIComponent(pair.value)}`,
    )
    .join('&');

  for (const [name, value] of choices.headers) headers[name] = value;
  if (faults.has('idempotency-key')) {
    headers['idempotency-key'] = ['', 'x'.repeat(256 + (pick % 50)), 'a b', 'clé', 'k\u00ff'][pick % 5] ?? '';
  }
  if (faults.has('if-match')) {
    const bad = [undefined, '1', 'W/"1"', '"0"', '"a"', '"12345678901"', '', '"1", "2"'][pick % 8];
    if (bad === undefined) delete headers['if-match'];
    else headers['if-match'] = bad;
  }

  // Body: GET and HEAD carry none (fetch refuses them one).
  let body: Uint8Array | string | undefined;
  let type: string | null = null;
  if (choices.body !== null) ({ bytes: body, type } = bodyBytes(choices.body, pick));
  if (faults.has('syntax')) {
    if (route.body?.kind === 'json') {
      body = ['{', '{"date":', "{'date':'2025-06-03'}", '[1,]', 'nul', '{"a":1}}', '\u0000'][pick % 7] ?? '{';
      type = 'application/json';
    } else {
      const form = formBytes(
        {
          kind: 'form',
          texts: [{ field: 'objection', value: '{}' }],
          files: [],
          damage: (['boundary', 'no-boundary', 'truncate', 'garbage'] as const)[pick % 4] ?? 'garbage',
          cut: pick + 1,
        },
        pick,
      );
      body = form.bytes;
      type = form.type;
    }
  }
  if (faults.has('json-shape')) {
    body = ['[]', '[{"decision":"rejected","reason":"x"}]', '"x"', '1', 'null', 'true'][pick % 6] ?? '[]';
    type = 'application/json';
  }
  if (faults.has('no-files')) {
    const form = formBytes(
      {
        kind: 'form',
        texts: [
          { field: 'objection', value: '{}' },
          { field: 'name', value: 'x' },
        ],
        files: [],
        damage: 'none',
        cut: 0,
      },
      pick,
    );
    body = form.bytes;
    type = form.type;
  }
  if (faults.has('too-many-files') && route.body?.kind === 'multipart') {
    const limit = route.body.upload.files.reduce((sum, file) => sum + file.maxCount, 0);
    const form = filesForm(route, limit + 1 + (pick % 3), pick);
    body = form.bytes;
    type = form.type;
  }
  if (faults.has('content-type')) {
    const wrong =
      route.body?.kind === 'multipart'
        ? ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']
        : [
            'text/plain',
            'multipart/form-data; boundary=zz',
            'application/xml',
            'application/x-www-form-urlencoded',
          ];
    type = wrong[pick % wrong.length] ?? 'text/plain';
    if (body === undefined || body.length === 0) body = '{"x":1}';
  }
  if (method === 'GET' || method === 'HEAD') body = undefined;
  if (body !== undefined) {
    // fetch labels a string body text/plain itself; say what the request says, or nothing.
    headers['content-type'] = type ?? 'application/octet-stream';
  } else {
    delete headers['content-encoding'];
  }
  const summary = JSON.stringify({
    method,
    path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
    query: query.slice(0, 200),
    faults: [...faults],
    headers: Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 80)}…` : v]),
    ),
    body: body === undefined ? null : typeof body === 'string' ? body.slice(0, 200) : `${body.length} bytes`,
  });
  return { method, path: query === '' ? path : `${path}?${query}`, headers, body, summary };
}

// ---------------------------------------------------------------------------------------------------------
// The store's state: every table, every row, hashed.

// ---------------------------------------------------------------------------------------------------------

describe.each(ENGINES)('every route, fuzzed with malformed requests (%s)', (engine) => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let harness: Harness;
  let known: Known;
  let before: TableDigest;

  /** Where the digest reads every table: the SQLite file, or the PostgreSQL database the harness made. */
  function digestTarget(): DigestTarget {
    if (engine === 'sqlite') return { engine, dataDir: join(dir.path, 'data') };
    if (harness.databaseUrl === undefined) throw new Error('a PostgreSQL harness without its database URL');
    return { engine, url: harness.databaseUrl };
  }
  const statuses = new Map<string, Map<number, number>>();

  async function send(request: Built): Promise<{ status: number; type: string; text: string }> {
    const response = await fetch(`${harness.base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  function expectSound(
    route: AnyRoute,
    request: Built,
    answer: { status: number; type: string; text: string },
  ): void {
    const seen = `${answer.status} ${answer.text.slice(0, 300)} for ${request.summary}`;
    expect(answer.status, seen).toBeLessThan(500);
    if (writes(route) || request.method !== route.method.toUpperCase()) {
      expect(answer.status, `a write that should have been refused answered ${seen}`).toBeGreaterThanOrEqual(
        400,
      );
    }
    if (answer.status >= 400) {
      expect(answer.type, seen).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(answer.text) as Record<string, unknown>;
      expect(typeof problem['type'], seen).toBe('string');
      expect(String(problem['type']), seen).toMatch(/^https:\/\//);
      expect(typeof problem['title'], seen).toBe('string');
      expect(problem['status'], seen).toBe(answer.status);
    }
  }

  beforeAll(async () => {
    dir = await tempDirectory();
    const dataDir = join(dir.path, 'data');
    harness = await startApi({ engine, dataDir });
    const { api, tokens } = harness;
    const created = await uploadedEvaluation(harness, { file: 'sample-2025.csv' });
    const draft = await uploadedEvaluation(harness, { file: 'sample-2025.csv', name: 'left as a draft' });
    const published = await api.call('post', '/v1/evaluations/{id}/publication', {
      token: tokens.admin,
      params: { id: created.id },
      body: { date: PUBLISHED_ON },
    });
    if (published.status !== 201) throw new Error(`setup: ${published.text}`);
    harness.clock.set(IN_WINDOW);
    const filed = await api.call('post', '/v1/evaluations/{id}/objections', {
      token: tokens.enterprise,
      params: { id: created.id },
      headers: { 'idempotency-key': 'fuzz-setup' },
      body: objectionForm({ reason: '税收数据有误', items: [{ field: 'tax', claimedValue: '45' }] }),
    });
    if (filed.status !== 201) throw new Error(`setup: ${filed.text}`);
    known = {
      published: created.id,
      draft: draft.id,
      objection: filed.body.id,
      item: filed.body.items[0]?.id ?? '',
      evidence: filed.body.evidence[0]?.id ?? '',
    };
    before = await storeDigest(digestTarget());
  });

  afterAll(async () => {
    const lines = [...statuses].map(
      ([route, counts]) =>
        `${route.padEnd(58)} ${[...counts]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
    );
    console.info(`statuses per route:\n${lines.join('\n')}`);
    await harness.close();
    await dir.cleanup();
  });

  it('walks a route table with a route for every path of the document', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(19);
  });

  for (const route of ROUTES) {
    const name = `${route.method.toUpperCase()} ${route.path}`;
    it(`${name}: never a 5xx, every refusal a problem, every write refused`, async () => {
      const counts = new Map<number, number>();
      statuses.set(name, counts);
      await fc.assert(
        fc.asyncProperty(choicesArb(route), async (choices) => {
          const request = build(route, choices, known, harness.tokens);
          const answer = await send(request);
          counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
          expectSound(route, request, answer);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    });
  }

  it('refuses a NUL character in a path parameter with 400 on every engine (PostgreSQL TEXT cannot hold one)', async () => {
    const response = await fetch(`${harness.base}/v1/evaluations/%00/objections`, {
      headers: { authorization: `Bearer ${harness.tokens.admin}` },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { errors: { pointer: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '#/params/id' })]);
  });

  it('refuses an oversized file on every multipart route with 413', async () => {
    for (const route of ROUTES) {
      if (route.body?.kind !== 'multipart') continue;
      const field = route.body.upload.files[0]?.name ?? 'file';
      const big = Buffer.alloc(route.body.upload.maxFileBytes + 1, 0x25);
      PDF.copy(big);
      const form = new FormData();
      form.append(field, new Blob([big]), 'big.pdf');
      const request: Built = {
        method: route.method.toUpperCase(),
        // A year path takes a year (an evaluation id there is a 400 before the body is read).
        path: route.path.replace('{year}', '2022').replace(/\{\w+\}/g, known.published),
        headers: {
          // A caller the route lets through to its body (the ledger's notes are the towns' only): a role
          // refused is answered before the file is read, which is not the limit under test.
          authorization: `Bearer ${
            route.access === 'public' || route.access.includes('admin')
              ? harness.tokens.admin
              : harness.tokens.town
          }`,
          'idempotency-key': `fuzz-big-${route.operationId}`,
          // Required by the ledger's notes before their body is read; ignored by the others.
          'if-match': '"1"',
        },
        body: undefined,
        summary: `${route.operationId} with a file of ${big.length} bytes`,
      };
      // A failed fetch names its route: the reset seen under load ("fetch failed", ECONNRESET) did not say
      // which upload it was.
      const response = await fetch(`${harness.base}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: form,
      }).catch((error: unknown) => {
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        throw new Error(`${request.summary}: ${String(error)}${cause}`, { cause: error });
      });
      const answer = {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        text: await response.text(),
      };
      expect(answer.status, request.summary).toBe(413);
      expectSound(route, request, answer);
    }
  });

  it('still answers /healthz, and the store is exactly as it was', async () => {
    const health = await fetch(`${harness.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const after = await storeDigest(digestTarget());
    expect(Object.keys(after).length).toBeGreaterThan(10);
    expect(after).toEqual(before);
  });
});

afterAll(async () => {
  await stopTestServer();
});
