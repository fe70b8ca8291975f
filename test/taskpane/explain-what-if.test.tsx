/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
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

// Sở Tư pháp 4,5/5 = 90 % (1st, A); Sở Y tế 4/5 = 80 %; Ban Dân tộc 4/5 = 80 % (both 2nd, B).
const WORKBOOK: WorkbookSnapshot = {
  sheets: [
    CRITERIA,
    unitSheet("Sở Tư pháp", [2, 1, 1.5]),
    unitSheet("Sở Y tế", [1.5, 0.5, 2]),
    unitSheet("Ban Dân tộc", [2, 0.5, 1.5]),
  ],
};

async function openWhatIf(unit: string) {
  const pane = await renderPane(WORKBOOK);
  await pane.user.click(screen.getByRole("tab", { name: "Giải thích" }));
  await pane.user.selectOptions(screen.getByRole("combobox", { name: "Đơn vị" }), unit);
  const section = screen.getByRole("region", { name: "Thử điểm khác" });
  const result = () => within(section).getByRole("status", { name: "Kết quả với điểm thử" });
  return { ...pane, section, result };
}

describe("Giải thích: trying another score (what-if)", () => {
  it("shows the unit's new points, index, band and rank as soon as a score is typed", async () => {
    const { user, section, result } = await openWhatIf("Ban Dân tộc");
    expect(result()).toHaveTextContent("Chỉ số: 80,00 % → 80,00 %");
    expect(result()).toHaveTextContent("Hạng trong khối: 2 → 2 (trên 3)");
    await user.selectOptions(within(section).getByRole("combobox", { name: "Tiêu chí" }), "1.2");
    expect(within(section).getByText("Điểm đang tính: 0,5")).toBeInTheDocument();
    // The chosen criterion written out in full under the list (a long title is cut in the list).
    const shown = within(section)
      .getAllByText("1.2 Báo cáo CCHC (tối đa 1)")
      .filter((el) => el.tagName !== "OPTION");
    expect(shown).toHaveLength(1);
    await user.type(within(section).getByRole("textbox", { name: "Điểm thử" }), "1");
    expect(result()).toHaveTextContent("Tổng điểm: 4 → 4,5");
    expect(result()).toHaveTextContent("Chỉ số: 80,00 % → 90,00 %");
    expect(result()).toHaveTextContent("Hạng trong khối: 2 → 1 (trên 3)");
    expect(result()).toHaveTextContent("Xếp loại: B → A");
  });

  it("takes a decimal comma, several leaves at once, and a reset brings the result back", async () => {
    const { user, section, result } = await openWhatIf("Ban Dân tộc");
    const leaf = within(section).getByRole("combobox", { name: "Tiêu chí" });
    const score = () => within(section).getByRole("textbox", { name: "Điểm thử" });
    await user.selectOptions(leaf, "2.1");
    await user.type(score(), "0,5");
    await user.selectOptions(leaf, "1.1");
    await user.type(score(), "1");
    expect(result()).toHaveTextContent("Tổng điểm: 4 → 2");
    expect(result()).toHaveTextContent("Hạng trong khối: 2 → 3 (trên 3)");
    const tried = within(section).getByRole("list", { name: "Các điểm đang thử" });
    expect(
      within(tried)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining("2.1: 0,5"), expect.stringContaining("1.1: 1")]);
    await user.click(within(section).getByRole("button", { name: "Đặt lại" }));
    expect(result()).toHaveTextContent("Tổng điểm: 4 → 4");
    expect(result()).toHaveTextContent("Hạng trong khối: 2 → 2 (trên 3)");
    expect(score()).toHaveValue("");
    expect(within(section).queryByRole("list", { name: "Các điểm đang thử" })).toBeNull();
  });

  it("explains an invalid score and leaves the result as it was", async () => {
    const { user, section, result } = await openWhatIf("Ban Dân tộc");
    await user.selectOptions(within(section).getByRole("combobox", { name: "Tiêu chí" }), "1.2");
    const score = within(section).getByRole("textbox", { name: "Điểm thử" });
    await user.type(score, "abc");
    expect(
      within(section).getByText('Điểm "abc" không phải là số. Nhập số, ví dụ 0,75.'),
    ).toBeInTheDocument();
    expect(result()).toHaveTextContent("Tổng điểm: 4 → 4");
    await user.clear(score);
    await user.type(score, "3");
    expect(within(section).getByText("Điểm 3 vượt điểm tối đa 1. Cần từ 0 đến 1.")).toBeInTheDocument();
    expect(result()).toHaveTextContent("Chỉ số: 80,00 % → 80,00 %");
  });

  it("never writes to the workbook", async () => {
    const { user, section, fake } = await openWhatIf("Sở Y tế");
    await user.type(within(section).getByRole("textbox", { name: "Điểm thử" }), "2");
    expect(fake.plans).toEqual([]);
    expect(fake.workbook.sheets.find((s) => s.name === "Sở Y tế")?.values[3][3]).toBe(1.5);
  });

  it("lists where points can be gained with the field, the cell and the index at full points", async () => {
    await openWhatIf("Ban Dân tộc");
    const list = screen.getByRole("list", { name: "Tiêu chí bị mất nhiều điểm nhất" });
    const items = within(list).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("1.2 Báo cáo CCHC: 0,5/1 (mất 0,5)");
    expect(items[0]).toHaveTextContent(
      "Lĩnh vực I · Ban Dân tộc!D5 · nếu đạt tối đa: chỉ số 90,00 %, hạng 1",
    );
    expect(items[1]).toHaveTextContent("Lĩnh vực II · Ban Dân tộc!D7");
  });
});
