"""Helpers for the Linux bundle: drop unwanted Qt plugins and measure the glibc floor.

Used by ``rootmap.spec`` at build time and by the packaging tests; needs binutils
(``readelf``, ``objdump``).

    python3 packaging/bundle_tools.py glibc-floor dist/rootmap   # prints e.g. 2.36
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# Qt plugins left out of the bundle. The VNC platform and the TUIO touch plugin are the
# only ones that link QtNetwork, which RootMap never uses. The GTK 3 theme's GTK was
# not on the build host, so only half its dependencies were found; the desktop portal
# theme stays.
EXCLUDED_PLUGINS = (
    "platforms/libqvnc.so",
    "generic/libqtuiotouchplugin.so",
    "platformthemes/libqgtk3.so",
)

_GLIBC = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?")


def needed(path: str | Path) -> list[str]:
    """The sonames an ELF file links (its DT_NEEDED entries)."""
    out = subprocess.run(
        ["readelf", "-d", "-W", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return re.findall(r"\(NEEDED\).*\[(.+?)\]", out)


def _closure(roots: Iterable[str], by_name: dict[str, str]) -> set[str]:
    """The bundled sonames reachable from ``roots`` (file paths) through DT_NEEDED."""
    seen: set[str] = set()
    todo = [name for root in roots for name in needed(root)]
    while todo:
        name = todo.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        todo.extend(needed(by_name[name]))
    return seen


def drop_plugins(
    binaries: list[tuple[str, str, str]], datas: list[tuple[str, str, str]]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """PyInstaller's binaries and datas without EXCLUDED_PLUGINS, the libraries only
    they need, and the symbolic links to those."""
    dropped = {b for b in binaries if b[0].replace("\\", "/").endswith(EXCLUDED_PLUGINS)}
    by_name = {Path(dest).name: src for dest, src, kind in binaries if kind != "SYMLINK"}
    theirs = _closure((src for _, src, _ in dropped), by_name)
    roots = (
        entry[1]
        for entry in binaries
        if entry not in dropped and entry[2] != "SYMLINK" and Path(entry[0]).name not in theirs
    )
    only_theirs = theirs - _closure(roots, by_name)

    def keep(entry: tuple[str, str, str]) -> bool:
        return entry not in dropped and Path(entry[0]).name not in only_theirs

    return [b for b in binaries if keep(b)], [d for d in datas if keep(d)]


def glibc_floor(bundle: str | Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file in the bundle requires."""
    newest = (0, 0, 0)
    for path in Path(bundle).rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, check=False).stdout
        for match in _GLIBC.finditer(out):
            version = tuple(int(part or 0) for part in match.groups())
            newest = max(newest, version)  # type: ignore[assignment]
    major, minor, patch = newest
    return f"{major}.{minor}" + (f".{patch}" if patch else "")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "glibc-floor":
        print(glibc_floor(sys.argv[2]))
    else:
        sys.exit("usage: bundle_tools.py glibc-floor BUNDLE_DIR")
