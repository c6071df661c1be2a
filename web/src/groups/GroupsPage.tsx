/** Groups: sets of inbounds users are given. */
import { useAction, useSubmission } from "@solidjs/router";
import { createSignal } from "solid-js";
import { request } from "../api/client";
import { errorText, Loaded, Skeleton, settled } from "../components/Async";
import { ConfirmDelete, EditorModal } from "../components/Modal";
import { notify } from "../components/toast";
import { CreateGroup, DeleteGroup, Groups as GroupsDocument, UpdateGroup } from "../graphql/groups";
import { locale, t } from "../i18n";
import { formatNumber } from "../lib/format";
import type { CreateGroupInput, GroupsQuery } from "../graphql/generated/graphql";
import { createQuery, mutation, reloadQueries, saveMutation, signedInQuery } from "../lib/query";
import { RowActions, Table } from "../components/Table";
import { FormFooter } from "../components/Form";
import { InboundChecklist } from "../components/InboundChecklist";

type Group = GroupsQuery["groups"][number];

const groupsQuery = signedInQuery(() => request(GroupsDocument), "groups");
const saveGroup = saveMutation("saveGroup", groupsQuery, {
  create: (input: CreateGroupInput) => request(CreateGroup, { input }),
  update: (group: Group, input) => request(UpdateGroup, { id: group.id, input }),
});
const deleteGroup = mutation((id: string) => request(DeleteGroup, { id }), "deleteGroup", [groupsQuery]);

export default function Groups() {
  const data = createQuery(() => groupsQuery());
  const save = useAction(saveGroup);
  const saving = useSubmission(saveGroup);
  const remove = useAction(deleteGroup);
  const [editing, setEditing] = createSignal<Group | "new" | null>(null);
  const [removing, setRemoving] = createSignal<Group | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const input: CreateGroupInput = {
      name: String(form.get("name")).trim(),
      note: String(form.get("note")),
      inboundIds: form.getAll("inboundIds").map(String),
    };
    const target = editing();
    if (!target) return;
    setFailure(null);
    try {
      await save(target, input);
      setEditing(null);
      notify(t("state.saved"));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.groups")}</h1>
        <button type="button" class="primary" onClick={() => setEditing("new")}>
          {t("groups.create")}
        </button>
      </div>
      <Loaded resource={data} retry={() => reloadQueries(groupsQuery)} skeleton={<Skeleton lines={4} />}>
        {(d) => (
          <Table
            headers={[t("groups.name"), t("nav.inbounds"), t("nav.users"), t("user.note"), ""]}
            rows={d.groups}
            empty={t("state.noGroups")}
          >
            {(group) => (
              <tr data-group={group.name}>
                <td>{group.name}</td>
                <td class="ltr">{group.inbounds.map((i) => i.tag).join(", ") || "—"}</td>
                <td>{formatNumber(group.userCount, locale())}</td>
                <td class="muted">{group.note}</td>
                <RowActions onEdit={() => setEditing(group)} onDelete={() => setRemoving(group)} />
              </tr>
            )}
          </Table>
        )}
      </Loaded>
      <EditorModal
        editing={editing()}
        onClose={() => setEditing(null)}
        title={(target) => (target === "new" ? t("groups.create") : t("action.edit"))}
      >
        {(target) => {
          const group = target === "new" ? undefined : target;
          return (
            <form class="form" onSubmit={submit}>
              <label>
                {t("groups.name")}
                <input name="name" required maxlength="64" value={group?.name ?? ""} />
              </label>
              <InboundChecklist
                inbounds={settled(data)?.inbounds ?? []}
                checked={(id) => (group ? group.inbounds.some((i) => i.id === id) : true)}
              />
              <label>
                {t("user.note")}
                <textarea name="note" rows="2">
                  {group?.note ?? ""}
                </textarea>
              </label>
              <FormFooter error={failure()} busy={saving.pending} label={t("action.save")} />
            </form>
          );
        }}
      </EditorModal>
      <ConfirmDelete
        item={removing()}
        onClose={() => setRemoving(null)}
        message={(group) => t("groups.deleteWarning", { name: group.name })}
        onDelete={(group) => remove(group.id).catch((error) => notify(errorText(error), "error"))}
      />
    </>
  );
}
