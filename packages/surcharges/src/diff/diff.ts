import { dec } from '@mujun/scoring';
import type { DecimalString } from '@mujun/scoring';
import { priceText } from '../policy/price.js';
import type { PreviousListRow } from './previous-list.js';

/** A row of one list only. */
export interface DiffEntry {
  readonly uscc: string;
  readonly name: string;
  readonly account: string;
  readonly price: DecimalString;
}

/** A row of both lists whose executed price changed. */
export interface PriceChange {
  readonly uscc: string;
  readonly name: string;
  readonly account: string;
  readonly from: DecimalString;
  readonly to: DecimalString;
}

/** What the bureau must publish as new: 新增, 移出 and 加价变化 against last year's list. */
export interface ListDiff {
  /** 新增: in this year's list, not last year's. */
  readonly added: readonly DiffEntry[];
  /** 移出: in last year's list, not this year's. */
  readonly removed: readonly DiffEntry[];
  /** 加价变化: in both, at a different price. */
  readonly changed: readonly PriceChange[];
  /** In both at the same price. */
  readonly unchanged: number;
}

interface CurrentRow {
  readonly uscc: string;
  readonly name: string;
  readonly account: string;
  readonly price: DecimalString;
}

const keyOf = (row: { readonly uscc: string; readonly account: string }) => `${row.uscc}|${row.account}`;

/**
 * The diff of two lists row by row, a row being what the grid company executes: one enterprise's one
 * power account (电力户号). Prices compare by value (`0.3` is `0.30`). Added and changed rows are in this
 * year's order, removed ones in last year's; prices are written with at least `dp` decimals.
 */
export function diffLists(
  current: readonly CurrentRow[],
  previous: readonly PreviousListRow[],
  dp: number,
): ListDiff {
  const before = new Map(previous.map((row) => [keyOf(row), row]));
  const now = new Set(current.map(keyOf));
  const added: DiffEntry[] = [];
  const changed: PriceChange[] = [];
  let unchanged = 0;
  for (const row of current) {
    const old = before.get(keyOf(row));
    if (old === undefined) {
      added.push({ uscc: row.uscc, name: row.name, account: row.account, price: row.price });
    } else if (dec(old.price).equals(dec(row.price))) {
      unchanged += 1;
    } else {
      changed.push({
        uscc: row.uscc,
        name: row.name,
        account: row.account,
        from: priceText(dec(old.price), dp),
        to: row.price,
      });
    }
  }
  const removed = previous
    .filter((row) => !now.has(keyOf(row)))
    .map((row) => ({
      uscc: row.uscc,
      name: row.name,
      account: row.account,
      price: priceText(dec(row.price), dp),
    }));
  return { added, removed, changed, unchanged };
}
