import type { Dataset } from '../dataset.js';
import { compareCodes, compareNames, townOf } from '../dataset.js';
import { canonical, sum } from '../decimal.js';
import type { DecimalString } from '../decimal.js';

/**
 * 用地面积公示: the land area each enterprise is evaluated on, published before the results so that a
 * wrong figure is caught while it can still be corrected. Every enterprise of the data is on it (exempt
 * and out-of-scope ones too: their area decides that they are), by town, then by code; areas exactly as
 * verified (亩; converted exactly where given in m²).
 */

export interface LandNoticeRow {
  readonly uscc: string;
  readonly name: string;
  readonly scale: 'above' | 'below';
  readonly town: string;
  readonly landMu: DecimalString;
}

export interface LandNotice {
  readonly rows: readonly LandNoticeRow[];
  readonly towns: readonly {
    readonly town: string;
    readonly enterprises: number;
    readonly landMu: DecimalString;
  }[];
  readonly totalLandMu: DecimalString;
}

export function landNotice(data: Dataset): LandNotice {
  const rows = data.entries
    .map((entry) => ({
      uscc: entry.record.uscc,
      name: entry.record.name,
      scale: entry.record.scale,
      town: townOf(entry),
      landMu: entry.record.landMu,
    }))
    .sort((a, b) => compareNames(a.town, b.town) || compareCodes(a.uscc, b.uscc));
  const towns: { town: string; rows: LandNoticeRow[] }[] = [];
  for (const row of rows) {
    const last = towns.at(-1);
    if (last?.town === row.town) last.rows.push(row);
    else towns.push({ town: row.town, rows: [row] });
  }
  return {
    rows,
    towns: towns.map(({ town, rows: members }) => ({
      town,
      enterprises: members.length,
      landMu: canonical(sum(members.map((row) => row.landMu))),
    })),
    totalLandMu: canonical(sum(rows.map((row) => row.landMu))),
  };
}
