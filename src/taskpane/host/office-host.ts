/**
 * The real host: the TaskpaneHost built from the Office.js adapters in src/excel. Thin on
 * purpose; everything that talks to Excel lives there, and everything shown lives in components.
 */
import { readWorkbookLayout } from "../../core/analyze";
import { createOfficeWorkbook } from "../../excel/office-workbook";
import { clearIssueHighlights, highlightIssueCells } from "../../excel/highlights";
import { ExcelAdapterError, describeHostError } from "../../excel/host-errors";
import { canImportWorkbooks, importWorksheets, listSheetNames } from "../../excel/import-workbooks";
import { getActiveSheetName, goToCell } from "../../excel/navigation";
import { saveSettingsToWorkbook } from "../../excel/settings-store";
import { themeForBackground } from "./office-theme";
import { readXlsxSnapshot } from "./read-xlsx-snapshot";
import type {
  ImportCandidate,
  ImportFile,
  ImportFileProblem,
  TaskpaneHost,
  ThemeKind,
} from "./taskpane-host";

/** A scoring sheet of a picked file and the units on it. */
type FileSheet = { sheet: string; units: string[] };

/** The task pane's host inside Excel (call after Office.onReady). */
export function createOfficeHost(): TaskpaneHost {
  const port = createOfficeWorkbook();

  // A file is read once, whether it is inspected and then imported or imported straight away.
  const found = new WeakMap<ImportFile, Promise<FileSheet[]>>();
  /** The scoring sheets of a file and the units on each, as the engine finds them. */
  function scoringSheets(file: ImportFile): Promise<FileSheet[]> {
    let sheets = found.get(file);
    if (!sheets) {
      sheets = readXlsxSnapshot(file.base64).then(
        (snapshot) => {
          const parsed = readWorkbookLayout(snapshot);
          // Every copy of a unit (drafts and duplicates too): the workbook decides once they are in.
          const units = [...parsed.units, ...(parsed.setAside ?? [])];
          return [...parsed.layout.unitSheets, ...parsed.layout.matrixSheets].map((sheet) => ({
            sheet,
            units: units.filter((u) => u.sheet === sheet).map((u) => u.unit),
          }));
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
      const problems: ImportFileProblem[] = [];
      for (const file of files) {
        let sheets: FileSheet[];
        try {
          sheets = await scoringSheets(file);
        } catch (error) {
          // One unreadable file does not stop the others.
          problems.push({
            file: file.name,
            message: { vi: describeHostError(error, "vi"), en: describeHostError(error, "en") },
          });
          continue;
        }
        for (const { sheet, units } of sheets) {
          const key = sheet.toLowerCase();
          // A sheet an earlier file of this pick brings is asked about like one already in the workbook.
          candidates.push({ file: file.name, sheet, exists: present.has(key), units });
          present.add(key);
        }
      }
      return { candidates, problems };
    },
    async importWorkbooks(files, replace) {
      const imported: string[] = [];
      const skipped: string[] = [];
      for (const file of files) {
        let sheets: FileSheet[];
        try {
          sheets = await scoringSheets(file);
        } catch {
          continue; // reported by inspectImport
        }
        const result = await importWorksheets(
          file.base64,
          sheets.map((s) => s.sheet),
          replace,
        );
        for (const name of result.imported) if (!imported.includes(name)) imported.push(name);
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
