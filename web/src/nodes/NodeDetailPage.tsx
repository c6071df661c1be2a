/**
 * One node: its status live, remote operations (restart the core, reload or update the agent)
 * with their results as they come back, and its config history: every version it was issued with
 * the agent's outcome (the core's error when it would not run), a diff between any two versions,
 * rolling back to one (which pins the node to it) and unpinning.
 */
import { A, useAction, useParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ErrorBox, Loaded, Skeleton, settled } from "../components/Async";
import { LiveDot } from "../components/LiveDot";
import { Confirm } from "../components/Modal";
import { Table } from "../components/Table";
import { notify } from "../components/toast";
import type { NodeDetailQuery, ServiceType } from "../graphql/generated/graphql";
import { ServerStatusUpdates } from "../graphql/live";
import { locale, t } from "../i18n";
// This page's English loads with it, not with the first load.
import "../i18n/safety-en";
import { createAction } from "../lib/action";
import { formatBytes, formatDateTime, formatRelative } from "../lib/format";
import { createQuery, reloadQueries } from "../lib/query";
import { useLive } from "../live/use-live";
import { defaultComparison, isOperationActive, presentDiff, runsOperations } from "./history";
import {
  configDiffQuery,
  nodeDetailQuery,
  restartService,
  rollbackConfig,
  unpinConfig,
  updateAgent,
} from "./safety-data";

type Server = NonNullable<NodeDetailQuery["server"]>;
type Release = NodeDetailQuery["agentReleases"][number];

/** How often the page asks while an operation is under way: results arrive with the node's next push. */
const OPERATION_POLL_MS = 2000;

export default function NodeDetailPage() {
  const params = useParams<{ id: string }>();
  const data = createQuery(() => nodeDetailQuery(params.id));
  const reload = () => reloadQueries(nodeDetailQuery);
  // Kept in a store and reconciled: a reload (every status event, every poll) updates rows in
  // place instead of rebuilding the page, so an open dialog or a chosen comparison stays.
  const [detail, setDetail] = createStore<{ value?: NodeDetailQuery }>({});
  createEffect(() => {
    const loaded = settled(data);
    if (loaded) setDetail("value", reconcile(loaded));
  });
  // A status event (a push, a config applied, an operation finished) changes what this page shows: read it again.
  const live = useLive(ServerStatusUpdates, () => ({ id: params.id }), reload, reload);
  const anyActive = createMemo(
    () => detail.value?.server?.operations.some((o) => isOperationActive(o.status)) ?? false,
  );
  createEffect(() => {
    if (!anyActive()) return;
    const timer = setInterval(reload, OPERATION_POLL_MS);
    onCleanup(() => clearInterval(timer));
  });

  // Not <Loaded>: it renders its children anew with every value, and this page reloads often.
  return (
    <Show
      when={detail.value}
      fallback={data.error ? <ErrorBox error={data.error} retry={reload} /> : <Skeleton lines={8} />}
    >
      <Show when={detail.value?.server} fallback={<p class="muted">{t("state.notFound")}</p>}>
        <div class="toolbar">
          <h1 class="grow">
            <A href="/nodes">{t("nav.nodes")}</A> / {detail.value!.server!.name}
          </h1>
          <LiveDot state={live()} />
        </div>
        <NodeSummary server={detail.value!.server!} />
        <OperationsCard server={detail.value!.server!} releases={detail.value!.agentReleases} />
        <HistoryCard server={detail.value!.server!} />
      </Show>
    </Show>
  );
}

function NodeSummary(props: { server: Server }) {
  const s = () => props.server;
  return (
    <section class="card" style={{ "margin-block-end": "1rem" }}>
      <dl class="stats">
        <div>
          <dt>{t("user.status")}</dt>
          <dd>
            <span class={`badge ${s().status}`} data-testid="node-status">
              {t(`serverStatus.${s().status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("nodes.config")}</dt>
          <dd>
            v{s().configVersion}
            <Show when={s().appliedConfigVersion !== s().configVersion}>
              <span class="muted"> ({t("nodes.applied", { version: s().appliedConfigVersion ?? "—" })})</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t("nodes.agent")}</dt>
          <dd class="ltr">{s().agentVersion ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("nodes.protocol")}</dt>
          <dd data-testid="node-protocol">{s().agentProtocol ?? "—"}</dd>
        </div>
      </dl>
      <p class="muted ltr">{s().address}</p>
      <Show when={!runsOperations(s().agentProtocol)}>
        <p class="warn" data-testid="node-protocol-note">
          {t("nodes.protocolOld")}
        </p>
      </Show>
    </section>
  );
}

function OperationsCard(props: { server: Server; releases: Release[] }) {
  const restart = useAction(restartService);
  const update = useAction(updateAgent);
  const action = createAction();
  const [version, setVersion] = createSignal("");
  const [asking, setAsking] = createSignal<{ title: string; message: string; run: () => Promise<unknown> } | null>(
    null,
  );
  const able = () => runsOperations(props.server.agentProtocol);
  const otherReleases = () => props.releases.filter((r) => r.version !== props.server.agentVersion);
  createEffect(
    on(otherReleases, (list) => !list.some((r) => r.version === version()) && setVersion(list[0]?.version ?? "")),
  );

  const ask = (service: ServiceType) =>
    setAsking({
      title: t(`operations.ask.${service}`),
      message: t(`operations.warn.${service}`, { name: props.server.name }),
      run: () => restart(service, props.server.id),
    });
  const askUpdate = () =>
    setAsking({
      title: t("operations.updateTo", { version: version() }),
      message: t("operations.warnUpdate", { name: props.server.name, version: version() }),
      run: () => update(version(), props.server.id),
    });

  return (
    <section class="card stack" aria-labelledby="node-operations" style={{ "margin-block-end": "1rem" }}>
      <h2 id="node-operations">{t("operations.title")}</h2>
      <div class="actions">
        <button type="button" disabled={!able() || action.busy()} onClick={() => ask("CORE")}>
          {t("operations.restartCore")}
        </button>
        <button type="button" disabled={!able() || action.busy()} onClick={() => ask("AGENT")}>
          {t("operations.reloadAgent")}
        </button>
        <label class="inline">
          <span class="visually-hidden">{t("operations.release")}</span>
          <select
            aria-label={t("operations.release")}
            value={version()}
            onChange={(e) => setVersion(e.currentTarget.value)}
            disabled={!able() || otherReleases().length === 0}
          >
            <For each={otherReleases()} fallback={<option value="">{t("operations.noRelease")}</option>}>
              {(r) => (
                <option value={r.version}>
                  {r.version}
                  {r.builtIn ? ` (${t("operations.builtIn")})` : ""}
                </option>
              )}
            </For>
          </select>
        </label>
        <button type="button" disabled={!able() || !version() || action.busy()} onClick={askUpdate}>
          {t("operations.updateTo", { version: version() || "…" })}
        </button>
      </div>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <OperationsTable operations={props.server.operations} />
      <Confirm
        open={asking() !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        title={asking()?.title ?? ""}
        message={asking()?.message ?? ""}
        confirmLabel={asking()?.title ?? ""}
        onConfirm={() => {
          const run = asking()?.run;
          if (run) void action.run(run).then((ok) => ok && notify(t("operations.queued")));
        }}
      />
    </section>
  );
}

export function OperationsTable(props: { operations: Server["operations"] }) {
  return (
    <Table
      headers={[t("operations.kind"), t("user.status"), t("operations.requested"), t("operations.detail")]}
      rows={props.operations}
      empty={t("operations.none")}
    >
      {(op) => (
        <tr data-operation={op.id}>
          <td>
            {t(`operationKind.${op.kind}`)}
            <Show when={op.targetVersion}>
              <span class="ltr"> {op.targetVersion}</span>
            </Show>
          </td>
          <td>
            <span class={`badge ${op.status}`} data-testid="operation-status">
              {t(`operationStatus.${op.status}`)}
            </span>
          </td>
          <td title={formatDateTime(op.requestedAt, locale())}>
            {formatRelative(op.requestedAt, locale())}
            <Show when={op.requestedBy}>
              <span class="muted"> · {op.requestedBy}</span>
            </Show>
          </td>
          <td class={op.status === "FAILED" ? "error" : "muted"}>{op.detail ?? "—"}</td>
        </tr>
      )}
    </Table>
  );
}

function HistoryCard(props: { server: Server }) {
  const rollback = useAction(rollbackConfig);
  const unpin = useAction(unpinConfig);
  const action = createAction();
  const [rollingBack, setRollingBack] = createSignal<number | null>(null);
  const history = () => props.server.configHistory;
  const newest = () => history()[0]?.version;
  const kept = () => history().filter((h) => h.kept);

  const [compare, setCompare] = createSignal<{ from: number; to: number } | null>(null);
  // The first comparison once versions are there; the operator's choice after that.
  createEffect(() => {
    if (!compare()) setCompare(defaultComparison(history()));
  });
  const choose = (side: "from" | "to", value: number) => {
    const current = compare();
    if (current) setCompare({ ...current, [side]: value });
  };

  return (
    <section class="card stack" aria-labelledby="node-history">
      <h2 id="node-history">{t("history.title")}</h2>
      <Show when={props.server.configPinnedTo}>
        {(pinned) => (
          <div class="actions" data-testid="config-pinned">
            <span class="warn grow">{t("history.pinnedNote", { version: pinned() })}</span>
            <button
              type="button"
              disabled={action.busy()}
              onClick={() => void action.run(() => unpin(props.server.id))}
            >
              {t("history.unpin")}
            </button>
          </div>
        )}
      </Show>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Table
        headers={[
          t("history.version"),
          t("history.issued"),
          t("history.outcome"),
          t("nav.inbounds"),
          t("nav.users"),
          "",
        ]}
        rows={history()}
        empty={t("history.none")}
      >
        {(entry) => (
          <tr data-version={entry.version}>
            <td>
              v{entry.version}{" "}
              <Show when={entry.version === props.server.configPinnedTo}>
                <span class="badge PENDING">{t("history.pinned")}</span>
              </Show>
              <Show when={entry.rollbackOf}>
                <div class="muted">{t("history.rollbackOf", { version: entry.rollbackOf! })}</div>
              </Show>
            </td>
            <td title={formatDateTime(entry.issuedAt, locale())}>
              {formatRelative(entry.issuedAt, locale())}
              <div class="muted">{formatBytes(entry.sizeBytes, locale())}</div>
            </td>
            <td>
              <span class={`badge ${entry.outcome}`} data-testid="config-outcome">
                {t(`configOutcome.${entry.outcome}`)}
              </span>
              <Show when={entry.error}>
                <details>
                  <summary>{t("history.error")}</summary>
                  <pre class="ltr" style={{ "white-space": "pre-wrap" }}>
                    {entry.error}
                  </pre>
                </details>
              </Show>
            </td>
            <td>{entry.inbounds}</td>
            <td>{entry.users}</td>
            <td>
              <Show
                when={entry.kept && entry.version !== newest()}
                fallback={<span class="muted">{entry.kept ? "" : t("history.aged")}</span>}
              >
                <button type="button" disabled={action.busy()} onClick={() => setRollingBack(entry.version)}>
                  {t("history.rollback")}
                </button>
              </Show>
            </td>
          </tr>
        )}
      </Table>
      <Show when={compare()}>
        {(c) => (
          <>
            <fieldset class="actions" style={{ "justify-content": "flex-start" }}>
              <legend>{t("history.compare")}</legend>
              <For each={["from", "to"] as const}>
                {(side) => (
                  <label class="inline">
                    {t(`history.${side}`)}
                    <select
                      value={c()[side]}
                      onChange={(e) => choose(side, Number(e.currentTarget.value))}
                      data-testid={`compare-${side}`}
                    >
                      <For each={kept()}>{(h) => <option value={h.version}>v{h.version}</option>}</For>
                    </select>
                  </label>
                )}
              </For>
            </fieldset>
            <DiffView serverId={props.server.id} from={c().from} to={c().to} />
          </>
        )}
      </Show>
      <Confirm
        open={rollingBack() !== null}
        onOpenChange={(open) => !open && setRollingBack(null)}
        title={t("history.rollbackTitle", { version: rollingBack() ?? 0 })}
        message={t("history.rollbackWarning", { version: rollingBack() ?? 0, name: props.server.name })}
        confirmLabel={t("history.rollback")}
        onConfirm={() => {
          const version = rollingBack();
          if (version !== null)
            void action
              .run(() => rollback(props.server.id, version))
              .then((ok) => ok && notify(t("history.rolledBack", { version })));
        }}
      />
    </section>
  );
}

function DiffView(props: { serverId: string; from: number; to: number }) {
  const diff = createQuery(() => configDiffQuery(props.serverId, props.from, props.to));
  return (
    <Loaded resource={diff} retry={() => reloadQueries(configDiffQuery)} skeleton={<Skeleton lines={3} />}>
      {(raw) => {
        const view = () => presentDiff(raw);
        return (
          <div class="stack" data-testid="config-diff">
            <Show when={!view().same} fallback={<p class="muted">{t("diff.same")}</p>}>
              <Show when={view().inbounds.length > 0}>
                <ul>
                  <For each={view().inbounds}>
                    {(inbound) => (
                      <li data-change={inbound.change}>
                        {t(`diff.inbound.${inbound.change}`, { tag: inbound.tag })}
                        <Show when={inbound.fields.length > 0}>
                          <span class="muted"> ({inbound.fields.join(", ")})</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={view().routing.length > 0}>
                <p>{t("diff.routing", { fields: view().routing.join(", ") })}</p>
              </Show>
            </Show>
            <p data-testid="diff-users">
              {t("diff.users", { from: view().users.from, to: view().users.to, changed: view().users.changed })}
            </p>
            <For each={["added", "removed"] as const}>
              {(side) => (
                <Show when={view().users[side].count > 0}>
                  <p>
                    <strong>{t(`diff.users.${side}`, { count: view().users[side].count })}</strong>{" "}
                    {view().users[side].names.join(", ")}
                    <Show when={view().users[side].more > 0}>
                      <span class="muted"> {t("diff.more", { count: view().users[side].more })}</span>
                    </Show>
                  </p>
                </Show>
              )}
            </For>
          </div>
        );
      }}
    </Loaded>
  );
}
