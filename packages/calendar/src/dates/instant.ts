import { InvalidInstantError } from '../errors/errors.js';

/**
 * Instants as RFC 3339 strings with an explicit offset (`2024-10-09T23:59:59+08:00`, `…Z`). A time without
 * an offset would need a guess of the zone, so it is refused. Parsed by hand to epoch milliseconds, so the
 * result does not depend on the engine's Date.parse leniency or the machine's zone; fractions beyond the
 * millisecond are truncated, which never moves an instant across a boundary that is a whole millisecond.
 */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

export function toEpochMs(value: string): number {
  const match = INSTANT.exec(value);
  if (match === null) {
    throw new InvalidInstantError(value, '应为带时区偏移的 ISO 时间，例如 2024-10-09T23:59:59+08:00');
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zulu, sign, oh = '0', om = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = Number(oh);
  const offsetMinutes = Number(om);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    throw new InvalidInstantError(value, '时刻或时区偏移超出范围');
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InvalidInstantError(value, '日历上没有这一天');
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offset = zulu === undefined ? (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) : 0;
  return date.getTime() + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}
