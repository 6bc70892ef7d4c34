#!/usr/bin/env bash
# Builds "Coffee Chats.app" and a .dmg to drag it into Applications, and smoke-tests the app.
#
#     PYTHON=python3 packaging/macos/build-macos.sh
#
# Output: dist/Coffee Chats.app and dist/coffee-chats-<version>-<arch>.dmg.
# Not signed nor notarised: Gatekeeper asks the user to confirm the first start (right-click
# → Open). Signing needs an Apple Developer ID (codesign --deep --options runtime, then
# xcrun notarytool submit --wait and xcrun stapler staple).
# UNTESTED here (no macOS on the build machine): see packaging/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
cd "$ROOT"
VERSION="$("$PYTHON" -c 'import desktop; print(desktop.__version__)')"
ARCH="$(uname -m)"
WORK="$(mktemp -d -t coffee-chats-build)"
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" COFFEE_CHATS_NO_WELCOME=1
mkdir -p "$HOME"

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN packaging/coffee-chats.spec
APP="$ROOT/dist/Coffee Chats.app"
BIN="$APP/Contents/MacOS/coffee-chats"

[ "$("$BIN" --version)" = "coffee-chats $VERSION" ]
QT_QPA_PLATFORM=offscreen "$BIN" --smoke-test --db "$WORK/smoke.sqlite"
"$BIN" demo --db "$WORK/demo.sqlite" >/dev/null
"$BIN" sheet 1 --db "$WORK/demo.sqlite" --out "$WORK/sheet.pdf" >/dev/null
echo "smoke tests passed"

STAGE="$WORK/dmg"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="$ROOT/dist/coffee-chats-$VERSION-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "Coffee Chats" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
hdiutil verify "$DMG"
du -sh "$APP" "$DMG"
