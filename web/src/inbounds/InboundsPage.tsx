/** Inbounds: the list, and a form per protocol / transport / security with REALITY keys and a raw JSON view. */
import { Tabs } from "@kobalte/core/tabs";
import { useAction } from "@solidjs/router";
import { createMemo, createSignal, For, type JSX, Show } from "solid-js";
import { createQuery, mutation, reloadQueries, saveMutation, signedInQuery } from "../lib/query";
import { request } from "../api/client";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { createValidatedForm, FormFooter, TextField } from "../components/Form";
import { ConfirmDelete, EditorModal } from "../components/Modal";
import { notify } from "../components/toast";
import type { CreateInboundInput, InboundsQuery } from "../graphql/generated/graphql";
import { CreateInbound, DeleteInbound, Inbounds, UpdateInbound } from "../graphql/inbounds";
import { t, type MessageKey } from "../i18n";
import {
  emptyInboundForm,
  FINGERPRINTS,
  generateRealityKeys,
  inboundToForm,
  normalise,
  PROTOCOLS,
  randomShortId,
  securitiesFor,
  SHADOWSOCKS_METHODS,
  transportsFor,
  validateInboundForm,
  XHTTP_MODES,
  type InboundFormValues,
} from "./form";
import { RowActions, Table } from "../components/Table";

type StoredInbound = InboundsQuery["inbounds"][number];

function InboundForm(props: {
  initial: InboundFormValues;
  isNew: boolean;
  onSubmit: (input: CreateInboundInput) => Promise<void>;
}) {
  const form = createValidatedForm({
    initial: props.initial,
    validate: validateInboundForm,
    onSubmit: props.onSubmit,
    message: (code) => t(`inboundForm.error.${code}` as MessageKey),
  });
  const { values, setValues, action } = form;
  const change = <K extends keyof InboundFormValues>(key: K, value: InboundFormValues[K]) =>
    setValues(normalise({ ...values, [key]: value }));
  const preview = createMemo(() =>
    JSON.stringify(validateInboundForm(values).input ?? { errors: validateInboundForm(values).errors }, null, 2),
  );

  const text = (
    key: keyof InboundFormValues,
    label: MessageKey,
    attrs: Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "form" | "value" | "onInput"> = {},
  ) => (
    <TextField
      form={form}
      field={key}
      label={t(label)}
      value={values[key] as string}
      onValue={(v) => change(key, v as never)}
      {...attrs}
    />
  );
  const choice = (
    key: "protocol" | "transport" | "security" | "method" | "fingerprint" | "mode" | "flow",
    label: MessageKey,
    options: readonly string[],
  ) => (
    <label>
      {t(label)}
      <select name={key} value={values[key]} onChange={(e) => change(key, e.currentTarget.value as never)}>
        <For each={options}>{(o) => <option value={o}>{o || "—"}</option>}</For>
      </select>
    </label>
  );
  const makeKeys = async () => {
    const keys = await generateRealityKeys();
    setValues({
      realityPrivateKey: keys.privateKey,
      realityPublicKey: keys.publicKey,
      realityShortIds: values.realityShortIds || randomShortId(),
    });
  };
  return (
    <Tabs defaultValue="form">
      <Tabs.List class="tabs-list">
        <Tabs.Trigger value="form">{t("inbounds.form")}</Tabs.Trigger>
        <Tabs.Trigger value="json">JSON</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="form">
        <form class="form" onSubmit={form.submit} novalidate>
          <div class="row">
            {text("tag", "inbounds.tag", { class: "ltr" })}
            {text("port", "inbounds.port", { inputmode: "numeric" })}
            {text("remark", "inbounds.remark")}
          </div>
          <div class="row">
            {choice("protocol", "inbounds.protocol", PROTOCOLS)}
            {choice("security", "inbounds.security", securitiesFor(values.protocol))}
            {choice("transport", "inbounds.transport", transportsFor(values.protocol, values.security))}
          </div>
          <Show when={values.protocol === "VLESS" && values.transport === "TCP" && values.security !== "NONE"}>
            {choice("flow", "inbounds.flow", ["", "xtls-rprx-vision"])}
          </Show>
          <Show when={values.protocol === "SHADOWSOCKS"}>
            {choice("method", "inbounds.method", SHADOWSOCKS_METHODS)}
          </Show>
          <Show when={values.protocol === "HYSTERIA2"}>{text("obfsPassword", "inbounds.obfsPassword")}</Show>
          <div class="row">
            <Show when={["WS", "HTTPUPGRADE", "XHTTP"].includes(values.transport)}>
              {text("path", "inbounds.path", { class: "ltr", placeholder: "/" })}
            </Show>
            <Show
              when={values.transport !== "GRPC" && values.protocol !== "SHADOWSOCKS" && values.protocol !== "HYSTERIA2"}
            >
              {text("host", "inbounds.host", { class: "ltr" })}
            </Show>
            <Show when={values.transport === "GRPC"}>
              {text("serviceName", "inbounds.serviceName", { class: "ltr" })}
            </Show>
            <Show when={values.transport === "XHTTP"}>{choice("mode", "inbounds.mode", XHTTP_MODES)}</Show>
          </div>
          <Show when={values.security !== "NONE"}>
            <div class="row">
              {text("serverName", "inbounds.serverName", { class: "ltr" })}
              {choice("fingerprint", "inbounds.fingerprint", FINGERPRINTS)}
            </div>
          </Show>
          <Show when={values.security === "REALITY"}>
            <fieldset>
              <legend>REALITY</legend>
              <div class="row">
                {text("realityDest", "inbounds.realityDest", { class: "ltr", placeholder: "www.example.com:443" })}
                {text("realityServerNames", "inbounds.realityServerNames", { class: "ltr" })}
              </div>
              <div class="row">
                {text("realityShortIds", "inbounds.realityShortIds", { class: "ltr" })}
                {text("realitySpiderX", "inbounds.realitySpiderX", { class: "ltr" })}
              </div>
              <label>
                {t("inbounds.publicKey")}
                <input
                  readonly
                  class="ltr"
                  value={values.realityPublicKey}
                  placeholder={props.isNew ? t("inbounds.keyGeneratedOnSave") : ""}
                  data-testid="reality-public-key"
                />
              </label>
              <div class="actions" style={{ "justify-content": "flex-start" }}>
                <button type="button" onClick={() => void makeKeys()}>
                  {t("inbounds.generateKeys")}
                </button>
              </div>
            </fieldset>
          </Show>
          <FormFooter error={form.footerError()} busy={action.busy()} label={t("action.save")} />
        </form>
      </Tabs.Content>
      <Tabs.Content value="json">
        <textarea readonly rows="18" aria-label="JSON" class="ltr">
          {preview()}
        </textarea>
      </Tabs.Content>
    </Tabs>
  );
}

const inboundsQuery = signedInQuery(async () => (await request(Inbounds)).inbounds, "inbounds");
const saveInbound = saveMutation("saveInbound", inboundsQuery, {
  create: (input: CreateInboundInput) => request(CreateInbound, { input }),
  update: (inbound: StoredInbound, input) => request(UpdateInbound, { id: inbound.id, input }),
});
const deleteInbound = mutation((id: string) => request(DeleteInbound, { id }), "deleteInbound", [inboundsQuery]);

export default function InboundsPage() {
  const data = createQuery(() => inboundsQuery());
  const save = useAction(saveInbound);
  const remove = useAction(deleteInbound);
  const [editing, setEditing] = createSignal<StoredInbound | "new" | null>(null);
  const [removing, setRemoving] = createSignal<StoredInbound | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.inbounds")}</h1>
        <button type="button" class="primary" onClick={() => setEditing("new")}>
          {t("inbounds.create")}
        </button>
      </div>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <Loaded resource={data} retry={() => reloadQueries(inboundsQuery)} skeleton={<Skeleton lines={5} />}>
        {(list) => (
          <Table
            headers={[
              t("inbounds.tag"),
              t("inbounds.protocol"),
              t("inbounds.port"),
              t("inbounds.transport"),
              t("inbounds.security"),
              t("nav.nodes"),
              "",
            ]}
            rows={list}
            empty={t("state.noInbounds")}
          >
            {(inbound) => (
              <tr data-inbound={inbound.tag}>
                <td>
                  <div class="ltr">{inbound.tag}</div>
                  <div class="muted">{inbound.remark}</div>
                </td>
                <td>{inbound.protocol}</td>
                <td>{inbound.port}</td>
                <td>{inbound.transport}</td>
                <td>{inbound.security}</td>
                <td>
                  {inbound.servers.map((s) => s.name).join(", ") || "—"}
                  <For
                    each={inbound.servers.flatMap((s) =>
                      s.unservedInbounds
                        .filter((u) => u.inbound.id === inbound.id)
                        .map((u) => ({ server: s.name, reason: u.reason })),
                    )}
                  >
                    {(u) => (
                      <div class="warn" data-testid="inbound-unserved">
                        {t("inbounds.unservedOn", { name: u.server })}: {u.reason}
                      </div>
                    )}
                  </For>
                </td>
                <RowActions onEdit={() => setEditing(inbound)} onDelete={() => setRemoving(inbound)} />
              </tr>
            )}
          </Table>
        )}
      </Loaded>
      <EditorModal
        editing={editing()}
        onClose={() => setEditing(null)}
        title={(target) => (target === "new" ? t("inbounds.create") : t("action.edit"))}
      >
        {(target) => (
          <InboundForm
            isNew={target === "new"}
            initial={target === "new" ? emptyInboundForm() : inboundToForm(target)}
            onSubmit={async (input) => {
              await save(target, input);
              setEditing(null);
              notify(t("state.saved"));
            }}
          />
        )}
      </EditorModal>
      <ConfirmDelete
        item={removing()}
        onClose={() => setRemoving(null)}
        message={(inbound) => t("inbounds.deleteWarning", { name: inbound.tag })}
        onDelete={(inbound) => {
          setFailure(null);
          return remove(inbound.id).catch(setFailure);
        }}
      />
    </>
  );
}
