import { z } from 'zod';
import { DomainError, DomainErrorCode, notFound } from '../domain/errors.js';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '../domain/evidence.js';
import { fileObjection } from '../domain/objections.js';
import type { Filing } from '../domain/objections.js';
import { actorOf } from '../domain/roles.js';
import { encodeCursor, pageRequest } from '../http/cursor.js';
import { LocationHeader, RequiredIdempotencyHeader } from '../http/headers.js';
import { fingerprint, idempotencyKey } from '../http/idempotency.js';
import { HttpProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import { filesOf } from '../http/upload.js';
import type { UploadedFile } from '../http/upload.js';
import { parseJsonField } from '../http/validation.js';
import {
  EvidencePath,
  FileObjectionForm,
  NewObjection,
  Objection,
  ObjectionPath,
  ObjectionsPage,
  ObjectionsQuery,
} from '../schemas/objection.js';
import { EvaluationPath } from '../schemas/result.js';
import type { ObjectionFilter } from '../store/store.js';
import { visibleEvaluation, visibleEvaluationState, visibleObjection } from './scope.js';
import { storableUpload, uploadedFileReply } from './uploaded-file.js';

/** Each evidence file checked by its bytes; the first one that is no PDF, JPEG or PNG refuses the filing. */
function evidenceOf(files: readonly UploadedFile[]): Filing['evidence'] {
  if (files.length === 0) {
    throw new HttpProblem(
      400,
      'validation',
      '缺少证明材料',
      '请附上至少一个证明材料（PDF、JPEG 或 PNG）(attach at least one evidence file)',
      {
        errors: [{ pointer: '#/evidence', detail: '至少一个文件' }],
      },
    );
  }
  return files.map((file, i) =>
    storableUpload(file, i, {
      field: 'evidence',
      chinese: '证明材料',
      english: 'evidence file',
      idPrefix: 'evd',
    }),
  );
}

export const fileObjectionRoute = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/objections',
  operationId: 'fileObjection',
  problems: [409, 413, 415, 422],
  tag: 'Objections',
  summary: 'File an objection (异议) while the 公示 window is open',
  description:
    'By the enterprise itself, or by its town on its behalf. Multipart: `objection` (JSON: contested ' +
    'fields with claimed values, and a reason) and 1–10 `evidence` files, PDF, JPEG or PNG by content ' +
    '(the name and Content-Type are ignored), ≤ 10 MB each. Requires Idempotency-Key. Each item is ' +
    'routed to the department that owns its figure. Late (window closed) is 409 window-closed; another ' +
    'enterprise’s code from an enterprise token is 403 wrong-enterprise; an oversized file is 413; ' +
    'evidence that would pass the quota of the enterprise in this evaluation (100 MB by default) or of the ' +
    'evaluation (5 GB) is 413 evidence-quota. Files are stored and served under the extension of the type ' +
    'their bytes are (`../../x.html` that is a PDF becomes `x.pdf`).',
  access: ['admin', 'town', 'enterprise'],
  params: EvaluationPath,
  headers: RequiredIdempotencyHeader,
  body: {
    kind: 'multipart',
    schema: FileObjectionForm,
    fields: z.object({ objection: z.string() }),
    encoding: { objection: { contentType: 'application/json' } },
    upload: {
      files: [{ name: 'evidence', maxCount: MAX_EVIDENCE_FILES }],
      maxFileBytes: MAX_EVIDENCE_BYTES,
      maxFieldBytes: 64 * 1024,
      maxFields: 2,
    },
  },
  responses: {
    201: { description: 'the objection, under review', schema: Objection, headers: LocationHeader },
  },
  async handle({ services, principal, params, body, req }) {
    const key = idempotencyKey(req, true);
    const objection = parseJsonField(NewObjection, body.objection, 'objection');
    const uscc = principal.role === 'enterprise' ? principal.uscc : objection.uscc;
    if (uscc === undefined) {
      throw new HttpProblem(
        400,
        'validation',
        '缺少企业代码',
        '请填写异议所针对企业的统一社会信用代码 uscc (name the enterprise the objection is for)',
        {
          errors: [{ pointer: '#/objection/uscc', detail: '管理员和乡镇街道提交时必填' }],
        },
      );
    }
    if (
      principal.role === 'enterprise' &&
      objection.uscc !== undefined &&
      objection.uscc !== principal.uscc
    ) {
      throw new DomainError(
        DomainErrorCode.WrongEnterprise,
        `企业只能就本企业提出异议 (an enterprise token files only for its own code, ${principal.uscc})`,
      );
    }
    // Scope only (404 out of it): the filing's transaction reads the evaluation itself for its rules.
    await visibleEvaluationState(services, params.id, principal);
    const files = filesOf(req, 'evidence');
    const evidence = evidenceOf(files);
    const filing: Filing = { reason: objection.reason, items: objection.items, evidence };
    const print = await fingerprint(
      `POST /v1/evaluations/${params.id}/objections`,
      { ...objection, uscc },
      files.map((file) => file.bytes),
    );
    return services.idempotency.run(
      principal,
      key,
      print,
      (created: z.output<typeof Objection>) => ({
        status: 201,
        json: created,
        headers: { Location: `/v1/objections/${created.id}` },
      }),
      (idempotency) => {
        const now = services.clock.now();
        const context = { actor: actorOf(principal), at: now.toISOString() };
        const filed = services.store.fileObjection(
          params.id,
          uscc,
          (view) => fileObjection(view, principal, filing, now, services.evidenceQuota),
          idempotency === undefined ? context : { ...context, idempotency },
        );
        // Counted once stored: a replay of the same Idempotency-Key does not come here.
        return services.metrics === undefined
          ? filed
          : filed.then((created) => {
              services.metrics?.objectionFilings.inc();
              return created;
            });
      },
      // The filing's transaction looks the key up itself (see Store.fileObjection).
      { recalledInWrite: true },
    );
  },
});

export const listObjections = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/objections',
  operationId: 'listObjections',
  tag: 'Objections',
  summary: 'Objections to an evaluation, as the caller may see them',
  description:
    'Admin: all. A town: its enterprises’. An enterprise: its own. A department: those with items routed to it (only those items).',
  access: ['admin', 'department', 'town', 'enterprise'],
  params: EvaluationPath,
  query: ObjectionsQuery,
  responses: { 200: { description: 'a page of objections', schema: ObjectionsPage } },
  async handle({ services, principal, params, query }) {
    const evaluation = await services.store.getEvaluation(params.id);
    if (evaluation === undefined) throw notFound('evaluation');
    if (principal.role !== 'department') await visibleEvaluation(services, params.id, principal);
    const filter: ObjectionFilter =
      principal.role === 'enterprise'
        ? { uscc: principal.uscc }
        : principal.role === 'town'
          ? { town: principal.town }
          : principal.role === 'department'
            ? { department: principal.department }
            : {};
    const page = await services.store.listObjections(evaluation.id, filter, pageRequest(query));
    return {
      status: 200,
      json: {
        data: page.items.map((item) => visibleObjection(item, principal)),
        next_cursor: encodeCursor(page.next),
      },
    };
  },
});

export const getObjection = defineRoute({
  method: 'get',
  path: '/v1/objections/{id}',
  operationId: 'getObjection',
  tag: 'Objections',
  summary: 'One objection with its items’ status',
  access: ['admin', 'department', 'town', 'enterprise'],
  params: ObjectionPath,
  responses: { 200: { description: 'the objection', schema: Objection } },
  async handle({ services, principal, params }) {
    return { status: 200, json: visibleObjection(await services.store.getObjection(params.id), principal) };
  },
});

export const getEvidence = defineRoute({
  method: 'get',
  path: '/v1/objections/{id}/evidence/{evidenceId}',
  operationId: 'getEvidence',
  tag: 'Objections',
  summary: 'An evidence file, as filed',
  access: ['admin', 'department', 'town', 'enterprise'],
  params: EvidencePath,
  responses: {
    200: {
      description:
        'the file, with its media type as told by its content, as an attachment named with the ' +
        'extension of that type; sandboxed (CSP) and never sniffed by the browser',
      contentType: 'application/octet-stream',
    },
  },
  async handle({ services, principal, params }) {
    visibleObjection(await services.store.getObjection(params.id), principal);
    const file = await services.store.evidence(params.id, params.evidenceId);
    if (file === undefined) throw notFound('evidence');
    return uploadedFileReply(file, 'evidence');
  },
});

export const OBJECTION_ROUTES = [fileObjectionRoute, listObjections, getObjection, getEvidence];
