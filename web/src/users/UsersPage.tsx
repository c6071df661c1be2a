/**
 * Users: search, filters, columns sorted by the server (name, usage, expiry), cursor pages of 50,
 * bulk actions with progress, and the create form. Filters and order live in the URL.
 */
import { DropdownMenu } from "@kobalte/core/dropdown-menu";
import { A, useAction, useNavigate, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { request } from "../api/client";
import { errorText, Loaded, Skeleton, settled } from "../components/Async";
import { Confirm, Modal } from "../components/Modal";
import { notify } from "../components/toast";
import { DeleteUser, ResetUserUsage, UpdateUser } from "../graphql/users";
import { locale, t } from "../i18n";
import { createQuery, reloadQueries } from "../lib/query";
import { adminChoicesQuery, applyToUsers, createUser, filterChoicesQuery, usersQuery } from "./data";
import { formatDate } from "../lib/format";
import { me } from "../session";
import { emptyUserForm, extendedExpiry } from "./form";
import { UserForm } from "./UserForm";
import { UsageBar } from "../components/UsageBar";
import type { UserOrderField, UserRowFragment, UserStatus } from "../graphql/generated/graphql";

type SortKey = UserOrderField;
const STATUSES = ["ACTIVE", "ON_HOLD", "LIMITED", "EXPIRED", "DISABLED"] as const satisfies UserStatus[];
const PAGE_SIZE = 50;

export default function UsersPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{
    search?: string;
    status?: UserStatus;
    owner?: string;
    group?: string;
    sort?: SortKey;
    desc?: string;
  }>();
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  const filter = createMemo(() => ({
    search: params.search || undefined,
    status: params.status || undefined,
    ownerId: params.owner || undefined,
    groupId: params.group || undefined,
  }));
  const order = createMemo(() => (params.sort ? { by: params.sort, descending: params.desc === "1" } : undefined));
  const query = createMemo(() => ({
    filter: filter(),
    order: order(),
    page: { first: PAGE_SIZE, after: cursors().at(-1) },
  }));
  const page = createQuery(() => usersQuery(query()));
  const choices = createQuery(() => filterChoicesQuery());
  const owners = createQuery(() => (me()?.role === "OWNER" || me()?.role === "ADMIN") && adminChoicesQuery());
  const applyToChosen = useAction(applyToUsers);
  const create = useAction(createUser);

  const rows = createMemo(() => (settled(page)?.edges ?? []).map((e) => e.node));
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);
  const [creating, setCreating] = createSignal(false);
  const [confirmDelete, setConfirmDelete] = createSignal(false);
  const [extendDays, setExtendDays] = createSignal<number | null>(null);

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  // The server matches 3+ characters anywhere in names and notes, 1 or 2 at the start of names: say which.
  const [typed, setTyped] = createSignal(params.search ?? "");
  const searchHint = () =>
    [...typed().trim()].length > 0 && [...typed().trim()].length < 3
      ? t("users.searchStartsWith")
      : t("users.searchContains");
  const setFilter = (changes: Record<string, string | undefined>) => {
    setCursors([null]);
    setSelected(new Set<string>());
    setParams(changes, { replace: true });
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  // A second click on the sorted column turns it around; cursors belong to one order, so paging restarts.
  const sortBy = (key: SortKey) =>
    setFilter({ sort: key, desc: params.sort === key && params.desc !== "1" ? "1" : undefined });
  const ariaSort = (key: SortKey) =>
    params.sort === key ? (params.desc === "1" ? "descending" : "ascending") : "none";

  const bulk = async (label: string, operation: (user: UserRowFragment) => Promise<unknown>) => {
    const chosen = rows().filter((u) => selected().has(u.id));
    setProgress({ done: 0, total: chosen.length });
    const result = await applyToChosen(chosen, operation, (done, total) => setProgress({ done, total }));
    setProgress(null);
    setSelected(new Set<string>());
    if (result.failed.length)
      notify(
        t("bulk.failed", { action: label, count: result.failed.length, error: errorText(result.failed[0].error) }),
        "error",
      );
    else notify(t("bulk.done", { action: label, count: result.done.length }));
  };
  const setStatus = (status: "ACTIVE" | "DISABLED") =>
    bulk(t(status === "ACTIVE" ? "bulk.enable" : "bulk.disable"), (u) =>
      request(UpdateUser, { id: u.id, input: { status } }),
    );
  const extend = (days: number) =>
    bulk(t("bulk.extend"), (u) =>
      request(UpdateUser, { id: u.id, input: { expireAt: extendedExpiry(u.expireAt, days) } }),
    );
  const remove = () => bulk(t("bulk.delete"), (u) => request(DeleteUser, { id: u.id }));
  const resetUsage = () => bulk(t("bulk.resetUsage"), (u) => request(ResetUserUsage, { id: u.id }));

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.users")}</h1>
        <button type="button" class="primary" onClick={() => setCreating(true)}>
          {t("users.create")}
        </button>
      </div>
      <search class="toolbar">
        <label class="grow">
          <span class="visually-hidden">{t("users.search")}</span>
          <input
            type="search"
            placeholder={t("users.search")}
            aria-label={t("users.search")}
            aria-describedby="users-search-hint"
            value={params.search ?? ""}
            style={{ "inline-size": "100%" }}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setTyped(value);
              clearTimeout(searchTimer);
              searchTimer = setTimeout(() => setFilter({ search: value || undefined }), 250);
            }}
          />
          <small id="users-search-hint" class="muted">
            {searchHint()}
          </small>
        </label>
        <select
          aria-label={t("users.filterStatus")}
          value={params.status ?? ""}
          onChange={(e) => setFilter({ status: e.currentTarget.value || undefined })}
        >
          <option value="">{t("users.anyStatus")}</option>
          <For each={STATUSES}>{(s) => <option value={s}>{t(`status.${s}`)}</option>}</For>
        </select>
        <select
          aria-label={t("users.filterGroup")}
          value={params.group ?? ""}
          onChange={(e) => setFilter({ group: e.currentTarget.value || undefined })}
        >
          <option value="">{t("users.anyGroup")}</option>
          <For each={settled(choices)?.groups ?? []}>{(g) => <option value={g.id}>{g.name}</option>}</For>
        </select>
        <Show when={settled(owners)?.admins}>
          {(list) => (
            <select
              aria-label={t("users.filterOwner")}
              value={params.owner ?? ""}
              onChange={(e) => setFilter({ owner: e.currentTarget.value || undefined })}
            >
              <option value="">{t("users.anyOwner")}</option>
              <For each={list()}>{(a) => <option value={a.id}>{a.username}</option>}</For>
            </select>
          )}
        </Show>
        <DropdownMenu>
          <DropdownMenu.Trigger as="button" type="button" disabled={selected().size === 0 || progress() !== null}>
            {t("bulk.actions", { count: selected().size })}
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content class="menu">
              <DropdownMenu.Item onSelect={() => setStatus("ACTIVE")}>{t("bulk.enable")}</DropdownMenu.Item>
              <DropdownMenu.Item onSelect={() => setStatus("DISABLED")}>{t("bulk.disable")}</DropdownMenu.Item>
              <DropdownMenu.Item onSelect={() => void resetUsage()}>{t("bulk.resetUsage")}</DropdownMenu.Item>
              <DropdownMenu.Item onSelect={() => setExtendDays(30)}>{t("bulk.extend")}</DropdownMenu.Item>
              <DropdownMenu.Item onSelect={() => setConfirmDelete(true)}>{t("bulk.delete")}</DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu>
      </search>
      <Show when={progress()}>
        {(p) => (
          <label>
            {t("bulk.progress", { done: p().done, total: p().total })}
            <progress max={p().total} value={p().done} />
          </label>
        )}
      </Show>
      <Loaded resource={page} retry={() => reloadQueries(usersQuery)} skeleton={<Skeleton lines={8} />}>
        {(current) => (
          <>
            <p class="muted" aria-live="polite">
              {t("users.count", { count: current.totalCount })}
            </p>
            <div class="table-wrap">
              <table aria-busy={page.loading}>
                <thead>
                  <tr>
                    <th>
                      <input
                        type="checkbox"
                        aria-label={t("users.selectAll")}
                        checked={rows().length > 0 && rows().every((u) => selected().has(u.id))}
                        onChange={(e) => setSelected(new Set(e.currentTarget.checked ? rows().map((u) => u.id) : []))}
                      />
                    </th>
                    <th aria-sort={ariaSort("USERNAME")}>
                      <button type="button" onClick={() => sortBy("USERNAME")}>
                        {t("user.username")}
                      </button>
                    </th>
                    <th>{t("user.status")}</th>
                    <th aria-sort={ariaSort("USED_TRAFFIC")}>
                      <button type="button" onClick={() => sortBy("USED_TRAFFIC")}>
                        {t("user.usage")}
                      </button>
                    </th>
                    <th aria-sort={ariaSort("EXPIRE_AT")}>
                      <button type="button" onClick={() => sortBy("EXPIRE_AT")}>
                        {t("user.expiry")}
                      </button>
                    </th>
                    <th>{t("nav.groups")}</th>
                    <th>{t("user.owner")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={rows()}
                    fallback={
                      <tr>
                        <td colspan="7" class="muted">
                          {t("users.none")}
                        </td>
                      </tr>
                    }
                  >
                    {(user) => (
                      <tr data-user={user.username}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t("users.select", { name: user.username })}
                            checked={selected().has(user.id)}
                            onChange={(e) => toggle(user.id, e.currentTarget.checked)}
                          />
                        </td>
                        <td>
                          <A href={`/users/${user.id}`}>{user.username}</A>
                        </td>
                        <td>
                          <span class={`badge ${user.status}`}>{t(`status.${user.status}`)}</span>
                        </td>
                        <td>
                          <UsageBar used={user.usedTraffic} limit={user.dataLimit} />
                        </td>
                        <td>
                          {user.status === "ON_HOLD" && user.onHoldExpireDays
                            ? t("expiry.onHoldDays", { count: user.onHoldExpireDays })
                            : user.expireAt
                              ? formatDate(user.expireAt, locale())
                              : t("expiry.never")}
                        </td>
                        <td>{user.groups.map((g) => g.name).join(", ")}</td>
                        <td>{user.owner.username}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <nav class="pager" aria-label={t("users.pages")}>
              <button type="button" disabled={cursors().length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t("action.previous")}
              </button>
              <span class="muted">{t("users.page", { page: cursors().length })}</span>
              <button
                type="button"
                disabled={!current.pageInfo.hasNextPage}
                onClick={() => setCursors((c) => [...c, current.pageInfo.endCursor])}
              >
                {t("action.next")}
              </button>
            </nav>
          </>
        )}
      </Loaded>
      <Modal open={creating()} onOpenChange={setCreating} title={t("users.create")}>
        <UserForm
          initial={emptyUserForm()}
          submitLabel={t("action.create")}
          onSubmit={async (input) => {
            const created = await create(input);
            setCreating(false);
            notify(t("users.created", { name: input.username }));
            navigate(`/users/${created.id}`);
          }}
        />
      </Modal>
      <Modal
        open={extendDays() !== null}
        onOpenChange={(open) => !open && setExtendDays(null)}
        title={t("bulk.extend")}
      >
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            const days = extendDays();
            setExtendDays(null);
            if (days) void extend(days);
          }}
        >
          <label>
            {t("bulk.extendDays")}
            <input
              type="number"
              min="1"
              max="3650"
              required
              value={extendDays() ?? 30}
              onInput={(e) => setExtendDays(Number(e.currentTarget.value) || 1)}
            />
          </label>
          <div class="actions">
            <button type="submit" class="primary">
              {t("bulk.extend")}
            </button>
          </div>
        </form>
      </Modal>
      <Confirm
        open={confirmDelete()}
        onOpenChange={setConfirmDelete}
        title={t("bulk.delete")}
        message={t("bulk.confirmDelete", { count: selected().size })}
        confirmLabel={t("action.delete")}
        onConfirm={() => void remove()}
      />
    </>
  );
}
