/** Where the OpenID provider sends the browser back (/login/oidc?code=…&state=…): finishes the sign-in once. */
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { finishOidcSignIn } from "../api/client";
import { ErrorBox, Skeleton } from "../components/Async";
import { t } from "../i18n";
import { enterApp } from "../session";

export default function OidcCallback() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ code?: string; state?: string; error?: string; error_description?: string }>();
  const [error, setError] = createSignal<unknown>(null);
  onMount(async () => {
    try {
      // The provider reports a refusal (the admin cancelled, no consent) in the query instead of a code.
      if (!params.code || !params.state)
        throw new Error(params.error_description || params.error || t("login.oidcNoCode"));
      await finishOidcSignIn(params.state, params.code);
      await enterApp(navigate);
    } catch (e) {
      setError(e);
    }
  });
  return (
    <div class="login">
      <div class="card form">
        <h1>VortexPanel</h1>
        <Show when={error()} fallback={<Skeleton lines={2} />}>
          <ErrorBox error={error()} />
          <A href="/login">{t("login.backToSignIn")}</A>
        </Show>
      </div>
    </div>
  );
}
