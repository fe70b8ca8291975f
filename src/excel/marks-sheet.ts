/**
 * PAR Scorer's private, very hidden sheet holding the fills of the cells it marked, so that the
 * marks can be removed exactly even after the workbook was closed and reopened. The Office.js
 * reader leaves it out of snapshots: it is the adapter's own storage, not workbook data.
 */
export const MARKS_SHEET = "_ParScorerMarks";
export const MARKS_MARKER = "PAR Scorer marks v1";
