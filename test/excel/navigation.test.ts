/**
 * Going to an issue's cell. Written with office-addin-mock (Microsoft's mock of Office.js) and
 * checked again on the stand-in, where activation and selection are modelled.
 *
 * office-addin-mock 4 requires office-addin-manifest only for its OfficeApp names; that package
 * pulls in @microsoft/app-manifest, which needs fs-extra (not installed), so the names are
 * mapped here, for this file only.
 */
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

import { OfficeMockObject } from "office-addin-mock";
import { getActiveSheetName, goToCell } from "../../src/excel/navigation";
import { type StandInHost, createStandInWorkbook, installExcelStandIn } from "../stand-in/excel-stand-in";

/** Office.js as office-addin-mock sees it: a data tree whose functions return parts of the tree. */
function mockExcel(sheet: { name: string; visibility: string } | null) {
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: sheet?.name ?? "",
            visibility: sheet?.visibility ?? "",
            isNullObject: sheet === null,
            activated: false,
            range: {
              address: "",
              selected: false,
              select: function () {
                this.selected = true;
              },
            },
            activate: function () {
              this.activated = true;
            },
            getRange: function (address: string) {
              this.range.address = address;
              return this.range;
            },
          },
          getItemOrNullObject: function () {
            return this.sheet;
          },
        },
      },
    },
    run: async function <T>(callback: (context: unknown) => Promise<T>): Promise<T> {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data);
  (globalThis as Record<string, unknown>).Excel = mock;
  const sheetMock = (
    mock as unknown as { context: { workbook: { worksheets: { sheet: OfficeMockObject } } } }
  ).context.workbook.worksheets.sheet;
  // In Office.js isNullObject comes with any load; the mock treats it as a property of its own.
  sheetMock.load("isNullObject");
  return sheetMock;
}

/** What the adapter did to the mocked sheet (the mock wants a load and sync before reads too). */
async function effects(
  sheet: OfficeMockObject,
): Promise<{ activated: unknown; address: unknown; selected: unknown }> {
  sheet.load("activated,range/address,range/selected");
  await sheet.sync();
  const read = sheet as unknown as { activated: unknown; range: { address: unknown; selected: unknown } };
  return { activated: read.activated, address: read.range.address, selected: read.range.selected };
}

describe("with office-addin-mock", () => {
  afterEach(() => delete (globalThis as Record<string, unknown>).Excel);

  it("activates the issue's sheet and selects its cell", async () => {
    const sheet = mockExcel({ name: "Sở Tư pháp", visibility: "Visible" });
    expect(await goToCell("Sở Tư pháp", "D12")).toEqual({ ok: true });
    expect(await effects(sheet)).toEqual({ activated: true, address: "D12", selected: true });
  });

  it("a sheet renamed or deleted since the check gives a Vietnamese message, not an error", async () => {
    const sheet = mockExcel(null);
    const outcome = await goToCell("Sở Tư pháp", "D12");
    expect(outcome).toMatchObject({ ok: false, reason: "sheetMissing" });
    expect(outcome.ok === false && outcome.vi).toBe(
      'Không tìm thấy sheet "Sở Tư pháp": có thể sheet đã bị đổi tên hoặc xóa sau lần kiểm tra. Hãy kiểm tra lại bảng tính.',
    );
    expect(await effects(sheet)).toEqual({ activated: false, address: "", selected: false });
  });
});

describe("on the stand-in", () => {
  let host: StandInHost;
  afterEach(() => host?.uninstall());

  function install(): StandInHost {
    host = installExcelStandIn(
      globalThis,
      createStandInWorkbook({
        sheets: [
          { name: "Tiêu chí", values: [["STT"]] },
          { name: "Sở Tư pháp", values: [["1.1", 2]] },
          { name: "Ẩn", values: [["x"]], visibility: "hidden" },
        ],
      }),
    );
    return host;
  }

  it("makes the sheet active and selects the cell, A1 when the issue has no cell", async () => {
    install();
    await goToCell("Sở Tư pháp", "B1");
    expect(host.workbook.selection).toEqual({ sheet: "Sở Tư pháp", address: "B1" });
    await goToCell("Tiêu chí", null);
    expect(host.workbook.selection).toEqual({ sheet: "Tiêu chí", address: "A1" });
    expect(await getActiveSheetName()).toBe("Tiêu chí");
  });

  it("a hidden sheet is reported, nothing is selected", async () => {
    install();
    expect(await goToCell("Ẩn", "A1")).toMatchObject({ ok: false, reason: "sheetHidden" });
    expect(host.workbook.selection).toBeNull();
  });

  it("a malformed cell address is reported without calling Excel", async () => {
    install();
    expect(await goToCell("Sở Tư pháp", "B0")).toMatchObject({ ok: false, reason: "badCell" });
    expect(host.syncCount()).toBe(0);
  });
});
