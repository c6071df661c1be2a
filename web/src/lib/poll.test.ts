import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createJobWatch } from "./poll";

type Job = { id: string; status: "RUNNING" | "COMPLETE" };

/** A job that reports the statuses given, one per load, then stays at the last. */
function jobReporting(...statuses: Job["status"][]) {
  const loads: string[] = [];
  return {
    loads,
    load: async (id: string): Promise<Job> => {
      loads.push(id);
      return { id, status: statuses[Math.min(loads.length - 1, statuses.length - 1)]! };
    },
  };
}

describe("following a long-running job", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks again while the job runs, stops once it is done, and says so once", async () => {
    const source = jobReporting("RUNNING", "RUNNING", "COMPLETE");
    const finished = vi.fn();
    const watch = createRoot(() =>
      createJobWatch<Job>({ load: source.load, running: (j) => j.status === "RUNNING", finished, intervalMs: 1000 }),
    );
    watch.follow({ id: "b1", status: "RUNNING" });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(source.loads).toEqual(["b1", "b1", "b1"]);
    expect(watch.job()?.status).toBe("COMPLETE");
    expect(finished).toHaveBeenCalledTimes(1);
  });

  it("keeps asking through a failed load and shows the failure meanwhile", async () => {
    let calls = 0;
    const watch = createRoot(() =>
      createJobWatch<Job>({
        load: async (id) => {
          calls++;
          if (calls === 1) throw new Error("busy");
          return { id, status: "COMPLETE" };
        },
        running: (j) => j.status === "RUNNING",
        intervalMs: 1000,
      }),
    );
    watch.follow({ id: "r1", status: "RUNNING" });
    await vi.advanceTimersByTimeAsync(1000);
    expect((watch.error() as Error).message).toBe("busy");
    await vi.advanceTimersByTimeAsync(1000);
    expect(watch.error()).toBeNull();
    expect(watch.job()?.status).toBe("COMPLETE");
  });

  it("stops following the last job when another is followed or the page goes away", async () => {
    const source = jobReporting("RUNNING");
    let dispose: () => void = () => undefined;
    const watch = createRoot((d) => {
      dispose = d;
      return createJobWatch<Job>({ load: source.load, running: () => true, intervalMs: 1000 });
    });
    watch.follow({ id: "old", status: "RUNNING" });
    await vi.advanceTimersByTimeAsync(1000);
    watch.follow({ id: "new", status: "RUNNING" });
    await vi.advanceTimersByTimeAsync(2000);
    expect(source.loads).toEqual(["old", "new", "new"]);
    dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(source.loads).toHaveLength(3);
  });
});
