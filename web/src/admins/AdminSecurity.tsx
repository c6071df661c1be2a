/**
 * The owner's view of another admin's access: the networks it may work from, and the identities
 * at the OpenID provider that sign in as it.
 */
import { useAction } from "@solidjs/router";
import { For, Show } from "solid-js";
import { parseCidrList } from "../account/actions";
import { createAction } from "../lib/action";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { notify } from "../components/toast";
import { identitiesQuery, linkIdentity, setAdminNetworks, unlinkIdentity } from "./data";
import { createQuery, reloadQueries } from "../lib/query";
import type { AdminsQuery, OidcIdentityKind } from "../graphql/generated/graphql";
import { t } from "../i18n";

export function AdminSecurity(props: {
  admin: Pick<AdminsQuery["admins"][number], "id" | "username" | "ipAllowlist">;
}) {
  const identities = createQuery(() => identitiesQuery());
  const setNetworks = useAction(setAdminNetworks);
  const linkOne = useAction(linkIdentity);
  const unlinkOne = useAction(unlinkIdentity);
  const action = createAction();

  const saveNetworks = (event: SubmitEvent) => {
    event.preventDefault();
    const cidrs = parseCidrList(String(new FormData(event.currentTarget as HTMLFormElement).get("cidrs")));
    void action.run(async () => {
      await setNetworks(props.admin.id, cidrs);
      notify(t("state.saved"));
    });
  };
  const link = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void action.run(async () => {
      await linkOne({
        adminId: props.admin.id,
        kind: String(data.get("kind")) as OidcIdentityKind,
        value: String(data.get("value")).trim(),
      });
      form.reset();
    });
  };
  const unlink = (id: string) => void action.run(() => unlinkOne(id));

  return (
    <div class="stack">
      <form class="form" onSubmit={saveNetworks}>
        <label>
          {t("allowlist.title")}
          <textarea
            name="cidrs"
            rows="3"
            class="ltr"
            placeholder={"203.0.113.0/24\n2001:db8::/32"}
            value={props.admin.ipAllowlist.join("\n")}
          />
          <span class="muted">{t("allowlist.adminHelp")}</span>
        </label>
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy()}>
            {t("action.save")}
          </button>
        </div>
      </form>
      <section class="form" aria-labelledby="identities-title">
        <h3 id="identities-title">{t("oidc.identities")}</h3>
        <Loaded resource={identities} retry={() => reloadQueries(identitiesQuery)} skeleton={<Skeleton lines={2} />}>
          {(all) => (
            <Show when={all.some((i) => i.adminId === props.admin.id)} fallback={<p class="muted">{t("oidc.none")}</p>}>
              <ul>
                <For each={all.filter((i) => i.adminId === props.admin.id)}>
                  {(identity) => (
                    <li data-identity={identity.value}>
                      {t(`oidc.${identity.kind}`)}: <span class="ltr">{identity.value}</span>{" "}
                      <button type="button" class="danger" onClick={() => unlink(identity.id)} disabled={action.busy()}>
                        {t("oidc.unlink")}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Loaded>
        <form class="row" onSubmit={link}>
          <label>
            {t("oidc.kind")}
            <select name="kind">
              <option value="EMAIL">{t("oidc.EMAIL")}</option>
              <option value="SUBJECT">{t("oidc.SUBJECT")}</option>
            </select>
          </label>
          <label>
            {t("oidc.value")}
            <input name="value" required class="ltr" />
          </label>
          <div class="actions">
            <button type="submit" disabled={action.busy()}>
              {t("oidc.link")}
            </button>
          </div>
        </form>
      </section>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
    </div>
  );
}
