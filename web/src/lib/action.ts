import { createSignal } from "solid-js";

/**
 * One form's request state: `run` clears the last error, marks the form busy, and keeps the
 * failure to show in place (the caller renders it beside the form, with the form as the retry).
 */
export function createAction() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
