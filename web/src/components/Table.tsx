/** The list pages' table: the frame that scrolls on narrow screens, one header row, a row per item, and a line across all columns when there is none. */
import { type Accessor, For, type JSX, Show } from "solid-js";
import { t } from "../i18n";

export function Table<T>(props: {
  /** One per column; "" for the actions column. */
  headers: JSX.Element[];
  rows: readonly T[];
  /** Shown across the columns when `rows` is empty. */
  empty?: JSX.Element;
  busy?: boolean;
  children: (row: T, index: Accessor<number>) => JSX.Element;
}) {
  return (
    <div class="table-wrap">
      <table aria-busy={props.busy}>
        <thead>
          <tr>
            <For each={props.headers}>{(header) => <th>{header}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <Show when={props.empty}>
                <tr>
                  <td colspan={props.headers.length} class="muted">
                    {props.empty}
                  </td>
                </tr>
              </Show>
            }
          >
            {props.children}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** A row's buttons, in its last cell: the page's own first, then Edit and Delete when it offers them. */
export function RowActions(props: { onEdit?: () => void; onDelete?: () => void; children?: JSX.Element }) {
  return (
    <td>
      <div class="actions">
        {props.children}
        <Show when={props.onEdit}>
          {(edit) => (
            <button type="button" onClick={() => edit()()}>
              {t("action.edit")}
            </button>
          )}
        </Show>
        <Show when={props.onDelete}>
          {(remove) => (
            <button type="button" class="danger" onClick={() => remove()()}>
              {t("action.delete")}
            </button>
          )}
        </Show>
      </div>
    </td>
  );
}
