/**
 * What a connectivity test found: whether the chain id matches, the latest block, and each problem in words.
 * Chain ids are passed as strings: t() would group a number's digits ("31,337").
 */
import { For, Show } from "solid-js";
import { t } from "../../i18n";
import type { ChainTest } from "./data";

export function ChainTestResult(props: { result: ChainTest; chainId: number }) {
  return (
    <div role="status" class="stack" data-testid="chain-test">
      <Show when={props.result.reportedChainId} fallback={<span class="error">{t("payments.test.noChainId")}</span>}>
        {(reported) => (
          <Show
            when={reported() === props.chainId}
            fallback={
              <span class="error">
                {t("payments.test.chainDiffers", { reported: String(reported()), id: String(props.chainId) })}
              </span>
            }
          >
            <span>{t("payments.test.chainMatches", { id: String(props.chainId) })}</span>
          </Show>
        )}
      </Show>
      <Show when={props.result.latestBlock !== null && props.result.latestBlock !== undefined}>
        <span>{t("payments.test.latestBlock", { block: props.result.latestBlock! })}</span>
      </Show>
      <Show when={props.result.ok} fallback={<span class="error">{t("payments.test.failed")}</span>}>
        <span>{t("payments.test.works")}</span>
      </Show>
      <Show when={props.result.problems.length}>
        <ul class="error">
          <For each={props.result.problems}>{(problem) => <li class="ltr">{problem}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
