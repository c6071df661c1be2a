/** Create or edit a user; the rules live in ./form.ts, this only draws the fields and their messages. */
import { For, Show } from "solid-js";
import { ErrorBox, settled } from "../components/Async";
import { createValidatedForm, FormFooter, TextField } from "../components/Form";
import { GroupChecklist } from "../components/GroupChecklist";
import { createQuery, reloadQueries } from "../lib/query";
import { groupChoicesQuery } from "./data";
import { t, type MessageKey } from "../i18n";
import { BYTE_UNITS, type ByteUnit } from "../lib/format";
import { RESET_STRATEGIES, validateUserForm, type UserFormValues, type UserInput } from "./form";

export function UserForm(props: {
  initial: UserFormValues;
  submitLabel: string;
  onSubmit: (input: UserInput) => Promise<void>;
}) {
  const form = createValidatedForm({
    initial: props.initial,
    validate: validateUserForm,
    onSubmit: props.onSubmit,
    message: (code) => t(`userForm.error.${code}` as MessageKey),
    // The API's names for the two expiry fields.
    apiFields: { expireAt: "expireDate", onHoldExpireDays: "onHoldDays" },
  });
  const { values, setValues } = form;
  const groups = createQuery(() => groupChoicesQuery());

  return (
    <form class="form" onSubmit={form.submit} novalidate>
      <TextField form={form} field="username" label={t("user.username")} autocomplete="off" />
      <label class="inline">
        <input
          type="checkbox"
          checked={values.enabled}
          onChange={(e) => setValues("enabled", e.currentTarget.checked)}
        />
        {t("user.enabled")}
      </label>
      <div class="row">
        <TextField
          form={form}
          field="dataLimit"
          label={t("user.dataLimit")}
          inputmode="decimal"
          placeholder={t("user.unlimited")}
        />
        <label>
          {t("user.unit")}
          <select
            name="dataLimitUnit"
            value={values.dataLimitUnit}
            onChange={(e) => setValues("dataLimitUnit", e.currentTarget.value as ByteUnit)}
          >
            <For each={BYTE_UNITS.slice(2)}>{(unit) => <option value={unit}>{unit}</option>}</For>
          </select>
        </label>
        <label>
          {t("user.resetStrategy")}
          <select
            name="resetStrategy"
            value={values.resetStrategy}
            onChange={(e) => setValues("resetStrategy", e.currentTarget.value as UserFormValues["resetStrategy"])}
          >
            <For each={RESET_STRATEGIES}>{(s) => <option value={s}>{t(`reset.${s}`)}</option>}</For>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t("user.expiry")}</legend>
        <For each={["never", "date", "afterFirstUse"] as const}>
          {(mode) => (
            <label class="inline">
              <input
                type="radio"
                name="expiryMode"
                value={mode}
                checked={values.expiryMode === mode}
                onChange={() => setValues("expiryMode", mode)}
              />
              {t(`expiry.${mode}`)}
            </label>
          )}
        </For>
        <Show when={values.expiryMode === "date"}>
          <TextField form={form} field="expireDate" label={t("user.expireDate")} type="date" />
        </Show>
        <Show when={values.expiryMode === "afterFirstUse"}>
          <TextField form={form} field="onHoldDays" label={t("user.onHoldDays")} inputmode="numeric" />
        </Show>
      </fieldset>
      <fieldset>
        <legend>{t("nav.groups")}</legend>
        <Show
          when={!groups.error}
          fallback={<ErrorBox error={groups.error} retry={() => reloadQueries(groupChoicesQuery)} />}
        >
          <GroupChecklist
            groups={settled(groups) ?? []}
            selected={values.groupIds}
            onChange={(ids) => setValues("groupIds", ids)}
          />
        </Show>
      </fieldset>
      <div class="row">
        <TextField
          form={form}
          field="deviceLimit"
          label={t("user.deviceLimit")}
          inputmode="numeric"
          placeholder={t("user.panelDefault")}
        />
      </div>
      <div class="field">
        <label>
          {t("user.note")}
          <textarea
            name="note"
            rows="2"
            value={values.note}
            onInput={(e) => setValues("note", e.currentTarget.value)}
            {...form.described("note")}
          />
        </label>
        {form.fieldError("note")}
      </div>
      <FormFooter error={form.footerError()} busy={form.action.busy()} label={props.submitLabel} />
    </form>
  );
}
