#!/usr/bin/env bash
# Smoke-run a built bundle headless: the CLI subcommands and the window (offscreen).
#   packaging/smoke_bundle.sh dist/rootmap
set -euo pipefail
bundle="$(cd "${1:?usage: smoke_bundle.sh BUNDLE_DIR}" && pwd)"
checkout="$(cd "$(dirname "$0")/.." && pwd)"
exe="$bundle/rootmap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"   # away from the checkout, so the bundle must find its own assets

# No QtNetwork: the app never uses the network (the VNC and TUIO plugins are left out).
if found="$(find "$bundle" -name 'libQt6Network*' | grep .)"; then
  echo "bundle carries QtNetwork: $found" >&2; exit 1
fi
# On Linux the launcher's glibc floor is the one the bundle's libraries need.
if [[ -f "$bundle/rootmap-bin" ]]; then
  floor="$(python3 "$checkout/packaging/bundle_tools.py" glibc-floor "$bundle")"
  grep -qx "floor=$floor" "$exe" || { echo "launcher floor is not glibc $floor" >&2; exit 1; }
  echo "glibc floor: $floor"
fi

export QT_QPA_PLATFORM=offscreen
"$exe" --version
"$exe" atlases >/dev/null
"$exe" analyze "$checkout/examples/classic_l5.json" > analysis.json
python3 -c "import json,sys; a=json.load(open('analysis.json')); assert a['roots'][0]['root']=='L5', a['roots'][:1]; print('analyze: top root', a['roots'][0]['root'])"
"$exe" snapshot "$checkout/examples/classic_l5.json" --view foot_dorsal --png snap.png
test -s snap.png && echo "snapshot: $(stat -c %s snap.png) bytes"
"$exe" check-assets >/dev/null && echo "check-assets: clean"

# The window: start it and time until it has painted (ROOTMAP_EXIT_AFTER_PAINT makes it quit).
start=$(date +%s.%N)
ROOTMAP_EXIT_AFTER_PAINT=1 "$exe"
end=$(date +%s.%N)
python3 -c "print(f'window start-up to first paint and exit: {($end-$start)*1000:.0f} ms')"
echo "bundle smoke test: passed"
