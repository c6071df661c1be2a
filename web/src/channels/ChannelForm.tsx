/**
 * A webhook's name, URL, language and the event kinds it hears (none ticked: every kind its owner
 * may hear), the kinds grouped by whom they are about. Telegram channels keep their chat: only the
 * name, language and kinds change.
 */
import { createSignal, For, Show } from "solid-js";
import type { ChannelFieldsFragment, NotificationLanguage, WebhookChannelInput } from "../graphql/generated/graphql";
import { t } from "../i18n";
import { createAction } from "../lib/action";
import { FormFooter } from "../components/Form";

const LANGUAGES = ["EN", "RU", "FA", "ZH"] as const satisfies NotificationLanguage[];
const AUDIENCES = ["USER", "PANEL"] as const;

export function ChannelForm(props: {
  channel?: ChannelFieldsFragment;
  kinds: { kind: string; audience: "USER" | "PANEL"; description: string }[];
  submitLabel: string;
  onSubmit: (input: Required<Omit<WebhookChannelInput, "enabled">>) => Promise<unknown>;
}) {
  const action = createAction();
  const [chosen, setChosen] = createSignal(new Set(props.channel?.eventKinds ?? []));
  const isWebhook = () => !props.channel || props.channel.kind === "WEBHOOK";
  const toggle = (kind: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(kind);
    else next.delete(kind);
    setChosen(next);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void action.run(() =>
      props.onSubmit({
        name: String(form.get("name") ?? "").trim(),
        url: String(form.get("url") ?? "").trim(),
        language: String(form.get("language")) as NotificationLanguage,
        eventKinds: [...chosen()],
      }),
    );
  };
  return (
    <form class="form" onSubmit={submit} data-testid="channel-form">
      <label>
        {t("channels.name")}
        <input name="name" required value={props.channel?.name ?? ""} />
      </label>
      <Show when={isWebhook()}>
        <label>
          {t("channels.url")}
          <input
            name="url"
            type="url"
            class="ltr"
            required
            placeholder="https://hooks.example.com/vortexpanel"
            value={props.channel?.url ?? ""}
          />
        </label>
      </Show>
      <label>
        {t("channels.language")}
        <select name="language" value={props.channel?.language ?? "EN"}>
          <For each={LANGUAGES}>{(l) => <option value={l}>{t(`channels.language.${l}`)}</option>}</For>
        </select>
      </label>
      <p class="muted">{t("channels.kindsHelp")}</p>
      <For each={AUDIENCES}>
        {(audience) => (
          <fieldset>
            <legend>{t(`channels.audience.${audience}`)}</legend>
            <For each={props.kinds.filter((k) => k.audience === audience)}>
              {(k) => (
                <label class="inline" title={k.description}>
                  <input
                    type="checkbox"
                    value={k.kind}
                    checked={chosen().has(k.kind)}
                    onChange={(e) => toggle(k.kind, e.currentTarget.checked)}
                  />
                  <span class="ltr">{k.kind}</span>
                </label>
              )}
            </For>
          </fieldset>
        )}
      </For>
      <FormFooter error={action.error()} busy={action.busy()} label={props.submitLabel} />
    </form>
  );
}
