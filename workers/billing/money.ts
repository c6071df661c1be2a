import { z } from "zod";

/** ISO 4217 for cards ("USD"), or a coin's ticker for on-chain prices ("ETH", "USDC"): upper-case, 3 to 8 letters. */
export const currencySchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3,8}$/, "must be a currency code such as USD or ETH"));

/** A positive amount as a decimal string with at most 18 fraction digits, normalised ("5.50" stays "5.50"). */
export const amountSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,18})?$/, 'must be a decimal amount such as "4.99"')
  .refine((v) => /[1-9]/.test(v), "must be more than zero");

/**
 * The amount in units of 10^-decimals, exactly (no floating point): "4.99" at 2 decimals is 499n.
 * Throws when the amount has more fraction digits than the unit can hold.
 */
export function toUnits(amount: string, decimals: number): bigint {
  const [whole, fraction = ""] = amount.split(".");
  if (fraction.replace(/0+$/, "").length > decimals)
    throw new RangeError(`${amount} has more than ${decimals} decimal places`);
  // Trailing zeros beyond the unit ("5.50" at 1 decimal) carry no value: cut them, never shift.
  return BigInt(whole! + fraction.slice(0, decimals).padEnd(decimals, "0"));
}

export function fromUnits(units: bigint, decimals: number): string {
  if (decimals === 0) return units.toString();
  const text = units.toString().padStart(decimals + 1, "0");
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}
