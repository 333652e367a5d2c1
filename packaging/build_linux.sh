#!/usr/bin/env bash
# Build RootMap's one-folder bundle with PyInstaller, smoke-run it headless, and pack
# the release folder as dist/rootmap-VERSION-linux-ARCH.tar.gz.
#   packaging/build_linux.sh            build, smoke-test, pack
#   packaging/build_linux.sh --no-smoke build and pack only
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
cd "$checkout"
version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/rootmap/__init__.py)"
release="rootmap-$version-linux-$(uname -m)"

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

packaging/stage_linux.sh "$bundle" "dist/$release"
tar -C dist -czf "dist/$release.tar.gz" "$release"
echo "release: dist/$release.tar.gz ($(du -h "dist/$release.tar.gz" | cut -f1))"
