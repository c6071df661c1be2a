/**
 * Backups (owner and admin): the list with what each holds, "Back up now" with its progress, and
 * the schedule; the owner also downloads a backup to keep off Cloudflare, uploads one back,
 * deletes, and restores (typing the backup's id to confirm, then watching the safety backup and
 * the restore through verification; everyone is signed out when it completes).
 */
import { useAction, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { signOut } from "../api/client";
import { ErrorBox, Loaded, Skeleton, settled } from "../components/Async";
import { ConfirmDelete, Modal } from "../components/Modal";
import { RowActions, Table } from "../components/Table";
import { notify } from "../components/toast";
import type { BackupFieldsFragment, RestoreFieldsFragment, RestoreStatus } from "../graphql/generated/graphql";
import { locale, t } from "../i18n";
// This page's English loads with it, not with the first load.
import "../i18n/safety-en";
import { createAction } from "../lib/action";
import { formatBytes, formatDateTime, formatNumber, formatRelative } from "../lib/format";
import { createJobWatch } from "../lib/poll";
import { createQuery, reloadQueries } from "../lib/query";
import { refetchMe, me } from "../session";
import { backupsQuery, loadBackup, loadRestore, removeBackup, saveSchedule, startBackup, startRestore } from "./data";
import { progressPercent, restoreSteps } from "./progress";
import { downloadBackup, uploadBackup } from "./transfer";
import { createFieldMessages, FormFooter } from "../components/Form";

type Backup = BackupFieldsFragment;
type Restore = RestoreFieldsFragment;

export default function BackupsPage() {
  const data = createQuery(() => backupsQuery());
  const reload = () => reloadQueries(backupsQuery);
  const isOwner = () => me()?.role === "OWNER";
  const backUp = useAction(startBackup);
  const remove = useAction(removeBackup);
  const [removing, setRemoving] = createSignal<Backup | null>(null);
  const [restoring, setRestoring] = createSignal<Backup | null>(null);
  const action = createAction();

  const backupWatch = createJobWatch<Backup>({
    load: loadBackup,
    running: (b) => b.status === "RUNNING",
    finished: (b) => {
      reload();
      if (b?.status === "COMPLETE") notify(t("backups.done"));
    },
  });
  const restoreWatch = createRestoreWatch(reload);

  // A job already under way when the page opens (a scheduled backup, a restore from another tab) is followed too.
  createEffect(
    on(
      () => settled(data),
      (loaded) => {
        if (!loaded) return;
        const running = loaded.backups.find((b) => b.status === "RUNNING");
        if (running && !backupWatch.job()) backupWatch.follow(running);
        const restore = loaded.restores.find((r) => r.status === "RUNNING" || r.status === "VERIFYING");
        if (restore && !restoreWatch.job()) restoreWatch.follow(restore);
      },
    ),
  );

  const backUpNow = () =>
    action.run(async () => {
      backupWatch.follow(await backUp());
    });
  const download = (backup: Backup) =>
    action.run(() => downloadBackup({ ...backup, downloadPath: backup.downloadPath! }));
  const [uploading, setUploading] = createSignal(false);
  const upload = (file: File | null, input: HTMLInputElement) => {
    if (!file) return;
    setUploading(true);
    void action
      .run(async () => {
        await uploadBackup(file);
        notify(t("backups.uploaded"));
        reload();
      })
      .finally(() => setUploading(false));
    input.value = "";
  };

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.backups")}</h1>
        <Show when={isOwner()}>
          <label class="button" aria-busy={uploading()}>
            {uploading() ? t("backups.uploading") : t("backups.upload")}
            <input
              type="file"
              class="visually-hidden"
              data-testid="backup-upload"
              onChange={(e) => upload(e.currentTarget.files?.[0] ?? null, e.currentTarget)}
            />
          </label>
        </Show>
        <button
          type="button"
          class="primary"
          disabled={action.busy() || backupWatch.job()?.status === "RUNNING"}
          onClick={() => void backUpNow()}
        >
          {t("backups.now")}
        </button>
      </div>
      <p class="muted">{t("backups.intro")}</p>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Show when={backupWatch.job()}>{(job) => <BackupProgress backup={job()} error={backupWatch.error()} />}</Show>
      <Show when={restoreWatch.job()}>
        {(job) => <RestoreProgress restore={job()} failedAt={restoreWatch.failedAt()} error={restoreWatch.error()} />}
      </Show>
      <Loaded resource={data} retry={reload} skeleton={<Skeleton lines={5} />}>
        {(d) => (
          <>
            <Table
              headers={[
                t("backups.created"),
                t("user.status"),
                t("backups.trigger"),
                t("backups.by"),
                t("backups.size"),
                t("backups.rows"),
                t("backups.schema"),
                "",
              ]}
              rows={d.backups}
              empty={t("backups.none")}
            >
              {(backup) => (
                <tr data-backup={backup.id}>
                  <td title={formatDateTime(backup.createdAt, locale())}>
                    <div>{formatRelative(backup.createdAt, locale())}</div>
                    <div class="muted ltr">{backup.id}</div>
                  </td>
                  <td>
                    <span class={`badge ${backup.status}`} data-testid="backup-status">
                      {t(`backupStatus.${backup.status}`)}
                    </span>
                    <Show when={backup.error}>
                      <div class="error">{backup.error}</div>
                    </Show>
                  </td>
                  <td>{t(`backupTrigger.${backup.trigger}`)}</td>
                  <td>{backup.createdBy ?? "—"}</td>
                  <td>{backup.sizeBytes == null ? "—" : formatBytes(backup.sizeBytes, locale())}</td>
                  <td>{backup.rows == null ? "—" : formatNumber(backup.rows, locale())}</td>
                  <td class="ltr">{backup.schemaVersion}</td>
                  <RowActions
                    onDelete={isOwner() && backup.status !== "RUNNING" ? () => setRemoving(backup) : undefined}
                  >
                    <Show when={isOwner() && backup.downloadPath}>
                      <button type="button" disabled={action.busy()} onClick={() => void download(backup)}>
                        {t("backups.download")}
                      </button>
                    </Show>
                    <Show when={isOwner() && backup.status === "COMPLETE"}>
                      <button type="button" class="danger" onClick={() => setRestoring(backup)}>
                        {t("backups.restore")}
                      </button>
                    </Show>
                  </RowActions>
                </tr>
              )}
            </Table>
            <Show when={d.restores.length > 0}>
              <h2 style={{ "margin-block-start": "1rem" }}>{t("restore.recent")}</h2>
              <RestoresTable restores={d.restores} />
            </Show>
            <ScheduleForm settings={d.settings} />
          </>
        )}
      </Loaded>
      <ConfirmDelete
        item={removing()}
        onClose={() => setRemoving(null)}
        message={(backup) => t("backups.deleteWarning", { id: backup.id })}
        onDelete={(backup) => remove(backup.id).catch(action.setError)}
      />
      <RestoreDialog
        backup={restoring()}
        onClose={() => setRestoring(null)}
        onStarted={(restore) => {
          // Said now: the sessions may end under the very next request, which goes to sign-in without a word.
          notify(t("restore.started"));
          setRestoring(null);
          restoreWatch.follow(restore);
        }}
      />
    </>
  );
}

/**
 * Follows a restore to its end. Completing it ends every session, this one too: the page signs
 * out and goes to the sign-in screen, as it does whenever the session is gone.
 */
function createRestoreWatch(reload: () => void) {
  const navigate = useNavigate();
  // The step a failure happened in: the restore row says only FAILED.
  const [failedAt, setFailedAt] = createSignal<RestoreStatus>("RUNNING");
  let last: RestoreStatus = "RUNNING";
  const watch = createJobWatch<Restore>({
    load: async (id) => {
      const restore = await loadRestore(id);
      if (restore && restore.status !== "FAILED") last = restore.status;
      else if (restore) setFailedAt(last);
      return restore;
    },
    running: (r) => r.status === "RUNNING" || r.status === "VERIFYING",
    finished: async (restore) => {
      reload();
      if (restore?.status !== "COMPLETE") return;
      notify(t("restore.signedOut"));
      await signOut().catch(() => undefined);
      refetchMe();
      navigate("/login", { replace: true });
    },
  });
  return { ...watch, failedAt };
}

function Progress(props: { percent: number; label: string; testId: string }) {
  return (
    <label>
      {props.label}
      <progress max={100} value={props.percent} data-testid={props.testId} />
    </label>
  );
}

function BackupProgress(props: { backup: Backup; error: unknown }) {
  const b = () => props.backup;
  return (
    <section class="card stack" aria-labelledby="backup-progress" style={{ "margin-block-end": "1rem" }}>
      <h2 id="backup-progress">
        {t("backups.progressTitle", { id: b().id })}{" "}
        <span class={`badge ${b().status}`} data-testid="backup-progress-status">
          {t(`backupStatus.${b().status}`)}
        </span>
      </h2>
      <Progress
        percent={progressPercent(b().progress, b().status === "COMPLETE")}
        label={jobLabel(b().progress)}
        testId="backup-progress"
      />
      <Show when={b().error}>
        <p class="error">{b().error}</p>
      </Show>
      <Show when={props.error}>
        <ErrorBox error={props.error} />
      </Show>
    </section>
  );
}

function jobLabel(progress: Backup["progress"]): string {
  if (!progress) return t("backups.starting");
  return t("backups.progress", {
    phase: progress.phase,
    tablesDone: progress.tablesDone,
    tablesTotal: progress.tablesTotal,
    rowsDone: progress.rowsDone,
    rowsTotal: progress.rowsTotal,
  });
}

function RestoreProgress(props: { restore: Restore; failedAt: RestoreStatus; error: unknown }) {
  const r = () => props.restore;
  return (
    <section class="card stack" aria-labelledby="restore-progress" style={{ "margin-block-end": "1rem" }}>
      <h2 id="restore-progress">{t("restore.title", { id: r().backupId })}</h2>
      <p class="muted">
        {r().safetyBackupId ? t("restore.safety", { id: r().safetyBackupId! }) : t("restore.noSafety")}
      </p>
      <ol class="steps" data-testid="restore-steps">
        <For each={restoreSteps(r().status, props.failedAt)}>
          {(s) => (
            <li class={s.state} aria-current={s.state === "current" ? "step" : undefined}>
              {t(`restoreStatus.${s.step}`)}
            </li>
          )}
        </For>
      </ol>
      <Progress
        percent={progressPercent(r().progress, r().status === "COMPLETE")}
        label={jobLabel(r().progress)}
        testId="restore-progress"
      />
      <Show when={r().verifiedTables != null}>
        <p>{t("restore.verified", { count: r().verifiedTables! })}</p>
      </Show>
      <Show when={r().error}>
        <p class="error">{r().error}</p>
      </Show>
      <Show when={props.error}>
        <ErrorBox error={props.error} />
      </Show>
    </section>
  );
}

/** Where the operator finds how a restore ended: it signs everyone out, the one who started it too. */
function RestoresTable(props: { restores: Restore[] }) {
  return (
    <Table
      headers={[t("restore.started.at"), t("restore.backup"), t("user.status"), t("restore.safetyColumn"), ""]}
      rows={props.restores}
    >
      {(restore) => (
        <tr data-restore={restore.id}>
          <td title={formatDateTime(restore.startedAt, locale())}>
            {formatRelative(restore.startedAt, locale())}
            <Show when={restore.startedBy}>
              <span class="muted"> · {restore.startedBy}</span>
            </Show>
          </td>
          <td class="ltr">{restore.backupId}</td>
          <td>
            <span class={`badge ${restore.status}`} data-testid="restore-status">
              {t(`restoreStatus.${restore.status}`)}
            </span>
            <Show when={restore.error}>
              <div class="error">{restore.error}</div>
            </Show>
          </td>
          <td class="ltr">{restore.safetyBackupId ?? "—"}</td>
          <td class="muted">
            <Show when={restore.verifiedTables != null}>
              {t("restore.verified", { count: restore.verifiedTables! })}
            </Show>
          </td>
        </tr>
      )}
    </Table>
  );
}

/** Restoring replaces every row of the panel: the operator types the backup's id to say they mean this one. */
function RestoreDialog(props: { backup: Backup | null; onClose: () => void; onStarted: (restore: Restore) => void }) {
  const restore = useAction(startRestore);
  const [typed, setTyped] = createSignal("");
  const action = createAction();
  createEffect(
    on(
      () => props.backup,
      () => {
        setTyped("");
        action.setError(null);
      },
    ),
  );
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const backup = props.backup;
    if (!backup) return;
    void action.run(async () => props.onStarted(await restore(backup.id, typed().trim())));
  };
  return (
    <Modal
      open={props.backup !== null}
      onOpenChange={(open) => !open && props.onClose()}
      title={t("restore.confirmTitle")}
    >
      <Show when={props.backup}>
        {(backup) => (
          <form class="form" onSubmit={submit}>
            <p>
              {t("restore.confirm", {
                at: formatDateTime(backup().createdAt, locale()),
                schema: backup().schemaVersion,
              })}
            </p>
            <label>
              {t("restore.typeId", { id: backup().id })}
              <input
                name="confirm"
                class="ltr"
                autocomplete="off"
                value={typed()}
                onInput={(e) => setTyped(e.currentTarget.value)}
                data-testid="restore-confirm"
              />
            </label>
            <Show when={action.error()}>
              <ErrorBox error={action.error()} />
            </Show>
            <div class="actions">
              <button type="button" onClick={() => props.onClose()}>
                {t("action.cancel")}
              </button>
              <button type="submit" class="danger" disabled={typed().trim() !== backup().id || action.busy()}>
                {/* Starting takes a backup of the panel as it is first: say that something is happening. */}
                {action.busy() ? t("backups.starting") : t("backups.restore")}
              </button>
            </div>
          </form>
        )}
      </Show>
    </Modal>
  );
}

type ScheduleField = "backupIntervalHours" | "backupKeepCount" | "backupKeepDays";

function ScheduleForm(props: { settings: Record<ScheduleField, number> }) {
  const save = useAction(saveSchedule);
  const action = createAction();
  // The API's message for each refused field stands beside it; anything else below the form.
  const messages = createFieldMessages<ScheduleField>({ error: action.error });
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (field: ScheduleField) => Number(String(form.get(field) ?? "").trim());
    const ok = await action.run(() =>
      save({
        backupIntervalHours: value("backupIntervalHours"),
        backupKeepCount: value("backupKeepCount"),
        backupKeepDays: value("backupKeepDays"),
      }),
    );
    if (ok) notify(t("state.saved"));
  };
  const field = (name: ScheduleField, help?: string) => (
    <div class="field">
      <label>
        {t(`backups.${name}`)}
        <input
          name={name}
          type="number"
          inputmode="numeric"
          value={props.settings[name]}
          {...messages.described(name)}
        />
      </label>
      <Show when={help}>
        <span class="muted">{help}</span>
      </Show>
      {messages.fieldError(name)}
    </div>
  );
  return (
    <form
      class="card form"
      onSubmit={submit}
      novalidate
      aria-labelledby="backup-schedule"
      style={{ "margin-block-start": "1rem" }}
    >
      <h2 id="backup-schedule">{t("backups.schedule")}</h2>
      <div class="row">
        {field("backupIntervalHours", t("backups.intervalHelp"))}
        {field("backupKeepCount")}
        {field("backupKeepDays")}
      </div>
      <p class="muted">{t("backups.retentionHelp")}</p>
      <FormFooter error={messages.footerError()} busy={action.busy()} label={t("action.save")} />
    </form>
  );
}
