/** A live subscription bound to the component's lifetime, with its connection state for the "live" dot. */
import { createSignal, onCleanup } from "solid-js";
import { currentToken, refreshSession } from "../api/client";
import { operationBody } from "../api/operation";
import { subscribe, type LiveState } from "./sse";

export function useLive<T>(document: string, variables: Record<string, unknown>, onData: (data: T) => void, onResync: () => void) {
  const [state, setState] = createSignal<LiveState>("connecting");
  const stop = subscribe<T>({
    body: operationBody(document, variables),
    token: async (refresh) => {
      if (refresh) await refreshSession();
      return currentToken();
    },
    onData,
    onResync,
    onState: setState,
  });
  onCleanup(stop);
  return state;
}
