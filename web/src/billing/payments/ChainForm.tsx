/**
 * A chain's settings with a connectivity test. The test answers for the RPC URL and chain id it
 * was run with; editing either makes it stale. After a failed test, saving needs an explicit tick.
 */
import { createSignal, Show } from "solid-js";
import { ErrorBox } from "../../components/Async";
import type { CreateChainInput, UpdateChainInput } from "../../graphql/generated/graphql";
import { t } from "../../i18n";
import { createAction } from "../../lib/action";
import { ChainTestResult } from "./ChainTestResult";
import { type Chain, type ChainTest, testChain } from "./data";
import { FormFooter } from "../../components/Form";

export function ChainForm(props: {
  chain?: Chain;
  onSubmit: (input: CreateChainInput & UpdateChainInput) => Promise<unknown>;
}) {
  const saving = createAction();
  const testing = createAction();
  const [rpcUrl, setRpcUrl] = createSignal(props.chain?.rpcUrl ?? "");
  const [chainId, setChainId] = createSignal(props.chain ? String(props.chain.chainId) : "");
  const [tested, setTested] = createSignal<{ result: ChainTest; rpcUrl: string; chainId: number } | null>(null);
  const [anyway, setAnyway] = createSignal(false);
  /** The last test, while the URL and chain id are still the ones it ran with. */
  const current = () => {
    const last = tested();
    return last && last.rpcUrl === rpcUrl().trim() && last.chainId === Number(chainId()) ? last : null;
  };
  const failed = () => current()?.result.ok === false;

  const runTest = () => {
    setAnyway(false);
    void testing.run(async () => {
      const input = { rpcUrl: rpcUrl().trim(), chainId: Number(chainId()) };
      setTested(null);
      setTested({ result: await testChain(input), ...input });
    });
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (failed() && !anyway()) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void saving.run(() =>
      props.onSubmit({
        name: String(form.get("name") ?? "").trim(),
        chainId: Number(chainId()),
        rpcUrl: rpcUrl().trim(),
        confirmations: Number(form.get("confirmations")),
        logBlockRange: Number(form.get("logBlockRange")),
        explorerUrl: String(form.get("explorerUrl") ?? "").trim(),
        enabled: form.get("enabled") === "on",
      }),
    );
  };

  return (
    <form class="form" onSubmit={submit} data-testid="chain-form">
      <label>
        {t("payments.chain.name")}
        <input name="name" required maxlength="64" value={props.chain?.name ?? ""} />
      </label>
      <label>
        {t("payments.chain.chainId")}
        <input
          name="chainId"
          type="number"
          min="1"
          required
          class="ltr"
          disabled={!!props.chain}
          value={chainId()}
          onInput={(e) => setChainId(e.currentTarget.value)}
        />
        <Show when={props.chain}>
          <span class="muted">{t("payments.chain.chainIdFixed")}</span>
        </Show>
      </label>
      <label>
        {t("payments.chain.rpcUrl")}
        <input
          name="rpcUrl"
          type="url"
          required
          maxlength="512"
          class="ltr"
          placeholder="https://mainnet.example/v2/…"
          value={rpcUrl()}
          onInput={(e) => setRpcUrl(e.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="button" disabled={testing.busy() || !rpcUrl().trim() || !chainId()} onClick={runTest}>
          {testing.busy() ? t("payments.testing") : t("payments.test")}
        </button>
      </div>
      <Show when={testing.error()}>
        <ErrorBox error={testing.error()} />
      </Show>
      <Show when={current()}>{(last) => <ChainTestResult result={last().result} chainId={last().chainId} />}</Show>
      <label>
        {t("payments.chain.confirmations")}
        <input name="confirmations" type="number" min="1" max="1000" required value={props.chain?.confirmations ?? 3} />
        <span class="muted">{t("payments.chain.confirmationsHelp")}</span>
      </label>
      <label>
        {t("payments.chain.logBlockRange")}
        <input
          name="logBlockRange"
          type="number"
          min="1"
          max="1000000"
          required
          value={props.chain?.logBlockRange ?? 2000}
        />
        <span class="muted">{t("payments.chain.logBlockRangeHelp")}</span>
      </label>
      <label>
        {t("payments.chain.explorerUrl")}
        <input
          name="explorerUrl"
          type="url"
          maxlength="512"
          class="ltr"
          placeholder="https://etherscan.io"
          value={props.chain?.explorerUrl ?? ""}
        />
        <span class="muted">{t("payments.chain.explorerUrlHelp")}</span>
      </label>
      <label class="inline">
        <input name="enabled" type="checkbox" checked={props.chain?.enabled ?? true} />
        {t("payments.enabled")}
      </label>
      <Show when={failed()}>
        <label class="inline warn">
          <input type="checkbox" checked={anyway()} onChange={(e) => setAnyway(e.currentTarget.checked)} />
          {t("payments.saveAnyway")}
        </label>
      </Show>
      <FormFooter
        error={saving.error()}
        busy={saving.busy()}
        disabled={failed() && !anyway()}
        label={t("action.save")}
      />
    </form>
  );
}
