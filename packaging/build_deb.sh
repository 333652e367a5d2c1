#!/usr/bin/env bash
# Build the Debian package dist/rootmap-VERSION-linux-ARCH.deb from the staged release
# folder that build_linux.sh made (dist/rootmap-VERSION-linux-ARCH/), with dpkg-deb.
#   packaging/build_deb.sh [RELEASE_DIR]     (DEB_COMPRESSION=gzip: faster, larger)
# Installs the bundle in /usr/lib/rootmap, `rootmap` in /usr/bin, and the desktop
# entry, icon, MIME type and AppStream metadata in /usr/share.
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$checkout/desktop/rootmap/__init__.py")"
release_dir="${1:-$checkout/dist/rootmap-$version-linux-$(uname -m)}"
release_dir="$(cd "$release_dir" && pwd)"
linux="$checkout/packaging/linux"
deb="$(dirname "$release_dir")/$(basename "$release_dir").deb"
arch="$(dpkg --print-architecture)"
floor="$(sed -n 's/^floor=//p' "$release_dir/rootmap/rootmap")"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
umask 022
mkdir -p "$root/DEBIAN" "$root/usr/lib" "$root/usr/bin" "$root/usr/share/doc/rootmap" \
  "$root/usr/share/man/man1"
cp -R "$release_dir/rootmap" "$root/usr/lib/rootmap"
rm -f "$root/usr/lib/rootmap/refresh-desktop-databases.sh"  # postinst/postrm do that here
ln -s ../lib/rootmap/rootmap "$root/usr/bin/rootmap"
cp -R "$release_dir/share/." "$root/usr/share/"
install -m644 "$linux/copyright" "$root/usr/share/doc/rootmap/copyright"
gzip -9n -c "$linux/rootmap.1" > "$root/usr/share/man/man1/rootmap.1.gz"
changelog_date="$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(git -C "$checkout" log -1 --format=%ct 2>/dev/null || date +%s)}")"
printf 'rootmap (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- The RootMap developers <rootmap@invalid>  %s\n' \
  "$version" "$version" "$changelog_date" | gzip -9n > "$root/usr/share/doc/rootmap/changelog.gz"
install -Dm644 "$linux/lintian-overrides" "$root/usr/share/lintian/overrides/rootmap"
find "$root/usr" -type d -exec chmod 755 {} +
find "$root/usr/share" -type f -exec chmod 644 {} +
find "$root/usr/lib/rootmap/_internal" -type f -name '*.so*' -exec chmod 644 {} +
install -m755 "$linux/postinst" "$linux/postrm" "$root/DEBIAN/"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
size_kib="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: rootmap
Version: $version
Architecture: $arch
Maintainer: The RootMap developers <rootmap@invalid>
Installed-Size: $size_kib
Depends: libc6 (>= $floor), libegl1, libgl1, libxcb1, libdrm2, libfontconfig1, libwayland-client0, libwayland-cursor0, libwayland-egl1
Recommends: fonts-dejavu-core
Section: science
Priority: optional
Description: map leg and foot symptoms to the nerve roots that explain them
 RootMap is for clinicians and teachers. Click the painful, numb or tingling
 regions of a patient's leg and foot on an anatomical map; RootMap highlights
 the spinal nerve root whose dermatome explains them and lists the lumbar
 conditions that could be compressing it, the mimics that are not spinal, and
 the red flags that need urgent care.
 .
 RootMap supports clinical judgement. It does not make a diagnosis.
CONTROL
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$root" "$deb" >/dev/null
echo "debian package: $deb ($(du -h "$deb" | cut -f1))"
