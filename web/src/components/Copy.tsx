import { createSignal } from "solid-js";
import { t } from "../i18n";

/** Copies `text`, then says so for a moment. */
export function CopyButton(props: { text: string; label?: string }) {
  const [copied, setCopied] = createSignal(false);
  const copy = async () => {
    await navigator.clipboard.writeText(props.text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" data-copy={props.text} onClick={copy} aria-live="polite">
      {copied() ? t("action.copied") : (props.label ?? t("action.copy"))}
    </button>
  );
}
