#!/bin/sh
# Install RootMap from this folder (an unpacked rootmap-VERSION-linux-ARCH.tar.gz):
#   ./install.sh [--prefix DIR]      DIR defaults to ~/.local (just for you)
# Places the bundle in DIR/lib/rootmap, the `rootmap` command in DIR/bin, and the
# desktop entry, icon, MIME type and AppStream metadata in DIR/share; uninstall.sh
# removes exactly these.
set -eu
prefix="${HOME:?}/.local"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?install.sh: --prefix needs a folder}"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        -h | --help) sed -n '2,7s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$here/rootmap/rootmap" ]; then
    echo "install.sh: no RootMap bundle beside this script ($here/rootmap)" >&2
    exit 1
fi
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
lib="$prefix/lib/rootmap"
share="$prefix/share"
id=org.rootmap.RootMap

rm -rf "$lib"
mkdir -p "$prefix/lib" "$prefix/bin"
cp -R "$here/rootmap" "$lib"
ln -sfn "$lib/rootmap" "$prefix/bin/rootmap"
# The entry runs the installed launcher by its full path: ~/.local/bin is not always on
# a desktop session's PATH.
mkdir -p "$share/applications"
sed "s|^Exec=rootmap |Exec=\"$prefix/bin/rootmap\" |" "$here/share/applications/$id.desktop" \
    > "$share/applications/$id.desktop"
chmod 644 "$share/applications/$id.desktop"
for file in icons/hicolor/scalable/apps/$id.svg mime/packages/$id.xml metainfo/$id.metainfo.xml; do
    mkdir -p "$(dirname "$share/$file")"
    cp "$here/share/$file" "$share/$file"
    chmod 644 "$share/$file"
done

"$here/rootmap/refresh-desktop-databases.sh" "$share"
echo "RootMap installed in $lib; start it from the applications menu or with $prefix/bin/rootmap"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on your PATH" ;;
esac
