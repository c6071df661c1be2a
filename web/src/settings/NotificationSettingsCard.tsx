/** Reminders, the failed sign-in alert, how long each kind of record is kept, and the account-sharing window. */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { request } from "../api/client";
import { Loaded, Skeleton } from "../components/Async";
import { notify } from "../components/toast";
import type { UpdateSettingsInput } from "../graphql/generated/graphql";
import { NotificationSettings, UpdateNotificationSettings } from "../graphql/notifications";
import { type MessageKey, t } from "../i18n";
import "../i18n/monitoring-en";
import { createAction } from "../lib/action";
import { createQuery, mutation, reloadQueries, signedInQuery } from "../lib/query";
import { parseNumberList } from "./number-list";
import { FormFooter } from "../components/Form";

const notificationSettingsQuery = signedInQuery(
  async () => (await request(NotificationSettings)).settings,
  "notificationSettings",
);
const saveNotificationSettings = mutation(
  (input: UpdateSettingsInput) => request(UpdateNotificationSettings, { input }),
  "updateNotificationSettings",
  [notificationSettingsQuery],
);

const LISTS = [
  { name: "reminderUsagePercents", min: 1, max: 100 },
  { name: "reminderDaysLeft", min: 1, max: 365 },
] as const;
const RETENTION = [
  "retentionHourlyDays",
  "retentionDailyDays",
  "retentionEventDays",
  "retentionAuditDays",
  "retentionSessionDays",
] as const;

export function NotificationSettingsCard() {
  const data = createQuery(() => notificationSettingsQuery());
  const save = useAction(saveNotificationSettings);
  const action = createAction();
  const [invalid, setInvalid] = createSignal<Partial<Record<string, string>>>({});

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const problems: Record<string, string> = {};
    const lists: Partial<Record<(typeof LISTS)[number]["name"], number[]>> = {};
    for (const { name, min, max } of LISTS) {
      const parsed = parseNumberList(value(name), min, max);
      if (parsed.ok) lists[name] = parsed.values;
      else problems[name] = t(`settings.list.${parsed.problem}`, { min, max });
    }
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    void action.run(async () => {
      await save({
        ...lists,
        failedSignInAlertThreshold: Number(value("failedSignInAlertThreshold")),
        sharingWindowMinutes: Number(value("sharingWindowMinutes")),
        ...Object.fromEntries(RETENTION.map((name) => [name, Number(value(name))])),
      });
      notify(t("state.saved"));
    });
  };

  const numberField = (name: string, current: number, label: MessageKey) => (
    <label>
      {t(label)}
      <input name={name} type="number" inputmode="numeric" min="1" required value={current} />
    </label>
  );

  return (
    <Loaded resource={data} retry={() => reloadQueries(notificationSettingsQuery)} skeleton={<Skeleton lines={4} />}>
      {(s) => (
        <form
          class="card form"
          onSubmit={submit}
          novalidate
          aria-labelledby="notify-settings"
          style={{ "margin-block-end": "1rem" }}
        >
          <h2 id="notify-settings">{t("settings.notifications")}</h2>
          <div class="row">
            <For each={LISTS}>
              {({ name }) => (
                <div class="field">
                  <label>
                    {t(`settings.${name}`)}
                    <input
                      name={name}
                      inputmode="numeric"
                      value={s[name].join(", ")}
                      aria-invalid={Boolean(invalid()[name])}
                      aria-describedby={invalid()[name] ? `${name}-error` : undefined}
                    />
                  </label>
                  <Show when={invalid()[name]}>
                    <span class="field-error" id={`${name}-error`} role="alert">
                      {invalid()[name]}
                    </span>
                  </Show>
                </div>
              )}
            </For>
          </div>
          <div class="row">
            {numberField(
              "failedSignInAlertThreshold",
              s.failedSignInAlertThreshold,
              "settings.failedSignInAlertThreshold",
            )}
            {numberField("sharingWindowMinutes", s.sharingWindowMinutes, "settings.sharingWindowMinutes")}
          </div>
          <fieldset>
            <legend>{t("settings.retention")}</legend>
            <div class="row">
              <For each={RETENTION}>{(name) => numberField(name, s[name], `settings.${name}`)}</For>
            </div>
          </fieldset>
          <FormFooter error={action.error()} busy={action.busy()} label={t("action.save")} />
        </form>
      )}
    </Loaded>
  );
}
