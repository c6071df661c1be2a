/**
 * Passkeys: add one (the browser creates it), rename or remove it, and once there is one, switch
 * password sign-in off. The server refuses removing the last passkey while passwords are off.
 */
import { createResource, createSignal, Show } from "solid-js";
import { request } from "../api/client";
import { createPasskey, passkeysSupported } from "../api/webauthn";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { Confirm, Modal } from "../components/Modal";
import { notify } from "../components/toast";
import {
  BeginPasskeyRegistration,
  FinishPasskeyRegistration,
  MyPasskeys,
  RemovePasskey,
  RenamePasskey,
  SetPasswordLogin,
} from "../graphql/account";
import { locale, t } from "../i18n";
import { formatDateTime } from "../lib/format";
import { createAction } from "../lib/action";
import type { MyPasskeysQuery } from "../graphql/generated/graphql";
import { Table } from "../components/Table";

type Passkey = MyPasskeysQuery["myPasskeys"][number];

export function PasskeysCard(props: { passwordLoginDisabled: boolean; onChange: () => void }) {
  const [passkeys, { refetch }] = createResource(async () => (await request(MyPasskeys)).myPasskeys);
  const [renaming, setRenaming] = createSignal<Passkey | null>(null);
  const [removing, setRemoving] = createSignal<Passkey | null>(null);
  const action = createAction();
  const changed = () => {
    void refetch();
    props.onChange();
  };

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get("name")).trim();
    void action.run(async () => {
      const { beginPasskeyRegistration: ceremony } = await request(BeginPasskeyRegistration);
      const response = await createPasskey(ceremony.options);
      await request(FinishPasskeyRegistration, { input: { challengeToken: ceremony.challengeToken, name, response } });
      form.reset();
      notify(t("passkey.added"));
      changed();
    });
  };
  const rename = (event: SubmitEvent) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get("name")).trim();
    const id = renaming()!.id;
    void action.run(async () => {
      await request(RenamePasskey, { id, name });
      setRenaming(null);
      changed();
    });
  };
  const remove = (id: string) =>
    void action.run(async () => {
      await request(RemovePasskey, { id });
      changed();
    });
  const setPasswordLogin = (enabled: boolean) =>
    void action.run(async () => {
      await request(SetPasswordLogin, { enabled });
      changed();
    });

  return (
    <section class="card form" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t("passkey.title")}</h2>
      <Loaded resource={passkeys} retry={refetch} skeleton={<Skeleton lines={2} />}>
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
                  onChange={(e) => setPasswordLogin(e.currentTarget.checked)}
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
      <Confirm
        open={removing() !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t("action.remove")}
        message={t("passkey.removeWarning", { name: removing()?.name ?? "" })}
        confirmLabel={t("action.remove")}
        onConfirm={() => remove(removing()!.id)}
      />
    </section>
  );
}
