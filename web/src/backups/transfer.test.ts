import { describe, expect, it } from "vitest";
import { backupFileName } from "./transfer";

const backup = { id: "01JF3ABC", createdAt: "2026-12-07T13:14:59.000Z" };

describe("the name a downloaded backup is saved under", () => {
  it("is the one the panel gives, preferring the RFC 6266 extended form", () => {
    expect(backupFileName(backup, 'attachment; filename="vortex-01JF3ABC.tar"')).toBe("vortex-01JF3ABC.tar");
    expect(backupFileName(backup, "attachment; filename=plain.tar")).toBe("plain.tar");
    expect(
      backupFileName(backup, "attachment; filename=\"fallback.tar\"; filename*=UTF-8''vortex%20backup%20%E2%9C%93.tar"),
    ).toBe("vortex backup ✓.tar");
  });

  it("never carries a path the browser could be told to write into", () => {
    expect(backupFileName(backup, 'attachment; filename="../../etc/passwd"')).toBe("passwd");
    expect(backupFileName(backup, 'attachment; filename="C:\\\\Windows\\\\x.tar"')).toBe("x.tar");
  });

  it("falls back to one that sorts by the time it was taken and names the backup", () => {
    expect(backupFileName(backup, null)).toBe("vortexpanel-backup-2026-12-07T1314Z-01JF3ABC.tar");
    expect(backupFileName(backup, 'attachment; filename=".."')).toBe(
      "vortexpanel-backup-2026-12-07T1314Z-01JF3ABC.tar",
    );
    expect(backupFileName({ ...backup, id: "a/b\\c" }, "attachment")).toBe(
      "vortexpanel-backup-2026-12-07T1314Z-abc.tar",
    );
  });
});
