/**
 * Passkeys: add one (the browser creates it), rename or remove it, and once there is one, switch
 * password sign-in off. The server refuses removing the last passkey while passwords are off.
 */
import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { passkeysSupported } from "../api/webauthn";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { ConfirmDelete, Modal } from "../components/Modal";
import { notify } from "../components/toast";
import { locale, t } from "../i18n";
import { formatDateTime } from "../lib/format";
import { createAction } from "../lib/action";
import { createQuery, reloadQueries } from "../lib/query";
import { addPasskey, passkeysQuery, removePasskey, renamePasskey, setPasswordLogin } from "./data";
import type { MyPasskeysQuery } from "../graphql/generated/graphql";
import { Table } from "../components/Table";

type Passkey = MyPasskeysQuery["myPasskeys"][number];

export function PasskeysCard(props: { passwordLoginDisabled: boolean }) {
  const passkeys = createQuery(() => passkeysQuery());
  const addOne = useAction(addPasskey);
  const renameOne = useAction(renamePasskey);
  const removeOne = useAction(removePasskey);
  const allowPasswords = useAction(setPasswordLogin);
  const [renaming, setRenaming] = createSignal<Passkey | null>(null);
  const [removing, setRemoving] = createSignal<Passkey | null>(null);
  const action = createAction();

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get("name")).trim();
    void action.run(async () => {
      await addOne(name);
      form.reset();
      notify(t("passkey.added"));
    });
  };
  const rename = (event: SubmitEvent) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get("name")).trim();
    const id = renaming()!.id;
    void action.run(async () => {
      await renameOne(id, name);
      setRenaming(null);
    });
  };
  const remove = (id: string) => void action.run(() => removeOne(id));
  const switchPasswordLogin = (enabled: boolean) => void action.run(() => allowPasswords(enabled));

  return (
    <section class="card form" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t("passkey.title")}</h2>
      <Loaded resource={passkeys} retry={() => reloadQueries(passkeysQuery)} skeleton={<Skeleton lines={2} />}>
        {(list) => (
          <>
            <Show when={list.length > 0} fallback={<p class="muted">{t("passkey.none")}</p>}>
              <Table
                headers={[
                  t("passkey.name"),
                  t("admins.created"),
                  t("passkey.lastUsed"),
                  <span class="visually-hidden">{t("action.edit")}</span>,
                ]}
                rows={list}
              >
                {(passkey) => (
                  <tr data-passkey={passkey.name}>
                    <td>{passkey.name}</td>
                    <td>{formatDateTime(passkey.createdAt, locale())}</td>
                    <td>{passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt, locale()) : "—"}</td>
                    <td class="actions">
                      <button type="button" onClick={() => setRenaming(passkey)}>
                        {t("passkey.rename")}
                      </button>
                      <button type="button" class="danger" onClick={() => setRemoving(passkey)}>
                        {t("action.remove")}
                      </button>
                    </td>
                  </tr>
                )}
              </Table>
              <label class="inline">
                <input
                  type="checkbox"
                  checked={!props.passwordLoginDisabled}
                  disabled={action.busy()}
                  onChange={(e) => switchPasswordLogin(e.currentTarget.checked)}
                />
                {t("passkey.allowPassword")}
              </label>
            </Show>
          </>
        )}
      </Loaded>
      <Show when={passkeysSupported()} fallback={<p class="muted">{t("passkey.unsupported")}</p>}>
        <form class="row" onSubmit={add}>
          <label>
            {t("passkey.newName")}
            <input name="name" required maxlength="64" placeholder={t("passkey.namePlaceholder")} />
          </label>
          <div class="actions">
            <button type="submit" class="primary" disabled={action.busy()}>
              {t("passkey.add")}
            </button>
          </div>
        </form>
      </Show>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Modal open={renaming() !== null} onOpenChange={(open) => !open && setRenaming(null)} title={t("passkey.rename")}>
        <form class="form" onSubmit={rename}>
          <label>
            {t("passkey.name")}
            <input name="name" required maxlength="64" value={renaming()?.name ?? ""} />
          </label>
          <div class="actions">
            <button type="submit" class="primary">
              {t("action.save")}
            </button>
          </div>
        </form>
      </Modal>
      <ConfirmDelete
        item={removing()}
        onClose={() => setRemoving(null)}
        label={t("action.remove")}
        message={(passkey) => t("passkey.removeWarning", { name: passkey.name })}
        onDelete={(passkey) => remove(passkey.id)}
      />
    </section>
  );
}
