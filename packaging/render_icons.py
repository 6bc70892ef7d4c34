"""Renders the app icon's SVG source into the PNG sizes, a Windows .ico and a macOS .icns.

    python packaging/render_icons.py

Reads resources/icons/coffee-chats.svg; writes resources/app-icon/coffee-chats-<N>.png for
N in SIZES, resources/app-icon/coffee-chats.ico (PNG-compressed entries, Windows Vista+)
and resources/app-icon/coffee-chats.icns (PNG entries, macOS 10.7+). It uses QtSvg from
the project's own PySide6, so it needs no other tool; the outputs are committed, so a
build does not run it. Run it again after editing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "coffee-chats.svg"
OUT = ROOT / "resources" / "app-icon"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types holding PNG data, by pixel size (the @2x types reuse the larger PNGs).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic07", 128), ("ic12", 64),
              ("ic08", 256), ("ic13", 256), ("ic09", 512), ("ic14", 512))


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = 6 + 16 * len(ICO_SIZES)
    entries, blobs = b"", b""
    for size in ICO_SIZES:
        blob = pngs[size]
        # 0 in the width/height bytes means 256.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32,
                               len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode() + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, blob in pngs.items():
        (OUT / f"coffee-chats-{size}.png").write_bytes(blob)
    (OUT / "coffee-chats.ico").write_bytes(ico(pngs))
    (OUT / "coffee-chats.icns").write_bytes(icns(pngs))
    print(f"wrote {len(pngs)} PNGs, coffee-chats.ico and coffee-chats.icns to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
