/** The signed-in shell: navigation, language and theme, then the page. Sends visitors without a session to /login. */
import { A, useNavigate, type RouteSectionProps } from "@solidjs/router";
import { ErrorBoundary, For, onMount, Show, Suspense } from "solid-js";
import { loadUnreadCount, receiveLiveNotification, unreadCount } from "../notifications/unread";
import { hasSession, signOut } from "../api/client";
import { LOCALES, locale, setLocale, t, type Locale, type MessageKey } from "../i18n";
import { me, refetchMe } from "../session";
import { setTheme, theme } from "../theme";
import { ErrorBox, Skeleton } from "./Async";
import { NotificationUpdates } from "../graphql/live";
import { useLive } from "../live/use-live";
import { notify } from "./toast";
import type { AdminRole } from "../graphql/generated/graphql";

/** `roles`: who sees the entry (everyone when absent); the API refuses the others anyway. */
const NAV: { href: string; label: MessageKey; roles?: AdminRole[] }[] = [
  { href: "/", label: "nav.dashboard" },
  { href: "/users", label: "nav.users" },
  { href: "/nodes", label: "nav.nodes" },
  { href: "/inbounds", label: "nav.inbounds" },
  { href: "/groups", label: "nav.groups" },
  { href: "/admins", label: "nav.admins", roles: ["OWNER"] },
  { href: "/audit", label: "nav.audit" },
  { href: "/analytics", label: "nav.analytics" },
  { href: "/invoices", label: "nav.invoices" },
  { href: "/plans", label: "nav.plans", roles: ["OWNER", "ADMIN"] },
  { href: "/payments", label: "nav.payments", roles: ["OWNER", "ADMIN"] },
  { href: "/revenue", label: "nav.revenue", roles: ["OWNER", "ADMIN"] },
  { href: "/channels", label: "nav.channels" },
  { href: "/settings", label: "nav.settings" },
  { href: "/import", label: "nav.import", roles: ["OWNER"] },
  { href: "/backups", label: "nav.backups", roles: ["OWNER", "ADMIN"] },
];

export function Preferences() {
  return (
    <>
      <label>
        <span class="visually-hidden">{t("prefs.language")}</span>
        <select
          aria-label={t("prefs.language")}
          value={locale()}
          onChange={(e) => void setLocale(e.currentTarget.value as Locale)}
          data-testid="language"
        >
          <For each={LOCALES}>
            {(l) => (
              <option value={l.code} lang={l.code}>
                {l.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <button
        type="button"
        aria-pressed={theme() === "dark"}
        onClick={() => setTheme(theme() === "dark" ? "light" : "dark")}
        data-testid="theme"
      >
        {theme() === "dark" ? t("prefs.light") : t("prefs.dark")}
      </button>
    </>
  );
}

export function Layout(props: RouteSectionProps) {
  const navigate = useNavigate();
  onMount(() => {
    if (!hasSession()) navigate("/login", { replace: true });
  });
  // Panel-wide notices (a node went offline, a user hit a limit…) as toasts on whatever page is open.
  useLive(
    NotificationUpdates,
    () => ({}),
    ({ notifications }) => {
      receiveLiveNotification(notifications);
      notify(notifications.message, notifications.severity === "INFO" ? "info" : "error");
    },
    // Events missed while the stream was away are counted again rather than guessed.
    () => void loadUnreadCount().catch(() => undefined),
  );
  onMount(() => {
    if (hasSession()) void loadUnreadCount().catch(() => undefined);
  });
  const leave = async () => {
    await signOut();
    void refetchMe();
    navigate("/login", { replace: true });
  };
  return (
    <div class="shell">
      <aside class="sidebar">
        <div class="brand">
          <span class="grow">VortexPanel</span>
          <NotificationBell />
        </div>
        <nav aria-label={t("nav.label")}>
          <For each={NAV.filter((item) => !item.roles || item.roles.includes(me()?.role as AdminRole))}>
            {(item) => (
              <A href={item.href} end={item.href === "/"} activeClass="active">
                {t(item.label)}
              </A>
            )}
          </For>
        </nav>
        <div class="prefs">
          <Preferences />
          <Show when={me()}>
            {(admin) => (
              <span class="muted">
                {admin().username} · {t(`role.${admin().role}`)}
              </span>
            )}
          </Show>
          <A href="/account" activeClass="active">
            {t("nav.account")}
          </A>
          <button type="button" onClick={leave}>
            {t("action.signOut")}
          </button>
        </div>
      </aside>
      <main>
        {/* A fault in one page shows there, with a retry, instead of blanking the app. */}
        <ErrorBoundary fallback={(error, reset) => <ErrorBox error={error} retry={reset} />}>
          <Suspense fallback={<Skeleton lines={6} />}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** The bell: the unread count, kept current by the live stream; opens the notification centre. */
function NotificationBell() {
  const label = () => t("notifications.bell", { count: unreadCount() ?? 0 });
  return (
    <A href="/notifications" class="bell" aria-label={label()} title={label()} data-testid="bell">
      {/* Drawn, not an emoji: not every system has a font with one. */}
      <svg
        viewBox="0 0 24 24"
        width="20"
        height="20"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <Show when={(unreadCount() ?? 0) > 0}>
        <span class="bell-count" data-testid="unread-count">
          {unreadCount()! > 99 ? "99+" : unreadCount()}
        </span>
      </Show>
    </A>
  );
}
