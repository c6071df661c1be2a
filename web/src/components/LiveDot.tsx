import type { LiveState } from "../live/sse";
import { t } from "../i18n";

export function LiveDot(props: { state: LiveState }) {
  return (
    <span class="live-dot" data-state={props.state} role="status">
      {t(`live.${props.state}`)}
    </span>
  );
}
