"""The installers' recipe lists everything the app loads (fonts, icons, data files).

Building the bundle takes a minute (packaging/build-linux.sh does it and smoke-tests it);
these checks read the recipe instead, so a resource added to desktop/ without a line in
the PyInstaller spec (or in pyproject's package data) fails here, not on a user's laptop.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "coffee-chats.spec"
PACKAGE = ROOT / "desktop"


def _spec_assignments() -> dict[str, ast.expr]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return {node.targets[0].id: node.value for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)}


def spec_datas() -> list[tuple[str, str]]:
    return [tuple(item) for item in ast.literal_eval(_spec_assignments()["DATAS"])]


def spec_hidden_imports() -> tuple[list[str], str]:
    node = _spec_assignments()["HIDDEN_IMPORTS"]
    literal = [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return literal, ast.unparse(node)


def data_files() -> list[Path]:
    """Every file in the package that is not Python source or a byte-code cache."""
    return sorted(
        path for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"}
        and "__pycache__" not in path.parts
    )


def test_the_spec_lists_every_data_file_of_the_package():
    listed = {(ROOT / source).resolve(): target for source, target in spec_datas()}
    missing = []
    for path in data_files():
        target = listed.get(path.resolve())
        expected = path.parent.relative_to(ROOT).as_posix()
        if target != expected:
            missing.append(f'("{path.relative_to(ROOT).as_posix()}", "{expected}")')
    assert missing == [], "add these to DATAS in packaging/coffee-chats.spec"


def test_every_file_the_spec_lists_exists():
    assert [s for s, _ in spec_datas() if not (ROOT / s).is_file()] == []


def test_the_fonts_land_where_the_sheet_looks_for_them():
    from desktop.reports import fonts

    font_dir = Path(fonts.FONT_DIR).resolve()
    assert font_dir == (PACKAGE / "fonts").resolve()
    bundled = {Path(s).name for s, target in spec_datas() if target == "desktop/fonts"}
    assert {p.name for p in font_dir.iterdir() if p.is_file()} <= bundled


def test_the_compiled_icons_and_every_module_imported_by_name_are_bundled():
    literal, source = spec_hidden_imports()
    assert "desktop.resources_rc" in literal
    # Pages and menu features are imported with importlib: the whole package must go in.
    assert 'collect_submodules("desktop")' in source or "collect_submodules('desktop')" in source


def test_pip_installs_carry_the_same_data_files():
    """Source installs find the files beside the package too: pyproject's package-data."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["desktop"]
    uncovered = [
        str(path.relative_to(PACKAGE)) for path in data_files()
        if not any(fnmatch.fnmatch(path.relative_to(PACKAGE).as_posix(), p) for p in patterns)
    ]
    assert uncovered == []


def test_the_entry_script_and_the_icons_exist():
    assert (ROOT / "packaging" / "coffee_chats_entry.py").is_file()
    for name in ("coffee-chats.ico", "coffee-chats.icns", "coffee-chats-256.png",
                 "coffee-chats-512.png"):
        assert (ROOT / "resources" / "app-icon" / name).is_file(), name


def test_the_desktop_entry_starts_the_installed_command_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "linux" / "coffee-chats.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "coffee-chats"
    assert section["Icon"] == "coffee-chats"
    assert section["Type"] == "Application"
    assert section["Categories"].endswith(";")
    # X11 matches windows by WM_CLASS's class (the application name), Wayland by app id.
    from desktop.ui import APPLICATION, window_extras

    assert section["StartupWMClass"] == APPLICATION
    assert window_extras.DESKTOP_FILE + ".desktop" == "coffee-chats.desktop"
    script = (ROOT / "packaging" / "build-linux.sh").read_text(encoding="utf-8")
    assert "/usr/share/icons/hicolor" in script
    assert "ln -s /opt/coffee-chats/coffee-chats" in script


def test_the_ci_workflow_builds_on_all_three_systems():
    text = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    for runner in ("ubuntu-", "windows-", "macos-"):
        assert runner in text
    for script in ("packaging/build-linux.sh", "packaging/windows/build-windows.ps1",
                   "packaging/macos/build-macos.sh"):
        assert script in text
        assert (ROOT / script).is_file()
    for script in ("build-linux.sh", "windows/build-windows.ps1", "macos/build-macos.sh"):
        assert "coffee-chats.spec" in (ROOT / "packaging" / script).read_text(encoding="utf-8")
