import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { ApiError, request, signIn, signOut } from "./api";

interface Overview {
  me: { username: string; role: string };
  systemStatus: {
    version: string;
    users: { total: number; active: number; disabled: number; limited: number; expired: number; onHold: number };
    servers: number;
    inbounds: number;
    groups: number;
  };
}

const OVERVIEW = `{ me { username role } systemStatus { version users { total active disabled limited expired onHold } servers inbounds groups } }`;

function Login(props: { onSignedIn: () => void }) {
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError("");
    try {
      await signIn(String(form.get("username")), String(form.get("password")));
      props.onSignedIn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The panel could not be reached; try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">VortexPanel</h1>
      <label>
        Username
        <input name="username" autocomplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <Show when={error()}>
        <p role="alert" class="error">
          {error()}
        </p>
      </Show>
      <button type="submit" disabled={busy()}>
        {busy() ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

function Dashboard(props: { onSignedOut: () => void }) {
  const [overview, { refetch }] = createResource(() => request<Overview>(OVERVIEW));
  return (
    <main class="card">
      <Switch>
        <Match when={overview.error}>
          <p role="alert" class="error">
            {overview.error instanceof ApiError ? overview.error.message : "Could not load the overview."}
          </p>
          <button onClick={() => refetch()}>Retry</button>
        </Match>
        <Match when={overview()}>
          {(data) => (
            <>
              <header>
                <h1>Overview</h1>
                <span>
                  {data().me.username} ({data().me.role.toLowerCase()})
                </span>
                <button onClick={() => signOut().then(props.onSignedOut)}>Sign out</button>
              </header>
              <dl class="stats">
                <div><dt>Users</dt><dd>{data().systemStatus.users.total}</dd></div>
                <div><dt>Active</dt><dd>{data().systemStatus.users.active}</dd></div>
                <div><dt>Limited</dt><dd>{data().systemStatus.users.limited}</dd></div>
                <div><dt>Expired</dt><dd>{data().systemStatus.users.expired}</dd></div>
                <div><dt>Servers</dt><dd>{data().systemStatus.servers}</dd></div>
                <div><dt>Inbounds</dt><dd>{data().systemStatus.inbounds}</dd></div>
              </dl>
              <footer>VortexPanel {data().systemStatus.version}</footer>
            </>
          )}
        </Match>
        <Match when={overview.loading}>
          <p aria-busy="true">Loading…</p>
        </Match>
      </Switch>
    </main>
  );
}

export function App() {
  const [signedIn, setSignedIn] = createSignal(Boolean(localStorage.getItem("vortex.refreshToken")));
  return (
    <Show when={signedIn()} fallback={<Login onSignedIn={() => setSignedIn(true)} />}>
      <Dashboard onSignedOut={() => setSignedIn(false)} />
    </Show>
  );
}
