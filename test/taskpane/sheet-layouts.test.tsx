/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import { SETTINGS_SHEET, serializeSavedState, settingsSheetValues } from "../../src/core/saved-settings";
import { type SettingsInput, parseSettings } from "../../src/core/settings";
import { renderPane, waitUntilIdle } from "./render-pane";

const CRITERIA: SheetSnapshot = {
  name: "Bộ tiêu chí",
  values: [
    ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC", null, null],
    [null, null, null],
    ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa"],
    ["I", "Công tác chỉ đạo, điều hành", 3],
    ["1.1", "Kế hoạch CCHC năm", 2],
    ["1.2", "Báo cáo CCHC", 1],
    ["II", "Cải cách thủ tục hành chính", 2],
    ["2.1", "Công khai thủ tục hành chính", 2],
  ],
};

function unitSheet(unit: string, scores: CellValue[]): SheetSnapshot {
  return {
    name: unit,
    values: [
      ["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC", null, null, null],
      [`Đơn vị: ${unit}`, null, null, null],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
      ["I", "Công tác chỉ đạo, điều hành", 3, null],
      ["1.1", "Kế hoạch CCHC năm", 2, scores[0]],
      ["1.2", "Báo cáo CCHC", 1, scores[1]],
      ["II", "Cải cách thủ tục hành chính", 2, null],
      ["2.1", "Công khai thủ tục hành chính", 2, scores[2]],
    ],
  };
}

const BOOK: WorkbookSnapshot = {
  sheets: [CRITERIA, unitSheet("Sở Tư pháp", [2, 1, 2]), unitSheet("Sở Y tế", [1, 1, 1.5])],
};

async function openLayouts(user: Awaited<ReturnType<typeof renderPane>>["user"]) {
  await user.click(screen.getByRole("button", { name: "Cách đọc từng sheet (3)" }));
}

describe("Tổng quan: how each sheet is read", () => {
  it("shows what was detected for every sheet: kind, shape, header rows, codes, unit name, source", async () => {
    const { user } = await renderPane(BOOK);
    await openLayouts(user);
    const criteria = screen.getByRole("listitem", { name: "Sheet Bộ tiêu chí" });
    expect(criteria).toHaveTextContent("Bộ tiêu chí");
    expect(within(criteria).getByText("Tiêu đề: hàng 3 · Mã tiêu chí: cột A")).toBeInTheDocument();
    const unit = screen.getByRole("listitem", { name: "Sheet Sở Y tế" });
    expect(within(unit).getByText("Bảng chấm điểm · sheet của một đơn vị")).toBeInTheDocument();
    expect(
      within(unit).getByText("Tiêu đề: hàng 3 · Mã tiêu chí: cột A · Tên đơn vị: ô A2"),
    ).toBeInTheDocument();
    expect(within(unit).getByText("Tự nhận biết")).toBeInTheDocument();
    // Nothing is wrong: no form is open and no problem is shown.
    expect(screen.queryByRole("form", { name: "Cách đọc sheet Sở Y tế" })).toBeNull();
    expect(screen.queryByText(/chưa đọc được/)).toBeNull();
  });

  it("saves a sheet's correction in the workbook's settings and reads the workbook again", async () => {
    const { fake, user } = await renderPane(BOOK);
    await openLayouts(user);
    await user.click(screen.getByRole("button", { name: "Sửa cách đọc sheet Sở Y tế" }));
    const form = screen.getByRole("form", { name: "Cách đọc sheet Sở Y tế" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Loại sheet (Sở Y tế)" }), "ignore");
    await user.type(within(form).getByRole("textbox", { name: "Hàng tiêu đề đầu (Sở Y tế)" }), "3");
    await user.click(within(form).getByRole("button", { name: "Lưu và đọc lại" }));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalledTimes(1));
    expect(fake.saveSettings.mock.calls[0][0].sheetLayouts).toEqual({
      "Sở Y tế": { kind: "ignore", headerRows: [3, 3] },
    });
    await waitUntilIdle(fake, 2);
    expect(await screen.findByText("Đã lưu và đọc lại sheet Sở Y tế.")).toBeInTheDocument();
    // The sheet is now read as the user said (ignored: its unit is gone), and can go back to detection.
    const unit = screen.getByRole("listitem", { name: "Sheet Sở Y tế" });
    expect(within(unit).getByText("Bạn đã chọn")).toBeInTheDocument();
    expect(within(unit).getByText("Bỏ qua", { selector: "span" })).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Đơn vị (1)" })).toBeInTheDocument();
    await user.click(within(unit).getByRole("button", { name: "Trả về tự nhận biết" }));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalledTimes(2));
    expect(fake.saveSettings.mock.calls[1][0].sheetLayouts).toEqual({});
  });

  it("speaks English when Office does", async () => {
    const { user } = await renderPane(BOOK, { displayLanguage: "en-GB" });
    await user.click(screen.getByRole("button", { name: "How each sheet is read (3)" }));
    const unit = await screen.findByRole("listitem", { name: "Sheet Sở Y tế" });
    expect(within(unit).getByText("Scoring sheet · one unit's sheet")).toBeInTheDocument();
    expect(within(unit).getByText("Header: row 3 · Codes: column A · Unit name: cell A2")).toBeInTheDocument();
    await user.click(within(unit).getByRole("button", { name: "Edit how sheet Sở Y tế is read" }));
    expect(within(unit).getByRole("combobox", { name: "Orientation (Sở Y tế)" })).toBeInTheDocument();
  });

  it("refuses header rows that are not whole numbers and saves nothing", async () => {
    const { fake, user } = await renderPane(BOOK);
    await openLayouts(user);
    await user.click(screen.getByRole("button", { name: "Sửa cách đọc sheet Sở Tư pháp" }));
    const form = screen.getByRole("form", { name: "Cách đọc sheet Sở Tư pháp" });
    await user.type(within(form).getByRole("textbox", { name: "Hàng tiêu đề đầu (Sở Tư pháp)" }), "ba");
    await user.type(within(form).getByRole("textbox", { name: "Cột mã tiêu chí (Sở Tư pháp)" }), "1");
    await user.click(within(form).getByRole("button", { name: "Lưu và đọc lại" }));
    expect(within(form).getByText(/^Chưa lưu: /)).toBeInTheDocument();
    expect(fake.saveSettings).not.toHaveBeenCalled();
  });
});

/** A summary kept the other way round: units in rows, criterion codes along row 3. */
const TRANSPOSED: SheetSnapshot = {
  name: "Tổng hợp",
  values: [
    ["BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM 2025", null, null, null, null, null],
    [null, null, null, null, null, null],
    ["STT", "Tên đơn vị", "1.1", "1.2", "2.1", "Tổng điểm"],
    [null, "Điểm tối đa", 2, 1, 2, 5],
    [1, "Sở Tư pháp", 2, 1, 2, 5],
    [2, "Sở Y tế", 1, 1, 1.5, 3.5],
    [3, "Sở Tài chính", 2, 0.5, 2, 4.5],
  ],
};

/** The workbook with settings saved in it, as a previous session of the pane left them. */
function withSaved(book: WorkbookSnapshot, input: SettingsInput): WorkbookSnapshot {
  const { settings } = parseSettings(input);
  return {
    sheets: [
      ...book.sheets,
      {
        name: SETTINGS_SHEET,
        visibility: "veryHidden",
        values: settingsSheetValues(serializeSavedState(settings, [])),
      },
    ],
  };
}

describe("Tổng quan: a sheet that could not be read", () => {
  // Someone said the summary has its units in columns: read that way it is refused, not scored.
  const book = withSaved(
    { sheets: [CRITERIA, TRANSPOSED] },
    { sheetLayouts: { "Tổng hợp": { orientation: "unitsInColumns" } } },
  );

  it("shows its message and the form to fix it; changing the orientation saves it and the units appear", async () => {
    const { fake, user } = await renderPane(book);
    expect(screen.getByText("1 sheet chưa đọc được: xem “Cách đọc từng sheet” bên dưới.")).toBeInTheDocument();
    expect(screen.getByText("Chưa tìm thấy sheet chấm điểm của đơn vị nào.")).toBeInTheDocument();
    // The part of the tab where it is corrected opens by itself.
    const item = await screen.findByRole("listitem", { name: "Sheet Tổng hợp" });
    expect(within(item).getByText("Bạn đã chọn")).toBeInTheDocument();
    expect(
      within(item).getByText(
        /^Sheet 'Tổng hợp': các mã tiêu chí nằm trên một hàng — bảng có vẻ xếp đơn vị theo hàng; .*Cách sửa: chọn hướng bảng/,
      ),
    ).toBeInTheDocument();
    const form = within(item).getByRole("form", { name: "Cách đọc sheet Tổng hợp" });
    const orientation = within(form).getByRole("combobox", { name: "Hướng bảng (Tổng hợp)" });
    expect(orientation).toHaveValue("unitsInColumns");
    await user.selectOptions(orientation, "unitsInRows");
    await user.click(within(form).getByRole("button", { name: "Lưu và đọc lại" }));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalledTimes(1));
    expect(fake.saveSettings.mock.calls[0][0].sheetLayouts).toEqual({
      "Tổng hợp": { orientation: "unitsInRows" },
    });
    await waitUntilIdle(fake, 2);
    const units = await screen.findByRole("list", { name: "Đơn vị (3)" });
    expect(within(units).getByText("Sở Tài chính")).toBeInTheDocument();
    expect(screen.queryByText(/chưa đọc được/)).toBeNull();
    const read = screen.getByRole("listitem", { name: "Sheet Tổng hợp" });
    expect(within(read).getByText("Bảng chấm điểm · mã tiêu chí trên một hàng · Đơn vị theo hàng")).toBeInTheDocument();
  });
});
