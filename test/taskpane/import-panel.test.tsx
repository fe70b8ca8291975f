/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
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
    await user.click(within(dialog).getByRole("button", { name: "Thay thế" }));
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
});
