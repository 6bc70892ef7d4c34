"""Fixture files for the import tests live in tests/data/import (each one a tricky case)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def data_dir() -> Path:
    return DATA
