/**
 * An objection's receipt number (受理回执编号), as counties number what they receive: `YY` (异议), the
 * year it was filed in Asia/Shanghai, and its filing sequence (unique over the store, never reused):
 * `YY2025-000123`. Derived, so it needs no column of its own.
 */
export function receiptNumber(seq: number, filedAt: string): string {
  // Asia/Shanghai is UTC+8 all year (no daylight saving).
  const year = new Date(Date.parse(filedAt) + 8 * 3600_000).getUTCFullYear();
  return `YY${String(year)}-${String(seq).padStart(6, '0')}`;
}
