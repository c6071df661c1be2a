/** The period a report covers, as tabs in its page's toolbar. */
import { Tabs } from "@kobalte/core/tabs";
import { For } from "solid-js";
import type { TimePeriod } from "../graphql/generated/graphql";
import { t } from "../i18n";

export function PeriodTabs<Period extends TimePeriod>(props: {
  periods: readonly Period[];
  value: Period;
  onChange: (period: Period) => void;
}) {
  return (
    <Tabs value={props.value} onChange={(v) => props.onChange(v as Period)}>
      <Tabs.List class="tabs-list" aria-label={t("analytics.period")}>
        <For each={props.periods}>{(p) => <Tabs.Trigger value={p}>{t(`period.${p}`)}</Tabs.Trigger>}</For>
      </Tabs.List>
    </Tabs>
  );
}
