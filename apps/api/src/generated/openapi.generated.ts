// Generated from apps/api/openapi.json by openapi-typescript (pnpm --filter @mujun/api openapi).
// Do not edit: change the zod schemas in apps/api/src/schemas/ and regenerate.
export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness and store check
     * @description Public.
     */
    get: operations['health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who the token belongs to: role and scope, and the fields an objection may contest
     * @description What the web pages (`/app/`) read after sign-in to show the caller’s side: the role, its department, town or enterprise code, and the contestable fields with their Chinese headers.
     *
     *     Roles: admin, department, town, enterprise.
     */
    get: operations['getSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List evaluations
     * @description Admin sees drafts too; towns and enterprises see published ones.
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['listEvaluations'];
    put?: never;
    /**
     * Upload a year’s data and grade it as a draft
     * @description Reads the CSV/XLSX files as `mujun grade` does (told by content, merged by 统一社会信用代码), validates every cell, and grades them under the scheme. Invalid data is a 422 problem whose `issues` list every bad cell (file, sheet, row, column, cell, value, reason); nothing is stored then. A valid upload is kept as a draft, visible only to admin.
     *
     *     Roles: admin.
     */
    post: operations['createEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One evaluation: state, counts, benchmarks, 公示 window
     * @description Roles: admin, town, enterprise.
     */
    get: operations['getEvaluation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Results, searched, filtered and sorted, a page at a time
     * @description Rows without the trace. `q` finds a fragment of the name or code; cohort, class, status, town and industry narrow the list; without `sort`, the grading’s order (each cohort by rank, then the exempt, then the out-of-scope), else by rank, total, name, code or an indicator’s value, `order` asc or desc. `total` counts every match. A town sees its enterprises only; an enterprise reads its own result, not the list (403). Admin reads the latest grading; towns the published one until the final result replaces it.
     *
     *     Roles: admin, town.
     */
    get: operations['listResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/results/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The searched, filtered and sorted results list as a workbook (XLSX)
     * @description The rows `GET /v1/evaluations/{id}/results` lists for the same query, every page, one sheet: rank, code, name, town, industry, status, cohort, each indicator’s value, bonus, penalty, total and classes, as numeric cells. A town exports its enterprises only. The file name carries the year and the grading (草稿, 公示, 复核后, 定稿).
     *
     *     Roles: admin, town.
     */
    get: operations['exportResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/enterprises/{uscc}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One enterprise’s result with its trace
     * @description The full result with every step of "why": indicator formulas and scores, bonus and penalty items, rank, band and each override with its reason. Immutable once written: a strong ETag, and 304 for If-None-Match.
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getEnterpriseResult'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 公示: date, window and snapshot ETag
     * @description Roles: admin, town, enterprise.
     */
    get: operations['getPublication'];
    put?: never;
    /**
     * Publish a draft: open the 5-working-day 公示 window
     * @description Day 1 is `date` (default: today in Asia/Shanghai) if it is a working day, else the next one; the window closes at 24:00 Asia/Shanghai at the end of day 5, by the State Council holiday calendar (make-up working days included). A date the calendar does not cover is a 422, and so is a date before today in Asia/Shanghai (its window would have opened before the list was out). The results become an immutable snapshot with a strong ETag.
     *
     *     Roles: admin.
     */
    post: operations['publishEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a publication before its window’s first day: the evaluation is a draft again
     * @description Only before the first day of the 公示 window (Asia/Shanghai, the server’s clock): nobody can have filed an objection yet. The publication is removed and the evaluation is a draft again, to be published anew; the audit trail keeps both steps. 409 invalid-state once the window has opened.
     *
     *     Roles: admin.
     */
    post: operations['withdrawPublication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication/snapshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The published results as one immutable document (strong ETag)
     * @description Roles: admin.
     */
    get: operations['getPublishedSnapshot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/finalization/snapshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The final results as one immutable document (strong ETag)
     * @description Roles: admin.
     */
    get: operations['getFinalSnapshot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Objections to an evaluation, as the caller may see them
     * @description Admin: all. A town: its enterprises’. An enterprise: its own. A department: those with items routed to it (only those items).
     *
     *     Roles: admin, department, town, enterprise.
     */
    get: operations['listObjections'];
    put?: never;
    /**
     * File an objection (异议) while the 公示 window is open
     * @description By the enterprise itself, or by its town on its behalf. Multipart: `objection` (JSON: contested fields with claimed values, and a reason) and 1–10 `evidence` files, PDF, JPEG or PNG by content (the name and Content-Type are ignored), ≤ 10 MB each. Requires Idempotency-Key. Each item is routed to the department that owns its figure. Late (window closed) is 409 window-closed; another enterprise’s code from an enterprise token is 403 wrong-enterprise; an oversized file is 413.
     *
     *     Roles: admin, town, enterprise.
     */
    post: operations['fileObjection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One objection with its items’ status
     * @description Roles: admin, department, town, enterprise.
     */
    get: operations['getObjection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}/evidence/{evidenceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An evidence file, as filed
     * @description Roles: admin, department, town, enterprise.
     */
    get: operations['getEvidence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/review-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Objection items to review: a department’s own, or all for admin
     * @description Roles: admin, department.
     */
    get: operations['listReviewItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/objections/{id}/items/{itemId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Uphold (with the corrected value) or reject (with a reason) one item
     * @description Only the department the item is routed to (or admin), while the evaluation is published. Requires If-Match with the item’s version: 428 without it, 412 when another decision came first. A decision may be revised (with the new version) until the evaluation is recomputed.
     *
     *     Roles: admin, department.
     */
    put: operations['decideObjectionItem'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/recomputation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The recomputation’s diff
     * @description Roles: admin.
     */
    get: operations['getRecomputation'];
    put?: never;
    /**
     * Recompute the cohorts with the upheld corrections, and show who moved and why
     * @description Once the 公示 window has closed and every objection item is decided: the upheld corrected values replace the contested figures, the whole evaluation is graded again under the same scheme (benchmarks and ranks depend on everyone), and the diff lists every enterprise whose class, score or rank changed.
     *
     *     Roles: admin.
     */
    post: operations['recomputeEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/finalization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Finalize: freeze the recomputed result
     * @description After this, objections, decisions and recomputation answer 409 final; towns and enterprises read the final result.
     *
     *     Roles: admin.
     */
    post: operations['finalizeEvaluation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/workbook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The result workbook (XLSX), as `mujun grade --out result.xlsx` writes it
     * @description One sheet per cohort by rank, with each indicator’s value, benchmark and score, the bonus and penalty items, total, band and final class and every override’s reason, as numeric cells with the method’s decimals; then the enterprises not rated with the reason. Of the latest grading: the initial one (draft or published), the recomputed one once there is one (recomputed or final). Ranks and scores: the bureau’s only.
     *
     *     Roles: admin.
     */
    get: operations['getResultWorkbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/publication-list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 公示 list by class (XLSX or the printable page), as `mujun publish` writes it
     * @description Each cohort’s enterprises by final class, names and towns only, 排名不分先后: no rank, no score; with the appendices of exempt enterprises (and why) and of protected ones. It is the notice the county posts, so whoever may read the published results reads all of it: the bureau, and towns and enterprises, as a notice of the whole county rather than of their own scope. Of the grading the caller reads: the published one, then the final one; the bureau also the recomputed one before finalization (the final list to be). 409 invalid-state for a draft (towns and enterprises see no drafts: 404).
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getPublicationList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/reports/{report}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A published document: 评价汇总, 低效企业筛选, 用地面积公示 or 一企一单
     * @description As `mujun publish` writes them, from the grading the caller reads. summary: xlsx or html (charts, 亩均税收 by town); low-efficiency and land-notice: xlsx (亩均税收 below 1 万元/亩); the bureau’s only (403 for others). confirmation: the printable 一企一单 (html), of one enterprise (`uscc`) or of every one the caller may see: the bureau all, a town its own, an enterprise itself (another’s: 404).
     *
     *     Roles: admin, town, enterprise.
     */
    get: operations['getReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evaluations/{id}/surcharges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 差别化电价 list of a final evaluation, as data, CSV, XLSX or the publication page
     * @description Prices each enterprise’s final class for the evaluation’s data year (`year`, given at upload) with the scheme’s policy table, one row per power account (电力户号), with no stacking over an existing surcharge, as `mujun surcharges` does. Consecutive D years come from the final results of the final evaluation of each earlier year in the store (the last finalized when a year has several; a year without one breaks every run); the execution period starts on the first of the month after the finalization date (Asia/Shanghai); the diff (新增 / 移出 / 加价变化) is against the list of the previous year’s final evaluation, when there is one, under its own scheme. `docNo` is the 依据文号 the rows carry: the list’s own decision, issued after finalization, so it is asked for here rather than stored with the evaluation. 409 when the evaluation is not final (problem type invalid-state), was uploaded without a year (no-data-year), or its scheme has no electricity price policy (no-surcharge-policy). `format` picks the body: JSON (the schema below), CSV for the grid company (UTF-8 with BOM, the §10 Chinese headers and 备注), XLSX, or the HTML publication page.
     *
     *     Roles: admin, department (power only).
     */
    get: operations['getSurcharges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit trail: every state change with actor, time, before and after
     * @description Append-only (the database refuses updates and deletes). Oldest first; filter by entity and id.
     *
     *     Roles: admin.
     */
    get: operations['listAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This API’s OpenAPI 3.1 document
     * @description Public.
     */
    get: operations['openapi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The API reference as a page to read
     * @description Public.
     */
    get: operations['reference'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    PublishRequest: {
      /**
       * Format: date
       * @description the publication date; default today in Asia/Shanghai
       */
      date?: string;
    };
    NewObjection: {
      /** @description the enterprise; an enterprise token may leave it out */
      uscc?: components['schemas']['Uscc'];
      reason: string;
      items: {
        field: components['schemas']['ContestableField'];
        claimedValue: components['schemas']['Decimal'];
      }[];
    };
    /**
     * @description 统一社会信用代码
     * @example 91331003MA209HKA5H
     */
    Uscc: string;
    /**
     * @description a figure of the data dictionary; each is routed to the department that owns it
     * @enum {string}
     */
    ContestableField:
      | 'tax'
      | 'addedValue'
      | 'revenue'
      | 'employees'
      | 'energyTce'
      | 'rdExpense'
      | 'exportValue'
      | 'emissionsTon'
      | 'electricityKwh'
      | 'landAreaMu';
    /**
     * Format: decimal
     * @example 1356.8
     */
    Decimal: string;
    Decision:
      | {
          /** @constant */
          decision: 'upheld';
          /** @description the verified figure (may differ from the claim) */
          correctedValue: components['schemas']['Decimal'];
          reason?: string;
        }
      | {
          /** @constant */
          decision: 'rejected';
          reason: string;
        };
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      instance?: string;
      traceId?: string;
      errors?: {
        /** @description JSON Pointer (RFC 6901) into the request, as `#/path` */
        pointer: string;
        detail: string;
      }[];
      issues?: components['schemas']['DataIssue'][];
    } & {
      [key: string]: unknown;
    };
    DataIssue: {
      file?: string;
      sheet?: string;
      row: number;
      /** @description the English key of the column */
      column: string;
      header?: string;
      /** @description Excel reference such as F12 */
      cell?: string;
      value: string;
      reason: string;
    };
    Session: {
      /** @enum {string} */
      role: 'admin' | 'department' | 'town' | 'enterprise';
      /** @enum {string} */
      department?: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology';
      /** @description the department in Chinese, e.g. 税务 */
      departmentLabel?: string;
      town?: string;
      uscc?: components['schemas']['Uscc'];
      /** @description the figures an objection may contest, and the department each goes to */
      contestableFields: {
        /** @enum {string} */
        field:
          | 'tax'
          | 'addedValue'
          | 'revenue'
          | 'employees'
          | 'energyTce'
          | 'rdExpense'
          | 'exportValue'
          | 'emissionsTon'
          | 'electricityKwh'
          | 'landAreaMu';
        /** @description the data dictionary’s Chinese header */
        header: string;
        /** @enum {string} */
        department: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology';
        nonNegative: boolean;
      }[];
    };
    Evaluation: {
      id: string;
      name: string;
      /** @description 评价年度, the data year graded (e.g. 2025); null when the upload did not give one */
      year: number | null;
      state: components['schemas']['EvaluationState'];
      version: number;
      scheme: {
        id: string;
        name: string;
      };
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      createdAt: string;
      enterprises: number;
      summary: components['schemas']['GradingSummary'];
      publication: components['schemas']['Publication'] | null;
      recomputedAt: string | null;
      finalizedAt: string | null;
      finalEtag: string | null;
      /**
       * Format: date
       * @description the server’s date in Asia/Shanghai when it answered (reads of the evaluation): with the window, whether the 公示 has yet to open, is open or has closed
       */
      today?: string;
    };
    /**
     * @description draft → published (公示 window) → recomputed (objections decided) → final (frozen)
     * @enum {string}
     */
    EvaluationState: 'draft' | 'published' | 'recomputed' | 'final';
    GradingSummary: {
      counts: {
        rated: number;
        exempt: number;
        outOfScope: number;
      };
      cohorts: {
        [key: string]: {
          id: string;
          label: string;
          rated: number;
          benchmarks: {
            [key: string]: components['schemas']['Decimal'] | null;
          };
          bandLimits: {
            [key: string]: number;
          };
          bandCounts: {
            [key: string]: number;
          };
          finalCounts: {
            [key: string]: number;
          };
        };
      };
      warnings: string[];
    };
    Publication: {
      evaluationId: string;
      /**
       * Format: date
       * @description A day in Asia/Shanghai, YYYY-MM-DD
       */
      publishedOn: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      publishedAt: string;
      window: {
        workingDays: number;
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        firstDay: string;
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        lastDay: string;
        days: string[];
        /**
         * Format: date-time
         * @description An ISO 8601 instant
         */
        opensAt: string;
        /**
         * Format: date-time
         * @description 24:00 Asia/Shanghai at the end of the last working day
         */
        closesAt: string;
      };
      /** @description the strong ETag of the published snapshot */
      snapshotEtag: string;
    };
    EvaluationsPage: {
      data: components['schemas']['Evaluation'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    ResultsPage: {
      data: components['schemas']['ResultSummary'][];
      /** @description null on the last page */
      next_cursor: string | null;
      /** @description how many results match the query, over every page */
      total: number;
    };
    ResultSummary: {
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @enum {string} */
      scale: 'above' | 'below';
      town: string | null;
      park: string | null;
      industryCode: string | null;
      industryName: string | null;
      /** @enum {string} */
      status: 'rated' | 'exempt' | 'out_of_scope';
      cohort: string | null;
      indicators: {
        [key: string]: {
          label: string;
          unit: string;
          value: components['schemas']['Decimal'] | null;
          applicable: boolean;
          benchmark: components['schemas']['Decimal'] | null;
          weight: components['schemas']['Decimal'];
          score: components['schemas']['Decimal'];
        };
      };
      bonusItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      bonus: components['schemas']['Decimal'] | null;
      penaltyItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      penalty: components['schemas']['Decimal'] | null;
      totalScore: components['schemas']['Decimal'] | null;
      rank: number | null;
      bandClass: string | null;
      finalClass: string | null;
      finalClassLabel: string | null;
      overrides: {
        step: string;
        label: string;
        from: string;
        to: string;
        reason: string;
      }[];
    };
    EnterpriseResult: {
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @enum {string} */
      scale: 'above' | 'below';
      town: string | null;
      park: string | null;
      industryCode: string | null;
      industryName: string | null;
      /** @enum {string} */
      status: 'rated' | 'exempt' | 'out_of_scope';
      cohort: string | null;
      indicators: {
        [key: string]: {
          label: string;
          unit: string;
          value: components['schemas']['Decimal'] | null;
          applicable: boolean;
          benchmark: components['schemas']['Decimal'] | null;
          weight: components['schemas']['Decimal'];
          score: components['schemas']['Decimal'];
        };
      };
      bonusItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      bonus: components['schemas']['Decimal'] | null;
      penaltyItems: {
        id: string;
        label: string;
        points: components['schemas']['Decimal'];
        classShift?: number;
      }[];
      penalty: components['schemas']['Decimal'] | null;
      totalScore: components['schemas']['Decimal'] | null;
      rank: number | null;
      bandClass: string | null;
      finalClass: string | null;
      finalClassLabel: string | null;
      overrides: {
        step: string;
        label: string;
        from: string;
        to: string;
        reason: string;
      }[];
      trace: components['schemas']['TraceEntry'][];
    };
    /** @description one line of "why": the rule, what it compared, what it decided */
    TraceEntry:
      | {
          /** @constant */
          rule: 'scope';
          /** @enum {string} */
          status: 'rated' | 'exempt' | 'out_of_scope';
          ruleId: string | null;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'cohort';
          cohort: string;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'indicator';
          indicator: string;
          applicable: boolean;
          score: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'bonus';
          item: string;
          points: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'bonusCap';
          cap: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'penalty';
          item: string;
          points: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'penaltyCap';
          cap: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'total';
          totalScore: components['schemas']['Decimal'];
          detail: string;
        }
      | {
          /** @constant */
          rule: 'rank';
          rank: number;
          of: number;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'band';
          class: string;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'override';
          step: string;
          from: string;
          to: string;
          detail: string;
        }
      | {
          /** @constant */
          rule: 'final';
          class: string | null;
          detail: string;
        };
    Snapshot: {
      evaluationId: string;
      /** @enum {string} */
      phase: 'published' | 'final';
      results: components['schemas']['EnterpriseResult'][];
    };
    Objection: {
      id: string;
      evaluationId: string;
      uscc: components['schemas']['Uscc'];
      name: string;
      town: string | null;
      reason: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      filedAt: string;
      /** @enum {string} */
      filedBy: 'admin' | 'town' | 'enterprise';
      /**
       * @description decided once every item is upheld or rejected
       * @enum {string}
       */
      status: 'under_review' | 'decided';
      items: components['schemas']['ObjectionItem'][];
      evidence: components['schemas']['Evidence'][];
    };
    ObjectionItem: {
      id: string;
      field: components['schemas']['ContestableField'];
      header: string;
      department: components['schemas']['Department'];
      /** @description the figure as graded when the objection was filed */
      currentValue: components['schemas']['Decimal'] | null;
      claimedValue: components['schemas']['Decimal'];
      /** @enum {string} */
      status: 'pending' | 'upheld' | 'rejected';
      correctedValue: components['schemas']['Decimal'] | null;
      decisionReason: string | null;
      decidedAt: string | null;
      /** @description send as If-Match: "<version>" to decide */
      version: number;
    };
    /** @enum {string} */
    Department: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology';
    Evidence: {
      id: string;
      filename: string;
      /** @enum {string} */
      mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
      size: number;
      sha256: string;
    };
    ObjectionsPage: {
      data: components['schemas']['Objection'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    ReviewItemsPage: {
      data: components['schemas']['ReviewItem'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    ReviewItem: {
      id: string;
      field: components['schemas']['ContestableField'];
      header: string;
      department: components['schemas']['Department'];
      /** @description the figure as graded when the objection was filed */
      currentValue: components['schemas']['Decimal'] | null;
      claimedValue: components['schemas']['Decimal'];
      /** @enum {string} */
      status: 'pending' | 'upheld' | 'rejected';
      correctedValue: components['schemas']['Decimal'] | null;
      decisionReason: string | null;
      decidedAt: string | null;
      /** @description send as If-Match: "<version>" to decide */
      version: number;
      objectionId: string;
      evaluationId: string;
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @description the last day of the 公示 window (Asia/Shanghai) the objection was filed in: the bureau recomputes once it has passed and every item is decided */
      windowLastDay: string | null;
    };
    Recomputation: {
      evaluationId: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      recomputedAt: string;
      /** @description upheld objection items applied */
      corrections: number;
      /** @description per cohort, the benchmarks that changed */
      benchmarks: {
        [key: string]: {
          [key: string]: {
            before: components['schemas']['Decimal'] | null;
            after: components['schemas']['Decimal'] | null;
          };
        };
      };
      /** @description every enterprise corrected, or whose class, rank or cohort changed; movers first */
      changes: {
        uscc: components['schemas']['Uscc'];
        name: string;
        town: string | null;
        cohortBefore: string | null;
        cohortAfter: string | null;
        classBefore: string | null;
        classAfter: string | null;
        scoreBefore: components['schemas']['Decimal'] | null;
        scoreAfter: components['schemas']['Decimal'] | null;
        rankBefore: number | null;
        rankAfter: number | null;
        movedClass: boolean;
        /** @description the upheld corrections to this enterprise */
        corrections: {
          field: string;
          header: string;
          /** @enum {string} */
          department: 'tax' | 'statistics' | 'natural-resources' | 'power' | 'ecology';
          from: components['schemas']['Decimal'] | null;
          to: components['schemas']['Decimal'];
          objectionId: string;
          itemId: string;
        }[];
        /** @description why it changed, in a clerk’s words */
        why: string[];
      }[];
      /** @description how many other enterprises’ scores moved with their cohort’s benchmarks while class and rank stayed */
      scoreOnly: number;
      summary: components['schemas']['GradingSummary'];
    };
    SurchargeList: {
      evaluationId: string;
      /** @description 评价年度: the evaluation’s data year */
      year: number;
      scheme: {
        id: string;
        name: string;
      };
      /** @description 差别化电价 */
      label: string;
      /** @description 元/kWh */
      unit: string;
      priceDecimals: number;
      policyClasses: {
        id: string;
        label: string;
        tiers: string;
      }[];
      policySources: string[];
      /** @description the class whose consecutive years are counted (D) */
      worstClass: string;
      /**
       * Format: date
       * @description the finalization date in Asia/Shanghai
       */
      publishedOn: string;
      period: {
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        start: string;
        /**
         * Format: date
         * @description A day in Asia/Shanghai, YYYY-MM-DD
         */
        end: string;
      };
      documentNumber: string;
      rows: components['schemas']['SurchargeRow'][];
      enterprises: {
        uscc: components['schemas']['Uscc'];
        name: string;
        industryCode: string | null;
        industry: string;
        town: string;
        class: string;
        /** @description years in its class in a row, this year included */
        consecutiveYears: number;
        accounts: string[];
        price: components['schemas']['Decimal'];
        policyPrice: components['schemas']['Decimal'];
        existingPrice: components['schemas']['Decimal'] | null;
        /**
         * @description which surcharge is executed: this policy’s, or the higher one already paid
         * @enum {string}
         */
        basis: 'policy' | 'existing';
        /** @description not surcharged under this policy last year */
        newlySurcharged: boolean;
      }[];
      newIndustries: {
        /** @description GB/T 4754 大类, e.g. C33; null when unspecified */
        code: string | null;
        label: string;
        enterprises: {
          uscc: components['schemas']['Uscc'];
          name: string;
          town: string;
          industryCode: string | null;
          class: string;
          price: components['schemas']['Decimal'];
        }[];
        prices: components['schemas']['Decimal'][];
      }[];
      /** @description against the list of the previous year’s final evaluation; null when there is none */
      diff: {
        /** @description 新增 */
        added: {
          uscc: components['schemas']['Uscc'];
          name: string;
          account: string;
          price: components['schemas']['Decimal'];
        }[];
        /** @description 移出 */
        removed: {
          uscc: components['schemas']['Uscc'];
          name: string;
          account: string;
          price: components['schemas']['Decimal'];
        }[];
        /** @description 加价变化 */
        changed: {
          uscc: components['schemas']['Uscc'];
          name: string;
          account: string;
          from: components['schemas']['Decimal'];
          to: components['schemas']['Decimal'];
        }[];
        unchanged: number;
      } | null;
      warnings: string[];
      /** @description where the class history and last year’s list came from */
      sources: {
        /** @description the earlier years’ final evaluations the class history was taken from, newest first */
        history: {
          year: number;
          evaluationId: string;
        }[];
        /** @description the previous year’s final evaluation, whose list the diff compares with */
        previous: {
          year: number;
          evaluationId: string;
        } | null;
      };
    };
    /** @description one power account (电力户号) of one surcharged enterprise */
    SurchargeRow: {
      uscc: components['schemas']['Uscc'];
      name: string;
      /** @description 电力户号; empty when the record names none (see noAccount) */
      account: string;
      noAccount: boolean;
      /** @description 行业: the industry name, else its code */
      industry: string;
      town: string;
      /** @description 评价年度 */
      year: number;
      /** @description 类别, the final class */
      class: string;
      /** @description 连续D类年数: years in the worst class in a row, this year included; 0 for others */
      consecutiveDYears: number;
      /** @description 加价标准 executed: the higher of the policy’s and the existing one */
      price: components['schemas']['Decimal'];
      policyPrice: components['schemas']['Decimal'];
      existingPrice: components['schemas']['Decimal'] | null;
      /**
       * @description which surcharge is executed: this policy’s, or the higher one already paid
       * @enum {string}
       */
      basis: 'policy' | 'existing';
      /**
       * Format: date
       * @description 执行起始日期
       */
      start: string;
      /**
       * Format: date
       * @description 执行截止日期
       */
      end: string;
      /** @description 依据文号 */
      documentNumber: string;
      /** @description 备注: no stacking, a missing power account */
      note: string;
    };
    AuditPage: {
      data: components['schemas']['AuditEntry'][];
      /** @description null on the last page */
      next_cursor: string | null;
    };
    AuditEntry: {
      seq: number;
      /**
       * Format: date-time
       * @description An ISO 8601 instant
       */
      at: string;
      actor: {
        id: string;
        /** @enum {string} */
        role: 'admin' | 'department' | 'town' | 'enterprise' | 'system';
      };
      entity: string;
      entityId: string;
      action: string;
      /** @description the state before, or null for a creation */
      before: unknown;
      after: unknown;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the service and its store answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            status: 'ok';
          };
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listEvaluations: {
    parameters: {
      query?: {
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of evaluations */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  createEvaluation: {
    parameters: {
      query?: never;
      header?: {
        /** @description a unique value per request (1–255 visible ASCII); a retry reuses it */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description CSV or XLSX files, one per department, merged by 统一社会信用代码 */
          data: string[];
          /** @description a preset id (reference, huangyan-2022) or a scheme JSON document; default reference */
          scheme?: string;
          /** @description e.g. 2025年度亩均效益评价 */
          name?: string;
          /** @description 评价年度, the data year graded, e.g. 2025. Needed for the 差别化电价 list, which also takes the class history from the final evaluations of earlier years */
          year?: string;
          /** @description the workbook sheet, default the first visible */
          sheet?: string;
          /**
           * @description CSV encoding; auto (default) detects
           * @enum {string}
           */
          encoding?: 'auto' | 'utf8' | 'gb18030' | 'gbk';
        };
      };
    };
    responses: {
      /** @description the draft evaluation */
      201: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description a file or field over its limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the evaluation */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listResults: {
    parameters: {
      query?: {
        /** @description a fragment of the enterprise’s name or of its 统一社会信用代码 */
        q?: string;
        /** @description cohort id, e.g. above (规上) or below (规下) */
        cohort?: string;
        /** @description final class, e.g. A, B, C, D or T */
        class?: string;
        /** @description 所属乡镇街道, exactly as in the data */
        town?: string;
        /** @description GB/T 4754 code or its prefix: 36 (大类), 367, 3670 or C3670 */
        industry?: string;
        /** @description rated (参评), exempt (暂不评价) or out_of_scope */
        status?: 'rated' | 'exempt' | 'out_of_scope';
        /** @description rank (default: each cohort by rank, then the unrated), total, name, code, or the key of one of the scheme’s indicators (e.g. taxPerMu) to sort by its value */
        sort?: string;
        /** @description asc (default) or desc */
        order?: 'asc' | 'desc';
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of results */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResultsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  exportResults: {
    parameters: {
      query?: {
        /** @description a fragment of the enterprise’s name or of its 统一社会信用代码 */
        q?: string;
        /** @description cohort id, e.g. above (规上) or below (规下) */
        cohort?: string;
        /** @description final class, e.g. A, B, C, D or T */
        class?: string;
        /** @description 所属乡镇街道, exactly as in the data */
        town?: string;
        /** @description GB/T 4754 code or its prefix: 36 (大类), 367, 3670 or C3670 */
        industry?: string;
        /** @description rated (参评), exempt (暂不评价) or out_of_scope */
        status?: 'rated' | 'exempt' | 'out_of_scope';
        /** @description rank (default: each cohort by rank, then the unrated), total, name, code, or the key of one of the scheme’s indicators (e.g. taxPerMu) to sort by its value */
        sort?: string;
        /** @description asc (default) or desc */
        order?: 'asc' | 'desc';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEnterpriseResult: {
    parameters: {
      query?: never;
      header?: {
        /** @description an ETag already held: 304 when unchanged */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
        uscc: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the result */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterpriseResult'];
        };
      };
      /** @description not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPublication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the publication */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Publication'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  publishEvaluation: {
    parameters: {
      query?: never;
      header?: {
        /** @description a unique value per request (1–255 visible ASCII); a retry reuses it */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PublishRequest'];
      };
    };
    responses: {
      /** @description the evaluation, published */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  withdrawPublication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the evaluation, a draft again */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPublishedSnapshot: {
    parameters: {
      query?: never;
      header?: {
        /** @description an ETag already held: 304 when unchanged */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every result as published */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Snapshot'];
        };
      };
      /** @description not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFinalSnapshot: {
    parameters: {
      query?: never;
      header?: {
        /** @description an ETag already held: 304 when unchanged */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every result as finalized */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Snapshot'];
        };
      };
      /** @description not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listObjections: {
    parameters: {
      query?: {
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of objections */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectionsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  fileObjection: {
    parameters: {
      query?: never;
      header: {
        /** @description required: a unique value per filing (1–255 visible ASCII); a retry reuses it */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          objection: components['schemas']['NewObjection'];
          /** @description 1–10 files, PDF, JPEG or PNG (told by content), at most 10 MB each */
          evidence: string[];
        };
      };
    };
    responses: {
      /** @description the objection, under review */
      201: {
        headers: {
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Objection'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description a file or field over its limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getObjection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the objection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Objection'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        evidenceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, with its media type as told by its content */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listReviewItems: {
    parameters: {
      query?: {
        status?: 'pending' | 'decided';
        evaluation?: string;
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of items */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewItemsPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  decideObjectionItem: {
    parameters: {
      query?: never;
      header: {
        /** @description the item version read, quoted: "1" */
        'If-Match': string;
      };
      path: {
        id: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['Decision'];
      };
    };
    responses: {
      /** @description the decided item */
      200: {
        headers: {
          /** @description a strong ETag: the SHA-256 of the exact bytes */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObjectionItem'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description wrong content type, or evidence that is no PDF, JPEG or PNG */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the request is well-formed but refused (see the problem type) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRecomputation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the diff */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Recomputation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  recomputeEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the diff */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Recomputation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  finalizeEvaluation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the evaluation, final */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evaluation'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getResultWorkbook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPublicationList: {
    parameters: {
      query?: {
        /** @description xlsx (default): the list workbook, one sheet per cohort by class and the appendices; html: the printable 公示 page */
        format?: 'xlsx' | 'html';
        /** @description the order within a class (排名不分先后): name (default), in 拼音 order, or 统一社会信用代码 */
        order?: 'name' | 'code';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the list */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReport: {
    parameters: {
      query?: {
        /** @description xlsx (default) or html */
        format?: 'xlsx' | 'html';
        /** @description confirmation: one enterprise only */
        uscc?: string;
      };
      header?: never;
      path: {
        id: string;
        /** @description summary (评价汇总, xlsx or html with charts), low-efficiency (低效企业筛选, xlsx), land-notice (用地面积公示, xlsx), confirmation (一企一单, html: one enterprise, or every one the caller may see) */
        report: 'summary' | 'low-efficiency' | 'land-notice' | 'confirmation';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the document */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSurcharges: {
    parameters: {
      query: {
        /** @description 依据文号, the decision the list executes, e.g. 黄经信〔2026〕12号 (the 依据文号 column) */
        docNo: string;
        /** @description json (default): the list as data; csv: the list for the grid company (UTF-8 with BOM, the §10 headers and 备注); xlsx: the same with numeric cells, the newly surcharged industries, the diff and notes; html: the publication page */
        format?: 'json' | 'csv' | 'xlsx' | 'html';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the list */
      200: {
        headers: {
          /** @description for a file format (csv, xlsx): attachment, with the file name */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurchargeList'];
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html': string;
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not found, or outside the caller’s scope */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the current state (see the problem type) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listAudit: {
    parameters: {
      query?: {
        entity?: string;
        entityId?: string;
        /** @description page size, 1–100 (default 50) */
        limit?: string;
        /** @description the `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of entries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
      /** @description invalid request (problem type validation, malformed-json, malformed-multipart) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no, malformed or unknown bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the token’s role may not use this route */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  openapi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  reference: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description HTML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description an internal error; the problem’s traceId is in the server log */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
