/** The audit log, newest first, filtered by action, target or actor, one page of 50 after another. */
import { useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { request } from "../api/client";
import { ErrorBox, settled, Skeleton } from "../components/Async";
import { AuditLog } from "../graphql/audit";
import { adminChoicesQuery } from "../users/data";
import { me } from "../session";
import { locale, t } from "../i18n";
import { formatDateTime } from "../lib/format";
import type { AuditLogQuery, AuditLogQueryVariables } from "../graphql/generated/graphql";
import { createQuery, reloadQueries, signedInQuery } from "../lib/query";
import { Table } from "../components/Table";

type Entry = AuditLogQuery["auditLog"]["edges"][number]["node"];
type Filter = AuditLogQueryVariables["filter"];

const auditQuery = signedInQuery(
  async (filter: Filter, after: string | null) =>
    (await request(AuditLog, { filter, page: { first: 50, after } })).auditLog,
  "auditLog",
);

export default function Audit() {
  const [params, setParams] = useSearchParams<{
    action?: string;
    targetType?: string;
    targetId?: string;
    actor?: string;
  }>();
  const filter = createMemo(() => ({
    action: params.action || undefined,
    targetType: params.targetType || undefined,
    targetId: params.targetId || undefined,
    actorId: params.actor || undefined,
  }));
  // Resellers see only their own actions, so only admins and the owner get a "who" filter.
  const actors = createQuery(() => (me()?.role === "OWNER" || me()?.role === "ADMIN") && adminChoicesQuery());
  const [entries, setEntries] = createSignal<Entry[]>([]);
  const [after, setAfter] = createSignal<string | null>(null);
  const page = createQuery(() => {
    const from = after();
    return auditQuery(filter(), from).then((result) => {
      const nodes = result.edges.map((e) => e.node);
      setEntries((current) => (from ? [...current, ...nodes] : nodes));
      return result;
    });
  });
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setAfter(null);
    const field = (name: string) => String(form.get(name) ?? "") || undefined;
    setParams(
      { action: field("action"), targetType: field("targetType"), targetId: field("targetId"), actor: field("actor") },
      { replace: true },
    );
  };

  return (
    <>
      <h1>{t("nav.audit")}</h1>
      <search>
        <form class="toolbar" onSubmit={apply}>
          <label>
            {t("audit.action")}
            <input name="action" value={params.action ?? ""} placeholder="user.create" class="ltr" />
          </label>
          <label>
            {t("audit.targetType")}
            <input name="targetType" value={params.targetType ?? ""} placeholder="user" class="ltr" />
          </label>
          <label>
            {t("audit.targetId")}
            <input name="targetId" value={params.targetId ?? ""} class="ltr" />
          </label>
          <Show when={settled(actors)?.admins}>
            {(list) => (
              <label>
                {t("audit.actor")}
                <select name="actor" value={params.actor ?? ""}>
                  <option value="">{t("audit.anyone")}</option>
                  <For each={list()}>{(a) => <option value={a.id}>{a.username}</option>}</For>
                </select>
              </label>
            )}
          </Show>
          <button type="submit">{t("audit.filter")}</button>
        </form>
      </search>
      <Table
        headers={[t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.target"), "IP", t("audit.details")]}
        rows={entries()}
        empty={page.loading ? undefined : t("audit.none")}
        busy={page.loading}
      >
        {(entry) => (
          <tr>
            <td>{formatDateTime(entry.at, locale())}</td>
            <td>{entry.actorUsername ?? "—"}</td>
            <td class="ltr">{entry.action}</td>
            <td class="ltr">{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : "—"}</td>
            <td class="ltr">{entry.ip ?? "—"}</td>
            <td class="muted ltr" style={{ "white-space": "normal", "max-inline-size": "24rem" }}>
              {entry.details ? JSON.stringify(entry.details) : ""}
            </td>
          </tr>
        )}
      </Table>
      <Show when={page.loading}>
        <Skeleton lines={3} />
      </Show>
      <Show when={page.error}>
        <ErrorBox error={page.error} retry={() => reloadQueries(auditQuery)} />
      </Show>
      <Show when={page.state === "ready" && page()?.pageInfo.hasNextPage}>
        <div class="pager">
          <button type="button" onClick={() => setAfter(page()!.pageInfo.endCursor)}>
            {t("audit.more")}
          </button>
        </div>
      </Show>
    </>
  );
}
