import {
  aggregates,
  confirmationOrder,
  confirmationSheet,
  confirmationSheets,
  dataset,
  datasetEntry,
  landNotice,
  lowEfficiencyList,
  publicationList,
  renderConfirmationPage,
  renderConfirmationSheet,
  renderPublicationPage,
  renderSummaryPage,
  summary,
  taxPerMuDistribution,
  writeLandNoticeWorkbook,
  writeLowEfficiencyWorkbook,
  writePublicationWorkbook,
  writeResultWorkbook,
  writeSummaryWorkbook,
} from '@mujun/reports';
import type { ActivationNotice, Dataset, Entry, PublicationNotice, SummaryReport } from '@mujun/reports';
import { parseScheme, toNextClass } from '@mujun/scoring';
import type { EnterpriseRecord, ToNextClass } from '@mujun/scoring';
import { compareGradings } from '@mujun/simulation';
import type { Simulation } from '@mujun/simulation';
import type { ClassHistoryEntry } from '@mujun/surcharges';
import { written } from '../http/files.js';
import { deflated } from '../http/zip.js';
import type { Deflated } from '../http/zip.js';
import type { NewLedgerFile } from '../store/store.js';
import { gradeRecords } from './grading.js';
import { nextOutcomes, screeningFiles } from './ledger.js';
import type { NextOutcomeOf } from './ledger.js';
import type { Regraded } from './regrade.js';

/**
 * What the downloads make of a regraded evaluation (domain/regrade.ts), each where the grading is held:
 * in the regrading thread (work/gradings-thread.ts), or on the event loop with MUJUN_WORKER_THREADS=0.
 * Each answers what its download needs and no more (the document's bytes, a town's letters deflated, a
 * few rows), never the grading itself: structured-cloning a county's results back would cost the event
 * loop about what grading them did.
 */

/** The county's whole dataset, or the entries of one town or one enterprise (a town's copy, a sheet). */
export interface Scope {
  readonly town: string | null;
  readonly uscc: string | null;
}

function scopedDataset({ records, grading }: Regraded, scope: Scope): Dataset {
  const data = dataset(records, grading);
  if (scope.town === null && scope.uscc === null) return data;
  return {
    ...data,
    entries: data.entries.filter(
      (entry) =>
        (scope.town === null || entry.record.town === scope.town) &&
        (scope.uscc === null || entry.record.uscc === scope.uscc),
    ),
  };
}

const recordsByCode = new WeakMap<Regraded['records'], Map<string, Regraded['records'][number]>>();

export interface Letters {
  /** The codes of the town's enterprises, in the grading's order (the stored results'). */
  readonly codes: readonly string[];
  readonly notices: readonly (readonly [string, ActivationNotice])[];
}

/**
 * A town's 一企一单 letters with their activation codes, as the zip stores them (deflated here, so only
 * the deflated bytes cross back): a code not in the evaluation is left out, as filtering the dataset did.
 */
function letters({ records, grading }: Regraded, { codes, notices }: Letters): Deflated {
  let recordOf = recordsByCode.get(records);
  if (recordOf === undefined) {
    recordsByCode.set(records, (recordOf = new Map(records.map((record) => [record.uscc, record]))));
  }
  const entries: Entry[] = [];
  for (const uscc of codes) {
    const record = recordOf.get(uscc);
    const result = grading.result(uscc);
    if (record !== undefined && result !== undefined) entries.push(datasetEntry(record, result));
  }
  const sheets = confirmationSheets({ scheme: grading.scheme, cohorts: grading.cohorts(), entries });
  const html = [...renderConfirmationPage(sheets, new Map(notices))].join('');
  return deflated(new TextEncoder().encode(html));
}

/** Sheets per part of a county's 一企一单 page: about a megabyte of HTML. */
export const CONFIRMATION_PART = 200;

export interface ConfirmationsPart extends Scope {
  /** The first sheet of the part, in the page's order (see confirmationOrder), and how many. */
  readonly from: number;
  readonly count: number;
}

/** A part of a scope's 一企一单 page, and how many sheets the page has in all. */
export interface ConfirmationsAnswer {
  readonly total: number;
  /** The first enterprise's name (the page's name when the scope is one enterprise); null when none. */
  readonly name: string | null;
  /** The part's sheets, rendered. */
  readonly html: string;
}

// A scope's records in the page's order, made once per held grading and scope (a few at a time): each
// part of a county's page reads it again.
const SCOPES_ORDERED = 8;
const orderedOf = new WeakMap<Regraded['records'], Map<string, readonly EnterpriseRecord[]>>();

function ordered(records: Regraded['records'], scope: Scope): readonly EnterpriseRecord[] {
  let scopes = orderedOf.get(records);
  if (scopes === undefined) orderedOf.set(records, (scopes = new Map<string, readonly EnterpriseRecord[]>()));
  const key = JSON.stringify([scope.town, scope.uscc]);
  let list = scopes.get(key);
  if (list === undefined) {
    list = records
      .filter(
        (record) =>
          (scope.town === null || record.town === scope.town) &&
          (scope.uscc === null || record.uscc === scope.uscc),
      )
      .sort(confirmationOrder);
    scopes.set(key, list);
    if (scopes.size > SCOPES_ORDERED) scopes.delete(scopes.keys().next().value as string);
  }
  return list;
}

/**
 * Part of the 一企一单 page of a scope, rendered where the grading is held: a county's page is hundreds
 * of MB of HTML, and its entries cloned back to the event loop held it for seconds.
 */
function confirmations({ records, grading }: Regraded, part: ConfirmationsPart): ConfirmationsAnswer {
  const list = ordered(records, part);
  const data: Dataset = { scheme: grading.scheme, cohorts: grading.cohorts(), entries: [] };
  const html = list
    .slice(part.from, part.from + part.count)
    .map((record) => {
      const result = grading.result(record.uscc);
      if (result === undefined) throw new Error(`the grading has no result for ${record.uscc}`);
      return renderConfirmationSheet(confirmationSheet(data, datasetEntry(record, result))).text;
    })
    .join('');
  return { total: list.length, name: list[0]?.name ?? null, html };
}

export interface SummaryRequest {
  readonly format: 'xlsx' | 'html';
  readonly lowThreshold: string;
}

async function summaryDocument(regraded: Regraded, request: SummaryRequest): Promise<Uint8Array | string> {
  const data = dataset(regraded.records, regraded.grading);
  const report: SummaryReport = {
    schemeName: data.scheme.name,
    valueDp: data.scheme.rounding.value,
    summary: summary(data),
    aggregates: aggregates(data),
    distribution: taxPerMuDistribution(data),
    yearOverYear: null,
  };
  if (request.format === 'html') return renderSummaryPage(report, { lowThreshold: request.lowThreshold });
  return written((stream) => writeSummaryWorkbook(report, stream));
}

export interface PublicationListRequest {
  readonly order: Parameters<typeof publicationList>[1];
  readonly notice: PublicationNotice;
  readonly format: 'xlsx' | 'html';
}

async function publicationListDocument(
  { records, grading }: Regraded,
  { order, notice, format }: PublicationListRequest,
): Promise<Uint8Array | string> {
  const list = publicationList(dataset(records, grading), order);
  if (format === 'html') return renderPublicationPage(list, notice);
  return written((stream) => writePublicationWorkbook(list, stream, notice));
}

export interface SimulationRequest {
  /** The proposed scheme, validated (resolveScheme) and as JSON. */
  readonly schemeJson: string;
  readonly year: number | null;
  readonly history: readonly ClassHistoryEntry[];
}

function simulation({ records, grading }: Regraded, request: SimulationRequest): Simulation {
  const proposed = gradeRecords(records, parseScheme(JSON.parse(request.schemeJson)));
  return compareGradings(records, grading, proposed, request.year, request.history);
}

/** The jobs, by name: each takes the held grading and a request of plain data, and answers plain data. */
export const REGRADED_JOBS = {
  resultWorkbook: (regraded: Regraded): Promise<Uint8Array> =>
    written((stream) => writeResultWorkbook(regraded.grading, stream)),
  publicationList: publicationListDocument,
  confirmations,
  summary: summaryDocument,
  lowEfficiency: (
    regraded: Regraded,
    request: Scope & { readonly threshold: string },
  ): Promise<Uint8Array> => {
    const data = scopedDataset(regraded, request);
    const list = lowEfficiencyList(data, request.threshold);
    return written((stream) => writeLowEfficiencyWorkbook(list, data.scheme.rounding.value, stream));
  },
  landNotice: (regraded: Regraded, scope: Scope): Promise<Uint8Array> =>
    written((stream) => writeLandNoticeWorkbook(landNotice(scopedDataset(regraded, scope)), stream)),
  letters,
  screening: (
    { records, grading }: Regraded,
    request: { readonly line: string; readonly classD: boolean },
  ): NewLedgerFile[] => screeningFiles(records, grading, request.line, request.classD),
  nextOutcomes,
  simulation,
  nextClass: ({ records, grading }: Regraded, uscc: string): ToNextClass | null | undefined =>
    toNextClass(records, grading.scheme, grading, { only: [uscc] }).get(uscc),
} satisfies Record<string, (regraded: Regraded, request: never) => unknown>;

export type RegradedJobs = typeof REGRADED_JOBS;
export type JobName = keyof RegradedJobs;
export type JobRequest<N extends JobName> = Parameters<RegradedJobs[N]>[1];
export type JobAnswer<N extends JobName> = Awaited<ReturnType<RegradedJobs[N]>>;
export type { NextOutcomeOf };
