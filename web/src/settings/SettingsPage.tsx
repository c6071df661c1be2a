/** Subscription settings (title, update interval, support URL, remark templates, …), which roles must use TOTP, allowed CORS origins, the ordered format rules, and the panel-wide routing policy. */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { request } from "../api/client";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { notify } from "../components/toast";
import { ResetSubscriptionRules, SettingsPage, UpdateSettings, UpdateSubscriptionRules } from "../graphql/settings";
import type {
  AdminRole,
  InactiveUserResponse,
  SubscriptionRuleInput,
  UpdateSettingsInput,
} from "../graphql/generated/graphql";
import { createQuery, mutation, reloadQueries, signedInQuery } from "../lib/query";
import { t } from "../i18n";
// This page's English loads with it, not with the first load.
import "../i18n/safety-en";
import { createAction } from "../lib/action";
import { PanelRoutingSection } from "../routing/RoutingSection";
import { MonitoringCard } from "./MonitoringCard";
import { NotificationSettingsCard } from "./NotificationSettingsCard";
import { me } from "../session";
import { FormFooter } from "../components/Form";

const ROLES = ["OWNER", "ADMIN", "RESELLER"] as const satisfies AdminRole[];

const settingsQuery = signedInQuery(() => request(SettingsPage), "settings");
const updateSettings = mutation((input: UpdateSettingsInput) => request(UpdateSettings, { input }), "updateSettings", [
  settingsQuery,
]);
const updateRules = mutation(
  (rules: SubscriptionRuleInput[]) => request(UpdateSubscriptionRules, { rules }),
  "updateSubscriptionRules",
  [settingsQuery],
);
const resetRules = mutation(() => request(ResetSubscriptionRules), "resetSubscriptionRules", [settingsQuery]);

export default function SettingsPageView() {
  const data = createQuery(() => settingsQuery());
  const save = useAction(updateSettings);
  const saveRuleList = useAction(updateRules);
  const resetRuleList = useAction(resetRules);
  const [settingsError, setSettingsError] = createSignal<unknown>(null);
  const [rulesError, setRulesError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  // The server refuses a change from anyone else (an admin could lift the rule for itself).
  const isOwner = () => me()?.role === "OWNER";

  const saveSettings = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? "");
    setSettingsError(null);
    setBusy(true);
    try {
      await save({
        subscriptionTitle: text("subscriptionTitle"),
        subscriptionUpdateIntervalHours: Number(text("subscriptionUpdateIntervalHours")),
        subscriptionSupportUrl: text("subscriptionSupportUrl"),
        subscriptionRemarkTemplate: text("subscriptionRemarkTemplate"),
        subscriptionUrlPrefix: text("subscriptionUrlPrefix"),
        subscriptionAnnounce: text("subscriptionAnnounce"),
        subscriptionHideSettings: form.get("subscriptionHideSettings") === "on",
        subscriptionRouting: text("subscriptionRouting"),
        inactiveUserResponse: text("inactiveUserResponse") as InactiveUserResponse,
        deviceLimit: Number(text("deviceLimit")),
        corsAllowedOrigins: text("corsAllowedOrigins").split(/\s+/).filter(Boolean),
        ...(isOwner()
          ? { totpRequiredRoles: form.getAll("totpRequiredRoles").map((role) => String(role) as AdminRole) }
          : {}),
      });
      notify(t("state.saved"));
    } catch (error) {
      setSettingsError(error);
    } finally {
      setBusy(false);
    }
  };
  // Saved on its own, as it is toggled: it is not part of the subscription settings above.
  const nodeSettings = createAction();
  const saveAutoUpdate = async (agentAutoUpdate: boolean) => {
    if (await nodeSettings.run(() => save({ agentAutoUpdate }))) notify(t("state.saved"));
  };
  const saveRules = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setRulesError(null);
    let rules: unknown;
    try {
      rules = JSON.parse(String(form.get("rules")));
      if (!Array.isArray(rules)) throw new Error(t("settings.rulesNotList"));
    } catch (error) {
      setRulesError(
        error instanceof SyntaxError ? new Error(t("settings.rulesBadJson", { message: error.message })) : error,
      );
      return;
    }
    try {
      await saveRuleList(rules);
      notify(t("state.saved"));
    } catch (error) {
      setRulesError(error);
    }
  };
  const reset = async () => {
    setRulesError(null);
    await resetRuleList().catch(setRulesError);
  };

  return (
    <>
      <h1>{t("nav.settings")}</h1>
      <Loaded resource={data} retry={() => reloadQueries(settingsQuery)} skeleton={<Skeleton lines={8} />}>
        {(d) => (
          <>
            <form
              class="card form"
              onSubmit={saveSettings}
              style={{ "margin-block-end": "1rem" }}
              aria-labelledby="sub-settings"
            >
              <h2 id="sub-settings">{t("settings.subscription")}</h2>
              <div class="row">
                <label>
                  {t("settings.title")}
                  <input name="subscriptionTitle" value={d.settings.subscriptionTitle} />
                </label>
                <label>
                  {t("settings.interval")}
                  <input
                    name="subscriptionUpdateIntervalHours"
                    type="number"
                    min="1"
                    max="168"
                    required
                    value={d.settings.subscriptionUpdateIntervalHours}
                  />
                </label>
              </div>
              <div class="row">
                <label>
                  {t("settings.supportUrl")}
                  <input
                    name="subscriptionSupportUrl"
                    type="url"
                    class="ltr"
                    value={d.settings.subscriptionSupportUrl}
                  />
                </label>
                <label>
                  {t("settings.urlPrefix")}
                  <input
                    name="subscriptionUrlPrefix"
                    type="url"
                    class="ltr"
                    value={d.settings.subscriptionUrlPrefix}
                    placeholder="https://sub.example.com"
                  />
                </label>
              </div>
              <label>
                {t("settings.remarkTemplate")}
                <input name="subscriptionRemarkTemplate" class="ltr" value={d.settings.subscriptionRemarkTemplate} />
                <span class="muted">{t("settings.remarkHelp")}</span>
              </label>
              <label>
                {t("settings.announce")}
                <input name="subscriptionAnnounce" value={d.settings.subscriptionAnnounce} />
              </label>
              <label>
                {t("settings.routing")}
                <textarea name="subscriptionRouting" rows="2">
                  {d.settings.subscriptionRouting}
                </textarea>
              </label>
              <div class="row">
                <label>
                  {t("settings.inactive")}
                  <select name="inactiveUserResponse" value={d.settings.inactiveUserResponse}>
                    <For each={["PLACEHOLDER", "NOT_FOUND", "FORBIDDEN"] as const}>
                      {(v) => <option value={v}>{t(`inactive.${v}`)}</option>}
                    </For>
                  </select>
                </label>
                <label>
                  {t("settings.deviceLimit")}
                  <input name="deviceLimit" type="number" min="0" max="100" value={d.settings.deviceLimit} />
                </label>
              </div>
              <label class="inline">
                <input type="checkbox" name="subscriptionHideSettings" checked={d.settings.subscriptionHideSettings} />
                {t("settings.hideSettings")}
              </label>
              <fieldset>
                <legend>{t("settings.totpRequired")}</legend>
                <p class="muted">{t("settings.totpRequiredHelp")}</p>
                <Show when={!isOwner()}>
                  <p class="muted">{t("settings.totpOwnerOnly")}</p>
                </Show>
                <For each={ROLES}>
                  {(role) => (
                    <label class="inline">
                      <input
                        type="checkbox"
                        name="totpRequiredRoles"
                        value={role}
                        checked={d.settings.totpRequiredRoles.includes(role)}
                        disabled={!isOwner()}
                      />
                      {t(`role.${role}`)}
                    </label>
                  )}
                </For>
              </fieldset>
              <label>
                {t("settings.cors")}
                <textarea name="corsAllowedOrigins" rows="2" class="ltr" placeholder="https://dash.example.com">
                  {d.settings.corsAllowedOrigins.join("\n")}
                </textarea>
                <span class="muted">{t("settings.corsHint")}</span>
              </label>
              <FormFooter error={settingsError()} busy={busy()} label={t("action.save")} />
            </form>
            <section class="card form" aria-labelledby="node-settings" style={{ "margin-block-end": "1rem" }}>
              <h2 id="node-settings">{t("settings.nodes")}</h2>
              <label class="inline">
                <input
                  type="checkbox"
                  name="agentAutoUpdate"
                  checked={d.settings.agentAutoUpdate}
                  disabled={nodeSettings.busy()}
                  onChange={(e) => void saveAutoUpdate(e.currentTarget.checked)}
                />
                {t("settings.agentAutoUpdate")}
              </label>
              <span class="muted">{t("settings.agentAutoUpdateHelp")}</span>
              <Show when={nodeSettings.error()}>
                <ErrorBox error={nodeSettings.error()} />
              </Show>
            </section>
            <form class="card form" onSubmit={saveRules} aria-labelledby="rules-title">
              <h2 id="rules-title">{t("settings.rules")}</h2>
              <p class="muted">{t("settings.rulesHelp")}</p>
              <textarea name="rules" rows="16" class="ltr" aria-labelledby="rules-title">
                {JSON.stringify(d.subscriptionRules, null, 2)}
              </textarea>
              <Show when={rulesError()}>
                <ErrorBox error={rulesError()} />
              </Show>
              <div class="actions">
                <button type="button" onClick={() => void reset()}>
                  {t("settings.resetRules")}
                </button>
                <button type="submit" class="primary">
                  {t("action.save")}
                </button>
              </div>
            </form>
          </>
        )}
      </Loaded>
      <PanelRoutingSection />
      <NotificationSettingsCard />
      <MonitoringCard />
    </>
  );
}
