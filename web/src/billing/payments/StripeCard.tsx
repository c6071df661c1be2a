/**
 * Stripe's status on the Payments page: whether the keys and the webhook secret are set (never
 * their values), the webhook URL and events to give Stripe, and what the last deliveries were
 * judged, in words an operator acts on (a bad signature points at STRIPE_WEBHOOK_SECRET).
 */
import { For, Show } from "solid-js";
import { request } from "../../api/client";
import { Loaded, Skeleton } from "../../components/Async";
import { CopyButton } from "../../components/Copy";
import { Table } from "../../components/Table";
import { StripeStatusCard } from "../../graphql/billing-revenue";
import type { StripeWebhookVerdict } from "../../graphql/generated/graphql";
import { locale, t } from "../../i18n";
import "../../i18n/billing/revenue";
import { formatDateTime } from "../../lib/format";
import { createQuery, reloadQueries, signedInQuery } from "../../lib/query";

const stripeStatusQuery = signedInQuery(
  async () => (await request(StripeStatusCard, {})).billingStatus.stripe,
  "stripeStatus",
);

const VERDICT_BADGE: Record<StripeWebhookVerdict, string> = {
  PROCESSED: "ACTIVE",
  DUPLICATE: "INFO",
  IGNORED: "INFO",
  BAD_SIGNATURE: "FAILED",
  FAILED: "FAILED",
};

function Verdict(props: { verdict: StripeWebhookVerdict }) {
  return <span class={`badge ${VERDICT_BADGE[props.verdict]}`}>{t(`stripe.verdict.${props.verdict}`)}</span>;
}

function Configured(props: { label: string; yes: boolean; testId: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} data-configured={props.yes}>
        <span class={`badge ${props.yes ? "ACTIVE" : "FAILED"}`}>
          {props.yes ? `✓ ${t("stripe.configured")}` : `✗ ${t("stripe.notConfigured")}`}
        </span>
      </dd>
    </div>
  );
}

export function StripeCard() {
  const status = createQuery(() => stripeStatusQuery());
  return (
    <section class="card" aria-labelledby="stripe-title" data-testid="stripe-card">
      <h2 id="stripe-title">{t("stripe.title")}</h2>
      <Loaded resource={status} retry={() => reloadQueries(stripeStatusQuery)} skeleton={<Skeleton lines={6} />}>
        {(s) => (
          <div class="stack">
            <dl class="stats">
              <Configured label={t("stripe.secretKey")} yes={s.secretKeyConfigured} testId="stripe-secret-key" />
              <Configured
                label={t("stripe.webhookSecret")}
                yes={s.webhookSecretConfigured}
                testId="stripe-webhook-secret"
              />
            </dl>
            <Show when={!s.secretKeyConfigured || !s.webhookSecretConfigured}>
              <p class="muted">{t("stripe.secretsHint")}</p>
            </Show>
            <div class="toolbar">
              <label class="grow">
                {t("stripe.webhookUrl")}
                <input class="ltr" readonly value={s.webhookUrl} data-testid="stripe-webhook-url" />
              </label>
              <CopyButton text={s.webhookUrl} label={t("stripe.copyUrl")} />
            </div>
            <div>
              <h3 id="stripe-events">{t("stripe.events")}</h3>
              <ul aria-labelledby="stripe-events">
                <For each={s.webhookEvents}>
                  {(event) => (
                    <li>
                      <code class="ltr">{event}</code>
                    </li>
                  )}
                </For>
              </ul>
              <p class="muted">{t("stripe.setupHint")}</p>
            </div>
            <section aria-labelledby="stripe-last">
              <h3 id="stripe-last">{t("stripe.lastWebhook")}</h3>
              <Show when={s.lastWebhook} fallback={<p class="muted">{t("stripe.noWebhook")}</p>}>
                {(last) => (
                  <div data-testid="stripe-last-webhook" data-verdict={last().verdict}>
                    <p>
                      <Verdict verdict={last().verdict} />{" "}
                      <code class="ltr">{last().eventType ?? t("stripe.unsigned")}</code>{" "}
                      <time datetime={last().receivedAt}>{formatDateTime(last().receivedAt, locale())}</time>
                    </p>
                    <Show when={last().verdict === "BAD_SIGNATURE"}>
                      <p class="error" role="status">
                        {t("stripe.badSignatureHint")}
                      </p>
                    </Show>
                  </div>
                )}
              </Show>
            </section>
            <div>
              <h3 id="stripe-recent">{t("stripe.recent")}</h3>
              <Table
                headers={[t("stripe.received"), t("stripe.event"), t("stripe.verdict"), t("stripe.detail")]}
                rows={s.recentWebhooks}
                empty={t("stripe.noWebhook")}
              >
                {(receipt) => (
                  <tr>
                    <td>
                      <time datetime={receipt.receivedAt}>{formatDateTime(receipt.receivedAt, locale())}</time>
                    </td>
                    <td class="ltr">{receipt.eventType ?? t("stripe.unsigned")}</td>
                    <td>
                      <Verdict verdict={receipt.verdict} />
                    </td>
                    <td class="ltr">{receipt.detail}</td>
                  </tr>
                )}
              </Table>
            </div>
          </div>
        )}
      </Loaded>
    </section>
  );
}
