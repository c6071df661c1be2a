/**
 * Plans: what is sold, in the order the subscription page offers it. Hidden plans are sold by an
 * admin only (from a user's page). Reordering is editing the sort order.
 */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { request } from "../../api/client";
import { errorText, Loaded, Skeleton, settled } from "../../components/Async";
import { ConfirmDelete, EditorModal } from "../../components/Modal";
import { RowActions, Table } from "../../components/Table";
import { notify } from "../../components/toast";
import { CreatePlan, DeletePlan, PlansPage as PlansDocument, UpdatePlan } from "../../graphql/billing-plans";
import { locale, t } from "../../i18n";
import "../../i18n/billing/plans";
import { formatBytes } from "../../lib/format";
import { createQuery, mutation, reloadQueries, saveMutation, signedInQuery } from "../../lib/query";
import { emptyPlanForm, planToForm, type Plan, type PlanInput } from "./form";
import { PlanForm } from "./PlanForm";

const plansQuery = signedInQuery(() => request(PlansDocument), "plansPage");
const savePlan = saveMutation("savePlan", plansQuery, {
  create: (input: PlanInput) => request(CreatePlan, { input }),
  update: (plan: Plan, input) => request(UpdatePlan, { id: plan.id, input }),
});
const deletePlan = mutation((id: string) => request(DeletePlan, { id }), "deletePlan", [plansQuery]);

function deviceLimitText(limit: number | null | undefined): string {
  if (limit === null || limit === undefined) return t("plans.keepsUsers");
  return limit === 0 ? t("plans.noLimit") : String(limit);
}

export default function PlansPage() {
  const data = createQuery(() => plansQuery());
  const save = useAction(savePlan);
  const remove = useAction(deletePlan);
  const [editing, setEditing] = createSignal<Plan | "new" | null>(null);
  const [removing, setRemoving] = createSignal<Plan | null>(null);

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.plans")}</h1>
        <button type="button" class="primary" onClick={() => setEditing("new")}>
          {t("plans.create")}
        </button>
      </div>
      <Loaded resource={data} retry={() => reloadQueries(plansQuery)} skeleton={<Skeleton lines={4} />}>
        {(d) => (
          <Table
            headers={[
              t("plans.sortOrder"),
              t("plans.name"),
              t("plans.visibility"),
              t("plans.prices"),
              t("plans.data"),
              t("plans.duration"),
              t("user.resetStrategy"),
              t("plans.deviceLimit"),
              t("nav.groups"),
              "",
            ]}
            rows={d.plans}
            empty={t("plans.empty")}
          >
            {(plan) => (
              <tr data-plan-id={plan.id}>
                <td>{plan.sortOrder}</td>
                <td>
                  {plan.name}
                  <Show when={plan.description}>
                    <div class="muted">{plan.description}</div>
                  </Show>
                </td>
                <td>
                  <span class={`badge ${plan.visible ? "ACTIVE" : "DISABLED"}`}>
                    {plan.visible ? t("plans.shown") : t("plans.hidden")}
                  </span>
                </td>
                <td>
                  <For each={plan.prices}>
                    {(price) => (
                      <div class="ltr">
                        {price.amount} {price.currency}
                      </div>
                    )}
                  </For>
                </td>
                <td>{plan.dataLimit ? formatBytes(plan.dataLimit, locale()) : t("user.unlimited")}</td>
                <td>{plan.durationDays ? t("plans.days", { count: plan.durationDays }) : t("plans.noExpiry")}</td>
                <td>{t(`reset.${plan.resetStrategy}`)}</td>
                <td>{deviceLimitText(plan.deviceLimit)}</td>
                <td>{plan.groups.map((g) => g.name).join(", ") || t("plans.keepsUsers")}</td>
                <RowActions onEdit={() => setEditing(plan)} onDelete={() => setRemoving(plan)} />
              </tr>
            )}
          </Table>
        )}
      </Loaded>
      <EditorModal
        editing={editing()}
        onClose={() => setEditing(null)}
        title={(target) => (target === "new" ? t("plans.create") : t("plans.edit"))}
      >
        {(target) => (
          <PlanForm
            initial={target === "new" ? emptyPlanForm() : planToForm(target)}
            groups={settled(data)?.groups ?? []}
            submitLabel={target === "new" ? t("action.create") : t("action.save")}
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
        message={(plan) => t("plans.deleteWarning", { name: plan.name })}
        onDelete={(plan) => remove(plan.id).catch((error) => notify(errorText(error), "error"))}
      />
    </>
  );
}
