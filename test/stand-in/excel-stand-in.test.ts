/**
 * The stand-in behaves like Office.js where our adapter could go wrong: deferred reads, errors
 * at sync, Excel's coercion of typed text, null objects and payload limits.
 */
import {
  type StandInHost,
  cellOf,
  createStandInWorkbook,
  dumpWorkbook,
  installExcelStandIn,
  sheetOf,
} from "./excel-stand-in";

let host: StandInHost;

function install(apiVersion = "1.9"): StandInHost {
  const workbook = createStandInWorkbook({
    sheets: [
      {
        name: "Tiêu chí",
        values: [
          ["STT", "Nội dung"],
          ["1.1", 2],
        ],
      },
      { name: "_ParScorer", values: [["marker"]], visibility: "veryHidden" },
    ],
  });
  host = installExcelStandIn(globalThis, workbook, { apiVersion });
  return host;
}

afterEach(() => host?.uninstall());

describe("deferred reads, as in Office.js", () => {
  it("reading a property before load and sync throws PropertyNotLoaded", async () => {
    install();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tiêu chí").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["STT", "Nội dung"],
        ["1.1", 2],
      ]);
    });
  });

  it("a missing sheet fails at sync with ItemNotFound", async () => {
    install();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Không có").getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("getItemOrNullObject answers isNullObject after sync", async () => {
    install();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      const present = context.workbook.worksheets.getItemOrNullObject("_ParScorer");
      missing.load("name");
      present.load("name,visibility");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.visibility).toBe("VeryHidden");
    });
  });

  it("counts every sync, including the final one Excel.run makes for pending commands", async () => {
    install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
      context.workbook.worksheets.getItem("Tiêu chí").getRange("C1").values = [["x"]];
    });
    expect(host.syncCount()).toBe(2);
  });
});

describe("null objects and merges, as in Excel", () => {
  it("a call on a null object fails at sync instead of doing nothing", async () => {
    install();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Không có").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("merging keeps only the top-left value, as Excel does", async () => {
    install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tiêu chí").getRange("A2:B2").merge(false);
    });
    expect(cellOf(host.workbook, "Tiêu chí", "A2")?.value).toBe("1.1");
    expect(cellOf(host.workbook, "Tiêu chí", "B2")?.value).toBeNull();
    expect(sheetOf(host.workbook, "Tiêu chí")?.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
  });

  it("a values array of the wrong shape fails with InvalidArgument", async () => {
    install();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Tiêu chí").getRange("A1:B1").values = [["x"]];
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("Excel's coercion of typed text", () => {
  async function enter(text: string, numberFormat?: string): Promise<void> {
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Tiêu chí").getRange("D4");
      if (numberFormat) cell.numberFormat = [[numberFormat]];
      cell.values = [[text]];
      await context.sync();
    });
  }

  it("text beginning with = in a General cell becomes a formula", async () => {
    install();
    await enter("=SUM(1)");
    expect(cellOf(host.workbook, "Tiêu chí", "D4")).toMatchObject({ formula: "=SUM(1)" });
  });

  it("text beginning with - that is not a number becomes a formula", async () => {
    install();
    await enter("- Có văn bản");
    expect(cellOf(host.workbook, "Tiêu chí", "D4")?.formula).toBe("=- Có văn bản");
  });

  it("a code such as 1.1 in a General cell becomes the number 1.1", async () => {
    install();
    await enter("1.1");
    expect(cellOf(host.workbook, "Tiêu chí", "D4")?.value).toBe(1.1);
  });

  it("in a text-formatted (@) cell the same strings stay text", async () => {
    install();
    await enter("=SUM(1)", "@");
    expect(cellOf(host.workbook, "Tiêu chí", "D4")).toMatchObject({ value: "=SUM(1)", numberFormat: "@" });
    expect(cellOf(host.workbook, "Tiêu chí", "D4")?.formula).toBeUndefined();
  });
});

describe("host conditions", () => {
  it("a protected sheet refuses writes with AccessDenied", async () => {
    install();
    sheetOf(host.workbook, "Tiêu chí")!.protected = true;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Tiêu chí").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(cellOf(host.workbook, "Tiêu chí", "A1")?.value).toBe("STT");
  });

  it("cell-edit mode fails a run without delayForCellEdit and lets a delayed run through", async () => {
    install();
    host.cellEditMode = true;
    const write = (context: Excel.RequestContext): void => {
      context.workbook.worksheets.getItem("Tiêu chí").getRange("A1").values = [["y"]];
    };
    await expect(Excel.run(async (context) => write(context))).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    await Excel.run({ delayForCellEdit: true }, async (context) => write(context));
    expect(cellOf(host.workbook, "Tiêu chí", "A1")?.value).toBe("y");
  });

  it("a response above the payload limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    install();
    host.payloadLimitBytes = 100;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Tiêu chí").getRange("A1:Z20").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("answers isSetSupported up to the configured ExcelApi version", () => {
    install("1.9");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
  });
});

describe("plain data in and out", () => {
  it("dumps values anchored at A1 with visibility", () => {
    install();
    const dump = dumpWorkbook(host.workbook);
    expect(dump.sheets[0]).toMatchObject({
      name: "Tiêu chí",
      visibility: "visible",
      values: [
        ["STT", "Nội dung"],
        ["1.1", 2],
      ],
    });
    expect(dump.sheets[1].visibility).toBe("veryHidden");
  });
});
