/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core/analyze";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { renderPane } from "./render-pane";

const book = buildProvinceWorkbook({ units: 4, layout: "unitSheets", seed: 3 });
const expected = analyzeWorkbook(book.snapshot);

describe("Tổng quan: what was found", () => {
  it("names the criteria sheet and counts its fields, leaves and maximum", async () => {
    await renderPane(book.snapshot);
    expect(screen.getByRole("combobox", { name: "Sheet bộ tiêu chí" })).toHaveValue(book.criteriaSheet);
    const criteria = expected.criteria!;
    expect(
      screen.getByText(
        `${criteria.fieldIds.length} lĩnh vực, ${criteria.leafIds.length} tiêu chí chấm điểm, tổng điểm tối đa 100`,
      ),
    ).toBeInTheDocument();
  });

  it("lists every unit with its group", async () => {
    await renderPane(book.snapshot);
    const list = screen.getByRole("list", { name: `Đơn vị (${book.units.length})` });
    for (const unit of book.units) {
      const item = within(list).getByText(unit.name).closest("li")!;
      expect(item).toHaveTextContent(unit.group);
    }
  });

  it("shows the columns read from the criteria sheet", async () => {
    const { user } = await renderPane(book.snapshot);
    await user.click(screen.getByRole("button", { name: "Cột dữ liệu" }));
    expect(screen.getByRole("textbox", { name: "Sheet bộ tiêu chí: STT / Mã" })).toHaveValue("A");
    expect(screen.getByRole("textbox", { name: "Sheet bộ tiêu chí: Điểm tối đa" })).toHaveValue("C");
  });
});

describe("Tổng quan: corrections are saved in the workbook", () => {
  it("saves a unit's group and shows it after reading again", async () => {
    const { fake, user } = await renderPane(book.snapshot);
    const unit = book.units[0].name;
    await user.selectOptions(screen.getByRole("combobox", { name: "Đơn vị" }), unit);
    await user.type(screen.getByRole("combobox", { name: "Khối" }), "Khối thí điểm");
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalledTimes(1));
    expect(fake.saveSettings.mock.calls[0][0].unitGroups).toEqual({ [unit]: "Khối thí điểm" });
    expect(await screen.findByText("Đã lưu vào bảng tính.")).toBeInTheDocument();
  });

  it("saves another criteria sheet when one is picked", async () => {
    const { fake, user } = await renderPane(book.snapshot);
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Sheet bộ tiêu chí" }),
      book.unitsListSheet,
    );
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalledTimes(1));
    expect(fake.saveSettings.mock.calls[0][0].sheets.criteria).toBe(book.unitsListSheet);
  });

  it("saves a remapped column as letters", async () => {
    const { fake, user } = await renderPane(book.snapshot);
    await user.click(screen.getByRole("button", { name: "Cột dữ liệu" }));
    const evidence = screen.getByRole("textbox", { name: "Sheet chấm điểm: Tài liệu kiểm chứng" });
    await user.clear(evidence);
    await user.type(evidence, "h");
    await user.click(screen.getByRole("button", { name: "Lưu cột" }));
    await waitFor(() => expect(fake.saveSettings).toHaveBeenCalledTimes(1));
    expect(fake.saveSettings.mock.calls[0][0].columns.scoring).toEqual({ evidence: "H" });
  });

  it("refuses column text that is not letters and saves nothing", async () => {
    const { fake, user } = await renderPane(book.snapshot);
    await user.click(screen.getByRole("button", { name: "Cột dữ liệu" }));
    const code = screen.getByRole("textbox", { name: "Sheet chấm điểm: STT / Mã" });
    await user.clear(code);
    await user.type(code, "1");
    await user.click(screen.getByRole("button", { name: "Lưu cột" }));
    expect(screen.getByText("Cột phải là chữ cái, ví dụ C hoặc AB.")).toBeInTheDocument();
    expect(fake.saveSettings).not.toHaveBeenCalled();
  });
});
