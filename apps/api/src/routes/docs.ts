import type { oas31 } from 'zod-openapi';
import { defineRoute } from '../http/route.js';
import { buildDocument } from '../openapi/document.js';
import { referencePage } from '../openapi/reference-page.js';
import { ROUTES } from './index.js';

let memo: { document: oas31.OpenAPIObject; json: string; html: string } | undefined;

/** The document and the page are generated once, on first request, from the same route table. */
function generated() {
  if (memo === undefined) {
    const document = buildDocument(ROUTES);
    memo = { document, json: JSON.stringify(document), html: referencePage(document) };
  }
  return memo;
}

export const openapiJson = defineRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'openapi',
  tag: 'Service',
  summary: 'This API’s OpenAPI 3.1 document',
  access: 'public',
  responses: { 200: { description: 'the document', contentType: 'application/json' } },
  handle() {
    return Promise.resolve({ status: 200, raw: generated().json, contentType: 'application/json' });
  },
});

export const reference = defineRoute({
  method: 'get',
  path: '/docs',
  operationId: 'reference',
  tag: 'Service',
  summary: 'The API reference as a page to read',
  access: 'public',
  responses: { 200: { description: 'HTML', contentType: 'text/html' } },
  handle() {
    return Promise.resolve({ status: 200, raw: generated().html, contentType: 'text/html; charset=utf-8' });
  },
});

export const DOC_ROUTES = [openapiJson, reference];
