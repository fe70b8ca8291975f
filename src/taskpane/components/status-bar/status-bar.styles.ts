import { makeStyles, tokens } from "@fluentui/react-components";

export const useStatusBarStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});
