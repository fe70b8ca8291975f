/**
 * Entry of the task pane: waits for Office, builds the host from the Excel adapters, renders.
 */
import { createRoot } from "react-dom/client";
import { AppShell } from "./components/app-shell/app-shell";
import { createOfficeHost } from "./host/office-host";

/** Renders the task pane into the page's container. */
function start(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  createRoot(container).render(<AppShell host={createOfficeHost()} />);
}

void Office.onReady(() => start());
