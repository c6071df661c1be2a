/** Upload and download over time as two SVG polylines: no chart library for two lines. */
import { createMemo, For, Show } from "solid-js";
import { formatBytes } from "../lib/format";
import { chartPaths, type SeriesPoint } from "../lib/chart";
import { locale, t } from "../i18n";

export function TrafficChart(props: { points: SeriesPoint[]; label: string }) {
  const geometry = createMemo(() => chartPaths(props.points, 600, 160));
  return (
    <figure style={{ margin: 0 }}>
      <Show when={props.points.length > 0} fallback={<p class="muted">{t("state.noData")}</p>}>
        <svg class="chart" viewBox="0 0 600 180" role="img" aria-label={props.label}>
          <line class="axis" x1="0" x2="600" y1="160" y2="160" />
          <polyline class="upload" fill="none" stroke-width="2" points={geometry().upload} />
          <polyline class="download" fill="none" stroke-width="2" points={geometry().download} />
          <text x="4" y="12">{formatBytes(geometry().max, locale())}</text>
          <For each={geometry().ticks}>{(tick) => <text x={tick.x} y="175" text-anchor="middle">{new Date(tick.at).toLocaleDateString(locale(), { month: "short", day: "numeric", hour: props.points.length > 30 ? undefined : "2-digit" })}</text>}</For>
        </svg>
      </Show>
      <figcaption class="legend">
        <span class="upload">{t("traffic.upload")}</span>
        <span class="download">{t("traffic.download")}</span>
      </figcaption>
    </figure>
  );
}
