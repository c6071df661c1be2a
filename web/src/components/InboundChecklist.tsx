/** The inbounds a group or a new node carries: a fieldset of checkboxes named inboundIds, read from the form on submit. */
import { For } from "solid-js";
import { t } from "../i18n";

export function InboundChecklist(props: {
  inbounds: readonly { id: string; tag: string }[];
  checked: (inboundId: string) => boolean;
}) {
  return (
    <fieldset>
      <legend>{t("nav.inbounds")}</legend>
      <For each={props.inbounds} fallback={<span class="muted">{t("state.noInbounds")}</span>}>
        {(inbound) => (
          <label class="inline">
            <input type="checkbox" name="inboundIds" value={inbound.id} checked={props.checked(inbound.id)} />
            <span class="ltr">{inbound.tag}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
