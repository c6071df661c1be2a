/**
 * Whole-or-nothing file writes: a reader (or the agent after a crash) sees either the old
 * content or the new one, never a torn file. Secrets live in these files, so they are 0600.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync, mkdirSync, chmodSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";

const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** fsync a directory so a rename inside it survives power loss, not only a process crash. */
function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write `data` to `path` atomically with 0600 perms: temp file in the same directory, fsync,
 * rename over the target, fsync the directory.
 *
 * @example writeFileAtomic("/var/lib/vortex-agent/identity.json", JSON.stringify(identity))
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = PRIVATE_FILE_MODE): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(tmp, "wx", mode);
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // openSync's mode is filtered by the umask; make the perms exact.
  chmodSync(tmp, mode);
  renameSync(tmp, path);
  fsyncDir(dir);
}
