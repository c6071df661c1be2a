/**
 * The user form's rules, apart from the page: what an admin typed → the API's input, or the
 * message for each field that is wrong. Expiry is one of three modes: never, a date, or
 * "N days after first use" (the ON_HOLD status, whose clock starts at the first connection).
 */
import type { CreateUserInput, ResetStrategy, UserDetailQuery, UserStatus } from "../graphql/generated/graphql";
import { type ByteUnit, parseDataLimit } from "../lib/format";

export type ExpiryMode = "never" | "date" | "afterFirstUse";
export const RESET_STRATEGIES = ["NONE", "DAY", "WEEK", "MONTH", "YEAR"] as const satisfies ResetStrategy[];

export interface UserFormValues {
  username: string;
  enabled: boolean;
  dataLimit: string;
  dataLimitUnit: ByteUnit;
  expiryMode: ExpiryMode;
  /** yyyy-mm-dd from <input type="date">, the end of that day in the admin's time zone. */
  expireDate: string;
  onHoldDays: string;
  resetStrategy: (typeof RESET_STRATEGIES)[number];
  groupIds: string[];
  note: string;
  deviceLimit: string;
}

export type UserFieldError =
  | "username"
  | "dataLimit"
  | "expireDate"
  | "expireDatePast"
  | "onHoldDays"
  | "deviceLimit"
  | "note";

/**
 * Every field of the create (and update) input the form edits; the status only as the form can set it.
 * Explicit credentials, subscription token and Telegram id are for imports, which keep a peer's;
 * a user made here gets fresh ones from the panel.
 */
export type UserInput = Required<
  Omit<CreateUserInput, "ownerId" | "status" | "credentials" | "subToken" | "telegramId">
> & {
  status: Extract<UserStatus, "ACTIVE" | "DISABLED" | "ON_HOLD">;
};

export const emptyUserForm = (): UserFormValues => ({
  username: "",
  enabled: true,
  dataLimit: "",
  dataLimitUnit: "GB",
  expiryMode: "never",
  expireDate: "",
  onHoldDays: "30",
  resetStrategy: "NONE",
  groupIds: [],
  note: "",
  deviceLimit: "",
});

const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : undefined;
}

export function validateUserForm(
  values: UserFormValues,
  now = new Date(),
):
  | { input: UserInput; errors?: undefined }
  | { errors: Partial<Record<keyof UserFormValues, UserFieldError>>; input?: undefined } {
  const errors: Partial<Record<keyof UserFormValues, UserFieldError>> = {};
  const username = values.username.trim();
  if (!USERNAME.test(username)) errors.username = "username";

  const dataLimit = parseDataLimit(values.dataLimit, values.dataLimitUnit);
  if (dataLimit === undefined) errors.dataLimit = "dataLimit";

  let expireAt: string | null = null;
  let onHoldExpireDays: number | null = null;
  if (values.expiryMode === "date") {
    const [y, m, d] = values.expireDate.split("-").map(Number);
    const end = y && m && d ? new Date(y, m - 1, d, 23, 59, 59) : null;
    if (!end || Number.isNaN(end.getTime())) errors.expireDate = "expireDate";
    else if (end.getTime() <= now.getTime()) errors.expireDate = "expireDatePast";
    else expireAt = end.toISOString();
  } else if (values.expiryMode === "afterFirstUse") {
    const days = wholeNumber(values.onHoldDays, 1, 3650);
    if (days === undefined) errors.onHoldDays = "onHoldDays";
    else onHoldExpireDays = days;
  }

  let deviceLimit: number | null = null;
  if (values.deviceLimit.trim() !== "") {
    const limit = wholeNumber(values.deviceLimit, 0, 100);
    if (limit === undefined) errors.deviceLimit = "deviceLimit";
    else deviceLimit = limit;
  }
  if (values.note.length > 1024) errors.note = "note";

  if (Object.keys(errors).length > 0) return { errors };
  const status = !values.enabled ? "DISABLED" : values.expiryMode === "afterFirstUse" ? "ON_HOLD" : "ACTIVE";
  // `satisfies` rather than the return type: only it refuses a field the generated input no longer has.
  const input = {
    username,
    status,
    dataLimit: dataLimit ?? null,
    expireAt,
    onHoldExpireDays,
    resetStrategy: values.resetStrategy,
    groupIds: values.groupIds,
    note: values.note,
    deviceLimit,
  } satisfies UserInput;
  return { input };
}

/** The form filled from a stored user, for editing. */
export function userToForm(
  user: Pick<
    NonNullable<UserDetailQuery["user"]>,
    "username" | "status" | "dataLimit" | "expireAt" | "onHoldExpireDays" | "resetStrategy" | "note" | "deviceLimit"
  > & { groups: { id: string }[] },
): UserFormValues {
  const form = emptyUserForm();
  form.username = user.username;
  form.enabled = user.status !== "DISABLED";
  if (user.dataLimit !== null) {
    const unit: ByteUnit =
      user.dataLimit % 1024 ** 4 === 0 && user.dataLimit > 0 ? "TB" : user.dataLimit % 1024 ** 3 === 0 ? "GB" : "MB";
    form.dataLimitUnit = unit;
    form.dataLimit = String(
      Math.round((user.dataLimit / 1024 ** ["B", "KB", "MB", "GB", "TB"].indexOf(unit)) * 100) / 100,
    );
  }
  if (user.onHoldExpireDays !== null && user.status === "ON_HOLD") {
    form.expiryMode = "afterFirstUse";
    form.onHoldDays = String(user.onHoldExpireDays);
  } else if (user.expireAt) {
    form.expiryMode = "date";
    const d = new Date(user.expireAt);
    form.expireDate = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }
  form.resetStrategy = user.resetStrategy;
  form.groupIds = user.groups.map((g) => g.id);
  form.note = user.note;
  form.deviceLimit = user.deviceLimit === null ? "" : String(user.deviceLimit);
  return form;
}

/** The new expiry after extending by `days`: from the current expiry, or from now when it has passed or there is none. */
export function extendedExpiry(expireAt: string | null, days: number, now = Date.now()): string {
  const from = expireAt ? Math.max(new Date(expireAt).getTime(), now) : now;
  return new Date(from + days * 86_400_000).toISOString();
}
