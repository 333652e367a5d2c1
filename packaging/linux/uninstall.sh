#!/bin/sh
# Remove what install.sh placed:  ./uninstall.sh [--prefix DIR]   (DIR defaults to ~/.local)
set -eu
prefix="${HOME:?}/.local"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?uninstall.sh: --prefix needs a folder}"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        -h | --help) sed -n '2s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "uninstall.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [ ! -d "$prefix" ]; then
    echo "uninstall.sh: $prefix does not exist" >&2
    exit 1
fi
prefix=$(cd "$prefix" && pwd)
lib="$prefix/lib/rootmap"
share="$prefix/share"
id=org.rootmap.RootMap

# Only our own link: a `rootmap` from elsewhere (e.g. pip) is left alone.
if [ -L "$prefix/bin/rootmap" ] && [ "$(readlink "$prefix/bin/rootmap")" = "$lib/rootmap" ]; then
    rm -f "$prefix/bin/rootmap"
fi
refresh="$lib/refresh-desktop-databases.sh"
tmp_refresh=""
if [ -x "$refresh" ]; then  # keep it to run once the files are gone
    tmp_refresh=$(mktemp)
    cp "$refresh" "$tmp_refresh"
fi
rm -rf "$lib"
rm -f "$share/applications/$id.desktop" "$share/icons/hicolor/scalable/apps/$id.svg" \
    "$share/mime/packages/$id.xml" "$share/metainfo/$id.metainfo.xml"
if [ -n "$tmp_refresh" ]; then
    sh "$tmp_refresh" "$share"
    rm -f "$tmp_refresh"
fi
echo "RootMap removed from $prefix"
