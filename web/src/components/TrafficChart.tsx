/**
 * Upload and download over time as two SVG polylines: no chart library for two lines. The SVG
 * stretches to its box (strokes keep their width); the labels are HTML so they stay readable
 * at any width and follow the page's direction.
 */
import { createMemo, For, Show } from "solid-js";
import { formatBytes } from "../lib/format";
import { chartPaths, type SeriesPoint } from "../lib/chart";
import { locale, t } from "../i18n";

const WIDTH = 600;
const HEIGHT = 160;

export function TrafficChart(props: { points: SeriesPoint[]; label: string }) {
  const geometry = createMemo(() => chartPaths(props.points, WIDTH, HEIGHT));
  const tickLabel = (at: string) =>
    new Date(at).toLocaleString(
      locale(),
      props.points.length > 30
        ? { month: "short", day: "numeric" }
        : { weekday: "short", hour: "2-digit", minute: "2-digit" },
    );
  return (
    <figure class="chart-figure">
      <Show when={props.points.length > 0} fallback={<p class="muted">{t("state.noData")}</p>}>
        <div class="muted chart-max">{formatBytes(geometry().max, locale())}</div>
        <svg
          class="chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={props.label}
        >
          <line class="axis" x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} vector-effect="non-scaling-stroke" />
          <polyline
            class="upload"
            fill="none"
            stroke-width="2"
            vector-effect="non-scaling-stroke"
            points={geometry().upload}
          />
          <polyline
            class="download"
            fill="none"
            stroke-width="2"
            vector-effect="non-scaling-stroke"
            points={geometry().download}
          />
        </svg>
        <div class="chart-ticks muted" dir="ltr">
          <For each={geometry().ticks}>{(tick) => <span>{tickLabel(tick.at)}</span>}</For>
        </div>
      </Show>
      <figcaption class="legend">
        <span class="upload">{t("traffic.upload")}</span>
        <span class="download">{t("traffic.download")}</span>
      </figcaption>
    </figure>
  );
}
