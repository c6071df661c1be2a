/** Loading and failure, shown where they happen: a skeleton while waiting, the error with Retry when it fails. */
import { type JSX, type Resource, Show } from "solid-js";
import { t } from "../i18n";
import { errorText } from "../i18n/errors";

export { errorText };

export function ErrorBox(props: { error: unknown; retry?: () => void }) {
  return (
    <div class="error-box" role="alert">
      <span class="error">{errorText(props.error)}</span>
      <Show when={props.retry}>
        <button type="button" onClick={() => props.retry!()}>
          {t("action.retry")}
        </button>
      </Show>
    </div>
  );
}

export function Skeleton(props: { lines?: number; block?: boolean }) {
  return (
    <div role="progressbar" aria-busy="true" aria-label={t("state.loading")} style={{ display: "grid", gap: "0.5rem" }}>
      {props.block ? (
        <div class="skeleton block" />
      ) : (
        Array.from({ length: props.lines ?? 3 }, () => <div class="skeleton" />)
      )}
    </div>
  );
}

/**
 * The resource's last value, or undefined while loading or after a failure. Checking the state
 * first matters twice: reading a failed resource throws, and reading a loading one suspends the
 * whole page, where each card should show its own skeleton instead.
 */
export function settled<T>(resource: Resource<T>): T | undefined {
  return resource.state === "ready" || resource.state === "refreshing" ? resource.latest : undefined;
}

/** Renders `children` with the resource's value; never a blank area while loading or after a failure. */
export function Loaded<T>(props: {
  resource: Resource<T>;
  retry: () => void;
  skeleton?: JSX.Element;
  children: (value: T) => JSX.Element;
}) {
  return (
    <Show when={!props.resource.error} fallback={<ErrorBox error={props.resource.error} retry={props.retry} />}>
      <Show when={settled(props.resource) !== undefined} fallback={props.skeleton ?? <Skeleton />}>
        {props.children(settled(props.resource) as T)}
      </Show>
    </Show>
  );
}
