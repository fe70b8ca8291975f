/**
 * Entry of the task pane: waits for Office, builds the host from the Excel adapters, renders.
 * Until then taskpane.html shows the product name and "Loading"; this tells its boot script
 * (window.parScorerBoot) when Office.js is missing or the page is not inside an Office host, so
 * that the pane is never blank.
 */
import { createRoot } from "react-dom/client";
import { AppShell } from "./components/app-shell/app-shell";
import { bootHooks } from "./boot";
import { createOfficeHost } from "./host/office-host";

const boot = bootHooks();

/** Renders the task pane into the page's container. */
function start(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  boot?.started();
  createRoot(container).render(<AppShell host={createOfficeHost()} />);
}

if (typeof Office === "undefined") {
  // office.js did not load (no internet, a proxy): the page explains what to do.
  boot?.show("noOffice");
} else {
  // Outside Office (a browser tab), Office.js reports no host: nothing to work on.
  void Office.onReady((info) => (info.host ? start() : boot?.show("outside")));
}
