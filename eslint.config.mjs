// Lint: typescript-eslint's recommended rules, React's, and eslint-plugin-office-addins' own rules from its
// React config (the Office.js rules Microsoft's templates use). Formatting is left to the editor.
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import tseslint from "typescript-eslint";

const officeRules = Object.fromEntries(
  officeAddins.configs.react
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith("office-addins/")),
);

export default tseslint.config(
  { ignores: ["dist/", "lib/", "coverage/", "node_modules/", "test-results/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, react },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
);
