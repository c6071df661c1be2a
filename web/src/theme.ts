/** Light or dark, remembered; the first visit follows the system setting. */
import { createSignal } from "solid-js";

export type Theme = "light" | "dark";
const STORAGE_KEY = "vortex.theme";
const [theme, setThemeSignal] = createSignal<Theme>("light");
export { theme };

export function initialTheme(): Theme {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === "light" || stored === "dark") return stored;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(next: Theme): void {
  setThemeSignal(next);
  document.documentElement.dataset.theme = next;
}

export function setTheme(next: Theme): void {
  applyTheme(next);
  localStorage.setItem(STORAGE_KEY, next);
}
