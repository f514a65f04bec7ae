import { shanghaiDate } from '../domain/clock.js';
import type { z } from 'zod';
import { DEFAULT_SCHEME, resolveScheme } from '../domain/grading.js';
import { newId } from '../domain/ids.js';
import { actorOf } from '../domain/roles.js';
import { encodeCursor, pageRequest } from '../http/cursor.js';
import { IdempotencyHeader, LocationHeader } from '../http/headers.js';
import { fingerprint, idempotencyKey } from '../http/idempotency.js';
import { HttpProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import { filesOf } from '../http/upload.js';
import {
  CreateEvaluationFields,
  CreateEvaluationForm,
  Evaluation,
  EvaluationsPage,
  EvaluationsQuery,
} from '../schemas/evaluation.js';
import { EvaluationPath } from '../schemas/result.js';
import type { EvaluationState } from '../store/store.js';
import { visibleEvaluation } from './scope.js';

export const MAX_DATA_FILES = 10;
export const MAX_DATA_BYTES = 50 * 1024 * 1024;
/**
 * The whole upload, every file and field: the files are held in memory while they are read, so this
 * bounds what one upload can cost (ten files at their 50 MB limit would be 500 MB).
 */
export const MAX_DATA_REQUEST_BYTES = 100 * 1024 * 1024;

export const createEvaluation = defineRoute({
  method: 'post',
  path: '/v1/evaluations',
  operationId: 'createEvaluation',
  problems: [409, 413, 415, 422],
  tag: 'Evaluations',
  summary: 'Upload a year’s data and grade it as a draft',
  description:
    'Reads the CSV/XLSX files as `mujun grade` does (told by content, merged by 统一社会信用代码), validates ' +
    'every cell, and grades them under the scheme. Invalid data is a 422 problem whose `issues` list every ' +
    'bad cell (file, sheet, row, column, cell, value, reason); nothing is stored then. A valid upload is ' +
    'kept as a draft, visible only to admin. At most 10 files of 50 MB each and 100 MB in all: a ' +
    'declared Content-Length over that is refused with 413 before the body is read.',
  access: ['admin'],
  headers: IdempotencyHeader,
  body: {
    kind: 'multipart',
    schema: CreateEvaluationForm,
    fields: CreateEvaluationFields,
    upload: {
      files: [{ name: 'data', maxCount: MAX_DATA_FILES }],
      maxFileBytes: MAX_DATA_BYTES,
      maxFieldBytes: 1024 * 1024,
      maxFields: 10,
      maxRequestBytes: MAX_DATA_REQUEST_BYTES,
    },
  },
  responses: {
    201: { description: 'the draft evaluation', schema: Evaluation, headers: LocationHeader },
  },
  async handle({ services, principal, body, req }) {
    const files = filesOf(req, 'data');
    if (files.length === 0) {
      throw new HttpProblem(
        400,
        'validation',
        '缺少数据文件',
        '请在 data 字段上传至少一个 CSV 或 XLSX 文件 (upload at least one CSV or XLSX file in the data field)',
        {
          errors: [{ pointer: '#/data', detail: '至少一个文件' }],
        },
      );
    }
    const key = idempotencyKey(req, false);
    const print = await fingerprint(
      'POST /v1/evaluations',
      body,
      files.map((file) => file.bytes),
    );
    return services.idempotency.run(
      principal,
      key,
      print,
      (created: z.output<typeof Evaluation>) => ({
        status: 201,
        json: created,
        headers: { Location: `/v1/evaluations/${created.id}` },
      }),
      async (idempotency) => {
        const scheme = resolveScheme(body.scheme ?? DEFAULT_SCHEME);
        const schemeJson = JSON.stringify(scheme);
        // Read, validated and graded in a worker thread: the event loop goes on answering meanwhile.
        const graded = await services.work.gradeUpload({
          files: files.map((file) => ({ name: file.name, bytes: file.bytes })),
          schemeJson,
          limits: services.sheetLimits,
          ...(body.sheet === undefined ? {} : { sheet: body.sheet }),
          ...(body.encoding === undefined ? {} : { encoding: body.encoding }),
        });
        const context = { actor: actorOf(principal), at: services.clock.now().toISOString() };
        return services.store.createEvaluation(
          {
            id: newId('ev'),
            name: body.name ?? '',
            year: body.year === undefined ? null : Number(body.year),
            scheme: { id: scheme.id, name: scheme.name, json: schemeJson },
            summary: graded.summary,
            records: graded.records,
            results: graded.rows,
          },
          idempotency === undefined ? context : { ...context, idempotency },
        );
      },
    );
  },
});

export const listEvaluations = defineRoute({
  method: 'get',
  path: '/v1/evaluations',
  operationId: 'listEvaluations',
  tag: 'Evaluations',
  summary: 'List evaluations',
  description: 'Admin sees drafts too; towns and enterprises see published ones.',
  access: ['admin', 'town', 'enterprise'],
  query: EvaluationsQuery,
  responses: { 200: { description: 'a page of evaluations', schema: EvaluationsPage } },
  async handle({ services, principal, query }) {
    const states: EvaluationState[] =
      principal.role === 'admin'
        ? ['draft', 'published', 'recomputed', 'final']
        : ['published', 'recomputed', 'final'];
    const page = await services.store.listEvaluations(states, pageRequest(query));
    let items = page.items;
    if (principal.role === 'enterprise') {
      const own = await Promise.all(
        items.map(
          async (evaluation) =>
            (await services.store.result(evaluation.id, 'initial', principal.uscc)) !== undefined,
        ),
      );
      items = items.filter((_, i) => own[i] === true);
    }
    const today = shanghaiDate(services.clock.now());
    return {
      status: 200,
      json: { data: items.map((item) => ({ ...item, today })), next_cursor: encodeCursor(page.next) },
    };
  },
});

export const getEvaluation = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}',
  operationId: 'getEvaluation',
  tag: 'Evaluations',
  summary: 'One evaluation: state, counts, benchmarks, 公示 window',
  access: ['admin', 'town', 'enterprise'],
  params: EvaluationPath,
  responses: { 200: { description: 'the evaluation', schema: Evaluation } },
  async handle({ services, principal, params }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    return { status: 200, json: { ...evaluation, today: shanghaiDate(services.clock.now()) } };
  },
});

export const EVALUATION_ROUTES = [createEvaluation, listEvaluations, getEvaluation];
