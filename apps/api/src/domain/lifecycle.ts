import { CalendarCoverageError, CalendarError, isWindowOpen } from '@mujun/calendar';
import type { HolidayCalendar } from '@mujun/calendar';
import type { Evaluation, FilingEvaluation, Publication } from '../store/store.js';
import { DomainError, DomainErrorCode } from './errors.js';

/**
 * The evaluation's life (§11): draft → published (the 公示 window runs; objections are filed and
 * decided) → recomputed (once every objection is decided and the window has closed) → final (frozen).
 * Each function checks one step and throws the reason it may not happen.
 */

const STATE_NAMES: Readonly<Record<Evaluation['state'], string>> = {
  draft: '草稿 (draft)',
  published: '公示中 (published)',
  recomputed: '已复核重算 (recomputed)',
  final: '已定稿 (final)',
};

function frozen(evaluation: Pick<Evaluation, 'finalizedAt'>): DomainError {
  return new DomainError(
    DomainErrorCode.Frozen,
    `评价结果已于 ${evaluation.finalizedAt ?? ''} 定稿，不能再更改 (the evaluation is final and frozen)`,
  );
}

function wrongState(evaluation: Pick<Evaluation, 'state' | 'finalizedAt'>, wanted: string): DomainError {
  if (evaluation.state === 'final') return frozen(evaluation);
  return new DomainError(
    DomainErrorCode.InvalidState,
    `评价状态为${STATE_NAMES[evaluation.state]}，${wanted}`,
    { state: evaluation.state },
  );
}

/**
 * Publishing opens the window on `date` (a day in Asia/Shanghai) from the holiday calendar. A date before
 * `today` (Asia/Shanghai, the server's clock) is refused: its window would have opened, or even closed,
 * before anyone could read the list.
 */
export function publication(
  evaluation: Evaluation,
  calendar: HolidayCalendar,
  date: string,
  at: string,
  snapshotEtag: string,
  today: string,
): Publication {
  if (evaluation.state !== 'draft') {
    throw wrongState(evaluation, '只有草稿可以公示 (only a draft can be published)');
  }
  try {
    const window = calendar.publicationWindow(date);
    if (date < today) {
      throw new DomainError(
        DomainErrorCode.InvalidValue,
        `公示日期 ${date} 早于今天（${today}，北京时间）。公示期须从今天或以后开始，` +
          `否则公示期在发布前就已开始甚至结束，企业来不及提出异议。请选择今天或以后的日期。`,
        { date, today },
      );
    }
    return {
      evaluationId: evaluation.id,
      publishedOn: date,
      publishedAt: at,
      window: {
        workingDays: window.workingDays,
        firstDay: window.firstDay,
        lastDay: window.lastDay,
        days: [...window.days],
        opensAt: window.opensAt,
        closesAt: window.closesAt,
      },
      snapshotEtag,
    };
  } catch (error) {
    if (error instanceof CalendarCoverageError) {
      throw new DomainError(DomainErrorCode.CalendarCoverage, error.message, {
        date: error.date,
        missingYear: error.missingYear,
        coverage: error.coverage,
      });
    }
    if (error instanceof CalendarError) throw new DomainError(DomainErrorCode.InvalidValue, error.message);
    throw error;
  }
}

/**
 * A publication may be withdrawn (back to draft) only before its window's first day (Asia/Shanghai):
 * until then nobody could have filed an objection against it.
 */
export function assertWithdrawable(evaluation: Evaluation, today: string): void {
  const window = evaluation.publication?.window;
  if (evaluation.state !== 'published' || window === undefined) {
    throw wrongState(
      evaluation,
      '只有已发布、尚未开始公示的评价可以撤回 (only a publication not yet open can be withdrawn)',
    );
  }
  if (today >= window.firstDay) {
    throw new DomainError(
      DomainErrorCode.InvalidState,
      `公示期已于 ${window.firstDay} 开始，不能再撤回；如有错误，请在复核重算时更正 ` +
        `(the 公示 window opened on ${window.firstDay}; a publication is withdrawn only before)`,
      { state: evaluation.state, firstDay: window.firstDay },
    );
  }
}

/** Objections are taken while the evaluation is published and the window is open at `now`. */
export function assertFilingOpen(evaluation: FilingEvaluation, now: Date): void {
  const window = evaluation.publication?.window;
  if (evaluation.state !== 'published' || window === undefined) {
    throw wrongState(evaluation, '不受理异议 (objections are taken only while the 公示 is open)');
  }
  const at = now.toISOString();
  if (isWindowOpen(window, at)) return;
  if (at < window.opensAt) {
    throw new DomainError(
      DomainErrorCode.WindowNotOpen,
      `公示期自 ${evaluation.publication?.publishedOn ?? ''} 起，尚未开始 (the 公示 window has not opened yet)`,
      { opensAt: window.opensAt, closesAt: window.closesAt },
    );
  }
  throw new DomainError(
    DomainErrorCode.WindowClosed,
    `公示期已于 ${window.lastDay} 24:00（北京时间）结束，逾期异议不予受理 ` +
      `(the 公示 window closed at 24:00 Asia/Shanghai on ${window.lastDay}; a late objection is refused)`,
    { closesAt: window.closesAt, lastDay: window.lastDay },
  );
}

/** Departments decide items while the evaluation is published (before the recomputation). */
export function assertDecisionOpen(evaluation: Evaluation): void {
  if (evaluation.state !== 'published') {
    throw wrongState(evaluation, '异议复核已结束 (objection review is closed)');
  }
}

/** Recomputation: after the window has closed, with every objection item decided. */
export function assertRecomputable(evaluation: Evaluation, now: Date, pendingItems: number): void {
  if (evaluation.state !== 'published') {
    throw wrongState(
      evaluation,
      '只能对公示中的评价重算一次 (only a published evaluation is recomputed, once)',
    );
  }
  const window = evaluation.publication?.window;
  if (window !== undefined && now.toISOString() < window.closesAt) {
    throw new DomainError(
      DomainErrorCode.WindowStillOpen,
      `公示期至 ${window.lastDay} 24:00（北京时间）结束，期间仍可提出异议 (the 公示 window is still open)`,
      { closesAt: window.closesAt },
    );
  }
  if (pendingItems > 0) {
    throw new DomainError(
      DomainErrorCode.ObjectionsPending,
      `尚有 ${pendingItems} 项异议未复核 (${pendingItems} objection item(s) still pending)`,
      { pendingItems },
    );
  }
}

export function assertFinalizable(evaluation: Evaluation): void {
  if (evaluation.state !== 'recomputed') {
    throw wrongState(evaluation, '须先复核重算再定稿 (recompute before finalizing)');
  }
}

/** The 差别化电价 list executes final classes only (§10: from the final publication). */
export function assertFinal(evaluation: Evaluation): void {
  if (evaluation.state !== 'final') {
    throw new DomainError(
      DomainErrorCode.InvalidState,
      `评价状态为${STATE_NAMES[evaluation.state]}，差别化电价清单只能依据定稿的评价结果生成 ` +
        `(the surcharge list is built from a final evaluation only)`,
      { state: evaluation.state },
    );
  }
}

/** The 公示 list is of a published grading: once published, and after (the recomputed and final lists). */
export function assertPublished(evaluation: Evaluation): void {
  if (evaluation.state === 'draft') {
    throw new DomainError(
      DomainErrorCode.InvalidState,
      `评价状态为${STATE_NAMES[evaluation.state]}，公示名单只能在发布公示后生成 ` +
        `(the 公示 list is of a published evaluation)`,
      { state: evaluation.state },
    );
  }
}
