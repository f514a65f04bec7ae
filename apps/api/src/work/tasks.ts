import { workerData } from 'node:worker_threads';
import { parseScheme } from '@mujun/scoring';
import type { EnterpriseRecord, EnterpriseResult } from '@mujun/scoring';
import { workbookBytes } from '@mujun/sheets';
import type { Encoding, ReadLimits, SheetSpec } from '@mujun/sheets';
import { gradeFiles, gradeRecords, gradingSummary, resultRows } from '../domain/grading.js';
import { correctRecords, recomputation } from '../domain/recompute.js';
import { packRecordRows, packResultRows } from '../store/packed-rows.js';
import type { PackedTexts } from '../store/packed-rows.js';
import type { DecidedItem, Evaluation, JsonText, Recomputation } from '../store/store.js';
import { jsonLines } from '../store/utf8-text.js';
import { niceOf, runInBackground } from './background.js';
import { failure } from './failure.js';
import type { TaskFailure } from './failure.js';

/**
 * The heavy work of the server, run in a worker thread (see pool.ts), never on the event loop: reading
 * and grading an upload, and recomputing an evaluation. Inputs come as bytes (transferred, not copied)
 * and text; outputs are the rows the store writes, packed in shared memory (see PackedTexts). An
 * error travels back as its class name and own properties (see pool.ts's revive), since a thrown
 * object loses its class between threads.
 */

export interface GradeUploadTask {
  readonly kind: 'grade-upload';
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** The resolved scheme, as stored (JSON.stringify of the parsed scheme). */
  readonly schemeJson: string;
  readonly sheet?: string;
  readonly encoding?: Encoding;
  readonly limits: ReadLimits;
}

export interface GradedUploadOutput {
  readonly summary: Evaluation['summary'];
  /** RecordRows and ResultRows, serialised and packed here, not on the event loop (see pool.ts). */
  readonly records: PackedTexts;
  readonly rows: PackedTexts;
}

export interface RecomputeTask {
  readonly kind: 'recompute';
  readonly evaluationId: string;
  readonly at: string;
  readonly schemeJson: string;
  /** The stored records, as the store keeps them: JSON lines, in chunks (see Store.recordChunks). */
  readonly records: readonly JsonText[];
  readonly items: readonly DecidedItem[];
  /**
   * The grading before: its summary, and each result without its trace (what the diff compares: cohort,
   * class, rank and total), a fraction of the whole documents' bytes to read and hand over.
   */
  readonly before: { readonly summary: Evaluation['summary']; readonly documents: readonly JsonText[] };
}

export interface RecomputedOutput {
  readonly diff: Recomputation;
  /** ResultRows (see GradedUploadOutput). */
  readonly rows: PackedTexts;
}

/** A workbook of plain sheets (see workbookBytes), its rows as arrays: a county's codes, say. */
export interface WorkbookTask {
  readonly kind: 'workbook';
  readonly sheets: readonly (SheetSpec & { readonly rows: readonly (readonly (string | number)[])[] })[];
}

export type Task = GradeUploadTask | RecomputeTask | WorkbookTask;

// This module is a pool worker's: its jobs yield the cores to the event loop (see runInBackground), at
// the nice value the pool gives (MUJUN_BACKGROUND_NICE).
runInBackground(niceOf(workerData));

export type TaskOutcome<T> = { readonly failed: false; readonly value: T } | TaskFailure;

async function gradeUpload(task: GradeUploadTask): Promise<GradedUploadOutput> {
  const scheme = parseScheme(JSON.parse(task.schemeJson));
  const graded = await gradeFiles(task.files, scheme, {
    limits: task.limits,
    ...(task.sheet === undefined ? {} : { sheet: task.sheet }),
    ...(task.encoding === undefined ? {} : { encoding: task.encoding }),
  });
  return {
    summary: gradingSummary(graded.grading, graded.warnings),
    records: packRecordRows(
      graded.records.map((record) => ({ uscc: record.uscc, recordJson: JSON.stringify(record) })),
    ),
    rows: packResultRows(resultRows(graded.grading)),
  };
}

function recompute(task: RecomputeTask): RecomputedOutput {
  const scheme = parseScheme(JSON.parse(task.schemeJson));
  const stored = jsonLines(task.records).map((text) => JSON.parse(text) as EnterpriseRecord);
  const corrected = correctRecords(stored, task.items);
  const grading = gradeRecords(corrected.records, scheme);
  const summary = gradingSummary(grading, grading.warnings);
  const before = jsonLines(task.before.documents).map((text) => JSON.parse(text) as EnterpriseResult);
  const diff = recomputation(
    task.evaluationId,
    task.at,
    { summary: task.before.summary, results: before },
    { summary, grading },
    corrected.corrections,
  );
  return { diff, rows: packResultRows(resultRows(grading)) };
}

/** The worker's entry: piscina calls it once per task. */
export default async function run(
  task: Task,
): Promise<TaskOutcome<GradedUploadOutput | RecomputedOutput | Uint8Array>> {
  try {
    const value =
      task.kind === 'grade-upload'
        ? await gradeUpload(task)
        : task.kind === 'recompute'
          ? recompute(task)
          : new Uint8Array(await workbookBytes(task.sheets));
    return { failed: false, value };
  } catch (error) {
    return failure(error);
  }
}
