/** A Kobalte dialog: focus trapped inside, Escape closes it, the title labels it. */
import { Dialog } from "@kobalte/core/dialog";
import { type JSX, Show } from "solid-js";
import { t } from "../i18n";

export function Modal(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: JSX.Element;
}) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class="dialog">
            <header>
              <Dialog.Title as="h2">{props.title}</Dialog.Title>
              <Dialog.CloseButton aria-label={t("action.close")}>✕</Dialog.CloseButton>
            </header>
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}

/**
 * A list page's editor: open while something is edited, with a form made afresh for each target
 * (keyed, so a second edit does not keep the first one's typing); closing it edits nothing.
 */
export function EditorModal<Target>(props: {
  editing: Target | null;
  onClose: () => void;
  title: (target: Target) => string;
  children: (target: Target) => JSX.Element;
}) {
  return (
    <Modal
      open={props.editing !== null}
      onOpenChange={(open) => !open && props.onClose()}
      title={props.editing === null ? "" : props.title(props.editing)}
    >
      <Show when={props.editing} keyed>
        {(target) => props.children(target)}
      </Show>
    </Modal>
  );
}

/** Asks before something that cannot be undone. */
export function Confirm(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={props.title}>
      <p>{props.message}</p>
      <div class="actions">
        <button type="button" onClick={() => props.onOpenChange(false)}>
          {t("action.cancel")}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            // Confirm first: pages clear what the dialog is about (the row to delete) as it closes.
            props.onConfirm();
            props.onOpenChange(false);
          }}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

/** Asks before deleting `item` (open while it is set) and hands the item it asked about to `onDelete`. */
export function ConfirmDelete<T>(props: {
  item: T | null;
  onClose: () => void;
  message: (item: T) => string;
  onDelete: (item: T) => unknown;
  /** "Delete" unless the page says otherwise ("Remove"). */
  label?: string;
}) {
  const label = () => props.label ?? t("action.delete");
  return (
    <Confirm
      open={props.item !== null}
      onOpenChange={(open) => !open && props.onClose()}
      title={label()}
      message={props.item === null ? "" : props.message(props.item)}
      confirmLabel={label()}
      onConfirm={() => {
        const item = props.item;
        if (item !== null) void props.onDelete(item);
      }}
    />
  );
}
