import { calendarYearSchema } from '@mujun/calendar';
import { z } from 'zod';
import { Instant } from './common.js';

/** The wire shapes of the holiday calendar routes: a year's arrangement is the calendar package's schema. */

export const CalendarYear = calendarYearSchema.meta({
  id: 'CalendarYear',
  description:
    'One year’s holiday arrangement as the State Council’s notice gives it: the notice(s), and each ' +
    'festival’s days off (from–to, `days` the notice’s 共N天) and weekend make-up working days (调休上班). ' +
    'The same schema as the bundled calendar file (packages/calendar/src/data/cn-holidays.json).',
});

export const CalendarYearPath = z.object({
  year: z
    .string()
    .regex(/^[1-9][0-9]{3}$/, '应为四位数字年份，如 2027 (a four-digit year such as 2027)')
    .meta({ description: 'the year, e.g. 2027' }),
});

export const CalendarYearEntry = z
  .object({
    year: z.int(),
    source: z.enum(['bundled', 'entered']).meta({
      description: 'bundled: from the calendar shipped with mujun; entered: by the bureau (PUT)',
    }),
    replacesBundled: z.boolean().meta({ description: 'entered for a year the bundled calendar also has' }),
    version: z.int().nullable().meta({ description: 'of an entered year: send it as If-Match to replace' }),
    enteredAt: Instant.nullable(),
    enteredBy: z.string().nullable().meta({ description: 'the token id that entered it' }),
    arrangement: CalendarYear,
  })
  .meta({ id: 'CalendarYearEntry' });

export const CalendarListing = z
  .object({
    timeZone: z.literal('Asia/Shanghai'),
    years: z.array(CalendarYearEntry).meta({ description: 'every year the calendar decides, ascending' }),
  })
  .meta({ id: 'CalendarListing' });

export const OptionalIfMatchHeader = z.object({
  'If-Match': z.string().optional().meta({
    description: 'to replace an entered year: its version, quoted ("1"); absent to enter a new one',
  }),
});
