import { fixed } from '@mujun/scoring';
import type { Dec, DecimalString } from '@mujun/scoring';

/** The decimals a decimal string is written with (`0.125` → 3, `1` → 0). */
export function decimalsOf(text: DecimalString): number {
  return text.split('.')[1]?.length ?? 0;
}

/**
 * A price with at least `dp` decimals and as many more as it has: the policy's `0.30`, and an existing
 * surcharge of `0.125` stays `0.125` (rounding it to `0.13` would misstate what the grid company bills).
 */
export function priceText(value: Dec, dp: number): DecimalString {
  return fixed(value, Math.max(dp, value.decimalPlaces()));
}

/** `max(a, b)` of two prices, and which one it is (the first when they are equal). */
export function higher(a: Dec, b: Dec): { readonly value: Dec; readonly first: boolean } {
  return b.greaterThan(a) ? { value: b, first: false } : { value: a, first: true };
}
