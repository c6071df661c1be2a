/**
 * A token on one chain. "Read from contract" asks the chain's RPC for the ERC-20's decimals and
 * symbol and fills them in: a wrong decimals would make every deposit amount wrong by powers of ten.
 */
import { createSignal, Show } from "solid-js";
import { ErrorBox } from "../../components/Async";
import type { CreateChainTokenInput } from "../../graphql/generated/graphql";
import { t } from "../../i18n";
import { createAction } from "../../lib/action";
import { type Chain, type ChainTest, testChain, type Token } from "./data";
import { FormFooter } from "../../components/Form";

export function TokenForm(props: {
  chain: Chain;
  token?: Token;
  onSubmit: (input: CreateChainTokenInput) => Promise<unknown>;
}) {
  const saving = createAction();
  const reading = createAction();
  const [address, setAddress] = createSignal(props.token?.address ?? "");
  const [symbol, setSymbol] = createSignal(props.token?.symbol ?? "");
  const [decimals, setDecimals] = createSignal(props.token ? String(props.token.decimals) : "");
  const [read, setRead] = createSignal<ChainTest | null>(null);

  const readContract = () =>
    void reading.run(async () => {
      setRead(null);
      const result = await testChain({
        rpcUrl: props.chain.rpcUrl,
        chainId: props.chain.chainId,
        tokenAddress: address().trim(),
      });
      if (result.tokenDecimals !== null && result.tokenDecimals !== undefined)
        setDecimals(String(result.tokenDecimals));
      if (result.tokenSymbol) setSymbol(result.tokenSymbol);
      setRead(result);
    });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void saving.run(() =>
      props.onSubmit({
        chainId: props.chain.id,
        address: address().trim() || null,
        symbol: symbol().trim(),
        decimals: Number(decimals()),
        currency: String(form.get("currency") ?? "").trim(),
        enabled: form.get("enabled") === "on",
      }),
    );
  };

  return (
    <form class="form" onSubmit={submit} data-testid="token-form">
      <label>
        {t("payments.token.address")}
        <input
          name="address"
          class="ltr"
          pattern="0x[0-9a-fA-F]{40}"
          placeholder="0x…"
          disabled={!!props.token}
          value={address()}
          onInput={(e) => {
            setAddress(e.currentTarget.value);
            setRead(null);
          }}
        />
        <span class="muted">{props.token ? t("payments.token.addressFixed") : t("payments.token.addressHelp")}</span>
      </label>
      <div class="actions">
        <button type="button" disabled={reading.busy() || !address().trim()} onClick={readContract}>
          {reading.busy() ? t("payments.reading") : t("payments.readFromContract")}
        </button>
      </div>
      <Show when={reading.error()}>
        <ErrorBox error={reading.error()} />
      </Show>
      <Show when={read()}>
        {(result) => (
          <div role="status" data-testid="token-read">
            <Show
              when={result().ok}
              fallback={
                <ul class="error">
                  {result().problems.map((problem) => (
                    <li class="ltr">{problem}</li>
                  ))}
                </ul>
              }
            >
              {t("payments.read.done", { symbol: result().tokenSymbol ?? "", decimals: result().tokenDecimals ?? 0 })}
            </Show>
          </div>
        )}
      </Show>
      <label>
        {t("payments.token.symbol")}
        <input
          name="symbol"
          required
          maxlength="16"
          class="ltr"
          value={symbol()}
          onInput={(e) => setSymbol(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("payments.token.decimals")}
        <input
          name="decimals"
          type="number"
          min="0"
          max="36"
          required
          value={decimals()}
          onInput={(e) => setDecimals(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("payments.token.currency")}
        <input
          name="currency"
          required
          maxlength="8"
          class="ltr"
          placeholder="USD"
          value={props.token?.currency ?? ""}
        />
        <span class="muted">{t("payments.token.currencyHelp")}</span>
      </label>
      <label class="inline">
        <input name="enabled" type="checkbox" checked={props.token?.enabled ?? true} />
        {t("payments.enabled")}
      </label>
      <FormFooter error={saving.error()} busy={saving.busy()} label={t("action.save")} />
    </form>
  );
}
