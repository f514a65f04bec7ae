import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import { InvalidCalendarError } from '../errors/errors.js';
import type { CalendarIssueCode } from '../errors/errors.js';
import bundled from '../data/cn-holidays.json' with { type: 'json' };
import { HolidayCalendar } from './calendar.js';
import { calendarDocumentSchema } from './schema.js';

/** zod's own messages (a missing field, a wrong type) in Chinese; the schema's own are written so. */
// typescript-eslint's project service does not resolve zod's `locales` subpath types (tsc does).
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access
const CHINESE: { readonly error: z.core.$ZodErrorMap } = { error: zhCN().localeError };

function issueCode(issue: z.core.$ZodIssue): CalendarIssueCode {
  const own = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof own === 'string' ? (own as CalendarIssueCode) : `schema:${issue.code}`;
}

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
        {
          path: '(root)',
          code: 'not-json',
          message: `不是有效的 JSON（${error instanceof Error ? error.message : '无法读取'}）`,
        },
      ]);
    }
  }
  const parsed = calendarDocumentSchema.safeParse(input, CHINESE);
  if (!parsed.success) {
    throw new InvalidCalendarError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        code: issueCode(issue),
        message: issue.message,
      })),
    );
  }
  return new HolidayCalendar(parsed.data);
}

/** The bundled calendar: the State Council's notices for 2020–2026 (src/data/cn-holidays.json). */
export const defaultCalendar: HolidayCalendar = loadCalendar(bundled);
