#!/usr/bin/env bash
# Refreshes src/data/public_suffix_list.dat from the PyPI package `publicsuffixlist` (which ships
# the list). The only script that uses the network. Review the result with `git diff --stat src/data`.
#   scripts/update-data.sh                 # newest release
#   scripts/update-data.sh 1.1.2.20261023  # a given release
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${1:-}"
OUT="${PSL_OUT:-src/data/public_suffix_list.dat}"  # PSL_OUT=… writes elsewhere (for trying it out)
command -v pip3 >/dev/null 2>&1 || command -v pip >/dev/null 2>&1 || { echo "error: pip is needed" >&2; exit 1; }
PIP="$(command -v pip3 || command -v pip)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
SPEC="publicsuffixlist${VERSION:+==$VERSION}"
echo "==> pip download $SPEC"
"$PIP" download --quiet --no-deps --only-binary :all: -d "$TMP" "$SPEC"
WHEEL="$(ls "$TMP"/publicsuffixlist-*.whl | head -1)"
python3 - "$WHEEL" "$TMP/psl.dat" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    name = next(n for n in z.namelist() if n.endswith("public_suffix_list.dat"))
    open(sys.argv[2], "wb").write(z.read(name))
PY
grep -q "===BEGIN ICANN DOMAINS===" "$TMP/psl.dat" || { echo "error: the downloaded list does not look like the PSL" >&2; exit 1; }
cp "$TMP/psl.dat" "$OUT"
echo "==> $OUT from $(basename "$WHEEL"):"
grep -m2 -E "^// (VERSION|COMMIT):" "$OUT" || true
git diff --stat -- "$OUT" 2>/dev/null || true
echo "Rebuild and run ./build.sh test; the data version the engine reports comes from the list's VERSION line."
