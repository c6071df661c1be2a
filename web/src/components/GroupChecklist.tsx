/** The groups a user or a plan puts someone in: one checkbox per group, named groupIds in the form. */
import { For } from "solid-js";
import { t } from "../i18n";

export function GroupChecklist(props: {
  groups: readonly { id: string; name: string }[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <For each={props.groups} fallback={<span class="muted">{t("state.noGroups")}</span>}>
      {(group) => (
        <label class="inline">
          <input
            type="checkbox"
            name="groupIds"
            value={group.id}
            checked={props.selected.includes(group.id)}
            onChange={(e) =>
              props.onChange(
                e.currentTarget.checked
                  ? [...props.selected, group.id]
                  : props.selected.filter((id) => id !== group.id),
              )
            }
          />
          {group.name}
        </label>
      )}
    </For>
  );
}
