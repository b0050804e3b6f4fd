// The site's own JavaScript, linted by `tests/test_lint.py` (ESLint's recommended rules: syntax
// errors, undefined names, unused variables, unreachable code). Browser scripts are classic scripts
// (no modules); the plotly bundle's entry is read by esbuild under Node.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/assets/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, Plotly: "readonly" },
    },
  },
  {
    files: ["scripts/o3story/site/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
