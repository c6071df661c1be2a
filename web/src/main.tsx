import { render } from "solid-js/web";
import { App } from "./App";
import { initialLocale, setLocale } from "./i18n";
import { applyTheme, initialTheme } from "./theme";
import "./styles.css";

applyTheme(initialTheme());
void setLocale(initialLocale()).finally(() => render(() => <App />, document.getElementById("root")!));

// The service worker caches the app shell only; in development (vite build --watch) it would serve stale builds.
if ("serviceWorker" in navigator && import.meta.env.PROD) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("/sw.js"));
}
