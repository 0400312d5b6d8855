import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  creditCodeProblem,
  creditCodeSchema,
  generateCreditCode,
  isValidCreditCode,
} from '../../shared/credit-code';

const EXAMPLES = ['91350100M000100Y43', '91310110666007217T', '9144030071526726XG', '91350200776049653A'];

describe('isValidCreditCode', () => {
  it.each(EXAMPLES)('accepts the GB 32100 example %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('refuses every single-character mutation of the examples', () => {
    for (const code of EXAMPLES) {
      for (let pos = 0; pos < code.length; pos++) {
        for (const ch of CREDIT_CODE_ALPHABET) {
          if (ch === code[pos]) continue;
          const mutated = code.slice(0, pos) + ch + code.slice(pos + 1);
          expect(isValidCreditCode(mutated), mutated).toBe(false);
        }
      }
    }
  });

  it('refuses two adjacent characters swapped', () => {
    expect(isValidCreditCode('91530100M000100Y43')).toBe(false);
    expect(isValidCreditCode('19350100M000100Y43')).toBe(false);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s anywhere', (letter) => {
    for (let pos = 0; pos < 18; pos++) {
      const code = EXAMPLES[1]!.slice(0, pos) + letter + EXAMPLES[1]!.slice(pos + 1);
      expect(isValidCreditCode(code), code).toBe(false);
    }
  });

  it('refuses lower case', () => {
    expect(isValidCreditCode('9144030071526726xg')).toBe(false);
  });

  it.each([0, 1, 17, 19, 36])('refuses a length of %i', (length) => {
    expect(isValidCreditCode('9'.repeat(length))).toBe(false);
    expect(isValidCreditCode(EXAMPLES[0]!.padEnd(length, '0').slice(0, length))).toBe(false);
  });

  it('refuses spaces and values that are not strings', () => {
    expect(isValidCreditCode(` ${EXAMPLES[0]}`)).toBe(false);
    expect(isValidCreditCode(null)).toBe(false);
    expect(isValidCreditCode(913101106660072)).toBe(false);
  });
});

describe('creditCodeCheckChar', () => {
  it('computes the 18th character of the examples', () => {
    for (const code of EXAMPLES) expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps 31 to 0', () => {
    // An all-zero body weighs 0, and 31 − 0 = 31 must wrap to the character '0'.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('refuses a wrong length or a character outside the alphabet', () => {
    expect(() => creditCodeCheckChar('9135010')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100YO')).toThrow(/not allowed/);
  });
});

describe('creditCodeSchema', () => {
  it('accepts a valid code and trims surrounding spaces', () => {
    expect(creditCodeSchema.parse(`  ${EXAMPLES[2]} `)).toBe(EXAMPLES[2]);
  });

  it('explains each kind of refusal', () => {
    const message = (input: unknown) => creditCodeSchema.safeParse(input).error?.issues[0]?.message;
    expect(message('9135')).toMatch(/18 characters/);
    expect(message('9144030071526726xg')).toMatch(/capital letters/);
    expect(message('91350100M000100I43')).toMatch(/I, O, Z, S, V/);
    expect(message('91350100M000100Y44')).toMatch(/check character/);
    expect(message(42)).toBeDefined();
  });

  it('tags its refusals with a stable code', () => {
    const issue = creditCodeSchema.safeParse('91350100M000100Y44').error?.issues[0];
    expect(issue).toMatchObject({ code: 'custom', params: { code: 'CREDIT_CODE_INVALID' } });
  });

  it('agrees with creditCodeProblem', () => {
    expect(creditCodeProblem(EXAMPLES[3]!)).toBeNull();
  });
});

describe('generateCreditCode', () => {
  it('gives valid, distinct codes for 10 000 seeds', () => {
    const codes = new Set<string>();
    for (let seed = 0; seed < 10_000; seed++) {
      const code = generateCreditCode(seed);
      expect(isValidCreditCode(code), code).toBe(true);
      codes.add(code);
    }
    expect(codes.size).toBe(10_000);
  });

  it('is deterministic', () => {
    expect(generateCreditCode(1234)).toBe(generateCreditCode(1234));
  });

  it('looks like a registered enterprise code with a valid GB 11714 organization code', () => {
    const code = generateCreditCode(77);
    expect(code.slice(0, 2)).toBe('91');
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...code.slice(8, 16)].reduce((acc, ch, i) => acc + parseInt(ch, 36) * weights[i]!, 0);
    const check = 11 - (sum % 11);
    expect(code[16]).toBe(check === 10 ? 'X' : check === 11 ? '0' : String(check));
  });

  it('varies more than the last digits between neighbouring seeds', () => {
    const [a, b] = [generateCreditCode(500), generateCreditCode(501)];
    const differing = [...a].filter((ch, i) => ch !== b[i]).length;
    expect(differing).toBeGreaterThan(3);
  });

  it.each([-1, 1.5, 100_000_000, Number.NaN])('refuses the seed %s', (seed) => {
    expect(() => generateCreditCode(seed)).toThrow(RangeError);
  });
});
