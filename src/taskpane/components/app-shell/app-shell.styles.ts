import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout of the pane: a header, the tabs, then the current panel; never wider than the pane. */
export const useAppShellStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "100%",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  tabs: {
    flexWrap: "wrap",
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  panel: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    // Fields, selects and inputs size to their content by default; in a 320 px pane they must
    // shrink to the column instead (a long option is cut, the pane never scrolls sideways).
    "& .fui-Field, & .fui-Select, & .fui-Input, & select, & input": { minWidth: 0, maxWidth: "100%" },
  },
});
