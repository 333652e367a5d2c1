#!/bin/sh
# RootMap's launcher in the Linux bundle: refuse, with one clear line, to start on a
# GNU C library older than the bundle's libraries need; otherwise run the program.
floor=@GLIBC_FLOOR@
here=$(dirname "$(readlink -f "$0")")
have=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed -n 's/^glibc //p')
if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$floor" "$have" | sort -V | head -n 1)" != "$floor" ]; then
    echo "rootmap: this build needs the GNU C library $floor or newer, but this system has $have;" \
        "use a newer distribution, or install RootMap with pip (python3 -m pip install rootmap-*.whl)." >&2
    exit 1
fi
exec "$here/rootmap-bin" "$@"
