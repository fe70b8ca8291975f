/** Importing agencies' workbooks with insertWorksheetsFromBase64 (ExcelApi 1.13), on the stand-in. */
import { describeHostError } from "../../src/excel/host-errors";
import { bytesToBase64, canImportWorkbooks, importWorksheets } from "../../src/excel/import-workbooks";
import {
  type StandInHost,
  createStandInWorkbook,
  dumpWorkbook,
  encodeSnapshotBase64,
  installExcelStandIn,
} from "../stand-in/excel-stand-in";

let host: StandInHost;
afterEach(() => host?.uninstall());

function install(apiVersion: string): StandInHost {
  host = installExcelStandIn(
    globalThis,
    createStandInWorkbook({ sheets: [{ name: "Sở Tư pháp", values: [["cũ"]] }] }),
    { apiVersion },
  );
  return host;
}

const AGENCY_FILE = encodeSnapshotBase64({
  sheets: [
    { name: "Sở Tư pháp", values: [["mới"]] },
    { name: "Sở Nội vụ", values: [["1.1", 1]] },
    { name: "Hướng dẫn", values: [["x"]] },
  ],
});

it("is offered from ExcelApi 1.13 and not before", () => {
  install("1.12");
  expect(canImportWorkbooks()).toBe(false);
  host.uninstall();
  install("1.13");
  expect(canImportWorkbooks()).toBe(true);
});

it("inserts the chosen sheets at the end and skips a sheet that already exists", async () => {
  install("1.13");
  const outcome = await importWorksheets(AGENCY_FILE, ["Sở Tư pháp", "Sở Nội vụ"], false);
  expect(outcome).toEqual({ imported: ["Sở Nội vụ"], skipped: ["Sở Tư pháp"] });
  expect(dumpWorkbook(host.workbook).sheets.map((s) => [s.name, s.values])).toEqual([
    ["Sở Tư pháp", [["cũ"]]],
    ["Sở Nội vụ", [["1.1", 1]]],
  ]);
});

it("replaces an existing sheet when the user chose to", async () => {
  install("1.13");
  const outcome = await importWorksheets(AGENCY_FILE, ["Sở Tư pháp"], true);
  expect(outcome).toEqual({ imported: ["Sở Tư pháp"], skipped: [] });
  expect(dumpWorkbook(host.workbook).sheets.map((s) => [s.name, s.values])).toEqual([
    ["Sở Tư pháp", [["mới"]]],
  ]);
});

it("keeps the old sheet under its name when the insert fails", async () => {
  install("1.13");
  const failure = await importWorksheets("not a workbook", ["Sở Tư pháp"], true).catch((e: unknown) => e);
  expect(failure).toMatchObject({ code: "InvalidArgument" });
  expect(dumpWorkbook(host.workbook).sheets.map((s) => [s.name, s.values])).toEqual([
    ["Sở Tư pháp", [["cũ"]]],
  ]);
});

it("below ExcelApi 1.13 explains in Vietnamese that the command line can combine the files", async () => {
  install("1.9");
  const failure = await importWorksheets(AGENCY_FILE, ["Sở Nội vụ"], false).catch((e: unknown) => e);
  expect(describeHostError(failure, "vi")).toContain("dòng lệnh par-scorer");
  expect(host.syncCount()).toBe(0);
});

it("turns file bytes into base64", () => {
  expect(bytesToBase64(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe("UEsDBA==");
});

it("replaces a sheet where it stands (its tab keeps its place) and answers with sheet names, not ids", async () => {
  host = installExcelStandIn(
    globalThis,
    createStandInWorkbook({
      sheets: [
        { name: "Bộ tiêu chí", values: [["STT"]] },
        { name: "Sở Tư pháp", values: [["cũ"]] },
        { name: "Danh sách đơn vị", values: [["STT"]] },
      ],
    }),
    { apiVersion: "1.13" },
  );
  const outcome = await importWorksheets(AGENCY_FILE, ["Sở Tư pháp", "Sở Nội vụ"], true);
  expect(outcome).toEqual({ imported: ["Sở Tư pháp", "Sở Nội vụ"], skipped: [] });
  expect(dumpWorkbook(host.workbook).sheets.map((s) => [s.name, s.values])).toEqual([
    ["Bộ tiêu chí", [["STT"]]],
    ["Sở Tư pháp", [["mới"]]],
    ["Danh sách đơn vị", [["STT"]]],
    ["Sở Nội vụ", [["1.1", 1]]],
  ]);
});
