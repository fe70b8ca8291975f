import { makeStyles, tokens } from "@fluentui/react-components";

export const useImportPanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  file: { maxWidth: "100%", fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  picker: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});
