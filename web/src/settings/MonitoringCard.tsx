/**
 * The Prometheus endpoint: whether it answers, a new scrape token (shown once, with a scrape
 * config ready to paste), and turning it off.
 */
import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { request } from "../api/client";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { CopyButton } from "../components/Copy";
import { Confirm } from "../components/Modal";
import { MetricsEndpoint, RevokeMetricsToken, RotateMetricsToken } from "../graphql/metrics";
import { locale, t } from "../i18n";
import "../i18n/monitoring-en";
import { createAction } from "../lib/action";
import { formatDateTime } from "../lib/format";
import { createQuery, mutation, reloadQueries, signedInQuery } from "../lib/query";
import { scrapeConfig } from "./scrape-config";

const metricsQuery = signedInQuery(async () => (await request(MetricsEndpoint)).metricsEndpoint, "metricsEndpoint");
const rotateToken = mutation(async () => (await request(RotateMetricsToken)).rotateMetricsToken, "rotateMetricsToken", [
  metricsQuery,
]);
const revokeToken = mutation(() => request(RevokeMetricsToken), "revokeMetricsToken", [metricsQuery]);

export function MonitoringCard() {
  const data = createQuery(() => metricsQuery());
  const rotate = useAction(rotateToken);
  const revoke = useAction(revokeToken);
  const action = createAction();
  const [shown, setShown] = createSignal<{ token: string; path: string } | null>(null);
  const [confirmRevoke, setConfirmRevoke] = createSignal(false);
  const snippet = () => {
    const s = shown();
    return s ? scrapeConfig(location.origin, s.path, s.token) : "";
  };

  return (
    <section class="card form" aria-labelledby="monitoring-title" style={{ "margin-block-end": "1rem" }}>
      <h2 id="monitoring-title">{t("monitoring.title")}</h2>
      <Loaded resource={data} retry={() => reloadQueries(metricsQuery)} skeleton={<Skeleton lines={2} />}>
        {(m) => (
          <>
            <p data-testid="metrics-enabled">
              {m.enabled ? t("monitoring.enabled", { path: m.path }) : t("monitoring.disabled")}
              <Show when={m.tokenCreatedAt}>
                <span class="muted">
                  {" "}
                  · {t("monitoring.since", { at: formatDateTime(m.tokenCreatedAt!, locale()) })}
                </span>
              </Show>
            </p>
            <div class="actions" style={{ "justify-content": "flex-start" }}>
              <button
                type="button"
                class="primary"
                disabled={action.busy()}
                onClick={() =>
                  void action.run(async () => {
                    const issued = await rotate();
                    setShown({ token: issued.token, path: issued.endpoint.path });
                  })
                }
              >
                {m.enabled ? t("monitoring.rotate") : t("monitoring.enable")}
              </button>
              <Show when={m.enabled}>
                <button type="button" class="danger" onClick={() => setConfirmRevoke(true)}>
                  {t("monitoring.revoke")}
                </button>
              </Show>
            </div>
          </>
        )}
      </Loaded>
      <Show when={shown()}>
        {(s) => (
          <div class="stack">
            <p class="warning" role="alert">
              {t("monitoring.tokenOnce")}
            </p>
            <code class="ltr secret" data-testid="metrics-token">
              {s().token}
            </code>
            <pre class="ltr snippet" data-testid="scrape-config">
              {snippet()}
            </pre>
            <div class="actions" style={{ "justify-content": "flex-start" }}>
              <CopyButton text={s().token} label={t("monitoring.copyToken")} />
              <CopyButton text={snippet()} label={t("monitoring.copyConfig")} />
              <button type="button" onClick={() => setShown(null)}>
                {t("action.close")}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Confirm
        open={confirmRevoke()}
        onOpenChange={setConfirmRevoke}
        title={t("monitoring.revoke")}
        message={t("monitoring.revokeWarning")}
        confirmLabel={t("monitoring.revoke")}
        onConfirm={() =>
          void action.run(async () => {
            await revoke();
            setShown(null);
          })
        }
      />
    </section>
  );
}
