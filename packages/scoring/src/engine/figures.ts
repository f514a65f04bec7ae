import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import { FIGURE_KEYS, FLAG_KEYS } from '../records/fields.js';
import type { FlagKey, ReasonKey } from '../records/fields.js';
import { approx, signOf } from './exact.js';

/**
 * The float image of every figure a scheme reads, one Float64Array per figure key by record index, and
 * each record's traits (TRAIT bits), read in one pass over the records: the conditions then read typed
 * arrays, not a hundred thousand records scattered in memory once per condition. NaN marks a missing
 * figure. The images only feed exact.ts's estimates (they are what `approx` gives for the same string);
 * every exact fallback reads the record's string.
 */
export class FigureTable {
  readonly #records: readonly EnterpriseRecord[];
  readonly #columns = new Map<string, Float64Array>();
  /** TRAIT bits by record index. */
  readonly traits: Uint16Array;

  constructor(records: readonly EnterpriseRecord[], keys: readonly string[]) {
    this.#records = records;
    const own = keys.filter((key) => BUILT_IN.has(key));
    const extra = keys.filter((key) => !BUILT_IN.has(key));
    const columns = own.map((key) => {
      const column = new Float64Array(records.length);
      this.#columns.set(key, column);
      return column;
    });
    this.traits = new Uint16Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as EnterpriseRecord;
      const figures = record as unknown as Readonly<Record<string, DecimalString | undefined>>;
      for (let k = 0; k < own.length; k++) {
        const text = figures[own[k] as string];
        (columns[k] as Float64Array)[i] = text === undefined ? Number.NaN : approx(text);
      }
      this.traits[i] = traitsOf(record);
    }
    // Figures the scheme declares live in each record's `extra`.
    for (const key of extra) {
      const column = new Float64Array(records.length);
      this.#columns.set(key, column);
      for (let i = 0; i < records.length; i++) {
        const text = (records[i] as EnterpriseRecord).extra?.[key];
        column[i] = text === undefined ? Number.NaN : approx(text);
      }
    }
  }

  /** The float images of one figure by record index (NaN where missing). */
  column(key: string): Float64Array {
    const column = this.#columns.get(key);
    if (column === undefined) throw new Error(`figure ${key} was not read`);
    return column;
  }

  /** The exact figure, for the fallbacks. */
  text(i: number, key: string): DecimalString | undefined {
    return figureOf(this.#records[i] as EnterpriseRecord, key);
  }

  /**
   * The exact figure's sign from its float image: a non-zero image has the figure's sign (the image is
   * monotone and maps 0 to 0); only a zero image (0 itself, or a figure below float range) reads the string.
   */
  signAt(i: number, key: string, image: number): -1 | 0 | 1 {
    if (image > 0) return 1;
    if (image < 0) return -1;
    return signOf(this.text(i, key) ?? '0');
  }

  /**
   * Whether a denominator is there and not zero, from its float image: NaN is missing, and a zero image
   * is the figure "0" unless the string says otherwise (a figure below float range).
   */
  isDivisor(i: number, key: string, image: number): boolean {
    if (image !== 0) return !Number.isNaN(image);
    return this.text(i, key) !== '0';
  }
}

/** One bit per yes/no fact of a record that conditions test (scale, level, flags, reasons given). */
export const TRAIT = {
  above: 1 << 0,
  below: 1 << 1,
  none: 1 << 2,
  province: 1 << 3,
  national: 1 << 4,
  emergencySupplier: 1 << 5,
  keyChainLink: 1 << 6,
  highTech: 1 << 7,
  vetoReasons: 1 << 8,
  protectedReason: 1 << 9,
  exemptReason: 1 << 10,
} as const satisfies Record<
  FlagKey | ReasonKey | EnterpriseRecord['scale'] | EnterpriseRecord['specialized'],
  number
>;

/** A record's TRAIT bits: its scale and level, its flags, whether it gives each reason. */
function traitsOf(record: EnterpriseRecord): number {
  return (
    TRAIT[record.scale] |
    TRAIT[record.specialized] |
    (record.emergencySupplier ? TRAIT.emergencySupplier : 0) |
    (record.keyChainLink ? TRAIT.keyChainLink : 0) |
    (record.highTech ? TRAIT.highTech : 0) |
    (record.vetoReasons.length > 0 ? TRAIT.vetoReasons : 0) |
    (record.protectedReason.length > 0 ? TRAIT.protectedReason : 0) |
    (record.exemptReason.length > 0 ? TRAIT.exemptReason : 0)
  );
}

const BUILT_IN: ReadonlySet<string> = new Set<string>(FIGURE_KEYS);
const FLAGS: ReadonlySet<string> = new Set<string>(FLAG_KEYS);

/** Whether a flag is a record's own (a TRAIT bit) rather than one the scheme declares. */
export function isBuiltInFlag(key: string): key is FlagKey {
  return FLAGS.has(key);
}

/** A figure by key: the record's own, else one the scheme declares (record.extra). */
export function figureOf(record: EnterpriseRecord, key: string): DecimalString | undefined {
  const own = (record as unknown as Record<string, DecimalString | undefined>)[key];
  return own !== undefined || BUILT_IN.has(key) ? own : record.extra?.[key];
}

/** A yes/no figure: a built-in flag, or a declared yes/no figure ("1"). */
export function flagOf(record: EnterpriseRecord, key: string): boolean {
  if (FLAGS.has(key)) return (record as unknown as Record<string, boolean>)[key] === true;
  return record.extra?.[key] === '1';
}
