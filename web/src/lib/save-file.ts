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
