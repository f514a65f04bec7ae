import { createDocument } from 'zod-openapi';
import type {
  ZodOpenApiContentObject,
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponsesObject,
  oas31,
} from 'zod-openapi';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import type { AnyRoute } from '../http/route.js';
import { Problem } from '../schemas/common.js';

/**
 * The OpenAPI 3.1 document, generated from the route table's zod schemas (zod-openapi wraps zod v4's
 * JSON Schema output). The committed apps/api/openapi.json is this, formatted; `pnpm check:drift` fails
 * when they differ.
 */

const PROBLEM_TITLES: Readonly<Record<number, string>> = {
  400: 'invalid request (problem type validation, malformed-json, malformed-multipart)',
  401: 'no, malformed or unknown bearer token',
  403: 'the token’s role may not use this route',
  404: 'not found, or outside the caller’s scope',
  409: 'not allowed in the current state (see the problem type)',
  412: 'If-Match names a version that is no longer current',
  413: 'a file or field over its limit',
  415: 'wrong content type, or evidence that is no PDF, JPEG or PNG',
  422: 'the request is well-formed but refused (see the problem type)',
  428: 'If-Match is required',
  500: 'an internal error; the problem’s traceId is in the server log',
};

function problemResponse(status: number) {
  return {
    description: PROBLEM_TITLES[status] ?? 'problem',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
  };
}

function responses(route: AnyRoute): ZodOpenApiResponsesObject {
  const answers: ZodOpenApiResponsesObject = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const contentType = spec.contentType ?? 'application/json';
    const others: ZodOpenApiContentObject = Object.fromEntries(
      (spec.alternatives ?? []).map((other) => [
        other.contentType,
        {
          schema: {
            type: 'string' as const,
            ...(other.binary === true ? { format: 'binary' } : {}),
            description: other.description,
          },
        },
      ]),
    );
    answers[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: spec.description,
      ...(spec.schema === undefined
        ? spec.contentType === undefined
          ? {}
          : { content: { [contentType]: { schema: { type: 'string', format: 'binary' } }, ...others } }
        : { content: { [contentType]: { schema: spec.schema }, ...others } }),
      ...(spec.headers === undefined ? {} : { headers: spec.headers }),
    };
  }
  const problems = new Set<number>(route.problems ?? []);
  if (route.params !== undefined || route.query !== undefined || route.body !== undefined) problems.add(400);
  if (route.access !== 'public') {
    problems.add(401);
    problems.add(403);
  }
  if (route.params !== undefined) problems.add(404);
  problems.add(500);
  for (const status of [...problems].sort((a, b) => a - b)) {
    answers[String(status) as `${1 | 2 | 3 | 4 | 5}${string}`] = problemResponse(status);
  }
  return answers;
}

function operation(route: AnyRoute): ZodOpenApiOperationObject {
  const roles = route.access === 'public' ? [] : [...route.access];
  const departments = route.departments === undefined ? [] : [...route.departments];
  const named = roles.map((role) =>
    role === 'department' && departments.length > 0 ? `department (${departments.join(', ')} only)` : role,
  );
  const who = route.access === 'public' ? 'Public.' : `Roles: ${named.join(', ')}.`;
  const requestParams = {
    ...(route.params === undefined ? {} : { path: route.params }),
    ...(route.query === undefined ? {} : { query: route.query }),
    ...(route.headers === undefined ? {} : { header: route.headers }),
  };
  const body = route.body;
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description === undefined ? who : `${route.description}\n\n${who}`,
    tags: [route.tag],
    security: route.access === 'public' ? [] : [{ bearer: [] }, { session: [] }],
    'x-roles': roles,
    ...(departments.length === 0 ? {} : { 'x-departments': departments }),
    ...(Object.keys(requestParams).length === 0 ? {} : { requestParams }),
    ...(body === undefined
      ? {}
      : {
          requestBody: {
            required: body.kind === 'multipart',
            content:
              body.kind === 'json'
                ? { 'application/json': { schema: body.schema } }
                : {
                    'multipart/form-data': {
                      schema: body.schema,
                      ...(body.encoding === undefined ? {} : { encoding: { ...body.encoding } }),
                    },
                  },
          },
        }),
    responses: responses(route),
  };
}

export function buildDocument(routes: readonly AnyRoute[]): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  const tags = [...new Set(routes.map((route) => route.tag))].map((name) => ({ name }));
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'mujun API',
      version: '0.1.0',
      description:
        '亩均论英雄 (per-mu efficiency) grading of industrial enterprises: evaluations, the 公示 window, ' +
        'objections (异议) and their review, recomputation and the final result, with an audit trail. ' +
        'Figures are decimal strings. Errors are RFC 9457 problem+json with stable `type` URIs. ' +
        'People sign in (POST /v1/auth/sign-in) and carry a session cookie; machine clients use bearer ' +
        'tokens (`mjt_…`) issued by `mujun token create`. Both reach the same routes with the same roles.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a token from `mujun token create` (mjt_…)' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mujun_session',
          description:
            'the session cookie from POST /v1/auth/sign-in; a state change by cookie must come from the ' +
            'server’s own origin (Origin or Referer), else 403 cross-site-request',
        },
      },
    },
    paths,
  });
}
