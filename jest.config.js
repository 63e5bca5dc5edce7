/** Unit, adapter and component tests. Browser tests have their own config (jest.e2e.config.js). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    // Type errors are the job of `npm run typecheck`; here only transpile, which keeps the suite fast.
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  moduleNameMapper: {
    "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js",
  },
  setupFiles: ["<rootDir>/test/support/jsdom-setup.ts"],
  testTimeout: 30000,
};
