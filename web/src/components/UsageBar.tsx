import { Show } from "solid-js";
import { locale } from "../i18n";
import { formatBytes } from "../lib/format";

/** Used of limit as text and a bar; no bar for unlimited users. */
export function UsageBar(props: { used: number; limit: number | null }) {
  const percent = () => (props.limit ? Math.min(100, (props.used / props.limit) * 100) : 0);
  return (
    <div>
      <div class="muted" style={{ "font-size": "0.85rem" }}>
        {formatBytes(props.used, locale())} / {props.limit === null ? "∞" : formatBytes(props.limit, locale())}
      </div>
      <Show when={props.limit !== null}>
        <div
          class="usage-bar"
          role="progressbar"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow={Math.round(percent())}
        >
          <span style={{ "inline-size": `${percent()}%` }} />
        </div>
      </Show>
    </div>
  );
}
