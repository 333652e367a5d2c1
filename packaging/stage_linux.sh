#!/usr/bin/env bash
# Lay out a built bundle as the Linux release folder rootmap-VERSION-linux-ARCH:
#   packaging/stage_linux.sh BUNDLE_DIR OUT_DIR
# OUT_DIR/rootmap/ is the bundle (plus the database refresh script),
# OUT_DIR/share/ the desktop entry, icon, MIME type and AppStream metadata,
# OUT_DIR/install.sh and uninstall.sh install them for a user (see packaging/README.md).
set -euo pipefail
bundle="$(cd "${1:?usage: stage_linux.sh BUNDLE_DIR OUT_DIR}" && pwd)"
out="${2:?usage: stage_linux.sh BUNDLE_DIR OUT_DIR}"
checkout="$(cd "$(dirname "$0")/.." && pwd)"
linux="$checkout/packaging/linux"
id=org.rootmap.RootMap

rm -rf "$out"
mkdir -p "$out"
cp -R "$bundle" "$out/rootmap"
install -m755 "$linux/refresh-desktop-databases.sh" "$out/rootmap/"
install -m755 "$linux/install.sh" "$linux/uninstall.sh" "$out/"
install -m644 "$checkout/LICENSE" "$out/"
install -Dm644 "$linux/$id.desktop" "$out/share/applications/$id.desktop"
install -Dm644 "$checkout/assets/icons/$id.svg" "$out/share/icons/hicolor/scalable/apps/$id.svg"
install -Dm644 "$linux/$id.mime.xml" "$out/share/mime/packages/$id.xml"
install -Dm644 "$linux/$id.metainfo.xml" "$out/share/metainfo/$id.metainfo.xml"
