import type { DecimalString } from '../decimal/decimal.js';
import type { FigureKey, FlagKey, ReasonKey, TextKey } from './fields.js';

export type Scale = 'above' | 'below';
export type Specialized = 'none' | 'province' | 'national';

/**
 * One enterprise's validated record for one data year. Figures are canonical decimal strings; a missing
 * optional figure is undefined (parseRecords gives every record all the keys, in one order, so that they
 * share one shape; JSON leaves the undefined ones out). Reason fields hold the items that count (无, 否,
 * `/`, `-`, `—` dropped).
 */
export type EnterpriseRecord = {
  readonly uscc: string;
  readonly name: string;
  readonly scale: Scale;
  /** The land area in 亩: as given, or converted exactly from 平方米 (m² × 3 / 2000). */
  readonly landMu: DecimalString;
  readonly tax: DecimalString;
  readonly specialized: Specialized;
  readonly subletTenants: number;
  readonly powerAccounts: readonly string[];
  /** Where the record came from (1-based spreadsheet row), for messages. */
  readonly source?: { readonly row: number; readonly file?: string };
  /**
   * Figures the scheme declares (scheme `figures`), by key, as validated text: numbers as canonical
   * decimal strings, yes/no as "1" / "0", dates as YYYY-MM-DD. Undefined when the scheme declares none.
   */
  readonly extra?: Readonly<Record<string, string>> | undefined;
} & { readonly [K in Exclude<FigureKey, 'landMu' | 'tax'>]?: DecimalString | undefined } & {
  readonly [K in FlagKey]: boolean;
} & { readonly [K in ReasonKey]: readonly string[] } & { readonly [K in TextKey]?: string | undefined };
