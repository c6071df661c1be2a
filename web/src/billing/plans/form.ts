/**
 * The plan form's rules, apart from the page: what an operator typed → the API's input, or the
 * field that is wrong. Money stays a decimal string from the keyboard to the API (a float would
 * turn "12.10" into 12.0999…), and gigabytes become bytes by integer arithmetic on the digits.
 */
import type { CreatePlanInput, PlansPageQuery, ResetStrategy } from "../../graphql/generated/graphql";
import type { PlanTermsPreview } from "./preview";

/** As the panel counts data everywhere else: a gigabyte is 1024³ bytes. */
const GIB = 2n ** 30n;
/** A tenth of a byte at most: 10 digits keep every whole byte count a typed size can name. */
export const MAX_GB_FRACTION_DIGITS = 10;
/** The API's bounds (workers/billing/money.ts): 12 whole digits; 18 after the point, as ETH counts wei. */
const AMOUNT = /^\d{1,12}(\.\d{1,18})?$/;
const GB = new RegExp(`^\\d{1,7}(\\.\\d{1,${MAX_GB_FRACTION_DIGITS}})?$`);
/** The API takes ISO codes ("USD") and coin tickers ("USDT"). */
const CURRENCY = /^[A-Z]{3,8}$/;

export const RESET_STRATEGIES = ["NONE", "DAY", "WEEK", "MONTH", "YEAR"] as const satisfies ResetStrategy[];

/** "4.99" → "4.99"; anything that is not a positive decimal the API accepts → undefined. Never a float. */
export function parseAmount(text: string): string | undefined {
  const amount = text.trim();
  return AMOUNT.test(amount) && /[1-9]/.test(amount) ? amount : undefined;
}

/**
 * Gigabytes as typed → whole bytes, rounded half up: "1.5" → 1610612736, "0.1" → 107374182.
 * The digits are scaled as integers (BigInt), so no binary fraction ever rounds the result.
 * Undefined when the text is not a positive size or the bytes exceed what the API stores.
 */
export function gbToBytes(text: string): number | undefined {
  const trimmed = text.trim();
  if (!GB.test(trimmed)) return undefined;
  const [whole, fraction = ""] = trimmed.split(".");
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * GIB;
  const bytes = (scaled * 2n + scale) / (scale * 2n);
  return bytes > 0n && bytes <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(bytes) : undefined;
}

/**
 * Bytes → the shortest gigabyte text that `gbToBytes` turns back into the same bytes:
 * 16106127360 → "15", 1610612736 → "1.5", 107374182 → "0.1".
 */
export function bytesToGb(bytes: number): string {
  const exact = BigInt(bytes);
  const whole = exact / GIB;
  for (let digits = 0; digits <= MAX_GB_FRACTION_DIGITS; digits++) {
    const scale = 10n ** BigInt(digits);
    // The fraction rounded to `digits` places, half up.
    const fraction = (((exact % GIB) * scale * 2n + GIB) / (GIB * 2n)).toString();
    const text =
      fraction === scale.toString()
        ? String(whole + 1n)
        : `${whole}${digits ? `.${fraction.padStart(digits, "0")}` : ""}`;
    if (gbToBytes(text) === bytes) return text.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }
  // Unreachable for any byte count a plan can hold: 10 fraction digits name every whole byte.
  throw new RangeError(`${bytes} bytes have no ${MAX_GB_FRACTION_DIGITS}-digit gigabyte form`);
}

export type Plan = PlansPageQuery["plans"][number];

export interface PriceRow {
  currency: string;
  amount: string;
}

export interface PlanFormValues {
  name: string;
  description: string;
  prices: PriceRow[];
  unlimited: boolean;
  dataLimitGb: string;
  /** Off: the plan sets no expiry. */
  hasDuration: boolean;
  durationDays: string;
  resetStrategy: (typeof RESET_STRATEGIES)[number];
  /** Empty leaves the buyer's device limit as it is; 0 means no limit. */
  deviceLimit: string;
  groupIds: string[];
  sortOrder: string;
  visible: boolean;
}

export type PlanFieldError =
  | "name"
  | "prices"
  | "currency"
  | "currencyTwice"
  | "amount"
  | "dataLimit"
  | "durationDays"
  | "deviceLimit"
  | "sortOrder";

/** Every field of the create input; the update input takes the same (omitted fields would keep theirs). */
export type PlanInput = Required<CreatePlanInput>;

export const emptyPlanForm = (): PlanFormValues => ({
  name: "",
  description: "",
  prices: [{ currency: "USD", amount: "" }],
  unlimited: false,
  dataLimitGb: "",
  hasDuration: true,
  durationDays: "30",
  resetStrategy: "NONE",
  deviceLimit: "",
  groupIds: [],
  sortOrder: "0",
  visible: true,
});

export const planToForm = (plan: Plan): PlanFormValues => ({
  name: plan.name,
  description: plan.description,
  prices: plan.prices.map((p) => ({ currency: p.currency, amount: p.amount })),
  unlimited: plan.dataLimit === null || plan.dataLimit === undefined,
  dataLimitGb: plan.dataLimit ? bytesToGb(plan.dataLimit) : "",
  hasDuration: plan.durationDays !== null && plan.durationDays !== undefined,
  durationDays: plan.durationDays ? String(plan.durationDays) : "30",
  resetStrategy: plan.resetStrategy,
  deviceLimit: plan.deviceLimit === null || plan.deviceLimit === undefined ? "" : String(plan.deviceLimit),
  groupIds: plan.groups.map((g) => g.id),
  sortOrder: String(plan.sortOrder),
  visible: plan.visible,
});

function wholeNumber(text: string, min: number, max: number): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{1,8}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : undefined;
}

/** Field errors are keyed by field; a price row's by `prices.<index>.currency` / `.amount`. */
export type PlanFormErrors = Partial<
  Record<keyof PlanFormValues | `prices.${number}.${keyof PriceRow}`, PlanFieldError>
>;

export function validatePlanForm(
  values: PlanFormValues,
): { input: PlanInput; errors?: undefined } | { errors: PlanFormErrors; input?: undefined } {
  const errors: PlanFormErrors = {};
  const name = values.name.trim();
  if (name === "" || name.length > 64) errors.name = "name";

  if (values.prices.length === 0) errors.prices = "prices";
  const seen = new Set<string>();
  const prices = values.prices.map((row, index) => {
    const currency = row.currency.trim().toUpperCase();
    if (!CURRENCY.test(currency)) errors[`prices.${index}.currency`] = "currency";
    else if (seen.has(currency)) errors[`prices.${index}.currency`] = "currencyTwice";
    seen.add(currency);
    const amount = parseAmount(row.amount);
    if (amount === undefined) errors[`prices.${index}.amount`] = "amount";
    return { currency, amount: amount ?? "" };
  });

  const dataLimit = values.unlimited ? null : gbToBytes(values.dataLimitGb);
  if (dataLimit === undefined) errors.dataLimitGb = "dataLimit";
  const durationDays = values.hasDuration ? wholeNumber(values.durationDays, 1, 3650) : null;
  if (durationDays === undefined) errors.durationDays = "durationDays";
  const deviceLimit = values.deviceLimit.trim() === "" ? null : wholeNumber(values.deviceLimit, 0, 100);
  if (deviceLimit === undefined) errors.deviceLimit = "deviceLimit";
  const sortOrder = wholeNumber(values.sortOrder, -1_000_000, 1_000_000);
  if (sortOrder === undefined) errors.sortOrder = "sortOrder";

  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      name,
      description: values.description.trim(),
      prices,
      dataLimit: dataLimit!,
      durationDays: durationDays!,
      resetStrategy: values.resetStrategy,
      deviceLimit: deviceLimit!,
      groupIds: values.groupIds,
      sortOrder: sortOrder!,
      visible: values.visible,
    },
  };
}

/**
 * The terms the preview describes while the operator types, or undefined while the data limit
 * or duration cannot be read yet. A device limit still being typed counts as left alone.
 */
export function previewTerms(
  values: PlanFormValues,
  groups: readonly { id: string; name: string }[],
): PlanTermsPreview | undefined {
  const dataLimit = values.unlimited ? null : gbToBytes(values.dataLimitGb);
  const durationDays = values.hasDuration ? wholeNumber(values.durationDays, 1, 3650) : null;
  if (dataLimit === undefined || durationDays === undefined) return undefined;
  const deviceLimit = values.deviceLimit.trim() === "" ? null : (wholeNumber(values.deviceLimit, 0, 100) ?? null);
  return {
    dataLimit,
    durationDays,
    resetStrategy: values.resetStrategy,
    deviceLimit,
    groupNames: groups.filter((g) => values.groupIds.includes(g.id)).map((g) => g.name),
  };
}
