/**
 * Whole-fleet operations on the Nodes list: restart every enrolled node's core, or move every
 * node to an agent release. Each asks first; the panel queues one operation per node (nodes
 * already on the release are left out; a node too old to run operations refuses the whole request,
 * named in the error shown here) and each node's page shows its result.
 */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ErrorBox } from "../components/Async";
import { Modal } from "../components/Modal";
import { notify } from "../components/toast";
import { t } from "../i18n";
// This page's English loads with it, not with the first load.
import "../i18n/safety-en";
import { createAction } from "../lib/action";
import { createQuery } from "../lib/query";
import { agentReleasesQuery, restartService, updateAgent } from "./safety-data";

type Asking = "restart" | "update" | null;

export function FleetOperations() {
  const restart = useAction(restartService);
  const update = useAction(updateAgent);
  const action = createAction();
  const [asking, setAsking] = createSignal<Asking>(null);
  const [version, setVersion] = createSignal("");
  // Read only once the operator asks to update: the list page loads as before otherwise.
  const releases = createQuery(() => asking() === "update" && agentReleasesQuery());

  // A refusal belongs to the request it answered: closing the dialog, however, forgets it.
  const close = () => {
    setAsking(null);
    action.setError(null);
  };
  const run = (work: () => Promise<{ id: string }[]>) =>
    void action.run(async () => {
      const queued = await work();
      close();
      notify(t("operations.queuedFleet", { count: queued.length }));
    });
  const confirm = (event: SubmitEvent) => {
    event.preventDefault();
    if (asking() === "restart") run(() => restart("CORE"));
    else {
      const chosen = version() || releases.latest?.[0]?.version;
      if (chosen) run(() => update(chosen));
    }
  };

  return (
    <>
      <button type="button" onClick={() => setAsking("restart")}>
        {t("operations.restartAll")}
      </button>
      <button type="button" onClick={() => setAsking("update")}>
        {t("operations.updateAll")}
      </button>
      <Modal
        open={asking() !== null}
        onOpenChange={(open) => !open && close()}
        title={asking() === "restart" ? t("operations.restartAll") : t("operations.updateAll")}
      >
        <form class="form" onSubmit={confirm}>
          <Show when={asking() === "update"} fallback={<p>{t("operations.warnRestartAll")}</p>}>
            <p>{t("operations.warnUpdateAll")}</p>
            <label>
              {t("operations.release")}
              <select name="version" value={version()} onChange={(e) => setVersion(e.currentTarget.value)}>
                <For each={releases.latest ?? []}>
                  {(r) => (
                    <option value={r.version}>
                      {r.version}
                      {r.builtIn ? ` (${t("operations.builtIn")})` : ""} ·{" "}
                      {t("operations.onRelease", { count: r.servers })}
                    </option>
                  )}
                </For>
              </select>
            </label>
          </Show>
          <Show when={action.error() ?? releases.error}>
            <ErrorBox error={action.error() ?? releases.error} />
          </Show>
          <div class="actions">
            <button type="button" onClick={close}>
              {t("action.cancel")}
            </button>
            <button
              type="submit"
              class="danger"
              disabled={action.busy() || (asking() === "update" && !(releases.latest ?? []).length)}
            >
              {asking() === "restart" ? t("operations.restartAll") : t("operations.updateAll")}
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}
