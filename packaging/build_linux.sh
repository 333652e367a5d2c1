#!/usr/bin/env bash
# Build RootMap's one-folder bundle with PyInstaller, then smoke-run it headless.
#   packaging/build_linux.sh            build into dist/rootmap and smoke-test it
#   packaging/build_linux.sh --no-smoke build only
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
cd "$checkout"

# Build in a venv of its own, so the developer's (editable) install is left alone.
venv="$checkout/build/venv"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q ".[packaging]"
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$checkout/dist" --workpath "$checkout/build/pyinstaller" \
  packaging/rootmap.spec

bundle="$checkout/dist/rootmap"
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
[[ "${1:-}" == "--no-smoke" ]] || "$checkout/packaging/smoke_bundle.sh" "$bundle"
