#!/usr/bin/env bash
# scripts/package-release.sh TARGET BIN_DIR OUT_DIR
#
# Packs a built afterword for one Rust target as the release workflow publishes it
# (.github/workflows/release.yml), in the layout `cargo binstall` (Cargo.toml's
# [package.metadata.binstall]), the GitHub Action (scripts/action.sh) and docs/install.md expect:
#
#   OUT_DIR/afterword-TARGET.tar.xz          afterword-TARGET/{afterword,README.md,LICENSE}
#   OUT_DIR/afterword-TARGET.zip             (Windows) afterword.exe, README.md, LICENSE at the root
#   OUT_DIR/afterword-TARGET.<ext>.sha256    "<sha256>  <archive name>", as sha256sum -c reads it
#
# Runs on Linux, macOS and Git Bash on Windows. XZ_OPT (e.g. "-0 -T2") is passed to xz.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 TARGET BIN_DIR OUT_DIR" >&2; exit 2; }
target=$1 bin_dir=$2 out=$3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="afterword-$target"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

case "$target" in
  *windows*)
    archive="$name.zip"
    cp "$bin_dir/afterword.exe" "$root/README.md" "$root/LICENSE" "$stage/"
    rm -f "$out/$archive"
    if command -v zip >/dev/null 2>&1; then
      (cd "$stage" && zip -q -9 "$out/$archive" afterword.exe README.md LICENSE)
    else
      (cd "$stage" && 7z a -tzip -bd "$out/$archive" afterword.exe README.md LICENSE >/dev/null)
    fi
    ;;
  *)
    archive="$name.tar.xz"
    mkdir "$stage/$name"
    cp "$bin_dir/afterword" "$root/README.md" "$root/LICENSE" "$stage/$name/"
    chmod 0755 "$stage/$name/afterword"
    tar -C "$stage" -cJf "$out/$archive" "$name"
    ;;
esac
(cd "$out" && printf '%s  %s\n' "$(sha256 "$archive")" "$archive" > "$archive.sha256")
echo "$out/$archive"
