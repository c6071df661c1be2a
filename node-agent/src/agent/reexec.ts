/**
 * Replacing the agent's process image in place (same pid, so systemd, `status` and the core's
 * parent see no change): how the agent tunes itself at start, reloads, and runs a new version.
 */

type Execve = (file: string, args: string[], env: NodeJS.ProcessEnv) => never;

/** process.execve, where this Node has it (>= 22.15; still experimental). */
function execveOrNull(): Execve | null {
  const execve = (process as { execve?: Execve }).execve;
  return typeof execve === "function" ? execve.bind(process) : null;
}

export const canReexec = (): boolean => execveOrNull() !== null;

/**
 * Runs `script` with `args` in this process, under the same Node binary with `nodeFlags` and
 * `env` added. Never returns when it works; throws when this Node cannot (the caller then exits
 * and lets systemd start it again).
 */
export function reexecAgent(options: {
  script: string;
  args: readonly string[];
  nodeFlags?: readonly string[];
  env?: Record<string, string>;
}): never {
  const execve = execveOrNull();
  if (!execve)
    throw new Error(`Node ${process.version} cannot replace its own process (process.execve needs >= 22.15)`);
  // process.execve is experimental: its warning would be the one non-JSON line on stderr.
  process.removeAllListeners("warning");
  return execve(
    process.execPath,
    [process.execPath, ...(options.nodeFlags ?? []), ...process.execArgv, options.script, ...options.args],
    { ...process.env, ...options.env },
  );
}
