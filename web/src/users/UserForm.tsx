/** Create or edit a user; the rules live in ./form.ts, this only draws the fields and their messages. */
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { createAction } from "../lib/action";
import { ErrorBox, settled } from "../components/Async";
import { GroupChecklist } from "../components/GroupChecklist";
import { createQuery, reloadQueries } from "../lib/query";
import { groupChoicesQuery } from "./data";
import { t, type MessageKey } from "../i18n";
import { BYTE_UNITS, type ByteUnit } from "../lib/format";
import { RESET_STRATEGIES, validateUserForm, type UserFieldError, type UserFormValues, type UserInput } from "./form";

export function UserForm(props: {
  initial: UserFormValues;
  submitLabel: string;
  onSubmit: (input: UserInput) => Promise<void>;
}) {
  const [values, setValues] = createStore<UserFormValues>(structuredClone(props.initial));
  const [errors, setErrors] = createSignal<Partial<Record<keyof UserFormValues, UserFieldError>>>({});
  const action = createAction();
  const groups = createQuery(() => groupChoicesQuery());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = validateUserForm(values);
    setErrors(result.errors ?? {});
    if (result.input) await action.run(() => props.onSubmit(result.input!));
  };
  const fieldError = (field: keyof UserFormValues) => (
    <Show when={errors()[field]}>
      {(code) => (
        <span class="field-error" id={`${field}-error`} role="alert">
          {t(`userForm.error.${code()}` as MessageKey)}
        </span>
      )}
    </Show>
  );
  const described = (field: keyof UserFormValues) => ({
    "aria-invalid": Boolean(errors()[field]),
    "aria-describedby": errors()[field] ? `${field}-error` : undefined,
  });

  return (
    <form class="form" onSubmit={submit} novalidate>
      <div class="field">
        <label>
          {t("user.username")}
          <input
            name="username"
            value={values.username}
            onInput={(e) => setValues("username", e.currentTarget.value)}
            autocomplete="off"
            {...described("username")}
          />
        </label>
        {fieldError("username")}
      </div>
      <label class="inline">
        <input
          type="checkbox"
          checked={values.enabled}
          onChange={(e) => setValues("enabled", e.currentTarget.checked)}
        />
        {t("user.enabled")}
      </label>
      <div class="row">
        <div class="field">
          <label>
            {t("user.dataLimit")}
            <input
              name="dataLimit"
              inputmode="decimal"
              placeholder={t("user.unlimited")}
              value={values.dataLimit}
              onInput={(e) => setValues("dataLimit", e.currentTarget.value)}
              {...described("dataLimit")}
            />
          </label>
          {fieldError("dataLimit")}
        </div>
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
          <div class="field">
            <label>
              {t("user.expireDate")}
              <input
                type="date"
                name="expireDate"
                value={values.expireDate}
                onInput={(e) => setValues("expireDate", e.currentTarget.value)}
                {...described("expireDate")}
              />
            </label>
            {fieldError("expireDate")}
          </div>
        </Show>
        <Show when={values.expiryMode === "afterFirstUse"}>
          <div class="field">
            <label>
              {t("user.onHoldDays")}
              <input
                name="onHoldDays"
                inputmode="numeric"
                value={values.onHoldDays}
                onInput={(e) => setValues("onHoldDays", e.currentTarget.value)}
                {...described("onHoldDays")}
              />
            </label>
            {fieldError("onHoldDays")}
          </div>
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
        <div class="field">
          <label>
            {t("user.deviceLimit")}
            <input
              name="deviceLimit"
              inputmode="numeric"
              placeholder={t("user.panelDefault")}
              value={values.deviceLimit}
              onInput={(e) => setValues("deviceLimit", e.currentTarget.value)}
              {...described("deviceLimit")}
            />
          </label>
          {fieldError("deviceLimit")}
        </div>
      </div>
      <div class="field">
        <label>
          {t("user.note")}
          <textarea
            name="note"
            rows="2"
            value={values.note}
            onInput={(e) => setValues("note", e.currentTarget.value)}
            {...described("note")}
          />
        </label>
        {fieldError("note")}
      </div>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy()}>
          {action.busy() ? t("state.saving") : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
