/**
 * The real host: the TaskpaneHost built from the Office.js adapters in src/excel. Thin on
 * purpose; everything that talks to Excel lives there, and everything shown lives in components.
 */
import { analyzeWorkbook } from "../../core/analyze";
import { createOfficeWorkbook } from "../../excel/office-workbook";
import { clearIssueHighlights, highlightIssueCells } from "../../excel/highlights";
import { ExcelAdapterError, describeHostError } from "../../excel/host-errors";
import { canImportWorkbooks, importWorksheets, listSheetNames } from "../../excel/import-workbooks";
import { getActiveSheetName, goToCell } from "../../excel/navigation";
import { saveSettingsToWorkbook } from "../../excel/settings-store";
import { themeForBackground } from "./office-theme";
import { readXlsxSnapshot } from "./read-xlsx-snapshot";
import type { ImportCandidate, ImportFile, TaskpaneHost, ThemeKind } from "./taskpane-host";

/** The task pane's host inside Excel (call after Office.onReady). */
export function createOfficeHost(): TaskpaneHost {
  const port = createOfficeWorkbook();

  // A file is read once, whether it is inspected and then imported or imported straight away.
  const found = new WeakMap<ImportFile, Promise<string[]>>();
  /** The scoring sheets of a file, as the engine finds them. */
  function scoringSheets(file: ImportFile): Promise<string[]> {
    let sheets = found.get(file);
    if (!sheets) {
      sheets = readXlsxSnapshot(file.base64).then(
        (snapshot) => {
          const layout = analyzeWorkbook(snapshot).layout;
          return [...layout.unitSheets, ...layout.matrixSheets];
        },
        () => {
          throw new ExcelAdapterError(
            `Không đọc được tệp "${file.name}": đây không phải bảng tính Excel .xlsx, hoặc tệp bị hỏng hay có mật khẩu. Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi nhập lại.`,
            `Cannot read "${file.name}": it is not an Excel .xlsx workbook, or it is damaged or password-protected. Open it in Excel, save it as .xlsx and import it again.`,
          );
        },
      );
      found.set(file, sheets);
    }
    return sheets;
  }

  return {
    port,
    displayLanguage: Office.context?.displayLanguage ?? "vi-VN",
    theme: officeTheme(),
    activeSheet: getActiveSheetName,
    async goTo(sheet, cell) {
      const outcome = await goToCell(sheet, cell);
      if (!outcome.ok) throw new ExcelAdapterError(outcome.vi, outcome.en);
    },
    async highlightIssues(issues) {
      await highlightIssueCells(issues);
    },
    async clearHighlights() {
      await clearIssueHighlights();
    },
    saveSettings: saveSettingsToWorkbook,
    canImport: canImportWorkbooks,
    async inspectImport(files) {
      // Only the names are needed: reading every cell of the workbook here would be wasted.
      const present = new Set((await listSheetNames()).map((name) => name.toLowerCase()));
      const candidates: ImportCandidate[] = [];
      for (const file of files) {
        for (const sheet of await scoringSheets(file)) {
          candidates.push({ file: file.name, sheet, exists: present.has(sheet.toLowerCase()) });
        }
      }
      return candidates;
    },
    async importWorkbooks(files, replace) {
      const imported: string[] = [];
      const skipped: string[] = [];
      for (const file of files) {
        const result = await importWorksheets(file.base64, await scoringSheets(file), replace);
        imported.push(...result.imported);
        skipped.push(...result.skipped);
      }
      return { imported, skipped };
    },
    describeError: describeHostError,
  };
}

/** The pane's theme from Office's, where the host exposes one. */
function officeTheme(): ThemeKind {
  try {
    return themeForBackground(Office.context?.officeTheme?.bodyBackgroundColor);
  } catch {
    // Hosts without themes throw on officeTheme instead of returning undefined.
    return "light";
  }
}
