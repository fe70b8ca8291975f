/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core/analyze";
import { explainUnit } from "../../src/core/explain/explain-unit";
import { formatDecimalVi } from "../../src/core/text";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { renderPane } from "./render-pane";

const book = buildProvinceWorkbook({ units: 8, layout: "unitSheets", seed: 9 });
const analysis = analyzeWorkbook(book.snapshot);
const vi = (n: number) => String(Math.round(n * 1e6) / 1e6).replace(".", ",");

async function openExplain(unit: string) {
  const pane = await renderPane(book.snapshot);
  await pane.user.click(screen.getByRole("tab", { name: "Giải thích" }));
  await pane.user.selectOptions(screen.getByRole("combobox", { name: "Đơn vị" }), unit);
  return pane;
}

describe("Giải thích: a unit's result explained", () => {
  const unit = book.units[2].name;
  const x = explainUnit(analysis, unit)!;

  it("shows the unit's index and points", async () => {
    await openExplain(unit);
    expect(
      screen.getByText(`Chỉ số: ${formatDecimalVi(x.index!, 2)} % (${vi(x.points)}/${vi(x.maxPoints)} điểm)`),
    ).toBeInTheDocument();
  });

  it("shows every field with its points and maximum", async () => {
    await openExplain(unit);
    const list = screen.getByRole("list", { name: "Theo lĩnh vực" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(x.fields.length);
    const first = x.fields[0];
    expect(items[0]).toHaveTextContent(`${first.code}. ${first.title}`);
    expect(items[0]).toHaveTextContent(`${vi(first.points)}/${vi(first.maxPoints)} điểm`);
  });

  it("lists the largest losses first and selects a loss's cell when clicked", async () => {
    const { fake, user } = await openExplain(unit);
    const list = screen.getByRole("list", { name: "Tiêu chí bị mất nhiều điểm nhất" });
    const links = within(list).getAllByRole("button");
    const top = x.lostPoints[0];
    expect(links[0]).toHaveTextContent(`${top.code} ${top.title}: ${vi(top.points)}/${vi(top.maxPoints)}`);
    await user.click(links[0]);
    expect(fake.goTo).toHaveBeenCalledWith(top.sheet, top.cell);
    expect(top.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it("switches to another unit's explanation when another unit is picked", async () => {
    const other = book.units[3].name;
    const y = explainUnit(analysis, other)!;
    await openExplain(other);
    expect(
      screen.getByText(`Chỉ số: ${formatDecimalVi(y.index!, 2)} % (${vi(y.points)}/${vi(y.maxPoints)} điểm)`),
    ).toBeInTheDocument();
  });
});

describe("Giải thích: criteria not applicable", () => {
  it("lists a unit's criteria marked not applicable", async () => {
    const withNa = book.units
      .map((u) => explainUnit(analysis, u.name)!)
      .find((e) => e.notApplicable.length > 0)!;
    expect(withNa).toBeDefined();
    await openExplain(withNa.unit);
    const list = screen.getByRole("list", { name: "Tiêu chí không áp dụng" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(withNa.notApplicable.length);
  });

  it("shows no such list for a unit where every criterion applies", async () => {
    const all = book.units
      .map((u) => explainUnit(analysis, u.name)!)
      .find((e) => e.notApplicable.length === 0)!;
    await openExplain(all.unit);
    expect(screen.queryByRole("list", { name: "Tiêu chí không áp dụng" })).toBeNull();
  });
});
