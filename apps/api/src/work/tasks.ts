import { isMainThread } from 'node:worker_threads';
import { parseScheme } from '@mujun/scoring';
import type { EnterpriseRecord, EnterpriseResult } from '@mujun/scoring';
import type { Encoding, ReadLimits } from '@mujun/sheets';
import { gradeFiles, gradeRecords, gradingSummary, resultRows } from '../domain/grading.js';
import { correctRecords, recomputation } from '../domain/recompute.js';
import type {
  DecidedItem,
  Evaluation,
  JsonText,
  Recomputation,
  RecordRow,
  ResultRow,
} from '../store/store.js';
import { jsonLines, sharedUtf8 } from '../store/utf8-text.js';

/**
 * The heavy work of the server, run in a worker thread (see pool.ts), never on the event loop: reading
 * and grading an upload, and recomputing an evaluation. Inputs come as bytes (transferred, not copied)
 * and text; outputs are the rows the store writes, whose bulk is already-serialised JSON strings. An
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
  /** Serialised here, not on the event loop. */
  readonly records: RecordRow[];
  readonly rows: ResultRow[];
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
  readonly rows: ResultRow[];
}

export type Task = GradeUploadTask | RecomputeTask;

/** A thrown error, as it crosses back to the main thread. */
export interface TaskFailure {
  readonly failed: true;
  readonly name: string;
  readonly message: string;
  readonly properties: Record<string, unknown>;
}

export type TaskOutcome<T> = { readonly failed: false; readonly value: T } | TaskFailure;

/**
 * The texts as UTF-8 in one SharedArrayBuffer, each a view on it: what crosses back to the event loop is
 * then a few small objects per row, not hundreds of MB of strings to copy and collect there (see
 * Utf8Text). On the event loop itself (MUJUN_WORKER_THREADS=0) they stay strings.
 */
function shared(texts: readonly string[]): JsonText[] {
  return isMainThread ? [...texts] : sharedUtf8(texts);
}

/** Result rows with their JSON shared (see shared). */
function sharedRows(rows: readonly ResultRow[]): ResultRow[] {
  const texts = shared(rows.flatMap((row) => [row.summaryJson as string, row.resultJson as string]));
  return rows.map((row, index) => ({
    ...row,
    summaryJson: texts[2 * index] ?? '',
    resultJson: texts[2 * index + 1] ?? '',
  }));
}

async function gradeUpload(task: GradeUploadTask): Promise<GradedUploadOutput> {
  const scheme = parseScheme(JSON.parse(task.schemeJson));
  const graded = await gradeFiles(task.files, scheme, {
    limits: task.limits,
    ...(task.sheet === undefined ? {} : { sheet: task.sheet }),
    ...(task.encoding === undefined ? {} : { encoding: task.encoding }),
  });
  return {
    summary: gradingSummary(graded.grading, graded.warnings),
    records: shared(graded.records.map((record) => JSON.stringify(record))).map((recordJson, index) => ({
      uscc: graded.records[index]?.uscc ?? '',
      recordJson,
    })),
    rows: sharedRows(resultRows(graded.grading)),
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
  return { diff, rows: sharedRows(resultRows(grading)) };
}

function failure(error: unknown): TaskFailure {
  if (!(error instanceof Error))
    return { failed: true, name: 'Error', message: String(error), properties: {} };
  // Own enumerable properties (issues, file, code, limit, value, presetId, known…): plain data.
  const properties = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(error)))) as Record<
    string,
    unknown
  >;
  return { failed: true, name: error.constructor.name, message: error.message, properties };
}

/** The worker's entry: piscina calls it once per task. */
export default async function run(task: Task): Promise<TaskOutcome<GradedUploadOutput | RecomputedOutput>> {
  try {
    const value = task.kind === 'grade-upload' ? await gradeUpload(task) : recompute(task);
    return { failed: false, value };
  } catch (error) {
    return failure(error);
  }
}
