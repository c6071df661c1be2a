/**
 * Nodes: live status (serverStatus stream), config version applied or pending, core and agent
 * versions, health, what its core can serve and the assigned inbounds it does not; adding a node
 * gives the one-line enrollment command to run on it; each node's routing policy override is
 * edited in its own dialog.
 */
import { A, useAction, useSubmission } from "@solidjs/router";
import { createEffect, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { request } from "../api/client";
import { ErrorBox, Loaded, Skeleton, settled } from "../components/Async";
import { CopyButton } from "../components/Copy";
import { LiveDot } from "../components/LiveDot";
import { ConfirmDelete, Modal } from "../components/Modal";
import { ServerStatusUpdates } from "../graphql/live";
import { CreateServerEnrollment } from "../graphql/nodes";
import { locale, t } from "../i18n";
import { formatBytes, formatDateTime, formatRelative } from "../lib/format";
import { useLive } from "../live/use-live";
import { NodeRoutingSection } from "../routing/RoutingSection";
import type { ServersQuery } from "../graphql/generated/graphql";
import { createQuery, reloadQueries } from "../lib/query";
import { addNode, deleteNode, serversQuery } from "./data";
import { RowActions, Table } from "../components/Table";
import { FleetOperations } from "./FleetOperations";
import { createFieldMessages, FormFooter, TextField } from "../components/Form";
import { InboundChecklist } from "../components/InboundChecklist";

type Node = ServersQuery["servers"][number];

function uptime(seconds: number) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  return days > 0 ? `${days}d ${hours}h` : `${hours}h ${Math.floor((seconds % 3600) / 60)}m`;
}

export default function Nodes() {
  const data = createQuery(() => serversQuery());
  const addOne = useAction(addNode);
  const submittingNode = useSubmission(addNode);
  const remove = useAction(deleteNode);
  // Rows in a store so a live event updates one node in place.
  const [nodes, setNodes] = createStore<Node[]>([]);
  const load = () => reloadQueries(serversQuery);
  createEffect(() => {
    if (data.state === "ready") setNodes(reconcile(data().servers, { key: "id" }));
  });
  const live = useLive(
    ServerStatusUpdates,
    () => ({}),
    ({ serverStatus }) => {
      const index = nodes.findIndex((n) => n.id === serverStatus.id);
      // New capabilities change which inbounds are unserved: the list query recomputes them.
      if (index === -1 || JSON.stringify(serverStatus.capabilities) !== JSON.stringify(nodes[index]!.capabilities))
        load();
      else setNodes(index, serverStatus);
    },
    load,
  );

  const [adding, setAdding] = createSignal(false);
  const [enrollment, setEnrollment] = createSignal<{ name: string; command: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  // The API's word on a refused name or address stands beside that field.
  const addMessages = createFieldMessages<"name" | "address">({ error: () => (adding() ? failure() : null) });
  const [removing, setRemoving] = createSignal<Node | null>(null);
  const [routing, setRouting] = createSignal<Node | null>(null);

  const enroll = async (node: { id: string; name: string }) => {
    const { createServerEnrollment } = await request(CreateServerEnrollment, { id: node.id });
    setEnrollment({ name: node.name, ...createServerEnrollment });
  };
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const name = String(form.get("name")).trim();
    setFailure(null);
    try {
      const command = await addOne({
        name,
        address: String(form.get("address")).trim(),
        inboundIds: form.getAll("inboundIds").map(String),
      });
      setAdding(false);
      setEnrollment({ name, ...command });
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.nodes")}</h1>
        <LiveDot state={live()} />
        <FleetOperations />
        <button type="button" class="primary" onClick={() => setAdding(true)}>
          {t("nodes.add")}
        </button>
      </div>
      <Loaded resource={data} retry={load} skeleton={<Skeleton lines={5} />}>
        {() => (
          <Table
            headers={[
              t("nodes.name"),
              t("user.status"),
              t("nodes.lastSeen"),
              t("nodes.config"),
              t("nodes.versions"),
              t("nodes.health"),
              "",
            ]}
            rows={nodes}
            empty={t("nodes.none")}
          >
            {(node) => (
              <tr data-node={node.name}>
                <td>
                  <div>
                    <A href={`/nodes/${node.id}`}>{node.name}</A>
                  </div>
                  <div class="muted ltr">{node.address}</div>
                </td>
                <td>
                  <span class={`badge ${node.status}`} data-testid="node-status">
                    {t(`serverStatus.${node.status}`)}
                  </span>
                </td>
                <td title={node.lastSeenAt ? formatDateTime(node.lastSeenAt, locale()) : ""}>
                  {node.lastSeenAt ? formatRelative(node.lastSeenAt, locale()) : "—"}
                </td>
                <td>
                  v{node.configVersion}
                  <Show when={node.appliedConfigVersion !== node.configVersion}>
                    <span class="muted"> ({t("nodes.applied", { version: node.appliedConfigVersion ?? "—" })})</span>
                  </Show>
                </td>
                <td class="muted">
                  <div>
                    {t("nodes.core")}: {node.coreVersion ?? "—"}
                  </div>
                  <div>
                    {t("nodes.agent")}: {node.agentVersion ?? "—"}
                  </div>
                  <Show when={node.capabilities}>
                    {(c) => (
                      <div data-testid="node-capabilities">
                        {t("nodes.serves")}:{" "}
                        {[c().protocols, c().transports, c().securities]
                          .map((list) => list.map((v) => v.toLowerCase()).join(", "))
                          .join(" · ")}
                      </div>
                    )}
                  </Show>
                  <For each={node.unservedInbounds}>
                    {(u) => (
                      <div class="warn" data-testid="node-unserved">
                        {t("nodes.unserved", { tag: u.inbound.tag })}: {u.reason}
                      </div>
                    )}
                  </For>
                </td>
                <td>
                  <Show when={node.health} fallback="—">
                    {(h) => (
                      <div class="muted">
                        <div>
                          CPU {h().cpuPercent.toFixed(0)}% · RAM {formatBytes(h().memUsedBytes, locale())} /{" "}
                          {formatBytes(h().memTotalBytes, locale())}
                        </div>
                        <div>
                          {h().coreRunning ? t("nodes.coreRunning") : t("nodes.coreStopped")} ·{" "}
                          {t("nodes.uptime", { time: uptime(h().uptimeSec) })}
                        </div>
                      </div>
                    )}
                  </Show>
                </td>
                <RowActions onDelete={() => setRemoving(node)}>
                  <button type="button" onClick={() => void enroll(node).catch(setFailure)}>
                    {t("nodes.enroll")}
                  </button>
                  <button type="button" onClick={() => setRouting(node)}>
                    {t("nodes.routing")}
                  </button>
                </RowActions>
              </tr>
            )}
          </Table>
        )}
      </Loaded>
      <Show when={failure() && !adding()}>
        <ErrorBox error={failure()} />
      </Show>
      <Modal open={adding()} onOpenChange={setAdding} title={t("nodes.add")}>
        <form class="form" onSubmit={add}>
          <TextField form={addMessages} field="name" label={t("nodes.name")} required maxlength="64" />
          <TextField
            form={addMessages}
            field="address"
            label={t("nodes.address")}
            required
            class="ltr"
            placeholder="node1.example.com"
          />
          <InboundChecklist inbounds={settled(data)?.inbounds ?? []} checked={() => true} />
          <FormFooter error={addMessages.footerError()} busy={submittingNode.pending} label={t("action.create")} />
        </form>
      </Modal>
      <Modal
        open={enrollment() !== null}
        onOpenChange={(open) => !open && setEnrollment(null)}
        title={t("nodes.enrollTitle", { name: enrollment()?.name ?? "" })}
      >
        <Show when={enrollment()}>
          {(e) => (
            <div class="form">
              <p>{t("nodes.enrollHelp")}</p>
              <code class="command" data-testid="enroll-command">
                {e().command}
              </code>
              <p class="muted">{t("nodes.enrollExpires", { at: formatDateTime(e().expiresAt, locale()) })}</p>
              <div class="actions">
                <CopyButton text={e().command} />
              </div>
            </div>
          )}
        </Show>
      </Modal>
      <Modal
        open={routing() !== null}
        onOpenChange={(open) => !open && setRouting(null)}
        title={t("nodes.routingTitle", { name: routing()?.name ?? "" })}
      >
        <Show when={routing()}>{(node) => <NodeRoutingSection serverId={node().id} />}</Show>
      </Modal>
      <ConfirmDelete
        item={removing()}
        onClose={() => setRemoving(null)}
        message={(node) => t("nodes.deleteWarning", { name: node.name })}
        onDelete={(node) => remove(node.id).catch(setFailure)}
      />
    </>
  );
}
