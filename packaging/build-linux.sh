#!/usr/bin/env bash
# Builds the Linux one-folder bundle and a .deb, and smoke-tests both.
#
#     packaging/build-linux.sh [--no-install] [--timing]
#
#   PYTHON=/path/to/python   the environment with the app and PyInstaller (default: python3;
#                            `pip install -e .[dev]` gives both)
#   --no-install             skip installing the .deb (dpkg -i needs root or sudo)
#   --timing                 also compare the start-up of the frozen and the unfrozen app
#
# Output in dist/: coffee-chats/ (the bundle) and coffee-chats_<version>_<arch>.deb.
# The .deb installs the bundle to /opt/coffee-chats, links /usr/bin/coffee-chats, and adds
# the menu entry and the icons (hicolor). Every check runs against a throw-away HOME, so
# the real user's data and settings are never touched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
INSTALL=1
TIMING=0
for arg in "$@"; do
    case "$arg" in
        --no-install) INSTALL=0 ;;
        --timing) TIMING=1 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done

cd "$ROOT"
say() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

VERSION="$("$PYTHON" -c 'import desktop; print(desktop.__version__)')"
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
GLIBC="$(ldd --version | head -1 | grep -oE '[0-9]+\.[0-9]+$')"
DIST="$ROOT/dist"
BUNDLE="$DIST/coffee-chats"
DEB="$DIST/coffee-chats_${VERSION}_${ARCH}.deb"
WORK="$(mktemp -d -t coffee-chats-build.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# A private home for every run of the app: data, settings, logs and backups go there.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config"
export XDG_CACHE_HOME="$WORK/home/cache" COFFEE_CHATS_NO_WELCOME=1
mkdir -p "$HOME"

say "Coffee Chats $VERSION: PyInstaller one-folder bundle"
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 \
    || fail "PyInstaller is not installed for $PYTHON (pip install -e '.[dev]')"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" packaging/coffee-chats.spec
echo "built in $(( $(date +%s) - started )) s: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

say "Smoke test of the bundle"
got="$("$BUNDLE/coffee-chats" --version)"
[ "$got" = "coffee-chats $VERSION" ] || fail "--version said '$got'"
echo "--version: $got"
QT_QPA_PLATFORM=offscreen "$BUNDLE/coffee-chats" --smoke-test --db "$WORK/smoke.sqlite" \
    || fail "--smoke-test on a new database"
"$BUNDLE/coffee-chats" demo --db "$WORK/demo.sqlite" >/dev/null || fail "demo data"
QT_QPA_PLATFORM=offscreen "$BUNDLE/coffee-chats" --smoke-test --db "$WORK/demo.sqlite" \
    || fail "--smoke-test on the demo data"
# The sheet needs the fonts (package data): proves the frozen build finds them.
"$BUNDLE/coffee-chats" sheet 1 --db "$WORK/demo.sqlite" --out "$WORK/sheet.pdf" >/dev/null \
    || fail "question sheet"
if command -v pdffonts >/dev/null; then
    pdffonts "$WORK/sheet.pdf" | grep -q DejaVuSans || fail "the sheet did not embed DejaVu Sans"
fi
echo "smoke tests passed (new database, demo data, question sheet with embedded fonts)"

say "Debian package"
PKG="$WORK/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications"
cp -a "$BUNDLE" "$PKG/opt/coffee-chats"
ln -s /opt/coffee-chats/coffee-chats "$PKG/usr/bin/coffee-chats"
install -m 644 packaging/linux/coffee-chats.desktop "$PKG/usr/share/applications/"
for size in 16 24 32 48 64 128 256 512; do
    dir="$PKG/usr/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    install -m 644 "resources/app-icon/coffee-chats-$size.png" "$dir/coffee-chats.png"
done
mkdir -p "$PKG/usr/share/icons/hicolor/scalable/apps"
install -m 644 resources/icons/coffee-chats.svg "$PKG/usr/share/icons/hicolor/scalable/apps/"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$PKG/usr/share/applications/coffee-chats.desktop"
fi
size_kb="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE_KB@/$size_kb/" \
    -e "s/@GLIBC@/$GLIBC/" packaging/linux/control.in > "$PKG/DEBIAN/control"
install -m 755 packaging/linux/postinst packaging/linux/postrm "$PKG/DEBIAN/"
(cd "$PKG" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z \
    | xargs -0 md5sum | sed 's| \./| |' > DEBIAN/md5sums)
chmod -R u+rwX,go+rX,go-w "$PKG"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
echo "$DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'

if [ "$INSTALL" = 1 ]; then
    say "Install, run and remove the .deb"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    # dpkg refuses to run while apt or another dpkg holds its lock: wait for it a while.
    dpkg_run() {
        local try out
        for try in $(seq 1 60); do
            if out="$($SUDO dpkg "$@" 2>&1)"; then echo "$out"; return 0; fi
            case "$out" in *lock*) sleep 2 ;; *) echo "$out" >&2; return 1 ;; esac
        done
        echo "$out" >&2; return 1
    }
    if dpkg-query -W -f='${Status}' coffee-chats 2>/dev/null | grep -q installed; then
        fail "coffee-chats is already installed here; remove it first (dpkg -r coffee-chats)"
    fi
    dpkg_run -i "$DEB"
    # Whatever fails from here on, do not leave the package installed.
    trap 'dpkg_run -r coffee-chats >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
    [ "$(command -v coffee-chats)" = /usr/bin/coffee-chats ] || fail "coffee-chats is not on PATH"
    got="$(coffee-chats --version)"
    [ "$got" = "coffee-chats $VERSION" ] || fail "installed --version said '$got'"
    echo "installed: $got"
    QT_QPA_PLATFORM=offscreen coffee-chats --smoke-test --db "$WORK/installed.sqlite" \
        || fail "installed --smoke-test"
    [ -f /usr/share/applications/coffee-chats.desktop ] || fail "no menu entry"
    [ -f /usr/share/icons/hicolor/256x256/apps/coffee-chats.png ] || fail "no icon"
    dpkg_run -r coffee-chats
    trap 'rm -rf "$WORK"' EXIT
    for left in /opt/coffee-chats /usr/bin/coffee-chats /usr/share/applications/coffee-chats.desktop \
                /usr/share/icons/hicolor/256x256/apps/coffee-chats.png; do
        [ ! -e "$left" ] || fail "dpkg -r left $left behind"
    done
    echo "installed, started (--version, --smoke-test) and removed cleanly"
fi

if [ "$TIMING" = 1 ]; then
    say "Start-up: frozen bundle against the unfrozen app"
    "$PYTHON" packaging/compare_startup.py --bundle "$BUNDLE/coffee-chats"
fi

say "Done"
du -sh "$BUNDLE" "$DEB"
