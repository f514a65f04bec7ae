/** Excel keeps 15 significant digits; the float64 digits beyond them are binary noise, not data. */
const DIGITS = 15;
/** Integers below this print exactly as `String` gives them, and need no rounding. */
const EXACT_INTEGER = 1e15;

/**
 * A number cell's stored value as a plain decimal string: rounded to 15 significant digits, never in
 * exponent notation, trailing zeros dropped. So 0.1+0.2 stored as 0.30000000000000004 reads `0.3`,
 * 1e-7 reads `0.0000001`, and `-0` reads `0`. The display format (thousands separators, `0.00`, `万`)
 * plays no part: what Excel stored is what is graded.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < EXACT_INTEGER) return String(value);
  // Most figures: the shortest text that reads back as the value already has at most 15 digits, and then
  // rounding to 15 digits gives that very text (the float's error is far below the 15th digit).
  const shortest = String(value);
  if (!shortest.includes('e') && shortest.replace(/^-?0*/, '').replace('.', '').length <= DIGITS) {
    return shortest;
  }
  const [mantissa = '', exponent = '0'] = Math.abs(value).toPrecision(DIGITS).split('e');
  const point = mantissa.indexOf('.');
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const integerDigits = (point < 0 ? mantissa.length : point) + Number(exponent);
  let text: string;
  if (integerDigits <= 0) text = `0.${'0'.repeat(-integerDigits)}${digits}`;
  else if (integerDigits >= digits.length) text = digits + '0'.repeat(integerDigits - digits.length);
  else text = `${digits.slice(0, integerDigits)}.${digits.slice(integerDigits)}`;
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  text = text.replace(/^0+(?=[0-9])/, '');
  return value < 0 && text !== '0' ? `-${text}` : text;
}
