/**
 * A user's outlook on its page: when its data runs out at the pace of the last week, how many
 * client addresses it used in the sharing window against its device limit, its anomalies, and
 * whether a Telegram chat is linked to its subscription.
 */
import { Show } from "solid-js";
import { Loaded, Skeleton } from "../components/Async";
import { locale, t } from "../i18n";
import "../i18n/monitoring-en";
import { formatBytes, formatDate } from "../lib/format";
import { createQuery, reloadQueries } from "../lib/query";
import { AnomalyTable } from "./AnomalyTable";
import { userInsightsQuery } from "./data";

export function UserInsights(props: { userId: string }) {
  const data = createQuery(() => userInsightsQuery(props.userId));
  return (
    <section class="card" aria-labelledby="insights-title" style={{ "margin-block-end": "1rem" }}>
      <h2 id="insights-title">{t("insights.title")}</h2>
      <Loaded resource={data} retry={() => reloadQueries(userInsightsQuery)} skeleton={<Skeleton lines={3} />}>
        {(d) => (
          <>
            <dl class="stats">
              <div>
                <dt>{t("insights.forecast")}</dt>
                <dd style={{ "font-size": "1rem" }} data-testid="forecast">
                  {forecastText(d.trafficStats.forecast)}
                </dd>
              </div>
              <div>
                <dt>{t("insights.addresses")}</dt>
                <dd style={{ "font-size": "1rem" }} data-testid="client-addresses">
                  {d.trafficStats.clientAddresses == null
                    ? "—"
                    : d.user?.deviceLimit
                      ? t("insights.addressesOfLimit", {
                          count: d.trafficStats.clientAddresses,
                          limit: d.user.deviceLimit,
                        })
                      : String(d.trafficStats.clientAddresses)}
                </dd>
              </div>
              <div>
                <dt>{t("insights.telegram")}</dt>
                <dd style={{ "font-size": "1rem" }} data-testid="telegram-linked">
                  {d.user?.telegramLinked ? t("insights.linked") : t("insights.notLinked")}
                </dd>
              </div>
            </dl>
            <Show when={d.trafficStats.anomalies.length > 0}>
              <h3>{t("analytics.anomalies")}</h3>
              <AnomalyTable anomalies={d.trafficStats.anomalies} />
            </Show>
          </>
        )}
      </Loaded>
    </section>
  );
}

type Forecast =
  | {
      dailyAverage: number;
      daysLeft?: number | null;
      runsOutAt?: string | null;
      runsOutFirst: boolean;
    }
  | null
  | undefined;

function forecastText(forecast: Forecast): string {
  if (!forecast || forecast.daysLeft == null) return t("insights.noForecast");
  const pace = formatBytes(forecast.dailyAverage, locale());
  const days = Math.max(0, Math.round(forecast.daysLeft));
  const text = t("insights.runsOut", { count: days, pace });
  // When time or a reset comes first, running out is only what the pace says, not what will happen.
  return forecast.runsOutFirst && forecast.runsOutAt
    ? `${text} (${formatDate(forecast.runsOutAt, locale())})`
    : `${text} · ${t("insights.resetsFirst")}`;
}
