/** Host failures become clear Vietnamese (and English) sentences, from real runs on the stand-in. */
import { makeIssue } from "../../src/core/issues";
import { highlightIssueCells } from "../../src/excel/highlights";
import { describeHostError, explainHostError, isPayloadTooLarge } from "../../src/excel/host-errors";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import {
  type StandInHost,
  createStandInWorkbook,
  installExcelStandIn,
  sheetOf,
} from "../stand-in/excel-stand-in";
import { sheetPlan, writePlan } from "./plan-builders";

let host: StandInHost;
afterEach(() => host?.uninstall());

function install(): StandInHost {
  host = installExcelStandIn(
    globalThis,
    createStandInWorkbook({
      sheets: [
        { name: "Xếp hạng", values: [["cũ"]] },
        { name: "Sở", values: [["x"]] },
      ],
    }),
  );
  return host;
}

const rankingPlan = writePlan([
  sheetPlan({ name: "Xếp hạng", replaces: true, patches: [{ row: 0, col: 0, values: [["mới"]] }] }),
]);

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error("expected the run to fail");
    },
    (e: unknown) => e,
  );
}

it("a protected sheet (AccessDenied from Excel, here when marking issues on it) asks to unprotect it", async () => {
  install();
  sheetOf(host.workbook, "Sở")!.protected = true;
  const issue = makeIssue("score_not_number", { sheet: "Sở", cell: "A1" }, { input: "x" });
  const error = await failureOf(() => highlightIssueCells([issue]));
  expect(describeHostError(error, "vi")).toBe(
    "Bảng tính hoặc sheet đang được bảo vệ (Protect), hoặc bạn không có quyền sửa. Hãy bỏ bảo vệ (Review > Unprotect) rồi thử lại. (mã lỗi: AccessDenied)",
  );
});

it("cell-edit mode asks to finish editing the cell", async () => {
  install();
  host.cellEditMode = true;
  const error = await failureOf(() => createOfficeWorkbook().read());
  expect(explainHostError(error).kind).toBe("cellEditMode");
  expect(describeHostError(error, "vi")).toContain("Excel đang ở chế độ sửa ô");
  expect(describeHostError(error, "en")).toContain("Excel is editing a cell");
});

it("a payload refused twice explains the 5 MB limit of Excel on the web", async () => {
  install();
  host.payloadLimitBytes = 10;
  const error = await failureOf(() => createOfficeWorkbook().read());
  expect(isPayloadTooLarge(error)).toBe(true);
  expect(describeHostError(error, "vi")).toContain("Excel trên web giới hạn 5 MB");
});

it.each([
  ["RequestPayloadSizeLimitExceeded", "tooLarge"],
  ["PayloadTooLarge", "tooLarge"],
  ["ApiNotFound", "unsupported"],
  ["ItemNotFound", "notFound"],
  ["GeneralException", "general"],
  ["SomethingNew", "general"],
])("code %s reads as %s", async (code, kind) => {
  install();
  host.failNextSync(code);
  const error = await failureOf(() => createOfficeWorkbook().write(rankingPlan));
  expect(explainHostError(error)).toMatchObject({ kind, code });
});

it("a thrown value that is not an Excel error gets the general message without a code", () => {
  expect(describeHostError(new TypeError("x is undefined"), "vi")).toBe(
    "Excel báo lỗi khi thực hiện yêu cầu. Hãy lưu bảng tính, thử lại; nếu vẫn lỗi, hãy mở lại Excel.",
  );
});
