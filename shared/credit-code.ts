// 统一社会信用代码 (GB 32100-2015): the organization's national identifier. A registry keyed on
// it must refuse mistyped codes, which the check character catches.
import * as z from './zod';

/** 31 characters: digits and capitals without I, O, Z, S, V. A character's value is its index. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const MODULUS = 31;
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** The 18th character for the first 17; throws on a wrong length or a character outside the alphabet. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== WEIGHTS.length) {
    throw new RangeError(`expected ${WEIGHTS.length} characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`character "${first17[i]}" at position ${i + 1} is not allowed`);
    sum += value * WEIGHTS[i]!;
  }
  // 31 − (Σ mod 31), where a result of 31 maps to 0.
  return CREDIT_CODE_ALPHABET[(MODULUS - (sum % MODULUS)) % MODULUS]!;
}

export function isValidCreditCode(s: unknown): boolean {
  if (typeof s !== 'string' || !SHAPE.test(s)) return false;
  return creditCodeCheckChar(s.slice(0, 17)) === s[17];
}

/** Why a code is refused, in words a registrant can act on; null when valid. */
export function creditCodeProblem(s: string): string | null {
  if (s.length !== CREDIT_CODE_LENGTH)
    return `统一社会信用代码应为18位 / the credit code must have 18 characters (got ${s.length})`;
  if (/[a-z]/.test(s)) return '统一社会信用代码须使用大写字母 / use capital letters in the credit code';
  if (!SHAPE.test(s)) {
    return '统一社会信用代码只含数字和除 I、O、Z、S、V 以外的大写字母 / only digits and capitals other than I, O, Z, S, V are allowed';
  }
  if (!isValidCreditCode(s))
    return '统一社会信用代码校验位不符，请核对 / the check character does not match: the code is mistyped';
  return null;
}

export const creditCodeSchema = z.string().check(
  z.trim(),
  z.superRefine((value: string, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'CREDIT_CODE_INVALID' } });
  }),
);

// Positions 9–17 are the GB 11714 organization code, whose 9th character is its own check.
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function orgCodeCheckChar(body8: string): string {
  const sum = [...body8].reduce((acc, ch, i) => acc + parseInt(ch, 36) * ORG_CODE_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

// Registered enterprises (91) in a handful of real administrative divisions, for plausible demo data.
const DIVISIONS = ['110105', '310115', '440305', '330106', '320505', '350203', '510107', '420106'] as const;
const SEED_LIMIT = 100_000_000;
// Multiplying by a number coprime with 10⁸ permutes 0..10⁸−1, so distinct seeds give distinct,
// non-sequential-looking organization codes (seed × SCRAMBLE stays a safe integer).
const SCRAMBLE = 48_271;
const OFFSET = 13_579_246;

/** A valid code, the same for the same seed, distinct for every seed in 0 ≤ seed < 10⁸. */
export function generateCreditCode(seed: number): string {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= SEED_LIMIT) {
    throw new RangeError(`seed must be an integer in 0..${SEED_LIMIT - 1}, got ${seed}`);
  }
  const body = String((seed * SCRAMBLE + OFFSET) % SEED_LIMIT).padStart(8, '0');
  const first17 = `91${DIVISIONS[seed % DIVISIONS.length]}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}
