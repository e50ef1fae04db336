/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18
 * characters — registration authority (1), organisation type (1),
 * administrative division (6 digits, GB/T 2260), organisation code (9) and a
 * check character (1) — from an alphabet of the digits and the capital
 * letters without I, O, S, V and Z.
 */

/** The 31 characters of GB 32100-2015, in the order of their values 0…30. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The weights of positions 1…17: 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const LENGTH = 18;
const MODULUS = 31;

/** Why a credit code is not valid. */
export type CreditCodeProblem = 'CREDIT_CODE_LENGTH' | 'CREDIT_CODE_CHARACTER' | 'CREDIT_CODE_REGION' | 'CREDIT_CODE_CHECK';

/** The outcome of {@link validateCreditCode}: the normalised code, or the reason it is refused. */
export type CreditCodeResult =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: 'INVALID_CREDIT_CODE';
        readonly reason: CreditCodeProblem;
        readonly details: Readonly<Record<string, string | number>>;
      };
    };

// GB 32100-2015 §5: C18 = 31 − (Σ Ci × Wi mod 31), with 31 written as 0; the value is an index into the alphabet.
/** The check character for the first 17 characters of a code (which must be in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== LENGTH - 1) throw new RangeError('creditCodeCheckCharacter needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < LENGTH - 1; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`'${first17[i]}' is not in the GB 32100-2015 alphabet`);
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  const check = (MODULUS - (sum % MODULUS)) % MODULUS;
  return CREDIT_CODE_ALPHABET[check]!;
}

/** Checks a unified social credit code (surrounding spaces are ignored, lower case is accepted and upper-cased). */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  const fail = (reason: CreditCodeProblem, details: Readonly<Record<string, string | number>>): CreditCodeResult => ({
    ok: false,
    error: { code: 'INVALID_CREDIT_CODE', reason, details },
  });
  if (code.length !== LENGTH) return fail('CREDIT_CODE_LENGTH', { length: code.length });
  for (let i = 0; i < LENGTH; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i]!)) return fail('CREDIT_CODE_CHARACTER', { position: i + 1, character: code[i]! });
  }
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region)) return fail('CREDIT_CODE_REGION', { region });
  const expected = creditCodeCheckCharacter(code.slice(0, LENGTH - 1));
  if (code[LENGTH - 1] !== expected) return fail('CREDIT_CODE_CHECK', { expected, actual: code[LENGTH - 1]! });
  return { ok: true, value: code };
}

/** The administrative division code (positions 3–8) of a valid credit code: where the organisation is registered. */
export function creditCodeRegion(code: string): string {
  return code.trim().slice(2, 8);
}
