/**
 * Light or dark pane from Office's theme colours, so that the pane matches Excel's
 * (Office.context.officeTheme; absent on some hosts, where the pane stays light).
 */
import type { ThemeKind } from "./taskpane-host";

/** "dark" when a #RRGGBB background is dark (relative luminance below one half), else "light". */
export function themeForBackground(color: string | null | undefined): ThemeKind {
  const m = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim()) : null;
  if (!m) return "light";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}
