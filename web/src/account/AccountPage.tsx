/**
 * The signed-in admin's own security: sign-in factors, devices, networks and password. A session
 * that must enroll TOTP first (its role requires it) sees only the TOTP card: the API refuses the rest.
 */
import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { request } from "../api/client";
import { Loaded, Skeleton } from "../components/Async";
import { notify } from "../components/toast";
import { ChangePassword } from "../graphql/account";
import { t } from "../i18n";
import { createAction } from "../lib/action";
import { createQuery, reloadQueries } from "../lib/query";
import { overviewQuery, setOwnNetworks } from "./data";
import { parseCidrList } from "./actions";
import { PasskeysCard } from "./Passkeys";
import { SessionsCard } from "./Sessions";
import { TotpCard } from "./Totp";
import { FormFooter } from "../components/Form";

export default function AccountPage() {
  const overview = createQuery(() => overviewQuery());
  const [backupCodes, showBackupCodes] = createSignal<string[] | null>(null);
  return (
    <>
      <h1>{t("account.title")}</h1>
      <Loaded resource={overview} retry={() => reloadQueries(overviewQuery)} skeleton={<Skeleton lines={8} />}>
        {(o) => (
          <div class="stack">
            <TotpCard status={o.twoFactor} backupCodes={backupCodes()} showBackupCodes={showBackupCodes} />
            <Show when={!o.twoFactor.mustEnrollTotp}>
              <PasskeysCard passwordLoginDisabled={o.twoFactor.passwordLoginDisabled} />
              <SessionsCard />
              <AllowlistCard cidrs={o.me.ipAllowlist} />
              <PasswordCard />
            </Show>
          </div>
        )}
      </Loaded>
    </>
  );
}

function AllowlistCard(props: { cidrs: string[] }) {
  const action = createAction();
  const setNetworks = useAction(setOwnNetworks);
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const cidrs = parseCidrList(String(new FormData(event.currentTarget as HTMLFormElement).get("cidrs")));
    void action.run(async () => {
      await setNetworks(cidrs);
      notify(t("state.saved"));
    });
  };
  return (
    <form class="card form" onSubmit={save} aria-labelledby="allowlist-title">
      <h2 id="allowlist-title">{t("allowlist.title")}</h2>
      <p class="muted">{t("allowlist.help")}</p>
      <textarea
        name="cidrs"
        rows="4"
        class="ltr"
        aria-labelledby="allowlist-title"
        placeholder={"203.0.113.0/24\n2001:db8::/32"}
        value={props.cidrs.join("\n")}
      />
      <FormFooter error={action.error()} busy={action.busy()} label={t("action.save")} />
    </form>
  );
}

function PasswordCard() {
  const action = createAction();
  const change = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword"));
    if (newPassword !== String(data.get("repeat"))) {
      action.setError(new Error(t("password.mismatch")));
      return;
    }
    void action.run(async () => {
      await request(ChangePassword, { input: { currentPassword: String(data.get("currentPassword")), newPassword } });
      form.reset();
      notify(t("password.changed"));
    });
  };
  return (
    <form class="card form" onSubmit={change} aria-labelledby="password-title">
      <h2 id="password-title">{t("password.title")}</h2>
      <label>
        {t("password.current")}
        <input name="currentPassword" type="password" autocomplete="current-password" required />
      </label>
      <div class="row">
        <label>
          {t("password.new")}
          <input name="newPassword" type="password" autocomplete="new-password" required />
        </label>
        <label>
          {t("password.repeat")}
          <input name="repeat" type="password" autocomplete="new-password" required />
        </label>
      </div>
      <FormFooter error={action.error()} busy={action.busy()} label={t("password.change")} />
    </form>
  );
}
