import { InvalidCalendarError } from '../errors/errors.js';
import bundled from '../data/cn-holidays.json' with { type: 'json' };
import { HolidayCalendar } from './calendar.js';
import { calendarDocumentSchema } from './schema.js';

/**
 * A calendar from a document of the bundled file's shape: the parsed JSON, or its text. A bureau adds next
 * year's notice by editing a file, not the code. Every problem is listed with its path.
 */
export function loadCalendar(json: unknown): HolidayCalendar {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown;
    } catch (error) {
      throw new InvalidCalendarError([
        { path: '(root)', message: `not JSON: ${error instanceof Error ? error.message : 'unreadable'}` },
      ]);
    }
  }
  const parsed = calendarDocumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidCalendarError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
    );
  }
  return new HolidayCalendar(parsed.data);
}

/** The bundled calendar: the State Council's notices for 2020–2026 (src/data/cn-holidays.json). */
export const defaultCalendar: HolidayCalendar = loadCalendar(bundled);
