"""The layers of STYLE.md point one way; this walks every import and fails on a wrong one."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"

# What each layer may import from the package (besides itself and the top-level helpers).
ALLOWED = {
    "domain": set(),
    "db": {"domain"},
    "services": {"domain", "db"},
    "reports": {"domain"},
    "io": {"domain"},
    "ui": {"domain", "services", "reports", "io"},
}
TOP_LEVEL_HELPERS = {"errors", "__init__", "paths", "resources_rc"}  # rc: icons, QtCore only
WIDGET_MODULES = {"PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtPrintSupport",
                  "PySide6.QtPdfWidgets", "PySide6.QtCharts"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_lower_layers_never_import_higher_ones():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        layer = _layer(path)
        if layer not in ALLOWED:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "desktop" or len(parts) < 2:
                continue
            target = parts[1]
            if target in TOP_LEVEL_HELPERS or target == layer:
                continue
            if target not in ALLOWED[layer]:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert wrong == []


def test_only_the_ui_touches_qt_widgets():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        layer = _layer(path)
        if layer in {"ui", "app", "__main__", "resources_rc"}:
            continue
        for name in _imports(path):
            if any(name == w or name.startswith(w + ".") for w in WIDGET_MODULES):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert wrong == []


def test_peewee_stays_in_the_db_layer():
    wrong = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _layer(path) != "db"
        and any(n.split(".")[0] in {"peewee", "playhouse"} for n in _imports(path))
    ]
    assert wrong == []


def test_the_walker_sees_a_wrong_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from desktop.ui import main_window\nimport peewee\n")
    assert "desktop.ui" in _imports(bad)
    assert "peewee" in _imports(bad)
