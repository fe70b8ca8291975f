import { describeFileProblem } from "../../src/node/file-problems";

describe("messages for unusable files", () => {
  it("quote an engine reason as one sentence, with a single full stop", () => {
    const text = describeFileProblem({
      code: "unreadable_workbook",
      file: "/tmp/so-y-te.xlsx",
      detail: "Không tìm thấy sheet bộ tiêu chí.",
    });
    expect(text).toBe("Không đọc được bảng tính so-y-te.xlsx: Không tìm thấy sheet bộ tiêu chí.");
  });

  it("end a reason without its own full stop with one", () => {
    const text = describeFileProblem(
      { code: "unreadable_workbook", file: "/tmp/a.xlsx", detail: "the zip is damaged" },
      "en",
    );
    expect(text).toBe("Cannot read the workbook a.xlsx: the zip is damaged.");
  });
});
