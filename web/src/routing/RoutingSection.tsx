/**
 * The routing policy editor: panel-wide in Settings, and per node (an override that replaces
 * the panel-wide policy as a whole) from the Nodes page. Users' traffic to a node's own core API
 * is always blocked by the agent; this edits everything after that rule.
 */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiError, request } from "../api/client";
import { Loaded, Skeleton } from "../components/Async";
import { notify } from "../components/toast";
import {
  PanelRoutingPolicy,
  ServerRoutingPolicy,
  SetServerRoutingPolicyOverride,
  UpdateRoutingPolicy,
} from "../graphql/routing";
import type { RoutingPolicyFieldsFragment, RoutingPolicyInput } from "../graphql/generated/graphql";
import { t } from "../i18n";
import { createAction } from "../lib/action";
import { createQuery, mutation, reloadQueries, signedInQuery } from "../lib/query";
import { serversQuery } from "../nodes/data";
import { formToInput, OUTBOUNDS, policyToForm, problemsByField, type ListField, type RoutingFormValues } from "./form";
import { FormFooter } from "../components/Form";

function RoutingPolicyForm(props: {
  initial: RoutingPolicyFieldsFragment;
  /** `null` when an override is switched off: the node follows the panel-wide policy again. */
  onSubmit: (policy: RoutingPolicyInput | null) => Promise<void>;
  override?: { enabled: boolean };
}) {
  const [values, setValues] = createStore<RoutingFormValues>(policyToForm(props.initial));
  const [own, setOwn] = createSignal(props.override?.enabled ?? true);
  const action = createAction();
  const problems = () => {
    const error = action.error();
    return error instanceof ApiError ? problemsByField(error.fields) : {};
  };
  // Field messages stand beside their lists; anything else (a network failure) in the box below.
  const otherError = () => {
    const error = action.error();
    if (!error) return null;
    return error instanceof ApiError && error.fields.length > 0 && !problems().form ? null : error;
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (await action.run(() => props.onSubmit(own() ? formToInput(values) : null))) notify(t("state.saved"));
  };
  const list = (field: ListField, rows: number, placeholder: string) => (
    <div class="field">
      <label>
        {t(`routing.${field}`)}
        <textarea
          name={field}
          rows={rows}
          class="ltr"
          placeholder={placeholder}
          value={values[field]}
          onInput={(e) => setValues(field, e.currentTarget.value)}
          aria-invalid={Boolean(problems()[field])}
          aria-describedby={problems()[field] ? `routing-${field}-error` : undefined}
          disabled={!own()}
        />
      </label>
      <span class="muted">{t(`routing.${field}Help`)}</span>
      <Show when={problems()[field]}>
        {(messages) => (
          <span class="field-error" id={`routing-${field}-error`} role="alert">
            <For each={messages()}>{(m) => <div>{m}</div>}</For>
          </span>
        )}
      </Show>
    </div>
  );

  return (
    <form class="form" onSubmit={submit} novalidate aria-label={t("routing.title")}>
      <p class="muted">{t("routing.apiAlwaysBlocked")}</p>
      <Show when={props.override}>
        <label class="inline">
          <input type="checkbox" name="override" checked={own()} onChange={(e) => setOwn(e.currentTarget.checked)} />
          {t("routing.override")}
        </label>
        <p class="muted">{own() ? t("routing.overrideOn") : t("routing.overrideOff")}</p>
      </Show>
      <label class="inline">
        <input
          type="checkbox"
          name="blockPrivate"
          checked={values.blockPrivate}
          onChange={(e) => setValues("blockPrivate", e.currentTarget.checked)}
          disabled={!own()}
        />
        {t("routing.blockPrivate")}
      </label>
      <label class="inline">
        <input
          type="checkbox"
          name="blockBittorrent"
          checked={values.blockBittorrent}
          onChange={(e) => setValues("blockBittorrent", e.currentTarget.checked)}
          disabled={!own()}
        />
        {t("routing.blockBittorrent")}
      </label>
      {list("allowedPrivate", 3, "10.0.0.53/32 53")}
      {list("blockedCidrs", 3, "203.0.113.0/24")}
      {list("blockedDomains", 3, "domain:ads.example.com")}
      {list("blockedPorts", 2, "25\n6881-6889")}
      <label>
        {t("routing.defaultOutbound")}
        <select
          name="defaultOutbound"
          value={values.defaultOutbound}
          onChange={(e) => setValues("defaultOutbound", e.currentTarget.value as RoutingFormValues["defaultOutbound"])}
          disabled={!own()}
        >
          <For each={OUTBOUNDS}>{(o) => <option value={o}>{t(`routing.outbound.${o}`)}</option>}</For>
        </select>
      </label>
      <p class="muted">{t("routing.restartNote")}</p>
      <FormFooter error={otherError()} busy={action.busy()} label={t("action.save")} />
    </form>
  );
}

const panelPolicyQuery = signedInQuery(() => request(PanelRoutingPolicy), "panelRoutingPolicy");
const nodePolicyQuery = signedInQuery((id: string) => request(ServerRoutingPolicy, { id }), "serverRoutingPolicy");
const setPanelPolicy = mutation(
  (input: RoutingPolicyInput) => request(UpdateRoutingPolicy, { input }),
  "setPanelRoutingPolicy",
  [panelPolicyQuery],
);
// The nodes list shows which nodes carry their own policy.
const setNodePolicy = mutation(
  (id: string, policy: RoutingPolicyInput | null) => request(SetServerRoutingPolicyOverride, { id, policy }),
  "setNodeRoutingPolicy",
  [nodePolicyQuery, serversQuery],
);

/** Settings: the policy every node without an override applies. */
export function PanelRoutingSection() {
  const data = createQuery(() => panelPolicyQuery());
  const save = useAction(setPanelPolicy);
  return (
    <section class="card" aria-labelledby="routing-title" style={{ "margin-block-start": "1rem" }}>
      <h2 id="routing-title">{t("routing.title")}</h2>
      <Loaded resource={data} retry={() => reloadQueries(panelPolicyQuery)} skeleton={<Skeleton lines={6} />}>
        {(d) => (
          <RoutingPolicyForm
            initial={d.routingPolicy}
            onSubmit={async (policy) => {
              // Without an override switch the form always sends a policy.
              await save(policy!);
            }}
          />
        )}
      </Loaded>
    </section>
  );
}

/** A node's own policy, on or off; off means it follows the panel-wide one. */
export function NodeRoutingSection(props: { serverId: string }) {
  const data = createQuery(() => nodePolicyQuery(props.serverId));
  const save = useAction(setNodePolicy);
  return (
    <Loaded resource={data} retry={() => reloadQueries(nodePolicyQuery)} skeleton={<Skeleton lines={6} />}>
      {(d) => (
        <Show when={d.server} fallback={<p class="muted">{t("state.notFound")}</p>}>
          {(server) => (
            <RoutingPolicyForm
              initial={server().routingPolicy}
              override={{ enabled: server().routingPolicyOverride !== null }}
              onSubmit={async (policy) => {
                await save(props.serverId, policy);
              }}
            />
          )}
        </Show>
      )}
    </Loaded>
  );
}
