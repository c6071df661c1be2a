/** Users, usage or invoices for a date range as CSV or JSON, with a bar that follows the records as they arrive; Cancel stops it. */
import { createSignal, For, onCleanup, Show } from "solid-js";
import { ErrorBox } from "../components/Async";
import { notify } from "../components/toast";
import { locale, t } from "../i18n";
import { formatNumber } from "../lib/format";
import { downloadExport, EXPORT_FILES, type ExportFile } from "./export";
import { exportPercent, type ExportFormat } from "./export-progress";

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function ExportCard() {
  const [running, setRunning] = createSignal<AbortController | null>(null);
  const [progress, setProgress] = createSignal<{ records: number; total: number | null; finished: boolean } | null>(
    null,
  );
  const [error, setError] = createSignal<unknown>(null);
  onCleanup(() => running()?.abort());

  const start = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const controller = new AbortController();
    setRunning(controller);
    setError(null);
    setProgress({ records: 0, total: null, finished: false });
    try {
      const records = await downloadExport(
        {
          file: String(form.get("file")) as ExportFile,
          format: String(form.get("format")) as ExportFormat,
          from: String(form.get("from")),
          to: String(form.get("to")),
        },
        controller.signal,
        (done, total) => setProgress({ records: done, total, finished: false }),
      );
      setProgress((p) => ({ records, total: p?.total ?? records, finished: true }));
      notify(t("export.done", { count: records }));
    } catch (failure) {
      if (controller.signal.aborted) setProgress(null);
      else setError(failure);
    } finally {
      setRunning(null);
    }
  };

  return (
    <form class="card form" onSubmit={(e) => void start(e)} aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">{t("export.title")}</h2>
      <div class="row">
        <label>
          {t("export.file")}
          <select name="file">
            <For each={EXPORT_FILES}>{(file) => <option value={file}>{t(`export.file.${file}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t("export.format")}
          <select name="format">
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </label>
        <label>
          {t("export.from")}
          <input name="from" type="date" required value={isoDay(Date.now() - 30 * 86_400_000)} />
        </label>
        <label>
          {t("export.to")}
          <input name="to" type="date" required value={isoDay(Date.now())} />
        </label>
      </div>
      <Show when={progress()}>
        {(p) => (
          <label>
            <span data-testid="export-count">
              {p().total === null
                ? t("export.progressUnknown", { done: formatNumber(p().records, locale()) })
                : t("export.progress", {
                    done: formatNumber(p().records, locale()),
                    total: formatNumber(p().total!, locale()),
                  })}
            </span>
            <progress
              max={100}
              value={exportPercent(p().records, p().total, p().finished)}
              data-testid="export-progress"
              data-finished={p().finished}
            />
          </label>
        )}
      </Show>
      <Show when={error()}>
        <ErrorBox error={error()} />
      </Show>
      <div class="actions">
        <Show when={running()}>
          {(controller) => (
            <button type="button" onClick={() => controller().abort()}>
              {t("action.cancel")}
            </button>
          )}
        </Show>
        <button type="submit" class="primary" disabled={running() !== null}>
          {t("export.download")}
        </button>
      </div>
    </form>
  );
}
