/**
 * Authenticator-app codes (TOTP): enroll by scanning a QR code and confirming one code, then keep
 * the ten backup codes that are shown only once. Turning it off or renewing the backup codes
 * takes a current code.
 */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { request } from "../api/client";
import { ErrorBox } from "../components/Async";
import { notify } from "../components/toast";
import { Qr } from "../components/Qr";
import { BeginTotpEnrollment } from "../graphql/account";
import { locale, t } from "../i18n";
import { formatDate } from "../lib/format";
import { createAction } from "../lib/action";
import { confirmTotp, disableTotp, renewBackupCodes } from "./data";
import type { AccountOverviewQuery, BeginTotpEnrollmentMutation } from "../graphql/generated/graphql";

export type TwoFactorStatus = AccountOverviewQuery["twoFactor"];

type Enrollment = BeginTotpEnrollmentMutation["beginTotpEnrollment"];

/**
 * A change reloads the status, which re-creates this card; the backup codes being shown live
 * with the page (`backupCodes`/`showBackupCodes`) so that reload does not hide them.
 */
export function TotpCard(props: {
  status: TwoFactorStatus;
  backupCodes: string[] | null;
  showBackupCodes: (codes: string[] | null) => void;
}) {
  const [enrollment, setEnrollment] = createSignal<Enrollment | null>(null);
  const setBackupCodes = (codes: string[] | null) => props.showBackupCodes(codes);
  const action = createAction();
  const confirmCode = useAction(confirmTotp);
  const turnOff = useAction(disableTotp);
  const renewCodes = useAction(renewBackupCodes);
  const codeOf = (event: SubmitEvent) =>
    String(new FormData(event.currentTarget as HTMLFormElement).get("code")).trim();

  const begin = () =>
    void action.run(async () => setEnrollment((await request(BeginTotpEnrollment)).beginTotpEnrollment));
  const confirm = (event: SubmitEvent) => {
    event.preventDefault();
    const code = codeOf(event);
    void action.run(async () => {
      setBackupCodes(await confirmCode(code));
      setEnrollment(null);
    });
  };
  const manage = (event: SubmitEvent) => {
    event.preventDefault();
    const code = codeOf(event);
    const which = (event.submitter as HTMLButtonElement | null)?.value;
    void action.run(async () => {
      if (which === "disable") {
        await turnOff(code);
        notify(t("totp.disabled"));
      } else {
        setBackupCodes(await renewCodes(code));
      }
    });
  };

  return (
    <section class="card form" aria-labelledby="totp-title">
      <h2 id="totp-title">{t("totp.title")}</h2>
      <Show when={props.status.mustEnrollTotp}>
        <p class="error" role="status">
          {t("totp.required")}
        </p>
      </Show>
      <Show when={props.backupCodes}>
        {(codes) => (
          <div class="card" data-testid="backup-codes">
            <p>{t("totp.backupCodesOnce")}</p>
            <ul class="codes ltr">
              <For each={codes()}>
                {(code) => (
                  <li>
                    <code>{code}</code>
                  </li>
                )}
              </For>
            </ul>
            <button type="button" onClick={() => setBackupCodes(null)}>
              {t("totp.savedThem")}
            </button>
          </div>
        )}
      </Show>
      <Show
        when={props.status.totpEnabled}
        fallback={
          <Show
            when={enrollment()}
            fallback={
              <>
                <p class="muted">{t("totp.off")}</p>
                <div class="actions">
                  <button type="button" class="primary" onClick={begin} disabled={action.busy()}>
                    {t("totp.setUp")}
                  </button>
                </div>
              </>
            }
          >
            {(e) => (
              <form class="form" onSubmit={confirm}>
                <p>{t("totp.scan")}</p>
                <Qr text={e().uri} label={t("totp.qr")} />
                <p class="muted">
                  {t("totp.manual")}{" "}
                  <code class="ltr" data-testid="totp-secret">
                    {e().secret}
                  </code>
                </p>
                <label>
                  {t("login.code")}
                  <input name="code" autocomplete="one-time-code" inputmode="numeric" class="ltr" required />
                </label>
                <div class="actions">
                  <button type="button" onClick={() => setEnrollment(null)}>
                    {t("action.cancel")}
                  </button>
                  <button type="submit" class="primary" disabled={action.busy()}>
                    {t("totp.confirm")}
                  </button>
                </div>
              </form>
            )}
          </Show>
        }
      >
        <p>
          {t("totp.on", { date: props.status.totpEnabledAt ? formatDate(props.status.totpEnabledAt, locale()) : "" })}{" "}
          <span class="muted">{t("totp.codesLeft", { count: props.status.backupCodesLeft })}</span>
        </p>
        <form class="form" onSubmit={manage}>
          <label>
            {t("totp.currentCode")}
            <input name="code" autocomplete="one-time-code" class="ltr" required />
          </label>
          <div class="actions">
            <button type="submit" value="regenerate" disabled={action.busy()}>
              {t("totp.newBackupCodes")}
            </button>
            <button type="submit" value="disable" class="danger" disabled={action.busy()}>
              {t("totp.disable")}
            </button>
          </div>
        </form>
      </Show>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
    </section>
  );
}
