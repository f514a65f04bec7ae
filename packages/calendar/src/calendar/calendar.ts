import { CalendarCoverageError, InvalidArgumentError } from '../errors/errors.js';
import { fromEpochDay, isoWeekday, isWeekend, toEpochDay, yearOf } from '../dates/iso-date.js';
import { publicationWindow } from '../window/publication-window.js';
import type { PublicationWindow } from '../window/publication-window.js';
import { isYearEndOf } from './schema.js';
import type { CalendarDocument, HolidayName } from './schema.js';

/**
 * Why a day is or is not a working day, with the notice that says so: what a clerk reads out.
 * `weekday` is ISO: 1 Monday … 7 Sunday.
 */
export type DayExplanation =
  | { readonly date: string; readonly weekday: number; readonly working: true; readonly reason: 'weekday' }
  | { readonly date: string; readonly weekday: number; readonly working: false; readonly reason: 'weekend' }
  | (NoticedDay & { readonly working: false; readonly reason: 'holiday' })
  | (NoticedDay & { readonly working: true; readonly reason: 'make-up' });

interface NoticedDay {
  readonly date: string;
  readonly weekday: number;
  /** The festival(s) whose arrangement makes this a day off (放假) or a make-up day (调休上班). */
  readonly holiday: readonly HolidayName[];
  /** The notice(s) deciding it by 文号, an amending notice last. */
  readonly notices: readonly string[];
}

interface Decided {
  readonly holiday: readonly HolidayName[];
  readonly notices: readonly string[];
}

/**
 * Working days per the State Council's notices: Monday–Friday, minus the days off, plus the weekend make-up
 * days. A date the loaded notices cannot decide throws CalendarCoverageError: never a guess.
 */
export class HolidayCalendar {
  /** The years covered, ascending. */
  readonly coverage: readonly number[];
  /** Notices and holidays marked `verify: true`, as `year 文号` or `year 名称`, for a caller to surface. */
  readonly unverified: readonly string[];
  private readonly covered: ReadonlySet<number>;
  private readonly offDays = new Map<string, Decided>();
  private readonly makeUpDays = new Map<string, Decided>();

  /** Takes a document already validated by `calendarDocumentSchema`; use `loadCalendar` for raw JSON. */
  constructor(readonly document: CalendarDocument) {
    this.coverage = [...document.coverage];
    this.covered = new Set(document.coverage);
    const unverified: string[] = [];
    for (const block of document.years) {
      for (const notice of block.notices) {
        if (notice.verify === true) unverified.push(`${block.year} ${notice.number}`);
      }
      for (const holiday of block.holidays) {
        const decided: Decided = {
          holiday: holiday.names,
          notices: holiday.amendedBy === undefined ? [holiday.notice] : [holiday.notice, holiday.amendedBy],
        };
        if (holiday.verify === true) unverified.push(`${block.year} ${holiday.names.join('、')}`);
        for (let day = toEpochDay(holiday.from); day <= toEpochDay(holiday.to); day++) {
          this.offDays.set(fromEpochDay(day), decided);
        }
        for (const date of holiday.makeUp) this.makeUpDays.set(date, decided);
      }
    }
    this.unverified = unverified;
  }

  isWorkingDay(date: string): boolean {
    return this.explainDay(date).working;
  }

  explainDay(date: string): DayExplanation {
    const day = this.decidable(date);
    const weekday = isoWeekday(day);
    const makeUp = this.makeUpDays.get(date);
    if (makeUp !== undefined) return { date, working: true, reason: 'make-up', weekday, ...makeUp };
    const off = this.offDays.get(date);
    if (off !== undefined) return { date, working: false, reason: 'holiday', weekday, ...off };
    return isWeekend(day)
      ? { date, working: false, reason: 'weekend', weekday }
      : { date, working: true, reason: 'weekday', weekday };
  }

  /**
   * The date `count` working days after `date` (before it when negative), not counting `date` itself:
   * from Friday 2024-09-27, 1 is Sunday 2024-09-29 (a make-up day). 0 returns `date` unchanged.
   */
  addWorkingDays(date: string, count: number): string {
    if (!Number.isSafeInteger(count)) throw new InvalidArgumentError('count', `${count} 不是整数`);
    let day = this.decidable(date);
    const step = count < 0 ? -1 : 1;
    for (let remaining = Math.abs(count); remaining > 0;) {
      day += step;
      if (this.isWorkingDay(fromEpochDay(day))) remaining--;
    }
    return fromEpochDay(day);
  }

  /** The first working day on or after `date`. */
  workingDayOnOrAfter(date: string): string {
    let day = this.decidable(date);
    while (!this.isWorkingDay(fromEpochDay(day))) day++;
    return fromEpochDay(day);
  }

  /** How many working days lie in `from` … `to`, both included; `from` after `to` is an error. */
  workingDaysBetween(from: string, to: string): number {
    const first = this.decidable(from);
    const last = this.decidable(to);
    if (last < first) throw new InvalidArgumentError('range', `${to} 早于 ${from}`);
    let count = 0;
    for (let day = first; day <= last; day++) if (this.isWorkingDay(fromEpochDay(day))) count++;
    return count;
  }

  /** The 公示 window of a list published on `publishedOn` (see `publicationWindow`). */
  publicationWindow(publishedOn: string, workingDays?: number): PublicationWindow {
    return publicationWindow(this, publishedOn, workingDays);
  }

  /** Validates `date` and checks the loaded notices decide it; returns its epoch day. */
  private decidable(date: string): number {
    const day = toEpochDay(date);
    const year = yearOf(date);
    if (!this.covered.has(year)) throw new CalendarCoverageError(date, year, this.coverage);
    if (isYearEndOf(date, year) && !this.covered.has(year + 1)) {
      throw new CalendarCoverageError(date, year + 1, this.coverage);
    }
    return day;
  }
}
