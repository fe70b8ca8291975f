import type { ImportFile } from "../../host/taskpane-host";

/** Reads picked files as base64 (what Office's insertWorksheetsFromBase64 takes). */
export function readFilesAsBase64(files: readonly File[]): Promise<ImportFile[]> {
  return Promise.all(files.map(readOne));
}

function readOne(file: File): Promise<ImportFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, base64: url.slice(url.indexOf(",") + 1) });
    };
    reader.readAsDataURL(file);
  });
}
