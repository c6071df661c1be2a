/** Short confirmations and background failures, announced politely to screen readers (Kobalte toasts). */
import { Toast, toaster } from "@kobalte/core/toast";
import { Portal } from "solid-js/web";
import { t } from "../i18n";

export function notify(message: string, tone: "info" | "error" = "info") {
  toaster.show((props) => (
    <Toast toastId={props.toastId} class="toast" duration={tone === "error" ? 8000 : 4000}>
      <div style={{ display: "flex", gap: "0.75rem", "align-items": "center", "justify-content": "space-between" }}>
        <Toast.Description classList={{ error: tone === "error" }}>{message}</Toast.Description>
        <Toast.CloseButton aria-label={t("action.close")}>✕</Toast.CloseButton>
      </div>
    </Toast>
  ));
}

export function Toasts() {
  return (
    <Portal>
      <Toast.Region>
        <Toast.List class="toasts" />
      </Toast.Region>
    </Portal>
  );
}
