#!/bin/sh
# Refresh the desktop-entry, MIME and icon caches under a share folder, with whichever
# of the tools is installed:  refresh-desktop-databases.sh SHARE_DIR
share="${1:?usage: refresh-desktop-databases.sh SHARE_DIR}"
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$share/applications" ]; then
    update-desktop-database -q "$share/applications" || true
fi
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime" ]; then
    update-mime-database "$share/mime" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
fi
exit 0
