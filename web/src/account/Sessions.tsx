/** The admin's signed-in devices: where and when, with a way to end any other one. */
import { useAction } from "@solidjs/router";
import { Show } from "solid-js";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { notify } from "../components/toast";
import { locale, t } from "../i18n";
import { formatDateTime } from "../lib/format";
import { createAction } from "../lib/action";
import { createQuery, reloadQueries } from "../lib/query";
import { revokeOtherSessions, revokeSession, sessionsQuery } from "./data";
import { Table } from "../components/Table";

export function SessionsCard() {
  const sessions = createQuery(() => sessionsQuery());
  const action = createAction();
  const endOne = useAction(revokeSession);
  const endOthers = useAction(revokeOtherSessions);
  const revoke = (id: string) => action.run(() => endOne(id));
  const revokeOthers = () => action.run(async () => notify(t("account.sessionsEnded", { count: await endOthers() })));
  return (
    <section class="card" aria-labelledby="sessions-title">
      <div class="toolbar">
        <h2 id="sessions-title" class="grow">
          {t("account.sessions")}
        </h2>
        <button type="button" onClick={() => void revokeOthers()} disabled={action.busy()}>
          {t("account.revokeOthers")}
        </button>
      </div>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Loaded resource={sessions} retry={() => reloadQueries(sessionsQuery)} skeleton={<Skeleton lines={3} />}>
        {(list) => (
          <Table
            headers={[
              t("account.device"),
              t("account.ip"),
              t("account.country"),
              t("account.method"),
              t("account.signedInAt"),
              t("account.lastSeen"),
              <span class="visually-hidden">{t("account.revoke")}</span>,
            ]}
            rows={list}
          >
            {(session) => (
              <tr data-session={session.id}>
                <td>{session.device}</td>
                <td class="ltr">{session.ip ?? "—"}</td>
                <td>{session.country ?? "—"}</td>
                <td>{t(`signInMethod.${session.method}`)}</td>
                <td>{formatDateTime(session.createdAt, locale())}</td>
                <td>{formatDateTime(session.lastSeenAt, locale())}</td>
                <td>
                  <Show when={!session.current} fallback={<span class="badge ACTIVE">{t("account.thisDevice")}</span>}>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => void revoke(session.id)}
                      disabled={action.busy()}
                    >
                      {t("account.revoke")}
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </Table>
        )}
      </Loaded>
    </section>
  );
}
