/**
 * Browser entry of the Excel stand-in for the task-pane browser test and the screenshots. Runs
 * after office.js; once office.js has finished starting (outside Office it then reports "no
 * host"), installs the in-memory Excel over the workbook the harness put in
 * window.__PAR_WORKBOOK__, exposes it as window.__parStandIn, and only then loads the task
 * pane's own scripts (window.__PAR_APP_SCRIPTS__), so that the pane meets Excel, as in Office.
 */
import type { WorkbookSnapshot } from "../../src/core/grid";
import {
  type StandInOptions,
  createStandInWorkbook,
  dumpWorkbook,
  installExcelStandIn,
} from "../stand-in/excel-stand-in";

type Page = typeof globalThis & {
  __PAR_WORKBOOK__?: WorkbookSnapshot;
  __PAR_OPTIONS__?: StandInOptions;
  __PAR_APP_SCRIPTS__?: string[];
  __parStandIn?: unknown;
  Office: { onReady: (callback: () => void) => unknown };
};

const page = globalThis as Page;

function start(): void {
  const workbook = createStandInWorkbook(page.__PAR_WORKBOOK__ ?? { sheets: [] });
  // office.js has made Office.context unconfigurable by now: install on a fresh global, then
  // put the stand-in's Excel and Office (keeping office.js's enums) in the page's place.
  const shim: Record<string, unknown> = {};
  const host = installExcelStandIn(shim, workbook, page.__PAR_OPTIONS__ ?? {});
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = shim.Excel;
  g.OfficeExtension = shim.OfficeExtension;
  g.Office = Object.assign(Object.create(null), g.Office, shim.Office);
  page.__parStandIn = {
    host,
    workbook,
    dump: () => dumpWorkbook(workbook),
    selection: () => workbook.selection,
    activeSheet: () => workbook.activeSheet,
  };
  for (const src of page.__PAR_APP_SCRIPTS__ ?? []) {
    const script = document.createElement("script");
    script.src = src;
    script.async = false; // run in document order (vendor chunk first)
    document.head.appendChild(script);
  }
}

page.Office.onReady(start);
