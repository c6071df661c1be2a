import { Show } from "solid-js";
import { CopyButton } from "../components/Copy";
import { Modal } from "../components/Modal";
import { t } from "../i18n";

/** A webhook's signing secret, shown this once: the panel keeps only what it signs with. */
export function SecretOnce(props: { secret: string | null; onClose: () => void }) {
  return (
    <Modal
      open={props.secret !== null}
      onOpenChange={(open) => !open && props.onClose()}
      title={t("channels.secretTitle")}
    >
      <Show when={props.secret}>
        {(secret) => (
          <div class="stack">
            <p class="warning" role="alert">
              {t("channels.secretWarning")}
            </p>
            <code class="ltr secret" data-testid="webhook-secret">
              {secret()}
            </code>
            <div class="actions">
              <CopyButton text={secret()} label={t("channels.copySecret")} />
              <button type="button" class="primary" onClick={() => props.onClose()}>
                {t("channels.secretSaved")}
              </button>
            </div>
          </div>
        )}
      </Show>
    </Modal>
  );
}
