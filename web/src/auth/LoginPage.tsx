import { useNavigate } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { createAction } from "../lib/action";
import { anonymousRequest, completeSecondFactor, oidcAuthorizationUrl, signIn, signInWithPasskey } from "../api/client";
import { passkeysSupported } from "../api/webauthn";
import { errorText } from "../components/Async";
import { Preferences } from "../components/Layout";
import { SignInOptions } from "../graphql/auth";
import { t } from "../i18n";
import { enterApp } from "../session";

/**
 * Password (then a TOTP or backup code when the admin has one), a passkey, or the OIDC provider
 * when the panel has one configured.
 */
export default function Login() {
  const navigate = useNavigate();
  const action = createAction();
  const [challenge, setChallenge] = createSignal<string | null>(null);
  // Without the options the page still offers password and passkey sign-in.
  const [options] = createResource(() =>
    anonymousRequest(SignInOptions).then(
      (d) => d.signInOptions,
      () => null,
    ),
  );

  const attempt = (step: () => Promise<boolean>) =>
    action.run(async () => {
      if (await step()) await enterApp(navigate);
    });
  const submitPassword = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void attempt(async () => {
      const next = await signIn(String(form.get("username")), String(form.get("password")));
      if (next) setChallenge(next.challengeToken);
      return next === null;
    });
  };
  const submitCode = (event: SubmitEvent) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get("code")).trim();
    void attempt(async () => {
      await completeSecondFactor(challenge()!, code);
      return true;
    });
  };
  const withPasskey = () =>
    void attempt(async () => {
      await signInWithPasskey();
      return true;
    });
  const withOidc = () =>
    void attempt(async () => {
      location.assign(await oidcAuthorizationUrl());
      return false;
    });

  const problem = () => (
    <Show when={action.error()}>
      <p role="alert" class="error">
        {errorText(action.error(), { UNAUTHENTICATED: "login.refused" })}
      </p>
    </Show>
  );
  return (
    <div class="login">
      <Show
        when={challenge()}
        fallback={
          <form class="card form" onSubmit={submitPassword} aria-labelledby="login-title">
            <h1 id="login-title">VortexPanel</h1>
            <label>
              {t("login.username")}
              <input name="username" autocomplete="username webauthn" required />
            </label>
            <label>
              {t("login.password")}
              <input name="password" type="password" autocomplete="current-password" required />
            </label>
            {problem()}
            <button type="submit" class="primary" disabled={action.busy()}>
              {action.busy() ? t("login.signingIn") : t("login.signIn")}
            </button>
            <Show when={passkeysSupported()}>
              <button type="button" onClick={withPasskey} disabled={action.busy()} data-testid="passkey-sign-in">
                {t("login.withPasskey")}
              </button>
            </Show>
            <Show when={options()?.oidcEnabled}>
              <button type="button" onClick={withOidc} disabled={action.busy()} data-testid="oidc-sign-in">
                {t("login.withProvider", { provider: providerName(options()!.oidcIssuer) })}
              </button>
            </Show>
            <div class="actions">
              <Preferences />
            </div>
          </form>
        }
      >
        <form class="card form" onSubmit={submitCode} aria-labelledby="code-title">
          <h1 id="code-title">{t("login.secondFactor")}</h1>
          <p class="muted">{t("login.secondFactorHelp")}</p>
          <label>
            {t("login.code")}
            <input name="code" autocomplete="one-time-code" inputmode="text" class="ltr" required autofocus />
          </label>
          {problem()}
          <button type="submit" class="primary" disabled={action.busy()}>
            {action.busy() ? t("login.signingIn") : t("login.verify")}
          </button>
          <button
            type="button"
            onClick={() => {
              setChallenge(null);
              action.setError(null);
            }}
          >
            {t("action.back")}
          </button>
        </form>
      </Show>
    </div>
  );
}

/** "Sign in with accounts.example.com": the issuer's host is what the admin recognises. */
function providerName(issuer: string | null): string {
  if (!issuer) return "OpenID Connect";
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}
