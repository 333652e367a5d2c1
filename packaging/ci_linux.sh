#!/usr/bin/env bash
# CI for the Linux artefacts, with the real bundle (.ci/run calls it; ~5 min on 2 cores):
# build and smoke-test the bundle, install and uninstall the tarball for a user under a
# temporary HOME, build the Debian package, check it with lintian, install and remove it.
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
cd "$checkout"
version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/rootmap/__init__.py)"
release="rootmap-$version-linux-$(uname -m)"
app_id=org.rootmap.RootMap
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
step() { echo "== packaging: $*"; }
fail() { echo "packaging check failed: $*" >&2; exit 1; }

step "bundle (build, smoke test, tarball)"
packaging/build_linux.sh

step "user install from the tarball under a temporary HOME"
tar -C "$work" -xzf "dist/$release.tar.gz"
mkdir -p "$work/home" "$work/data" "$work/config"
user_env=(env HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
  XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_DIRS="$work/data" XDG_CONFIG_DIRS="$work/config")
"${user_env[@]}" "$work/$release/install.sh"
"${user_env[@]}" "$work/home/.local/bin/rootmap" --version | grep -q "^RootMap $version " \
  || fail "the installed rootmap does not say its version"
(cd "$work" && "${user_env[@]}" "$work/home/.local/bin/rootmap" analyze \
  "$checkout/examples/classic_l5.json" >/dev/null) || fail "the installed rootmap cannot analyze"
default="$("${user_env[@]}" xdg-mime query default application/x-rootmap)"
[[ "$default" == "$app_id.desktop" ]] || fail "xdg-mime answers '$default' for application/x-rootmap"
echo "xdg-mime query default application/x-rootmap: $default"
"${user_env[@]}" "$work/$release/uninstall.sh"
[[ ! -e "$work/home/.local/lib/rootmap" && ! -e "$work/home/.local/bin/rootmap" ]] \
  || fail "uninstall.sh left the bundle or the command"
[[ -z "$("${user_env[@]}" xdg-mime query default application/x-rootmap)" ]] \
  || fail "the MIME association survived uninstall.sh"

step "Debian package"
packaging/build_deb.sh "dist/$release"
deb="dist/$release.deb"
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Installed-Size\|Version\):/  \1:/p'
if command -v lintian >/dev/null 2>&1; then
  # The one known complaint: no real maintainer address exists yet (bogus-mail-host).
  lintian --suppress-tags bogus-mail-host,bogus-mail-host-in-debian-changelog "$deb" \
    > "$work/lintian.txt" 2>&1 || true
  cat "$work/lintian.txt"
  if grep -E '^[EW]: ' "$work/lintian.txt"; then fail "lintian errors or warnings"; fi
  echo "lintian: no errors or warnings (bogus-mail-host suppressed)"
fi

step "dpkg -i, run, dpkg -r"
dpkg -i "$deb"
(cd "$work" && /usr/bin/rootmap --version) | grep -q "^RootMap $version " || fail "/usr/bin/rootmap"
(cd "$work" && QT_QPA_PLATFORM=offscreen /usr/bin/rootmap analyze "$checkout/examples/classic_l5.json" >/dev/null)
system_env=(env HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CONFIG_DIRS="$work/config"
  XDG_DATA_HOME="$work/home/.local/share" XDG_DATA_DIRS=/usr/share)
default="$("${system_env[@]}" xdg-mime query default application/x-rootmap)"
[[ "$default" == "$app_id.desktop" ]] || fail "after dpkg -i, xdg-mime answers '$default'"
grep -q "x-rootmap" /usr/share/mime/globs2 || fail "update-mime-database did not run in postinst"
dpkg -r rootmap
for path in /usr/lib/rootmap /usr/bin/rootmap "/usr/share/applications/$app_id.desktop" \
  "/usr/share/mime/packages/$app_id.xml"; do
  [[ ! -e "$path" ]] || fail "dpkg -r left $path"
done
! grep -q "x-rootmap" /usr/share/mime/globs2 || fail "postrm did not forget the MIME type"
dpkg --purge rootmap >/dev/null  # forget the package too (its postrm leaves that to purge)
echo "packaging checks: passed"
