// One lint configuration for every TypeScript package. Type-aware rules are
// limited to the ones that catch real bugs in async code (a promise nobody
// awaits, a promise where a callback is expected).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/gen/**", "**/gen-lite/**", "**/node_modules/**", "**/.turbo/**", "sdks/**", "bench/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: {
        project: ["packages/*/tsconfig.test.json", "testenv/*/tsconfig.json", "testenv/*/tsconfig.test.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // A `let` a signal handler reads before the top-level await assigns it is not a const.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
);
