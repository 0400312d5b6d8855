// Scores are kept to one decimal. Doing the arithmetic on integer tenths avoids binary float
// drift (0.1 + 0.2 !== 0.3) deciding a star level at a boundary such as 89.9 vs 90.0.

// Absorbs representation error such as 89.95 * 10 === 899.4999999999999 before rounding.
const FLOAT_SLACK = 1e-9;
const PRECISION_TOLERANCE = 1e-6;

/** Value in integer tenths, rounding half up. */
export function toTenths(value: number): number {
  return Math.round(value * 10 + FLOAT_SLACK);
}

export function fromTenths(tenths: number): number {
  return tenths / 10;
}

/** Rounds half up to one decimal. */
export function roundToTenth(value: number): number {
  return fromTenths(toTenths(value));
}

/** True when the value has at most one decimal place (5.1 yes, 5.15 no). */
export function hasAtMostOneDecimal(value: number): boolean {
  const scaled = value * 10;
  return Math.abs(Math.round(scaled) - scaled) < PRECISION_TOLERANCE;
}

/** numerator ÷ denominator in tenths, rounded half up, in exact integer arithmetic. */
export function divideToTenths(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
