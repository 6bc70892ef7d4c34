"""Icons: every `:/icons/...` path and icon name the code uses is in the compiled resources."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QFile, QSize
from PySide6.QtGui import QIcon

ROOT = Path(__file__).resolve().parents[2]
QRC = ROOT / "resources" / "resources.qrc"
# Literal paths only: templates such as f":/icons/{name}.svg" are covered by name below.
RESOURCE_PATH = re.compile(r""":/icons/[\w/-]+\.(?:svg|png)""")
# icons.icon("name") and the name tables of window_extras ("key": "name").
ICON_CALL = re.compile(r"""\bicon\(\s*["']([\w-]+)["']\s*\)""")


def qrc_paths() -> set[str]:
    root = ET.parse(QRC).getroot()
    found = set()
    for resource in root.iter("qresource"):
        prefix = resource.get("prefix", "/").rstrip("/")
        for file in resource.iter("file"):
            found.add(f":{prefix}/{file.get('alias') or file.text}")
    return found


def used_paths() -> set[str]:
    used = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        if path.name == "resources_rc.py":
            continue
        text = path.read_text(encoding="utf-8")
        used |= set(RESOURCE_PATH.findall(text))
        used |= {f":/icons/{name}.svg" for name in ICON_CALL.findall(text)}
    return used


def test_every_icon_path_used_in_code_is_in_the_qrc():
    from desktop.ui import window_extras

    used = used_paths()
    used |= {f":/icons/{n}.svg" for n in window_extras.PAGE_ICONS.values()}
    used |= {f":/icons/{n}.svg" for n in window_extras.ACTION_ICONS.values()}
    # app_icon() builds its paths from APP_ICON_SIZES
    from desktop.ui import icons

    used |= {f":/icons/app/coffee-chats-{n}.png" for n in icons.APP_ICON_SIZES}
    assert used, "the scan found no icon use at all: the pattern is broken"
    assert sorted(used - qrc_paths()) == []


def test_the_compiled_resources_hold_every_file_of_the_qrc(qapp):
    import desktop.resources_rc  # noqa: F401

    missing = [p for p in qrc_paths() if not QFile.exists(p)]
    assert missing == []


def test_the_qrc_lists_every_svg_in_the_icons_folder():
    listed = {p.rsplit("/", 1)[1] for p in qrc_paths() if p.endswith(".svg")}
    on_disk = {p.name for p in (ROOT / "resources" / "icons").glob("*.svg")}
    assert listed == on_disk


def test_the_compiled_module_is_up_to_date(tmp_path):
    """The committed desktop/resources_rc.py is what pyside6-rcc makes of the qrc today."""
    rcc = Path(sys.executable).with_name("pyside6-rcc")
    if not rcc.exists():
        pytest.skip("pyside6-rcc is not installed")
    out = tmp_path / "rc.py"
    subprocess.run([str(rcc), "-g", "python", "--compress-algo", "zlib", str(QRC), "-o", str(out)],
                   check=True, env={"QT_RCC_SOURCE_DATE_OVERRIDE": "1", "PATH": "/usr/bin:/bin"})
    committed = (ROOT / "desktop" / "resources_rc.py").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").split("from PySide6 import QtCore", 1)[1] == \
        committed.split("from PySide6 import QtCore", 1)[1], \
        "run python packaging/build_resources.py"


def test_icons_take_the_theme_colours(qapp):
    from desktop.ui import icons, theme

    def colours(mode=QIcon.Mode.Normal) -> set[str]:
        image = icons.icon("today").pixmap(QSize(24, 24), mode).toImage()
        return {image.pixelColor(x, y).name() for x in range(24) for y in range(24)
                if image.pixelColor(x, y).alpha() > 220}

    try:
        theme.apply(qapp, "light")
        light = colours()
        theme.apply(qapp, "dark")
        dark = colours()
        selected = colours(QIcon.Mode.Selected)
    finally:
        theme.apply(qapp, "light")
    assert theme.LIGHT.quiet.lower() in light
    assert theme.DARK.quiet.lower() in dark
    assert theme.DARK.accent.lower() in selected


def test_icons_are_sharp_on_high_dpi_screens(qapp):
    from desktop.ui import icons

    pixmap = icons.icon("contacts").pixmap(QSize(20, 20), 2.0)
    assert pixmap.size() == QSize(40, 40)
    assert pixmap.devicePixelRatio() == 2.0


def test_the_app_icon_has_every_size(qapp):
    from desktop.ui import icons

    sizes = {s.width() for s in icons.app_icon().availableSizes()}
    assert sizes == set(icons.APP_ICON_SIZES)


def test_the_window_has_icons(window):
    from desktop.ui import window_extras

    assert not window.windowIcon().isNull()
    for key in window_extras.PAGE_ICONS:
        assert not window.navigation.item_for(key).icon().isNull()
    assert not window.actions["quit"].icon().isNull()
