/** Admins and their roles, each reseller's data balance with a top-up; the owner's page (the API refuses everyone else too). */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ErrorBox, Loaded, settled, Skeleton } from "../components/Async";
import { ConfirmDelete, Modal } from "../components/Modal";
import { notify } from "../components/toast";
import type { AdminRole, AdminsQuery } from "../graphql/generated/graphql";
import { locale, t } from "../i18n";
import { AdminSecurity } from "./AdminSecurity";
import { adminsQuery, createAdmin, deleteAdmin, topUpQuota, updateAdmin } from "./data";
import { createQuery, reloadQueries } from "../lib/query";
import { BYTE_UNITS, formatBytes, formatDate, parseDataLimit, type ByteUnit } from "../lib/format";
import { RowActions, Table } from "../components/Table";
import { FormFooter } from "../components/Form";

type Admin = AdminsQuery["admins"][number];

/** The unit a form's data amount is typed in (MB and up), read with the amount on submit. */
function DataUnit() {
  return (
    <label>
      {t("user.unit")}
      <select name="unit">
        <For each={BYTE_UNITS.slice(3)}>{(u) => <option value={u}>{u}</option>}</For>
      </select>
    </label>
  );
}

export default function Admins() {
  const admins = createQuery(() => adminsQuery());
  const create = useAction(createAdmin);
  const update = useAction(updateAdmin);
  const addQuota = useAction(topUpQuota);
  const remove = useAction(deleteAdmin);
  const [creating, setCreating] = createSignal(false);
  const [removing, setRemoving] = createSignal<Admin | null>(null);
  const [securing, setSecuring] = createSignal<string | null>(null);
  const [toppingUp, setToppingUp] = createSignal<Admin | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const submitCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const maxUsers = String(form.get("maxUsers")).trim();
    const maxDataLimit = parseDataLimit(String(form.get("maxDataLimit")), String(form.get("unit")) as ByteUnit);
    setFailure(null);
    if (maxDataLimit === undefined || (maxUsers && !/^\d+$/.test(maxUsers))) {
      setFailure(new Error(t("admins.badLimits")));
      return;
    }
    try {
      await create({
        username: String(form.get("username")).trim(),
        password: String(form.get("password")),
        role: String(form.get("role")) as AdminRole,
        maxUsers: maxUsers ? Number(maxUsers) : null,
        maxDataLimit,
      });
      setCreating(false);
      notify(t("state.saved"));
    } catch (error) {
      setFailure(error);
    }
  };
  const submitTopUp = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const bytes = parseDataLimit(String(form.get("bytes")), String(form.get("unit")) as ByteUnit);
    setFailure(null);
    if (!bytes) {
      setFailure(new Error(t("admins.badLimits")));
      return;
    }
    try {
      await addQuota(toppingUp()!.id, bytes);
      setToppingUp(null);
      notify(t("admins.topUpDone"));
    } catch (error) {
      setFailure(error);
    }
  };
  const toggle = (admin: Admin) => update(admin.id, { disabled: !admin.disabled }).catch(setFailure);

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.admins")}</h1>
        <button type="button" class="primary" onClick={() => setCreating(true)}>
          {t("admins.create")}
        </button>
      </div>
      <Show when={failure() && !creating() && !toppingUp()}>
        <ErrorBox error={failure()} />
      </Show>
      <Loaded resource={admins} retry={() => reloadQueries(adminsQuery)} skeleton={<Skeleton lines={4} />}>
        {(list) => (
          <Table
            headers={[t("login.username"), t("admins.role"), t("admins.limits"), t("admins.created"), ""]}
            rows={list}
          >
            {(admin) => (
              <tr>
                <td>
                  {admin.username}{" "}
                  <Show when={admin.disabled}>
                    <span class="badge DISABLED">{t("status.DISABLED")}</span>
                  </Show>
                </td>
                <td>{t(`role.${admin.role}`)}</td>
                <td class="muted">
                  {admin.maxUsers ?? "∞"} {t("nav.users").toLowerCase()} ·{" "}
                  {admin.maxDataLimit === null ? "∞" : formatBytes(admin.maxDataLimit, locale())}
                  <Show when={admin.role === "RESELLER" && admin.dataLeft !== null}>
                    <br />
                    <span data-testid="reseller-balance">
                      {t("admins.balance", {
                        given: formatBytes(admin.dataGiven, locale()),
                        left: formatBytes(admin.dataLeft!, locale()),
                      })}
                    </span>
                  </Show>
                </td>
                <td>{formatDate(admin.createdAt, locale())}</td>
                <RowActions onDelete={admin.role === "OWNER" ? undefined : () => setRemoving(admin)}>
                  <button type="button" onClick={() => setSecuring(admin.id)}>
                    {t("admins.security")}
                  </button>
                  <Show when={admin.role === "RESELLER" && admin.maxDataLimit !== null}>
                    <button
                      type="button"
                      onClick={() => {
                        setFailure(null);
                        setToppingUp(admin);
                      }}
                    >
                      {t("admins.topUp")}
                    </button>
                  </Show>
                  <Show when={admin.role !== "OWNER"}>
                    <button type="button" onClick={() => void toggle(admin)}>
                      {admin.disabled ? t("bulk.enable") : t("bulk.disable")}
                    </button>
                  </Show>
                </RowActions>
              </tr>
            )}
          </Table>
        )}
      </Loaded>
      <Modal open={creating()} onOpenChange={setCreating} title={t("admins.create")}>
        <form class="form" onSubmit={submitCreate}>
          <div class="row">
            <label>
              {t("login.username")}
              <input name="username" required autocomplete="off" />
            </label>
            <label>
              {t("login.password")}
              <input name="password" type="password" required minlength="8" autocomplete="new-password" />
            </label>
          </div>
          <div class="row">
            <label>
              {t("admins.role")}
              <select name="role">
                <option value="ADMIN">{t("role.ADMIN")}</option>
                <option value="RESELLER">{t("role.RESELLER")}</option>
              </select>
            </label>
            <label>
              {t("admins.maxUsers")}
              <input name="maxUsers" inputmode="numeric" placeholder="∞" />
            </label>
            <label>
              {t("admins.maxData")}
              <input name="maxDataLimit" inputmode="decimal" placeholder="∞" />
            </label>
            <DataUnit />
          </div>
          <FormFooter error={failure()} label={t("action.create")} />
        </form>
      </Modal>
      <Modal
        open={toppingUp() !== null}
        onOpenChange={(open) => !open && setToppingUp(null)}
        title={t("admins.topUpOf", { name: toppingUp()?.username ?? "" })}
      >
        <form class="form" onSubmit={submitTopUp}>
          <div class="row">
            <label>
              {t("admins.topUpAmount")}
              <input name="bytes" inputmode="decimal" required />
            </label>
            <DataUnit />
          </div>
          <FormFooter error={failure()} label={t("admins.topUp")} />
        </form>
      </Modal>
      <Modal
        open={securing() !== null}
        onOpenChange={(open) => !open && setSecuring(null)}
        title={t("admins.securityOf", { name: settled(admins)?.find((a) => a.id === securing())?.username ?? "" })}
      >
        {/* Looked up by id, so a save that reloads the list shows the admin's new state here. */}
        <Show when={settled(admins)?.find((a) => a.id === securing())}>
          {(admin) => <AdminSecurity admin={admin()} />}
        </Show>
      </Modal>
      <ConfirmDelete
        item={removing()}
        onClose={() => setRemoving(null)}
        message={(admin) => t("admins.deleteWarning", { name: admin.username })}
        onDelete={(admin) => remove(admin.id).catch(setFailure)}
      />
    </>
  );
}
