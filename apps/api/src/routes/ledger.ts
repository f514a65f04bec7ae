import { writeLedgerWorkbook } from '@mujun/reports';
import type { LedgerWorkbook } from '@mujun/reports';
import type { z } from 'zod';
import { DomainError, DomainErrorCode, notFound } from '../domain/errors.js';
import { MAX_EVIDENCE_BYTES } from '../domain/evidence.js';
import { newId } from '../domain/ids.js';
import { nextYears, PENDING, progress, screeningOf } from '../domain/ledger.js';
import type { NextYear, ProgressRow } from '../domain/ledger.js';
import { actorOf } from '../domain/roles.js';
import type { Principal } from '../domain/roles.js';
import { attachment, written, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader, EtagHeader, IfMatchHeader } from '../http/headers.js';
import { requiredVersion, versionEtag } from '../http/preconditions.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { filesOf } from '../http/upload.js';
import {
  CreateLedger,
  Ledger,
  LedgerAttachmentPath,
  LedgerCreated,
  LedgerEdit,
  LedgerFile as LedgerFileSchema,
  LedgerFilePath,
  LedgerNoteFields,
  LedgerNoteForm,
} from '../schemas/ledger.js';
import { EvaluationPath } from '../schemas/result.js';
import type { Services } from '../services.js';
import type { Evaluation, LedgerCriteria, LedgerFile } from '../store/store.js';
import { documentName } from './document-names.js';
import { visibleEvaluation } from './scope.js';
import { storableUpload, uploadedFileReply } from './uploaded-file.js';

/**
 * The 一企一档 rectification ledger (issue 16, part 3). The bureau makes it from an evaluation's
 * screening list and follows it by town and measure; each town keeps its own enterprises' files
 * (measures, responsible person, deadline, progress notes with attachments, status, outcome), every
 * change audited and guarded by the file's version (If-Match). Departments have no part in it (their
 * role is the figures they own). Enterprises do not see it: a file is the town's working record about
 * the enterprise (要素倒逼 plans, internal notes), and what concerns the enterprise reaches it from
 * its town in person or by notice, as its result page already tells it its class and how to move up.
 */

const MAX_ATTACHMENTS = 5;

type Wire = z.output<typeof LedgerFileSchema>;

export const STATUS_LABELS: Readonly<Record<LedgerFile['status'], string>> = {
  pending: '未开始',
  in_progress: '整改中',
  completed: '已完成',
};

export const NEXT_LABELS: Readonly<Record<NextYear['outcome'], string>> = {
  pending: '待次年评价',
  'moved-up': '已脱低',
  'still-below': '仍在名单',
  exited: '已退出（次年未参评）',
  'not-rated': '次年未评价',
};

function wire(file: LedgerFile, evaluation: Evaluation, next: NextYear | undefined): Wire {
  return {
    ...file,
    year: evaluation.year,
    reasons: [...file.reasons],
    measures: [...file.measures],
    notes: file.notes.map((note) => ({ ...note, attachments: note.attachments.map((a) => ({ ...a })) })),
    nextYear: next ?? PENDING,
  };
}

/** The file, if the caller may see it: the bureau any, a town its own; else 404 as if none. */
async function visibleFile(services: Services, fileId: string, principal: Principal): Promise<LedgerFile> {
  const file = await services.store.ledgerFile(fileId);
  if (file === undefined) throw notFound('ledger file');
  if (principal.role === 'town' && file.town !== principal.town) throw notFound('ledger file');
  if (principal.role !== 'admin' && principal.role !== 'town') throw notFound('ledger file');
  return file;
}

async function withNextYear(services: Services, file: LedgerFile): Promise<Wire> {
  const evaluation = await services.store.getEvaluation(file.evaluationId);
  if (evaluation === undefined) throw notFound('evaluation');
  const criteria = await services.store.ledgerCriteria(file.evaluationId);
  const next =
    criteria === undefined
      ? new Map<string, NextYear>()
      : await nextYears(
          services.store,
          services.work.gradings,
          evaluation,
          [file],
          criteria.threshold,
          criteria.classD,
        );
  return wire(file, evaluation, next.get(file.uscc));
}

interface LedgerView {
  readonly evaluation: Evaluation;
  readonly criteria: LedgerCriteria | undefined;
  readonly files: LedgerFile[];
  readonly next: Map<string, NextYear>;
}

async function ledgerView(services: Services, id: string, principal: Principal): Promise<LedgerView> {
  const evaluation = await visibleEvaluation(services, id, principal);
  const criteria = await services.store.ledgerCriteria(evaluation.id);
  const files = await services.store.ledgerFiles(
    evaluation.id,
    principal.role === 'town' ? principal.town : undefined,
  );
  const next =
    criteria === undefined
      ? new Map<string, NextYear>()
      : await nextYears(
          services.store,
          services.work.gradings,
          evaluation,
          files,
          criteria.threshold,
          criteria.classD,
        );
  return { evaluation, criteria, files, next };
}

export const createLedger = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/ledger',
  operationId: 'createLedger',
  problems: [409, 415],
  tag: 'Ledger',
  summary: 'Open a 一企一档 file for each enterprise of the 低效企业 screening list',
  description:
    'From the evaluation’s results once published (the recomputed ones once there are): every rated ' +
    'enterprise whose 亩均税收 is under `threshold` 万元/亩 (tax < threshold × land, exactly) and, with ' +
    '`classD` (default), every one of final class D. Files already there are kept as they are, so the ' +
    'bureau may run it again with another line to add enterprises. A draft is 409. Audited (entity ' +
    'ledger, and ledger-file per file).',
  access: ['admin'],
  params: EvaluationPath,
  body: { kind: 'json', schema: CreateLedger },
  responses: { 200: { description: 'how many files were opened', schema: LedgerCreated } },
  async handle({ services, principal, params, body }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    if (evaluation.state === 'draft') {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        '评价尚未公示，不能据此建立整改台账；请在公示或定稿后再建立 (the evaluation is a draft)',
      );
    }
    const files = await screeningOf(services.store, services.work.gradings, evaluation, {
      line: body.threshold,
      classD: body.classD,
    });
    const answer = await services.store.createLedger(
      evaluation.id,
      { threshold: body.threshold, classD: body.classD },
      files,
      { actor: actorOf(principal), at: services.clock.now().toISOString() },
    );
    return { status: 200, json: { ...answer, files: files.length } };
  },
});

function progressWire(rows: readonly ProgressRow[]) {
  return rows.map((row) => ({ ...row }));
}

export const getLedger = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/ledger',
  operationId: 'getLedger',
  tag: 'Ledger',
  summary: 'The evaluation’s 一企一档 files, with progress by town and measure and next year’s class',
  description:
    'The bureau reads every file, a town its own enterprises’ only. Beside each file, the enterprise in ' +
    'the first final evaluation of a later year: moved-up (off the screening list by the same line), ' +
    'still-below, exited (not in it), not-rated; pending until such a year is final. `criteria` is null ' +
    'until the bureau creates the ledger.',
  access: ['admin', 'town'],
  params: EvaluationPath,
  responses: { 200: { description: 'the ledger', schema: Ledger } },
  async handle({ services, principal, params }) {
    const { evaluation, criteria, files, next } = await ledgerView(services, params.id, principal);
    const { byTown, byMeasure } = progress(files, next);
    return {
      status: 200,
      json: {
        evaluationId: evaluation.id,
        year: evaluation.year,
        criteria: criteria === undefined ? null : { ...criteria },
        files: files.map((file) => wire(file, evaluation, next.get(file.uscc))),
        progress: { byTown: progressWire(byTown), byMeasure: progressWire(byMeasure) },
      },
    };
  },
});

const REASON_LABELS = (criteria: LedgerCriteria | undefined) => ({
  'tax-per-mu': `亩均税收低于 ${criteria?.threshold ?? ''} 万元/亩`,
  'class-d': 'D 类',
});

export const getLedgerWorkbook = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/ledger/workbook',
  operationId: 'getLedgerWorkbook',
  tag: 'Ledger',
  summary: 'The 一企一档 ledger as the county’s workbook (XLSX)',
  description:
    'Sheets 整改台账 (a row per file: measures, responsible person, deadline, status, outcome, the latest ' +
    'progress note, next year’s class), 按乡镇进展, 按措施进展 and 整改记录 (every note with its ' +
    'attachments’ names). Every text a town typed is a string cell, never a formula. The bureau’s is the ' +
    'county’s; a town’s holds its own files.',
  access: ['admin', 'town'],
  params: EvaluationPath,
  responses: {
    200: { description: 'the workbook', contentType: XLSX_TYPE, headers: ContentDispositionHeader },
  },
  async handle({ services, principal, params }): Promise<Reply> {
    const { evaluation, criteria, files, next } = await ledgerView(services, params.id, principal);
    const { byTown, byMeasure } = progress(files, next);
    const reasons = REASON_LABELS(criteria);
    const scheme = JSON.parse(await services.store.schemeJson(evaluation.id)) as {
      rounding?: { value?: number };
    };
    const year = evaluation.year === null ? '' : `${String(evaluation.year)}年度`;
    const line = criteria === undefined ? '' : `亩均税收低于 ${criteria.threshold} 万元/亩`;
    const book: LedgerWorkbook = {
      title: `${year}${line}${criteria?.classD === true ? '及 D 类' : ''}企业`,
      valueDp: scheme.rounding?.value ?? 4,
      files: files.map((file) => {
        const n = next.get(file.uscc) ?? PENDING;
        return {
          town: file.town ?? '',
          uscc: file.uscc,
          name: file.name,
          industryCode: file.industryCode ?? '',
          taxPerMu: file.taxPerMu,
          finalClass: file.finalClass ?? '',
          reasons: file.reasons.map((r) => reasons[r]).join('；'),
          measures: file.measures.join('、'),
          responsible: file.responsible ?? '',
          deadline: file.deadline ?? '',
          status: STATUS_LABELS[file.status],
          outcome: file.outcome ?? '',
          notes: file.notes.length,
          lastNote: file.notes.at(-1)?.text ?? '',
          nextYear: n.year === null ? NEXT_LABELS[n.outcome] : `${String(n.year)}：${NEXT_LABELS[n.outcome]}`,
          nextClass: n.finalClass ?? '',
          nextTaxPerMu: n.taxPerMu,
        };
      }),
      byTown: byTown.map(({ in_progress, ...row }) => ({ ...row, inProgress: in_progress })),
      byMeasure: byMeasure.map(({ in_progress, ...row }) => ({ ...row, inProgress: in_progress })),
      notes: files.flatMap((file) =>
        file.notes.map((note) => ({
          town: file.town ?? '',
          uscc: file.uscc,
          name: file.name,
          at: note.at,
          author: note.authorRole === 'town' ? (file.town ?? '') : note.author,
          text: note.text,
          attachments: note.attachments.map((a) => a.filename).join('、'),
        })),
      ),
    };
    const name = documentName(
      evaluation,
      evaluation.state === 'final' || evaluation.state === 'recomputed' ? 'recomputed' : 'initial',
      { zh: '一企一档整改台账', ascii: 'ledger' },
      'xlsx',
      principal.role === 'town' ? principal.town : null,
    );
    return {
      status: 200,
      bytes: await written((stream) => writeLedgerWorkbook(book, stream)),
      contentType: XLSX_TYPE,
      headers: attachment(name.ascii, name.name),
    };
  },
});

export const getLedgerFile = defineRoute({
  method: 'get',
  path: '/v1/ledger-files/{fileId}',
  operationId: 'getLedgerFile',
  tag: 'Ledger',
  summary: 'One enterprise’s 一企一档 file, with its notes and next year’s class',
  description: 'The bureau any file, a town its own enterprises’ (else 404). ETag: the file’s version.',
  access: ['admin', 'town'],
  params: LedgerFilePath,
  responses: { 200: { description: 'the file', schema: LedgerFileSchema, headers: EtagHeader } },
  async handle({ services, principal, params }) {
    const file = await visibleFile(services, params.fileId, principal);
    return {
      status: 200,
      json: await withNextYear(services, file),
      etag: versionEtag(file.version),
    };
  },
});

export const putLedgerFile = defineRoute({
  method: 'put',
  path: '/v1/ledger-files/{fileId}',
  operationId: 'putLedgerFile',
  problems: [412, 415, 428],
  tag: 'Ledger',
  summary: 'The town sets a file’s measures, responsible person, deadline, status and outcome',
  description:
    'The whole of the town’s part, replaced; measures are 帮扶提升, 限期整改, 要素倒逼, 税务辅导 or the ' +
    'county’s own words. If-Match with the version read (428 without, 412 when another change came ' +
    'first). Only the enterprise’s own town (another town: 404; the bureau reads, it does not keep ' +
    'files: 403). Audited with before and after.',
  access: ['town'],
  params: LedgerFilePath,
  headers: IfMatchHeader,
  body: { kind: 'json', schema: LedgerEdit },
  responses: { 200: { description: 'the file', schema: LedgerFileSchema, headers: EtagHeader } },
  async handle({ services, principal, params, body, req }) {
    await visibleFile(services, params.fileId, principal);
    const version = requiredVersion(req);
    const saved = await services.store.editLedgerFile(
      params.fileId,
      version,
      { ...body, measures: [...new Set(body.measures)] },
      { actor: actorOf(principal), at: services.clock.now().toISOString() },
    );
    return { status: 200, json: await withNextYear(services, saved), etag: versionEtag(saved.version) };
  },
});

export const postLedgerNote = defineRoute({
  method: 'post',
  path: '/v1/ledger-files/{fileId}/notes',
  operationId: 'postLedgerNote',
  problems: [412, 413, 415, 428],
  tag: 'Ledger',
  summary: 'The town adds a progress note, with attachments, to a file',
  description:
    'Multipart: `note` (1–2000 字) and 0–5 `attachment` files, PDF, JPEG or PNG by content (name and ' +
    'Content-Type ignored), ≤ 10 MB each, hashed (SHA-256) and stored under the extension of their type; ' +
    'a file’s attachments together at most the per-enterprise evidence quota (100 MB by default: 413 ' +
    'evidence-quota). If-Match with the file’s version: a note moves it on, so the same note sent twice ' +
    'is 412 the second time. Audited.',
  access: ['town'],
  params: LedgerFilePath,
  headers: IfMatchHeader,
  body: {
    kind: 'multipart',
    schema: LedgerNoteForm,
    fields: LedgerNoteFields,
    upload: {
      files: [{ name: 'attachment', maxCount: MAX_ATTACHMENTS }],
      maxFileBytes: MAX_EVIDENCE_BYTES,
      maxFieldBytes: 16 * 1024,
      maxFields: 1,
    },
  },
  responses: {
    201: { description: 'the file with the note', schema: LedgerFileSchema, headers: EtagHeader },
  },
  async handle({ services, principal, params, body, req }) {
    await visibleFile(services, params.fileId, principal);
    const version = requiredVersion(req);
    const attachments = filesOf(req, 'attachment').map((file, i) =>
      storableUpload(file, i, {
        field: 'attachment',
        chinese: '附件',
        english: 'attachment',
        idPrefix: 'att',
      }),
    );
    const quota = services.evidenceQuota.perEnterprise;
    const saved = await services.store.addLedgerNote(
      params.fileId,
      version,
      (view) => {
        const adding = attachments.reduce((sum, a) => sum + a.size, 0);
        if (view.attachmentBytes + adding > quota) {
          throw new DomainError(
            DomainErrorCode.EvidenceQuota,
            `该企业整改档案的附件已达上限（${String(Math.floor(quota / 1024 / 1024))} MB），本次记录未保存`,
            { limit: { name: 'ledger-attachments', value: quota } },
          );
        }
        return { id: newId('note'), text: body.note, attachments };
      },
      { actor: actorOf(principal), at: services.clock.now().toISOString() },
    );
    return { status: 201, json: await withNextYear(services, saved), etag: versionEtag(saved.version) };
  },
});

export const getLedgerAttachment = defineRoute({
  method: 'get',
  path: '/v1/ledger-files/{fileId}/attachments/{attachmentId}',
  operationId: 'getLedgerAttachment',
  tag: 'Ledger',
  summary: 'An attachment of a progress note, as uploaded',
  access: ['admin', 'town'],
  params: LedgerAttachmentPath,
  responses: {
    200: {
      description:
        'the file, typed by its content, as an attachment; sandboxed (CSP) and never sniffed by the browser',
      contentType: 'application/octet-stream',
    },
  },
  async handle({ services, principal, params }) {
    await visibleFile(services, params.fileId, principal);
    const file = await services.store.ledgerAttachment(params.fileId, params.attachmentId);
    if (file === undefined) throw notFound('attachment');
    return uploadedFileReply(file, 'attachment');
  },
});

export const LEDGER_ROUTES = [
  createLedger,
  getLedger,
  getLedgerWorkbook,
  getLedgerFile,
  putLedgerFile,
  postLedgerNote,
  getLedgerAttachment,
];
