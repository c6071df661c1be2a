/**
 * Payments (owner/admin): where deposit addresses come from, the Stripe card, and the chains and
 * tokens invoices can be paid with, each added or edited after a connectivity test.
 */
import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ErrorBox, Loaded, Skeleton } from "../../components/Async";
import { EditorModal } from "../../components/Modal";
import { RowActions, Table } from "../../components/Table";
import { notify } from "../../components/toast";
import { locale, t } from "../../i18n";
import "../../i18n/billing/payments";
import { formatNumber } from "../../lib/format";
import { createQuery, reloadQueries } from "../../lib/query";
import { ChainForm } from "./ChainForm";
import { type Chain, chainsQuery, depositSourceQuery, saveChain, saveToken, type Token } from "./data";
import { StripeCard } from "./StripeCard";
import { TokenForm } from "./TokenForm";

export default function PaymentsPage() {
  const data = createQuery(() => chainsQuery());
  const saveChainAction = useAction(saveChain);
  const saveTokenAction = useAction(saveToken);
  const [editingChain, setEditingChain] = createSignal<Chain | "new" | null>(null);
  const [editingToken, setEditingToken] = createSignal<{ chain: Chain; token: Token | "new" } | null>(null);

  return (
    <>
      <h1>{t("nav.payments")}</h1>
      <div class="cards">
        <DepositSourceLine />
        <StripeCard />
      </div>
      <section aria-labelledby="chains-heading">
        <div class="toolbar">
          <h2 class="grow" id="chains-heading">
            {t("payments.chains")}
          </h2>
          <button type="button" class="primary" onClick={() => setEditingChain("new")}>
            {t("payments.addChain")}
          </button>
        </div>
        <Loaded resource={data} retry={() => reloadQueries(chainsQuery)} skeleton={<Skeleton lines={3} />}>
          {(d) => (
            <>
              <Table
                headers={[
                  t("payments.chain.name"),
                  t("payments.chain.chainId"),
                  t("payments.chain.confirmations"),
                  t("payments.chain.logBlockRange"),
                  t("payments.chain.explorer"),
                  t("payments.enabled"),
                  "",
                ]}
                rows={d.chains}
                empty={t("payments.noChains")}
              >
                {(chain) => (
                  <tr data-chain={chain.name}>
                    <td>{chain.name}</td>
                    <td class="ltr">{chain.chainId}</td>
                    <td>{formatNumber(chain.confirmations, locale())}</td>
                    <td>{formatNumber(chain.logBlockRange, locale())}</td>
                    <td class="ltr">
                      <Show when={chain.explorerUrl} fallback="—">
                        {(url) => (
                          <a href={url()} target="_blank" rel="noopener noreferrer">
                            {url().replace(/^https?:\/\//, "")}
                          </a>
                        )}
                      </Show>
                    </td>
                    <td>
                      <EnabledBadge enabled={chain.enabled} />
                    </td>
                    <RowActions onEdit={() => setEditingChain(chain)} />
                  </tr>
                )}
              </Table>
              <For each={d.chains}>
                {(chain) => (
                  <ChainTokens
                    chain={chain}
                    tokens={d.chainTokens.filter((token) => token.chain.id === chain.id)}
                    onEdit={(token) => setEditingToken({ chain, token })}
                  />
                )}
              </For>
            </>
          )}
        </Loaded>
      </section>
      <EditorModal
        editing={editingChain()}
        onClose={() => setEditingChain(null)}
        title={(target) => (target === "new" ? t("payments.addChain") : t("payments.editChain", { name: target.name }))}
      >
        {(target) => (
          <ChainForm
            chain={target === "new" ? undefined : target}
            onSubmit={async (input) => {
              await saveChainAction(target, input);
              setEditingChain(null);
              notify(t("state.saved"));
            }}
          />
        )}
      </EditorModal>
      <EditorModal
        editing={editingToken()}
        onClose={() => setEditingToken(null)}
        title={(target) =>
          target.token === "new"
            ? t("payments.addTokenOn", { chain: target.chain.name })
            : t("payments.editToken", { symbol: target.token.symbol })
        }
      >
        {(target) => (
          <TokenForm
            chain={target.chain}
            token={target.token === "new" ? undefined : target.token}
            onSubmit={async (input) => {
              await saveTokenAction(target.token, input);
              setEditingToken(null);
              notify(t("state.saved"));
            }}
          />
        )}
      </EditorModal>
    </>
  );
}

function EnabledBadge(props: { enabled: boolean }) {
  return (
    <span class={`badge ${props.enabled ? "ACTIVE" : "DISABLED"}`}>
      {props.enabled ? t("payments.on") : t("payments.off")}
    </span>
  );
}

function ChainTokens(props: { chain: Chain; tokens: Token[]; onEdit: (token: Token | "new") => void }) {
  const heading = () => `tokens-${props.chain.id}`;
  return (
    <section aria-labelledby={heading()} data-tokens-of={props.chain.name}>
      <div class="toolbar">
        <h3 class="grow" id={heading()}>
          {t("payments.tokens", { chain: props.chain.name })}
        </h3>
        <button
          type="button"
          aria-label={t("payments.addTokenOn", { chain: props.chain.name })}
          onClick={() => props.onEdit("new")}
        >
          {t("payments.addToken")}
        </button>
      </div>
      <Table
        headers={[
          t("payments.token.symbol"),
          t("payments.token.address"),
          t("payments.token.decimals"),
          t("payments.token.currency"),
          t("payments.enabled"),
          "",
        ]}
        rows={props.tokens}
        empty={t("payments.noTokens")}
      >
        {(token) => (
          <tr data-token={token.symbol}>
            <td class="ltr">{token.symbol}</td>
            <td class="ltr">
              <Show when={token.address} fallback={<span class="muted">{t("payments.token.native")}</span>}>
                {(address) => <code>{address()}</code>}
              </Show>
            </td>
            <td>{formatNumber(token.decimals, locale())}</td>
            <td class="ltr">{token.currency}</td>
            <td>
              <EnabledBadge enabled={token.enabled} />
            </td>
            <RowActions onEdit={() => props.onEdit(token)} />
          </tr>
        )}
      </Table>
    </section>
  );
}

/** Whether ONCHAIN_XPUB is set (never its value); its own read, so a failure stays on this line. */
function DepositSourceLine() {
  const configured = createQuery(() => depositSourceQuery());
  return (
    <div data-testid="deposit-source" class="card">
      <strong>{t("payments.depositSource")}: </strong>
      <Show
        when={configured.state !== "errored"}
        fallback={<ErrorBox error={configured.error} retry={() => reloadQueries(depositSourceQuery)} />}
      >
        <Show when={configured.state === "ready" || configured.state === "refreshing"} fallback="…">
          <Show when={configured.latest} fallback={<span class="warn">{t("payments.depositSource.off")}</span>}>
            <span>{t("payments.depositSource.on")}</span>
          </Show>
        </Show>
      </Show>
    </div>
  );
}
