/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { smallUnitSheet, smallWorkbook } from "../cli/workbooks";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { renderPane } from "./render-pane";

const book = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 2 });
const xlsx = (name: string) =>
  new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });

describe("Nhập file đơn vị", () => {
  it("is not offered where the host cannot import sheets", async () => {
    await renderPane(book.snapshot, { canImport: false });
    expect(screen.queryByRole("tab", { name: "Nhập file" })).toBeNull();
  });

  it("reads the picked files as base64 and copies new sheets in without asking", async () => {
    const { fake, user } = await renderPane(book.snapshot, {
      importCandidates: [{ file: "so-y-te.xlsx", sheet: "Sở Y tế", exists: false }],
    });
    await user.click(screen.getByRole("tab", { name: "Nhập file" }));
    await user.upload(screen.getByLabelText("Chọn file .xlsx…"), [xlsx("so-y-te.xlsx")]);
    await waitFor(() => expect(fake.importWorkbooks).toHaveBeenCalledTimes(1));
    expect(fake.inspectImport.mock.calls[0][0]).toEqual([{ name: "so-y-te.xlsx", base64: "UEsDBA==" }]);
    expect(fake.importWorkbooks.mock.calls[0][1]).toBe(false);
    expect(await screen.findByText("Đã nhập 1 sheet: Sở Y tế")).toBeInTheDocument();
    expect(screen.getByText("so-y-te.xlsx: 1 đơn vị — Sở Y tế")).toBeInTheDocument();
  });

  it("replaces a unit already present only after the user confirms", async () => {
    const { fake, user } = await renderPane(book.snapshot, {
      importCandidates: [{ file: "a.xlsx", sheet: book.units[0].sheet, exists: true }],
    });
    await user.click(screen.getByRole("tab", { name: "Nhập file" }));
    await user.upload(screen.getByLabelText("Chọn file .xlsx…"), [xlsx("a.xlsx")]);
    const dialog = await screen.findByRole("alertdialog", { name: "Thay thế bảng điểm đã có?" });
    expect(dialog).toHaveTextContent(book.units[0].sheet);
    expect(fake.importWorkbooks).not.toHaveBeenCalled();
    // hidden: Fluent's focus trap may mark the open dialog aria-hidden in jsdom after a while.
    await user.click(within(dialog).getByRole("button", { name: "Thay thế", hidden: true }));
    await waitFor(() => expect(fake.importWorkbooks).toHaveBeenCalledWith(expect.any(Array), true));
  });

  it("keeps the unit already present when the user says so", async () => {
    const { fake, user } = await renderPane(book.snapshot, {
      importCandidates: [{ file: "a.xlsx", sheet: book.units[0].sheet, exists: true }],
    });
    await user.click(screen.getByRole("tab", { name: "Nhập file" }));
    await user.upload(screen.getByLabelText("Chọn file .xlsx…"), [xlsx("a.xlsx")]);
    await user.click(await screen.findByRole("button", { name: "Giữ nguyên" }));
    await waitFor(() => expect(fake.importWorkbooks).toHaveBeenCalledWith(expect.any(Array), false));
    expect(await screen.findByText(`Giữ nguyên 1 sheet đã có: ${book.units[0].sheet}`)).toBeInTheDocument();
  });

  it("reports every picked file (units with their sheets, or why unreadable) and names sheets and units imported", async () => {
    const { fake, user } = await renderPane(book.snapshot, {
      importCandidates: [
        { file: "so-tu-phap.xlsx", sheet: "Tự đánh giá", exists: false, units: ["Sở Tư pháp"] },
        { file: "khoi-so.xlsx", sheet: "Sở Y tế", exists: false, units: ["Sở Y tế"] },
        { file: "khoi-so.xlsx", sheet: "Ban Dân tộc", exists: false, units: ["Ban Dân tộc"] },
      ],
      importProblems: [
        {
          file: "cong-van.docx",
          message: { vi: 'Không đọc được tệp "cong-van.docx".', en: 'Cannot read "cong-van.docx".' },
        },
      ],
    });
    await user.click(screen.getByRole("tab", { name: "Nhập file" }));
    await user.upload(screen.getByLabelText("Chọn file .xlsx…"), [
      xlsx("so-tu-phap.xlsx"),
      xlsx("cong-van.docx"),
      xlsx("khoi-so.xlsx"),
    ]);
    await waitFor(() => expect(fake.importWorkbooks).toHaveBeenCalledTimes(1));
    // The unreadable file is not handed to the import; the others are.
    expect(fake.importWorkbooks.mock.calls[0][0].map((f) => f.name)).toEqual([
      "so-tu-phap.xlsx",
      "khoi-so.xlsx",
    ]);
    const report = screen.getByRole("list", { name: "Nhập bảng điểm của đơn vị" });
    expect(
      within(report)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "so-tu-phap.xlsx: 1 đơn vị — Sở Tư pháp (sheet Tự đánh giá)",
      'cong-van.docx: không đọc được — Không đọc được tệp "cong-van.docx".',
      "khoi-so.xlsx: 2 đơn vị — Sở Y tế (sheet Sở Y tế), Ban Dân tộc (sheet Ban Dân tộc)",
      "Đã đọc 3 tệp: 3 đơn vị; 1 tệp không đọc được.",
    ]);
    expect(
      await screen.findByText(
        "Đã nhập 3 sheet: Tự đánh giá (Sở Tư pháp), Sở Y tế (Sở Y tế), Ban Dân tộc (Ban Dân tộc)",
      ),
    ).toBeInTheDocument();
  });

  it("asks before a second copy of a sheet in the same pick replaces the first, as for a later pick", async () => {
    const { fake, user } = await renderPane(book.snapshot, {
      importCandidates: [
        { file: "lan-1.xlsx", sheet: "Tự đánh giá", exists: false, units: ["Sở Tư pháp"] },
        { file: "lan-2.xlsx", sheet: "Tự đánh giá", exists: true, units: ["Sở Tư pháp"] },
      ],
    });
    await user.click(screen.getByRole("tab", { name: "Nhập file" }));
    await user.upload(screen.getByLabelText("Chọn file .xlsx…"), [xlsx("lan-1.xlsx"), xlsx("lan-2.xlsx")]);
    const dialog = await screen.findByRole("alertdialog", { name: "Thay thế bảng điểm đã có?" });
    expect(dialog).toHaveTextContent("Bảng tính đã có các sheet sau: Tự đánh giá.");
    expect(fake.importWorkbooks).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Giữ nguyên", hidden: true }));
    await waitFor(() => expect(fake.importWorkbooks).toHaveBeenCalledWith(expect.any(Array), false));
  });

  it("offers a pick between two different copies of a unit, saved as the sources setting", async () => {
    // A second, different sheet for Sở Tư pháp: nothing tells which copy is right.
    const { sheets } = smallWorkbook([smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "STP gửi lại" })]);
    const { fake, user } = await renderPane({ sheets });
    await user.click(screen.getByRole("tab", { name: "Nhập file" }));
    const section = await screen.findByRole("region", { name: "Đơn vị có nhiều bảng điểm khác nhau" });
    expect(section).toHaveTextContent("Sở Tư pháp chưa được xếp hạng cho đến khi chọn bản dùng:");
    await user.click(within(section).getByRole("button", { name: "Dùng sheet STP gửi lại" }));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalled());
    expect(fake.saveSettings.mock.calls.at(-1)![0].sources).toEqual({ "Sở Tư pháp": "STP gửi lại" });
    await waitFor(() =>
      expect(screen.queryByRole("region", { name: "Đơn vị có nhiều bảng điểm khác nhau" })).toBeNull(),
    );
    expect(
      await screen.findByText("Đã chọn sheet STP gửi lại cho Sở Tư pháp (lưu trong cài đặt sources)."),
    ).toBeInTheDocument();
  });
});
