import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { signIn } from "../api/client";
import { errorText } from "../components/Async";
import { Preferences } from "../components/Layout";
import { t } from "../i18n";
import { refetchMe } from "../session";

export default function Login() {
  const navigate = useNavigate();
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get("username")), String(form.get("password")));
      void refetchMe();
      navigate("/", { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="login">
      <form class="card form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">VortexPanel</h1>
        <label>
          {t("login.username")}
          <input name="username" autocomplete="username" required />
        </label>
        <label>
          {t("login.password")}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <Show when={error()}>
          <p role="alert" class="error">
            {errorText(error())}
          </p>
        </Show>
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? t("login.signingIn") : t("login.signIn")}
        </button>
        <div class="actions">
          <Preferences />
        </div>
      </form>
    </div>
  );
}
