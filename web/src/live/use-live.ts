/** A live subscription bound to the component's lifetime, with its connection state for the "live" dot. */
import { createEffect, createSignal, on, onCleanup } from "solid-js";
import { currentToken, refreshSession } from "../api/client";
import { operationBody, type Document } from "../api/operation";
import { subscribe, type LiveState } from "./sse";

/**
 * `variables` is read reactively: when it changes (another user's page in the same component),
 * the old stream is closed and a new one opened, so events never belong to the previous subject.
 */
export function useLive<Result, Variables>(
  document: Document<Result, Variables>,
  variables: () => Variables,
  onData: (data: Result) => void,
  onResync: () => void,
) {
  const [state, setState] = createSignal<LiveState>("connecting");
  createEffect(
    on(variables, (current) => {
      const stop = subscribe<Result>({
        body: operationBody(document, current),
        token: async (refresh) => {
          if (refresh) await refreshSession();
          return currentToken();
        },
        onData,
        onResync,
        onState: setState,
      });
      onCleanup(stop);
    }),
  );
  return state;
}
