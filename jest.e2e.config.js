/**
 * Browser tests: the production build in dist/ (run `npm run build` first) served on 127.0.0.1 and driven in
 * Debian's Chromium (/usr/bin/chromium) through playwright-core. Never a downloaded browser.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  testTimeout: 120000,
  maxWorkers: 1,
};
