/**
 * Moving in from another panel (owner only): choose the source, give its database file or its
 * API, read the dry run's report, confirm, watch the import's progress, copy each new node's
 * enrollment line. The file is read here in the browser (sql.js, loaded with the first file);
 * only the import's own calls reach the panel, through the same driver as the CLI.
 */
import { revalidate } from "@solidjs/router";
import { createSignal, For, type JSX, Match, Show, Switch } from "solid-js";
import { type ImportProgress, runImport } from "../../../importers/src/driver";
import { PEERS, type PeerApiKind, type PeerKind, peerOfSource } from "../../../importers/src/peers";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { CopyButton } from "../components/Copy";
import { Confirm } from "../components/Modal";
import { Table } from "../components/Table";
import type { ImportReportFieldsFragment } from "../graphql/generated/graphql";
import { locale, t } from "../i18n";
import { createAction } from "../lib/action";
import { formatDate } from "../lib/format";
import { createQuery, reloadQueries } from "../lib/query";
import { importApi, importRunsQuery } from "./data";
import type { ReadPeer } from "./read-source";

type Report = ImportReportFieldsFragment;
type Step =
  | { name: "source" }
  | { name: "planning" }
  | { name: "planned"; report: Report }
  | { name: "importing" }
  | { name: "done"; report: Report };

const PEER_KINDS = Object.keys(PEERS) as PeerKind[];

export default function ImportPage() {
  const [kind, setKind] = createSignal<PeerKind>("3x-ui");
  const [viaApi, setViaApi] = createSignal(false);
  const [database, setDatabase] = createSignal<File | null>(null);
  const [xrayConfig, setXrayConfig] = createSignal<File | null>(null);
  const [nodeAddress, setNodeAddress] = createSignal("");
  const [apiUrl, setApiUrl] = createSignal("");
  const [apiToken, setApiToken] = createSignal("");
  const [jwtSecret, setJwtSecret] = createSignal("");
  const [instance, setInstance] = createSignal("");
  /** Set once the operator types a name: a later read no longer overwrites it. */
  const [instanceTyped, setInstanceTyped] = createSignal(false);
  const [peer, setPeer] = createSignal<ReadPeer | null>(null);
  const [step, setStep] = createSignal<Step>({ name: "source" });
  const [progress, setProgress] = createSignal<ImportProgress | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const reading = createAction();
  const running = createAction();
  const runs = createQuery(() => importRunsQuery());

  /** The report of the step named, while the page is at it. */
  const reportAt = (name: "planned" | "done"): Report | undefined => {
    const current = step();
    return current.name === name ? current.report : undefined;
  };
  const usesApi = () => !PEERS[kind()].readsFile || (PEERS[kind()].readsApi && viaApi());
  const locked = () => step().name !== "source";

  const prefill = (read: ReadPeer) => {
    setPeer(read);
    if (!instanceTyped()) setInstance(read.instance);
  };
  const typedInstance = () => (instanceTyped() ? instance().trim() : undefined);
  /** Reads the chosen file at once, so the page can show what it holds and prefill the instance name. */
  const readFile = () => {
    const file = database();
    setPeer(null);
    reading.setError(null);
    if (!file || usesApi()) return;
    void reading.run(async () => {
      const { readDatabaseFile } = await import("./read-source");
      const options = { instance: typedInstance(), xrayConfig: xrayConfig() ?? undefined, nodeAddress: nodeAddress() };
      prefill(await readDatabaseFile(kind(), file, options));
    });
  };
  const chooseKind = (next: PeerKind) => {
    setKind(next);
    setViaApi(!PEERS[next].readsFile);
    readFile();
  };
  const chooseDatabase = (file: File | null) => {
    setDatabase(file);
    readFile();
  };

  /** Reads the source again under the instance name as the form says now: readers name the peer's node after it. */
  const dryRun = async (event: SubmitEvent) => {
    event.preventDefault();
    const file = database();
    if (!usesApi() && !file) {
      reading.setError(new Error(t("import.needFile")));
      return;
    }
    const name = instance().trim() || undefined;
    const ok = await reading.run(async () => {
      const source = await import("./read-source");
      const read = usesApi()
        ? await source.readPeerApi(kind() as PeerApiKind, apiUrl().trim(), {
            token: apiToken(),
            instance: name,
            subscriptionSecret: jwtSecret().trim(),
          })
        : await source.readDatabaseFile(kind(), file!, {
            instance: name,
            xrayConfig: xrayConfig() ?? undefined,
            nodeAddress: nodeAddress(),
          });
      prefill(read);
    });
    const read = peer();
    if (!ok || !read) return;
    setStep({ name: "planning" });
    const planned = await running.run(async () => {
      const report = await runImport(importApi, read.peerExport, { dryRun: true, onProgress: setProgress });
      setStep({ name: "planned", report });
    });
    if (!planned) setStep({ name: "source" });
  };

  const importNow = async () => {
    const read = peer();
    if (!read) return;
    setStep({ name: "importing" });
    const ok = await running.run(async () => {
      const report = await runImport(importApi, read.peerExport, { dryRun: false, onProgress: setProgress });
      setStep({ name: "done", report });
    });
    void revalidate(importRunsQuery.key);
    if (!ok) setStep({ name: "source" });
  };

  const startOver = () => {
    setStep({ name: "source" });
    setProgress(null);
    running.setError(null);
  };

  return (
    <>
      <h1>{t("import.title")}</h1>
      <p class="muted">{t("import.intro")}</p>
      <form class="card form" onSubmit={dryRun} aria-labelledby="import-source" style={{ "margin-block-end": "1rem" }}>
        <h2 id="import-source">{t("import.source")}</h2>
        <fieldset disabled={locked()}>
          <legend>{t("import.panel")}</legend>
          <div class="row">
            <For each={PEER_KINDS}>
              {(option) => (
                <label class="inline">
                  <input
                    type="radio"
                    name="kind"
                    value={option}
                    checked={kind() === option}
                    onChange={() => chooseKind(option)}
                  />
                  {PEERS[option].name}
                </label>
              )}
            </For>
          </div>
          <Show when={PEERS[kind()].readsFile && PEERS[kind()].readsApi}>
            <div class="row" role="radiogroup" aria-label={t("import.readFrom")}>
              <label class="inline">
                <input
                  type="radio"
                  name="via"
                  checked={!viaApi()}
                  onChange={() => {
                    setViaApi(false);
                    readFile();
                  }}
                />
                {t("import.fromFile")}
              </label>
              <label class="inline">
                <input
                  type="radio"
                  name="via"
                  checked={viaApi()}
                  onChange={() => {
                    setViaApi(true);
                    readFile();
                  }}
                />
                {t("import.fromApi")}
              </label>
            </div>
          </Show>
          <Show
            when={usesApi()}
            fallback={
              <>
                <FileDrop
                  label={t("import.database", { file: kind() === "3x-ui" ? "x-ui.db" : "db.sqlite3" })}
                  accept=".db,.sqlite,.sqlite3,application/vnd.sqlite3,application/x-sqlite3"
                  onFile={chooseDatabase}
                  testId="import-database"
                />
                <Show when={kind() === "marzban" || kind() === "pasarguard"}>
                  <label>
                    {t("import.xrayConfig")}
                    <input
                      type="file"
                      name="xrayConfig"
                      accept=".json,application/json"
                      onChange={(e) => {
                        setXrayConfig(e.currentTarget.files?.[0] ?? null);
                        readFile();
                      }}
                    />
                  </label>
                </Show>
                <Show when={kind() === "3x-ui"}>
                  <label>
                    {t("import.nodeAddress")}
                    <input
                      name="nodeAddress"
                      class="ltr"
                      value={nodeAddress()}
                      placeholder="203.0.113.7"
                      onChange={(e) => {
                        setNodeAddress(e.currentTarget.value.trim());
                        readFile();
                      }}
                    />
                  </label>
                </Show>
              </>
            }
          >
            <div class="row">
              <label>
                {t("import.url")}
                <input
                  name="url"
                  type="url"
                  class="ltr"
                  required
                  placeholder="https://old-panel.example.com"
                  value={apiUrl()}
                  onInput={(e) => {
                    setApiUrl(e.currentTarget.value);
                    if (!instanceTyped() && URL.canParse(e.currentTarget.value))
                      setInstance(new URL(e.currentTarget.value).host);
                  }}
                />
              </label>
              <label>
                {t("import.apiToken")}
                <input
                  name="apiToken"
                  type="password"
                  class="ltr"
                  required
                  autocomplete="off"
                  value={apiToken()}
                  onInput={(e) => setApiToken(e.currentTarget.value)}
                />
              </label>
            </div>
            <Show when={kind() !== "remnawave"}>
              <label>
                {t("import.jwtSecret")}
                <input
                  name="jwtSecret"
                  type="password"
                  class="ltr"
                  autocomplete="off"
                  value={jwtSecret()}
                  onInput={(e) => setJwtSecret(e.currentTarget.value)}
                />
                <span class="muted">{t("import.jwtSecretHelp")}</span>
              </label>
            </Show>
            <p class="muted">
              {t("import.apiHelp", { command: `npx vortexpanel import ${kind()} --url URL --api-token TOKEN` })}
            </p>
          </Show>
          <label>
            {t("import.instance")}
            <input
              name="instance"
              class="ltr"
              required
              value={instance()}
              onInput={(e) => {
                setInstance(e.currentTarget.value);
                setInstanceTyped(true);
              }}
            />
            <span class="muted">{t("import.instanceHelp")}</span>
          </label>
        </fieldset>
        <Show when={reading.busy()}>
          <Skeleton lines={1} />
        </Show>
        <Show when={peer()}>
          {(read) => (
            <p data-testid="import-summary">
              {t("import.summary", {
                count: read().peerExport.users.length,
                inbounds: read().peerExport.header.inbounds.length,
                nodes: read().peerExport.header.nodes.length,
              })}
            </p>
          )}
        </Show>
        <Show when={reading.error()}>
          <ErrorBox error={reading.error()} />
        </Show>
        <Show when={step().name === "source"}>
          <div class="actions">
            <button type="submit" class="primary" disabled={reading.busy()}>
              {t("import.dryRun")}
            </button>
          </div>
        </Show>
      </form>

      <Show when={running.error()}>
        <ErrorBox error={running.error()} />
      </Show>

      <Switch>
        <Match when={step().name === "planning" || step().name === "importing"}>
          <section class="card" aria-labelledby="import-progress">
            <h2 id="import-progress">{step().name === "planning" ? t("import.planning") : t("import.importing")}</h2>
            <ProgressBar progress={progress()} />
          </section>
        </Match>
        <Match when={reportAt("planned")}>
          {(report) => (
            <section class="card" aria-labelledby="import-plan">
              <h2 id="import-plan">{t("import.planned")}</h2>
              <ReportView report={report()} />
              <div class="actions">
                <button type="button" onClick={startOver}>
                  {t("action.cancel")}
                </button>
                <button type="button" class="primary" onClick={() => setConfirming(true)}>
                  {t("import.doImport")}
                </button>
              </div>
            </section>
          )}
        </Match>
        <Match when={reportAt("done")}>
          {(report) => (
            <section class="card" aria-labelledby="import-done">
              <h2 id="import-done">{t("import.done")}</h2>
              <ProgressBar progress={progress()} />
              <ReportView report={report()} />
              <Enrollments report={report()} />
              <div class="actions">
                <button type="button" onClick={startOver}>
                  {t("import.startOver")}
                </button>
              </div>
            </section>
          )}
        </Match>
      </Switch>

      <Confirm
        open={confirming()}
        onOpenChange={setConfirming}
        title={t("import.confirmTitle")}
        message={t("import.confirm", { count: peer()?.peerExport.users.length ?? 0 })}
        confirmLabel={t("import.doImport")}
        onConfirm={() => void importNow()}
      />

      <section aria-labelledby="import-runs" style={{ "margin-block-start": "1.5rem" }}>
        <h2 id="import-runs">{t("import.recent")}</h2>
        <Loaded resource={runs} retry={() => reloadQueries(importRunsQuery)} skeleton={<Skeleton lines={3} />}>
          {(list) => (
            <Table
              headers={[t("import.panel"), t("import.instance"), t("import.users"), t("import.started"), ""]}
              rows={list}
              empty={t("import.noRuns")}
            >
              {(run) => (
                <tr>
                  <td>{PEERS[peerOfSource(run.source)].name}</td>
                  <td class="ltr">{run.instance}</td>
                  <td>
                    {run.processedUsers} / {run.totalUsers}
                  </td>
                  <td>{formatDate(run.startedAt, locale())}</td>
                  <td>
                    {run.dryRun ? t("import.dryRunTag") : ""} {t(`import.status.${run.status}`)}
                  </td>
                </tr>
              )}
            </Table>
          )}
        </Loaded>
      </section>
    </>
  );
}

/** A file input that also takes a file dropped on it. */
function FileDrop(props: { label: string; accept: string; onFile: (file: File | null) => void; testId: string }) {
  const [over, setOver] = createSignal(false);
  const drop: JSX.EventHandler<HTMLLabelElement, DragEvent> = (event) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer?.files[0];
    if (file) props.onFile(file);
  };
  return (
    <label
      class="drop-zone"
      classList={{ over: over() }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      {props.label}
      <span class="muted">{t("import.drop")}</span>
      <input
        type="file"
        name="database"
        accept={props.accept}
        data-testid={props.testId}
        onChange={(e) => props.onFile(e.currentTarget.files?.[0] ?? null)}
      />
    </label>
  );
}

function ProgressBar(props: { progress: ImportProgress | null }) {
  const done = () => props.progress?.processedUsers ?? 0;
  const total = () => props.progress?.totalUsers ?? 0;
  const percent = () => (total() === 0 ? (props.progress ? 100 : 0) : Math.floor((done() / total()) * 100));
  return (
    <label>
      {t("import.progress", { done: done(), total: total(), percent: percent() })}
      <progress max={100} value={percent()} data-testid="import-progress" />
    </label>
  );
}

const KIND_LABELS = {
  USER: "import.kind.USER",
  INBOUND: "import.kind.INBOUND",
  NODE: "import.kind.NODE",
  ADMIN: "import.kind.ADMIN",
  GROUP: "import.kind.GROUP",
  SETTING: "import.kind.SETTING",
} as const;

function ReportView(props: { report: Report }) {
  const conflicts = () => props.report.counts.reduce((sum, c) => sum + c.conflicts, 0);
  return (
    <div class="stack" data-testid="import-report">
      <Table
        headers={["", t("import.created"), t("import.updated"), t("import.unchanged"), t("import.conflicts")]}
        rows={props.report.counts}
      >
        {(count) => (
          <tr>
            <th scope="row">{t(KIND_LABELS[count.kind])}</th>
            <td>{count.created}</td>
            <td>{count.updated}</td>
            <td>{count.unchanged}</td>
            <td>{count.conflicts}</td>
          </tr>
        )}
      </Table>
      <Show when={conflicts() > 0}>
        <p class="warn">{t("import.conflictNote", { count: conflicts() })}</p>
      </Show>
      <IssueList title={t("import.conflictsTitle")} issues={props.report.conflicts} />
      <IssueList title={t("import.unmappedTitle")} issues={props.report.unmapped} />
      <IssueList title={t("import.adjustedTitle")} issues={props.report.adjusted} />
      <Show when={props.report.statusChanges.length > 0}>
        <details>
          <summary>
            {t("import.statusTitle")} ({props.report.statusChanges.length})
          </summary>
          <ul>
            <For each={props.report.statusChanges}>
              {(change) => (
                <li>
                  {change.username}: {t(`status.${change.from}`)} → {t(`status.${change.to}`)}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
      <Show when={props.report.truncated}>
        <p class="muted">{t("import.truncated")}</p>
      </Show>
    </div>
  );
}

function IssueList(props: { title: string; issues: Report["conflicts"] }) {
  return (
    <Show when={props.issues.length > 0}>
      <details>
        <summary>
          {props.title} ({props.issues.length})
        </summary>
        <ul>
          <For each={props.issues}>
            {(issue) => (
              <li>
                {t(KIND_LABELS[issue.kind])} <strong>{issue.name}</strong> <span class="muted">({issue.key})</span>:{" "}
                {issue.reason}
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
}

function Enrollments(props: { report: Report }) {
  return (
    <Show when={props.report.enrollments.length > 0}>
      <h3>{t("import.enrollTitle")}</h3>
      <div class="stack" data-testid="import-enrollments">
        <For each={props.report.enrollments}>
          {(enrollment) => (
            <div class="form">
              <strong>{enrollment.name}</strong>
              <code class="command">{enrollment.command}</code>
              <div class="actions">
                <CopyButton text={enrollment.command} label={t("import.copyLine")} />
              </div>
            </div>
          )}
        </For>
      </div>
    </Show>
  );
}
