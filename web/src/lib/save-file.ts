/** Hands a Blob to the browser to save under `name`, through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.style.display = "none";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next turn: the click starts the download asynchronously in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** The file name a Content-Disposition header gives (RFC 6266 `filename*` first), reduced to its last path segment; null when none. */
export function dispositionFileName(header: string): string | null {
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/
    .exec(header)
    ?.slice(1)
    .find((v) => v !== undefined);
  // Only the last path segment: a name is never a place to write to.
  const base = name?.replace(/\\(.)/g, "$1").split(/[/\\]/).pop()?.trim();
  return base && base !== "." && base !== ".." ? base : null;
}
