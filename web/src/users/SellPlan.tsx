/**
 * "Sell a plan" on a user's page: pick a plan (hidden ones too: this is where they are sold) and
 * one of its currencies, issue the invoice and open it. Admins may record a payment taken another
 * way (cash) at once, with a reason for the audit log; resellers only issue.
 */
import { useAction, useNavigate } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { ErrorBox, errorText, Loaded, Skeleton, settled } from "../components/Async";
import { notify } from "../components/toast";
import { t } from "../i18n";
import "../i18n/billing/plans";
import { createAction } from "../lib/action";
import { createQuery, reloadQueries } from "../lib/query";
import { me } from "../session";
import { plansToSellQuery, sellPlan } from "./sales-data";

export function SellPlan(props: { userId: string }) {
  const navigate = useNavigate();
  const plans = createQuery(() => plansToSellQuery());
  const run = useAction(sellPlan);
  const action = createAction();
  const [planId, setPlanId] = createSignal<string>();
  const [currency, setCurrency] = createSignal<string>();
  const [reference, setReference] = createSignal("");
  const [referenceMissing, setReferenceMissing] = createSignal(false);
  const mayMarkPaid = () => me()?.role === "OWNER" || me()?.role === "ADMIN";

  const plan = createMemo(() => {
    const list = settled(plans) ?? [];
    return list.find((p) => p.id === planId()) ?? list[0];
  });
  const chosenCurrency = () => {
    const prices = plan()?.prices ?? [];
    return (prices.find((p) => p.currency === currency()) ?? prices[0])?.currency;
  };

  const submit = async (markPaid: boolean) => {
    const chosen = plan();
    const code = chosenCurrency();
    if (!chosen || !code) return;
    const paidReference = markPaid ? reference().trim() : null;
    setReferenceMissing(paidReference === "");
    if (paidReference === "") return;
    await action.run(async () => {
      const result = await run(props.userId, chosen.id, code, paidReference);
      if (result.failure) notify(errorText(result.failure), "error");
      else notify(t(result.paid ? "sell.paid" : "sell.issued", { number: result.invoice.number }));
      navigate(`/invoices/${result.invoice.id}`);
    });
  };

  return (
    <Loaded resource={plans} retry={() => reloadQueries(plansToSellQuery)} skeleton={<Skeleton lines={3} />}>
      {(list) => (
        <Show when={list.length > 0} fallback={<p class="muted">{t("sell.noPlans")}</p>}>
          <form
            class="form"
            novalidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit(false);
            }}
          >
            <div class="row">
              {/* Labelled by id, not by wrapping: a wrapping label's name would take in every option's text. */}
              <div class="field">
                <label for="sell-plan">{t("sell.plan")}</label>
                <select
                  id="sell-plan"
                  name="planId"
                  value={plan()?.id}
                  onChange={(e) => setPlanId(e.currentTarget.value)}
                >
                  <For each={list}>
                    {(p) => <option value={p.id}>{p.visible ? p.name : t("sell.hiddenPlan", { name: p.name })}</option>}
                  </For>
                </select>
              </div>
              <div class="field">
                <label for="sell-currency">{t("sell.currency")}</label>
                <select
                  id="sell-currency"
                  name="currency"
                  value={chosenCurrency()}
                  onChange={(e) => setCurrency(e.currentTarget.value)}
                >
                  <For each={plan()?.prices ?? []}>
                    {(price) => (
                      <option value={price.currency}>
                        {price.currency} ({price.amount})
                      </option>
                    )}
                  </For>
                </select>
              </div>
            </div>
            <Show when={mayMarkPaid()}>
              <div class="field">
                <label>
                  {t("sell.reference")}
                  <input
                    name="reference"
                    maxlength="200"
                    autocomplete="off"
                    value={reference()}
                    onInput={(e) => setReference(e.currentTarget.value)}
                    aria-invalid={referenceMissing()}
                    aria-describedby="sell-reference-help"
                  />
                </label>
                <span id="sell-reference-help" class={referenceMissing() ? "field-error" : "muted"} role="status">
                  {referenceMissing() ? t("sell.referenceRequired") : t("sell.referenceHelp")}
                </span>
              </div>
            </Show>
            <Show when={action.error()}>
              <ErrorBox error={action.error()} />
            </Show>
            <div class="actions">
              <Show when={mayMarkPaid()}>
                <button type="button" disabled={action.busy()} onClick={() => void submit(true)}>
                  {t("sell.createAndMarkPaid")}
                </button>
              </Show>
              <button type="submit" class="primary" disabled={action.busy()}>
                {t("sell.createInvoice")}
              </button>
            </div>
          </form>
        </Show>
      )}
    </Loaded>
  );
}
