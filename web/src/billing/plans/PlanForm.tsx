/** Create or edit a plan; the rules live in ./form.ts and the preview's words in ./preview.ts. */
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ErrorBox } from "../../components/Async";
import { GroupChecklist } from "../../components/GroupChecklist";
import { t, type MessageKey } from "../../i18n";
import { createAction } from "../../lib/action";
import {
  previewTerms,
  RESET_STRATEGIES,
  validatePlanForm,
  type PlanFormErrors,
  type PlanFormValues,
  type PlanInput,
} from "./form";
import { planPreview } from "./preview";

export function PlanForm(props: {
  initial: PlanFormValues;
  groups: readonly { id: string; name: string }[];
  submitLabel: string;
  onSubmit: (input: PlanInput) => Promise<void>;
}) {
  const [values, setValues] = createStore<PlanFormValues>(structuredClone(props.initial));
  const [errors, setErrors] = createSignal<PlanFormErrors>({});
  const action = createAction();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = validatePlanForm(values);
    setErrors(result.errors ?? {});
    if (result.input) await action.run(() => props.onSubmit(result.input!));
  };
  const fieldError = (field: keyof PlanFormErrors) => (
    <Show when={errors()[field]}>
      {(code) => (
        <span class="field-error" id={`plan-${field}-error`} role="alert">
          {t(`plans.error.${code()}` as MessageKey)}
        </span>
      )}
    </Show>
  );
  const described = (field: keyof PlanFormErrors) => ({
    "aria-invalid": Boolean(errors()[field]),
    "aria-describedby": errors()[field] ? `plan-${field}-error` : undefined,
  });
  const preview = () => {
    const terms = previewTerms(values, props.groups);
    return terms ? planPreview(terms) : undefined;
  };

  return (
    <form class="form" onSubmit={submit} novalidate>
      <div class="field">
        <label>
          {t("plans.name")}
          <input
            name="name"
            value={values.name}
            onInput={(e) => setValues("name", e.currentTarget.value)}
            autocomplete="off"
            {...described("name")}
          />
        </label>
        {fieldError("name")}
      </div>
      <label>
        {t("plans.description")}
        <textarea
          name="description"
          rows="2"
          maxlength="1024"
          value={values.description}
          onInput={(e) => setValues("description", e.currentTarget.value)}
        />
      </label>
      <fieldset>
        <legend>{t("plans.prices")}</legend>
        {/* For, not Index: store rows keep their identity as they are edited, and Index would add Solid's indexArray to the initial chunk. */}
        <For each={values.prices}>
          {(row, index) => (
            <div class="row">
              <div class="field">
                <label>
                  {t("plans.currency")}
                  <input
                    class="ltr"
                    name={`currency-${index()}`}
                    maxlength="8"
                    autocomplete="off"
                    value={row.currency}
                    onInput={(e) => setValues("prices", index(), "currency", e.currentTarget.value.toUpperCase())}
                    {...described(`prices.${index()}.currency`)}
                  />
                </label>
                {fieldError(`prices.${index()}.currency`)}
              </div>
              <div class="field">
                <label>
                  {t("plans.amount")}
                  {/* Text, not type=number: the digits go to the API exactly as typed. */}
                  <input
                    class="ltr"
                    name={`amount-${index()}`}
                    inputmode="decimal"
                    placeholder="4.99"
                    autocomplete="off"
                    value={row.amount}
                    onInput={(e) => setValues("prices", index(), "amount", e.currentTarget.value)}
                    {...described(`prices.${index()}.amount`)}
                  />
                </label>
                {fieldError(`prices.${index()}.amount`)}
              </div>
              <Show when={values.prices.length > 1}>
                <button
                  type="button"
                  style={{ "align-self": "end" }}
                  aria-label={t("plans.removePrice", { currency: row.currency || "—" })}
                  onClick={() => setValues("prices", (prices) => prices.filter((_, i) => i !== index()))}
                >
                  ✕
                </button>
              </Show>
            </div>
          )}
        </For>
        {fieldError("prices")}
        <div class="actions" style={{ "justify-content": "flex-start" }}>
          <button
            type="button"
            onClick={() => setValues("prices", (prices) => [...prices, { currency: "", amount: "" }])}
          >
            {t("plans.addPrice")}
          </button>
        </div>
      </fieldset>
      <div class="row">
        <div class="field">
          <label class="inline">
            <input
              type="checkbox"
              name="unlimited"
              checked={values.unlimited}
              onChange={(e) => setValues("unlimited", e.currentTarget.checked)}
            />
            {t("plans.unlimited")}
          </label>
          <Show when={!values.unlimited}>
            <label>
              {t("plans.dataLimitGb")}
              <input
                class="ltr"
                name="dataLimitGb"
                inputmode="decimal"
                autocomplete="off"
                value={values.dataLimitGb}
                onInput={(e) => setValues("dataLimitGb", e.currentTarget.value)}
                {...described("dataLimitGb")}
              />
            </label>
            {fieldError("dataLimitGb")}
          </Show>
        </div>
        <div class="field">
          <label class="inline">
            <input
              type="checkbox"
              name="hasDuration"
              checked={values.hasDuration}
              onChange={(e) => setValues("hasDuration", e.currentTarget.checked)}
            />
            {t("plans.hasDuration")}
          </label>
          <Show when={values.hasDuration}>
            <label>
              {t("plans.durationDays")}
              <input
                class="ltr"
                name="durationDays"
                inputmode="numeric"
                autocomplete="off"
                value={values.durationDays}
                onInput={(e) => setValues("durationDays", e.currentTarget.value)}
                {...described("durationDays")}
              />
            </label>
            {fieldError("durationDays")}
          </Show>
        </div>
      </div>
      <div class="row">
        {/* Labelled by id, not by wrapping: a wrapping label's name would take in every option's text. */}
        <div class="field">
          <label for="plan-reset-strategy">{t("user.resetStrategy")}</label>
          <select
            id="plan-reset-strategy"
            name="resetStrategy"
            value={values.resetStrategy}
            onChange={(e) => setValues("resetStrategy", e.currentTarget.value as PlanFormValues["resetStrategy"])}
          >
            <For each={RESET_STRATEGIES}>{(s) => <option value={s}>{t(`reset.${s}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label>
            {t("plans.deviceLimit")}
            <input
              class="ltr"
              name="deviceLimit"
              inputmode="numeric"
              autocomplete="off"
              placeholder={t("plans.keepsUsers")}
              title={t("plans.deviceLimitHelp")}
              value={values.deviceLimit}
              onInput={(e) => setValues("deviceLimit", e.currentTarget.value)}
              {...described("deviceLimit")}
            />
          </label>
          {fieldError("deviceLimit")}
        </div>
        <div class="field">
          <label>
            {t("plans.sortOrder")}
            <input
              class="ltr"
              name="sortOrder"
              inputmode="numeric"
              autocomplete="off"
              value={values.sortOrder}
              onInput={(e) => setValues("sortOrder", e.currentTarget.value)}
              {...described("sortOrder")}
            />
          </label>
          {fieldError("sortOrder")}
        </div>
      </div>
      <fieldset>
        <legend>{t("nav.groups")}</legend>
        <GroupChecklist
          groups={props.groups}
          selected={values.groupIds}
          onChange={(ids) => setValues("groupIds", ids)}
        />
      </fieldset>
      <label class="inline">
        <input
          type="checkbox"
          name="visible"
          checked={values.visible}
          onChange={(e) => setValues("visible", e.currentTarget.checked)}
        />
        {t("plans.visible")}
      </label>
      <section class="card" aria-labelledby="plan-preview-title" aria-live="polite">
        <h3 id="plan-preview-title">{t("plans.preview.title")}</h3>
        <Show when={preview()} fallback={<p class="muted">{t("plans.preview.incomplete")}</p>}>
          {(sentences) => (
            <ul>
              <For each={sentences()}>{(sentence) => <li>{sentence}</li>}</For>
            </ul>
          )}
        </Show>
      </section>
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
