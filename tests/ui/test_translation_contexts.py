"""Strings reach translators under the context they are looked up with at run time.

lupdate records `other.tr("…")` under the context `other` (the text of the expression),
and a `tr` passed around as a function is a bare `tr("…")` call it cannot place; at run
time each is looked up under a class name, so neither would ever be translated
(docs/translating.md). Only `self.tr("…")`, `QCoreApplication.translate("Context", "…")`
and a module's `_tr("…")` helper are allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def misplaced_tr_calls() -> list[str]:
    found = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if path.name == "resources_rc.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
        where = f"{path.relative_to(ROOT)}:"
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "tr":
                on_self = isinstance(node.value, ast.Name) and node.value.id == "self"
                if id(node) not in called:
                    found.append(f"{where}{node.lineno} {ast.unparse(node)} handed on")
                elif not on_self:
                    found.append(f"{where}{node.lineno} {ast.unparse(node)}(…)")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id == "tr"):
                found.append(f"{where}{node.lineno} bare tr(…)")
    return found


def test_tr_is_only_called_on_self():
    assert misplaced_tr_calls() == []


def test_the_deletion_sentence_has_one_context():
    import sys

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    strings = update_translations.helper_strings(
        ROOT / "desktop" / "ui" / "contacts" / "detail_panel.py")
    assert ("DetailPanel", "Delete %1 contacts?") in {(c, t) for c, t, _line in strings}
