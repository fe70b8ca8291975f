/** Jest: TypeScript through ts-jest; node by default, jsdom for files that ask for it
 * (`@jest-environment jsdom` docblock, the task pane's component tests). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 30000,
  // Property tests use one fixed seed (FC_SEED overrides it): test/setup-fast-check.ts.
  setupFiles: ["<rootDir>/test/setup-fast-check.ts"],
};
