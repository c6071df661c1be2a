import { createSignal, onCleanup } from "solid-js";

/**
 * Follows one long-running job (a backup, a restore) that has no live stream: loads it every
 * `intervalMs` while `running` says it is, then stops and calls `finished`. A failed load is kept
 * to show and the polling goes on: the panel may be busy with the very job being watched.
 * Following another job, or leaving the page, stops following the last one.
 */
export function createJobWatch<Job extends { id: string }>(options: {
  load: (id: string) => Promise<Job | null>;
  running: (job: Job) => boolean;
  finished?: (job: Job | null) => void;
  intervalMs?: number;
}) {
  const [job, setJob] = createSignal<Job | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const stop = () => {
    clearTimeout(timer);
    generation++;
  };
  const follow = (first: Job) => {
    stop();
    const mine = generation;
    setJob(() => first);
    setError(null);
    const tick = async () => {
      try {
        const next = await options.load(first.id);
        if (mine !== generation) return;
        setError(null);
        if (next) setJob(() => next);
        if (!next || !options.running(next)) {
          options.finished?.(next);
          return;
        }
      } catch (failure) {
        if (mine !== generation) return;
        setError(failure);
      }
      timer = setTimeout(tick, options.intervalMs ?? 1500);
    };
    if (options.running(first)) timer = setTimeout(tick, options.intervalMs ?? 1500);
    else options.finished?.(first);
  };
  onCleanup(stop);
  return { job, error, follow, stop };
}
