import { HolidayCalendar } from './calendar.js';
import { loadCalendar } from './load.js';
import type { CalendarDocument, CalendarYear } from './schema.js';

/**
 * A calendar with a bureau's own years added to `base` (the bundled one): each entered year is added, or
 * replaces the base's entry for the same year (a notice amended after the file was bundled), and the
 * whole is checked by the same schema as the bundled file, so an entered year that contradicts its
 * neighbours (a 元旦 reaching back onto a December make-up day) is refused like a bad bundled file.
 * Throws InvalidCalendarError listing every problem; paths are into the merged document (see `yearIndex`).
 */
export function extendCalendar(base: CalendarDocument, entered: readonly CalendarYear[]): HolidayCalendar {
  if (entered.length === 0) return new HolidayCalendar(base);
  return loadCalendar(mergedDocument(base, entered));
}

/** The document `extendCalendar` validates: the years of both, ascending, an entered year winning. */
export function mergedDocument(base: CalendarDocument, entered: readonly CalendarYear[]): CalendarDocument {
  const byYear = new Map<number, CalendarYear>(base.years.map((block) => [block.year, block]));
  for (const block of entered) byYear.set(block.year, block);
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  return { ...base, coverage: years.map((block) => block.year), years };
}

/** Where `year` sits in the merged document's `years`, to relate a path such as `years.7.holidays.2.from`. */
export function yearIndex(document: CalendarDocument, year: number): number {
  return document.years.findIndex((block) => block.year === year);
}
