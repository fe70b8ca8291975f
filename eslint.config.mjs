// Lint for the whole of src/: Office add-in rules (their load/sync rules as errors), React, and
// the layering of the code: src/core is pure (no Office, React, DOM or Node), src/app imports only
// the core, and only src/excel may call Office.js.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const nodeBuiltins = [
  "fs",
  "path",
  "os",
  "child_process",
  "crypto",
  "http",
  "https",
  "stream",
  "util",
  "zlib",
  "url",
  "worker_threads",
  "buffer",
];
const nodeImports = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    settings: { react: { version: "detect" } },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-undef": "off",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-console": "error",
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "process",
        "Office",
        "Excel",
        "OfficeExtension",
        "require",
        "Buffer",
        "navigator",
        "setTimeout",
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom", "exceljs", "@fluentui/react-components", ...nodeImports],
          patterns: [
            {
              group: ["**/excel/**", "**/taskpane/**", "**/node/**", "**/cli/**", "**/app/**"],
              message: "The core is pure: it imports no adapter, UI or use-case code.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom", "exceljs", ...nodeImports],
          patterns: [
            {
              group: ["**/excel/**", "**/taskpane/**", "**/node/**", "**/cli/**"],
              message: "The use case knows only the core and its port.",
            },
          ],
        },
      ],
    },
  },
  {
    // ExcelJS objects to snapshots, shared by the command line and the task pane's import: no Node.
    files: ["src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [...nodeImports] }],
      "no-restricted-globals": ["error", "process", "require", "Buffer", "Excel"],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/node/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Excel"],
    },
  },
];
