/**
 * The panel's Telegram bot: whether it is set up, its @username, the webhook Telegram calls and
 * the last error it reported; admins set or remove its token. Anyone signed in links their own
 * chat: a one-time t.me link, also as a QR code for the phone.
 */
import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { CopyButton } from "../components/Copy";
import { Confirm, Modal } from "../components/Modal";
import { Qr } from "../components/Qr";
import { notify } from "../components/toast";
import { locale, t } from "../i18n";
import { createAction } from "../lib/action";
import { formatDateTime, formatRelative } from "../lib/format";
import { createQuery, reloadQueries } from "../lib/query";
import { me } from "../session";
import { configureBot, linkTelegram, removeBot, telegramBotQuery } from "./data";

export function TelegramCard() {
  // The bot's settings are the admins'; a reseller only links its own chat.
  const mayConfigure = () => me()?.role === "OWNER" || me()?.role === "ADMIN";
  const bot = createQuery(() => mayConfigure() && telegramBotQuery());
  const configure = useAction(configureBot);
  const remove = useAction(removeBot);
  const action = createAction();
  const [confirmRemove, setConfirmRemove] = createSignal(false);
  const [offer, setOffer] = createSignal<{ url: string; expiresAt: string } | null>(null);

  const saveToken = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const token = String(new FormData(form).get("token") ?? "").trim();
    void action.run(async () => {
      await configure(token);
      form.reset();
      notify(t("state.saved"));
    });
  };
  const link = () => action.run(async () => setOffer(await linkTelegram()));

  return (
    <section class="card stack" aria-labelledby="telegram-title">
      <h2 id="telegram-title">{t("telegram.title")}</h2>
      <Show when={mayConfigure()}>
        <Loaded resource={bot} retry={() => reloadQueries(telegramBotQuery)} skeleton={<Skeleton lines={2} />}>
          {(b) => (
            <>
              <dl class="stats">
                <div>
                  <dt>{t("telegram.status")}</dt>
                  <dd data-testid="telegram-configured">
                    {b.configured ? t("telegram.configured") : t("telegram.notConfigured")}
                  </dd>
                </div>
                <Show when={b.username}>
                  <div>
                    <dt>{t("telegram.bot")}</dt>
                    <dd class="ltr">@{b.username}</dd>
                  </div>
                </Show>
                <Show when={b.lastUpdateAt}>
                  <div>
                    <dt>{t("telegram.lastUpdate")}</dt>
                    <dd title={formatDateTime(b.lastUpdateAt!, locale())}>
                      {formatRelative(b.lastUpdateAt!, locale())}
                    </dd>
                  </div>
                </Show>
              </dl>
              <Show when={b.webhookUrl}>
                <p class="muted">
                  {t("telegram.webhook")} <span class="ltr">{b.webhookUrl}</span>
                </p>
              </Show>
              <Show when={b.lastError}>
                <p class="error">{b.lastError}</p>
              </Show>
              <form class="form" onSubmit={saveToken}>
                <label>
                  {t("telegram.token")}
                  <input
                    name="token"
                    type="password"
                    class="ltr"
                    autocomplete="off"
                    required
                    placeholder="123456:ABC…"
                  />
                </label>
                <div class="actions">
                  <Show when={b.configured}>
                    <button type="button" class="danger" onClick={() => setConfirmRemove(true)}>
                      {t("telegram.remove")}
                    </button>
                  </Show>
                  <button type="submit" class="primary" disabled={action.busy()}>
                    {t("telegram.configure")}
                  </button>
                </div>
              </form>
            </>
          )}
        </Loaded>
      </Show>
      <p class="muted">{t("telegram.linkHelp")}</p>
      <div class="actions" style={{ "justify-content": "flex-start" }}>
        <button type="button" disabled={action.busy()} onClick={() => void link()}>
          {t("telegram.link")}
        </button>
      </div>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Confirm
        open={confirmRemove()}
        onOpenChange={setConfirmRemove}
        title={t("telegram.remove")}
        message={t("telegram.removeWarning")}
        confirmLabel={t("telegram.remove")}
        onConfirm={() => void action.run(() => remove())}
      />
      <Modal open={offer() !== null} onOpenChange={(open) => !open && setOffer(null)} title={t("telegram.link")}>
        <Show when={offer()}>
          {(o) => (
            <div class="stack">
              <p>{t("telegram.linkOffer", { at: formatDateTime(o().expiresAt, locale()) })}</p>
              <p class="ltr" style={{ "word-break": "break-all" }}>
                <a href={o().url} target="_blank" rel="noopener">
                  {o().url}
                </a>
              </p>
              <CopyButton text={o().url} />
              <Qr text={o().url} label={t("telegram.qr")} />
            </div>
          )}
        </Show>
      </Modal>
    </section>
  );
}
