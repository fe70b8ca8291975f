/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";
import { renderPane } from "./render-pane";

const CRITERIA: SheetSnapshot = {
  name: "Bộ tiêu chí",
  values: [
    ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa"],
    ["I", "Công tác chỉ đạo, điều hành", 3],
    ["1.1", "Kế hoạch CCHC năm", 2],
    ["1.2", "Báo cáo CCHC", 1],
    ["II", "Cải cách thủ tục hành chính", 2],
    ["2.1", "Công khai thủ tục hành chính", 2],
  ],
};

function unitSheet(unit: string, scores: [CellValue, CellValue, CellValue]): SheetSnapshot {
  return {
    name: unit,
    values: [
      [`Đơn vị: ${unit}`, null, null, null, null],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"],
      ["I", "Công tác chỉ đạo, điều hành", 3, null, null],
      ["1.1", "Kế hoạch CCHC năm", 2, scores[0], "KH 12"],
      ["1.2", "Báo cáo CCHC", 1, scores[1], "BC 30"],
      ["II", "Cải cách thủ tục hành chính", 2, null, null],
      ["2.1", "Công khai thủ tục hành chính", 2, scores[2], "QĐ 7"],
    ],
  };
}

// This year: Sở Tư pháp 90 % (1st), Sở Y tế 80 % (2nd), Xã Mới 60 % (1st of the xã group).
const THIS_YEAR: WorkbookSnapshot = {
  sheets: [
    CRITERIA,
    {
      name: "Danh sách",
      values: [
        ["STT", "Tên đơn vị", "Khối"],
        [1, "Sở Tư pháp", "Khối sở"],
        [2, "Sở Y tế", "Khối sở"],
        [3, "Xã Mới", "Khối xã"],
      ],
    },
    unitSheet("Sở Tư pháp", [2, 1, 1.5]),
    unitSheet("Sở Y tế", [1.5, 0.5, 2]),
    unitSheet("Xã Mới", [1, 1, 1]),
  ],
};

// Last year, as published: Sở Y tế first, Sở Tư pháp third; Sở Công Thương no longer exists.
const PUBLISHED: WorkbookSnapshot = {
  sheets: [
    {
      name: "Phụ lục",
      values: [
        ["KẾT QUẢ CHỈ SỐ CCHC NĂM 2024", null, null, null],
        ["STT", "Đơn vị", "Chỉ số (%)", "Xếp hạng"],
        ["I. KHỐI SỞ, BAN, NGÀNH", null, null, null],
        [1, "Sở Y tế", 88, 1],
        [2, "Sở Công Thương", 86, 2],
        [3, "sở tư pháp", 85, 3],
      ],
    },
  ],
};

// Last year's scoring sheets: only Sở Tư pháp, field I then worth 4 (1.2 worth 2), field II the same.
// Sở Tư pháp had 2/2, 2/2 and 2/2: 100 % overall, field II 100 %.
const LAST_YEAR_SCORED: WorkbookSnapshot = {
  sheets: [
    {
      ...CRITERIA,
      values: CRITERIA.values.map((row) =>
        row[0] === "I" ? ["I", row[1], 4] : row[0] === "1.2" ? ["1.2", row[1], 2] : row,
      ),
    },
    {
      ...unitSheet("Sở Tư pháp", [2, 2, 2]),
      values: unitSheet("Sở Tư pháp", [2, 2, 2]).values.map((r) =>
        r[0] === "I" ? ["I", r[1], 4, null, null] : r[0] === "1.2" ? ["1.2", r[1], 2, 2, "BC"] : r,
      ),
    },
  ],
};

async function xlsxFile(name: string, snapshot: WorkbookSnapshot): Promise<File> {
  const buffer = await snapshotToWorkbook(snapshot).xlsx.writeBuffer();
  return new File([new Uint8Array(buffer as ArrayBuffer)], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

async function openCompare() {
  const pane = await renderPane(THIS_YEAR);
  await pane.user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
  const section = screen.getByRole("region", { name: "So với năm trước" });
  return { ...pane, section };
}

describe("Xếp hạng: movement since last year", () => {
  it("shows each unit's last year and its movement in the group lists, a published table as last year", async () => {
    const { user, section } = await openCompare();
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", PUBLISHED),
    ]);
    expect(await within(section).findByText("Năm trước: 2024.xlsx (bảng kết quả)")).toBeInTheDocument();
    const so = within(section).getByRole("list", { name: "Khối sở (năm trước: KHỐI SỞ, BAN, NGÀNH)" });
    const [first, second] = within(so).getAllByRole("listitem");
    expect(first).toHaveTextContent("1. Sở Tư pháp: 90,00 %");
    expect(within(first).getByLabelText("Tăng 2 bậc")).toHaveTextContent("▲2");
    expect(first).toHaveTextContent("Năm trước: 85,00 %, hạng 3 · chỉ số +5,00 điểm %");
    expect(second).toHaveTextContent("2. Sở Y tế: 80,00 %");
    expect(within(second).getByLabelText("Giảm 1 bậc")).toHaveTextContent("▼1");
    expect(second).toHaveTextContent("chỉ số −8,00 điểm %");
    const xa = within(section).getByRole("list", { name: "Khối xã" });
    expect(within(xa).getByRole("listitem")).toHaveTextContent("Năm trước: chưa có (đơn vị mới)");
    expect(within(xa).getByText("mới")).toBeInTheDocument();
    expect(within(section).getByText(/Đơn vị năm trước không còn: Sở Công Thương/)).toBeInTheDocument();
  });

  it("reads the file in the pane only: nothing is written or copied into the workbook", async () => {
    const { user, section, fake } = await openCompare();
    const before = fake.workbook.sheets.map((s) => s.name);
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", PUBLISHED),
    ]);
    await within(section).findByText("Năm trước: 2024.xlsx (bảng kết quả)");
    expect(fake.plans).toEqual([]);
    expect(fake.importWorkbooks).not.toHaveBeenCalled();
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(before);
  });

  it("says so when the file holds no results, and when it is not a workbook", async () => {
    const { user, section } = await openCompare();
    const notes: WorkbookSnapshot = { sheets: [{ name: "Ghi chú", values: [["Công văn gửi kèm"]] }] };
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("ghi-chu.xlsx", notes),
    ]);
    expect(
      await within(section).findByText(
        "Tệp ghi-chu.xlsx không có bảng chấm điểm hay bảng xếp hạng nào (cần cột Đơn vị và Chỉ số).",
      ),
    ).toBeInTheDocument();
    const junk = new File([new Uint8Array([1, 2, 3])], "hong.xlsx");
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [junk]);
    expect(
      await within(section).findByText("Không đọc được tệp hong.xlsx: không phải bảng tính .xlsx."),
    ).toBeInTheDocument();
  });

  it("lists criteria changed since last year, from last year's scoring sheets", async () => {
    const { user, section } = await openCompare();
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", LAST_YEAR_SCORED),
    ]);
    const list = await within(section).findByRole("list", {
      name: "Bộ tiêu chí khác năm trước (2 thay đổi): so sánh cần thận trọng",
    });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["I Công tác chỉ đạo, điều hành: 4 → 3", "1.2 Báo cáo CCHC: 2 → 1"]);
  });
});

describe("Last year's file kept for the pane session", () => {
  it("is still there after visiting another tab, and the ranking written then carries it", async () => {
    const { user, section, fake } = await openCompare();
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", PUBLISHED),
    ]);
    await within(section).findByText("Năm trước: 2024.xlsx (bảng kết quả)");
    await user.click(screen.getByRole("tab", { name: "Giải thích" }));
    expect(screen.queryByRole("region", { name: "So với năm trước" })).toBeNull();
    await user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const back = screen.getByRole("region", { name: "So với năm trước" });
    expect(within(back).getByText("Năm trước: 2024.xlsx (bảng kết quả)")).toBeInTheDocument();
    const so = within(back).getByRole("list", { name: "Khối sở (năm trước: KHỐI SỞ, BAN, NGÀNH)" });
    expect(within(within(so).getAllByRole("listitem")[0]).getByLabelText("Tăng 2 bậc")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await screen.findByRole("region", { name: "Kết quả theo khối" });
    const sheet = fake.plans[0].sheets.find((s) => s.purpose === "ranking" && s.group === "Khối sở")!;
    const values = sheet.patches.flatMap((p) => p.values);
    expect(values.some((row) => row.includes("Năm trước - Chỉ số (%)"))).toBe(true);
    expect(fake.workbook.sheets.map((s) => s.name)).not.toContain("2024.xlsx");
  });

  it("is forgotten when cleared: no movement shown, and the ranking written has no last-year columns", async () => {
    const { user, section, fake } = await openCompare();
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", PUBLISHED),
    ]);
    await within(section).findByText("Năm trước: 2024.xlsx (bảng kết quả)");
    await user.click(within(section).getByRole("button", { name: "Bỏ so sánh" }));
    expect(within(section).queryByText("Năm trước: 2024.xlsx (bảng kết quả)")).toBeNull();
    expect(within(section).queryByRole("button", { name: "Bỏ so sánh" })).toBeNull();
    // Still forgotten after a tab switch (the cleared state is the session's, not the tab's).
    await user.click(screen.getByRole("tab", { name: "Tổng quan" }));
    await user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const back = screen.getByRole("region", { name: "So với năm trước" });
    expect(within(back).queryByText(/Năm trước: 2024\.xlsx/)).toBeNull();
    expect(within(back).queryByRole("list")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await screen.findByRole("region", { name: "Kết quả theo khối" });
    const sheet = fake.plans[0].sheets.find((s) => s.purpose === "ranking" && s.group === "Khối sở")!;
    const values = sheet.patches.flatMap((p) => p.values);
    expect(values.some((row) => row.includes("Năm trước - Chỉ số (%)"))).toBe(false);
    expect(values.some((row) => row[1] === "Sở Tư pháp")).toBe(true);
  });
});

describe("Giải thích with last year picked", () => {
  it("gives the unit's last year and, for a field with the same maximum both years, its change", async () => {
    const { user, section } = await openCompare();
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", LAST_YEAR_SCORED),
    ]);
    await within(section).findByText("Năm trước: 2024.xlsx (bảng chấm điểm)");
    await user.click(screen.getByRole("tab", { name: "Giải thích" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Đơn vị" }), "Sở Tư pháp");
    // This year 4,5/5 = 90 %, 1st; last year 6/6 = 100 %, 1st.
    expect(screen.getByRole("region", { name: "Sở Tư pháp" })).toHaveTextContent(
      "Năm trước: 100,00 %, hạng 1 · =, chỉ số −10,00 điểm %",
    );
    const [fieldI, fieldII] = within(screen.getByRole("list", { name: "Theo lĩnh vực" })).getAllByRole(
      "listitem",
    );
    // Field I was worth 4 last year: no change shown. Field II: 1,5/2 = 75 % against 100 %.
    expect(fieldI).toHaveTextContent("3/3 điểm · 100,00 %");
    expect(fieldI).not.toHaveTextContent("năm trước");
    expect(fieldII).toHaveTextContent("1,5/2 điểm · 75,00 % · năm trước 100,00 % (−25,00)");
  });

  it("shows a unit last year did not have as new, and nothing of last year once cleared", async () => {
    const { user, section } = await openCompare();
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", LAST_YEAR_SCORED),
    ]);
    await within(section).findByText("Năm trước: 2024.xlsx (bảng chấm điểm)");
    await user.click(screen.getByRole("tab", { name: "Giải thích" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Đơn vị" }), "Sở Y tế");
    expect(screen.getByRole("region", { name: "Sở Y tế" })).toHaveTextContent(
      "Năm trước: chưa có (đơn vị mới)",
    );
    await user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
    await user.click(screen.getByRole("button", { name: "Bỏ so sánh" }));
    await user.click(screen.getByRole("tab", { name: "Giải thích" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Đơn vị" }), "Sở Tư pháp");
    expect(screen.getByRole("region", { name: "Sở Tư pháp" })).not.toHaveTextContent("Năm trước");
    expect(screen.getByRole("list", { name: "Theo lĩnh vực" })).not.toHaveTextContent("năm trước");
  });
});

describe("Xếp hạng with last year picked", () => {
  it("writes the ranking sheets with the Năm trước and Thay đổi columns", async () => {
    const { user, section, fake } = await openCompare();
    await user.upload(within(section).getByLabelText("Chọn tệp năm trước…"), [
      await xlsxFile("2024.xlsx", PUBLISHED),
    ]);
    await within(section).findByText("Năm trước: 2024.xlsx (bảng kết quả)");
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await screen.findByRole("region", { name: "Kết quả theo khối" });
    const sheet = fake.plans[0].sheets.find((s) => s.purpose === "ranking" && s.group === "Khối sở")!;
    const values = sheet.patches.flatMap((p) => p.values);
    const header = values.find((row) => row.includes("Năm trước - Chỉ số (%)"))!;
    const at = header.indexOf("Năm trước - Chỉ số (%)");
    const row = values.find((r) => r[1] === "Sở Tư pháp")!;
    expect(row.slice(at, at + 4)).toEqual([85, 3, "▲2", 5]);
  });
});
