/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
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
    // The correction can be handed back to detection.
    const unit = screen.getByRole("listitem", { name: "Sheet Sở Y tế" });
    await user.click(within(unit).getByRole("button", { name: "Trả về tự nhận biết" }));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalledTimes(2));
    expect(fake.saveSettings.mock.calls[1][0].sheetLayouts).toEqual({});
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
