/** Create or edit a plan; the rules live in ./form.ts and the preview's words in ./preview.ts. */
import { For, Show } from "solid-js";
import { createValidatedForm, FormFooter, TextField } from "../../components/Form";
import { GroupChecklist } from "../../components/GroupChecklist";
import { t, type MessageKey } from "../../i18n";
import { previewTerms, RESET_STRATEGIES, validatePlanForm, type PlanFormValues, type PlanInput } from "./form";
import { planPreview } from "./preview";

export function PlanForm(props: {
  initial: PlanFormValues;
  groups: readonly { id: string; name: string }[];
  submitLabel: string;
  onSubmit: (input: PlanInput) => Promise<void>;
}) {
  const form = createValidatedForm({
    initial: props.initial,
    validate: validatePlanForm,
    onSubmit: props.onSubmit,
    message: (code) => t(`plans.error.${code}` as MessageKey),
    idPrefix: "plan-",
  });
  const { values, setValues } = form;
  const preview = () => {
    const terms = previewTerms(values, props.groups);
    return terms ? planPreview(terms) : undefined;
  };

  return (
    <form class="form" onSubmit={form.submit} novalidate>
      <TextField form={form} field="name" label={t("plans.name")} autocomplete="off" />
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
              <TextField
                form={form}
                field={`prices.${index()}.currency`}
                label={t("plans.currency")}
                class="ltr"
                name={`currency-${index()}`}
                maxlength="8"
                autocomplete="off"
                value={row.currency}
                onValue={(v) => setValues("prices", index(), "currency", v.toUpperCase())}
              />
              {/* Text, not type=number: the digits go to the API exactly as typed. */}
              <TextField
                form={form}
                field={`prices.${index()}.amount`}
                label={t("plans.amount")}
                class="ltr"
                name={`amount-${index()}`}
                inputmode="decimal"
                placeholder="4.99"
                autocomplete="off"
                value={row.amount}
                onValue={(v) => setValues("prices", index(), "amount", v)}
              />
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
        {form.fieldError("prices")}
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
            <TextField
              form={form}
              field="dataLimitGb"
              label={t("plans.dataLimitGb")}
              class="ltr"
              inputmode="decimal"
              autocomplete="off"
            />
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
            <TextField
              form={form}
              field="durationDays"
              label={t("plans.durationDays")}
              class="ltr"
              inputmode="numeric"
              autocomplete="off"
            />
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
        <TextField
          form={form}
          field="deviceLimit"
          label={t("plans.deviceLimit")}
          class="ltr"
          inputmode="numeric"
          autocomplete="off"
          placeholder={t("plans.keepsUsers")}
          title={t("plans.deviceLimitHelp")}
        />
        <TextField
          form={form}
          field="sortOrder"
          label={t("plans.sortOrder")}
          class="ltr"
          inputmode="numeric"
          autocomplete="off"
        />
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
      <FormFooter error={form.footerError()} busy={form.action.busy()} label={props.submitLabel} />
    </form>
  );
}
