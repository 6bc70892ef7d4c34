"""Hypothesis profiles for the fuzz tests, chosen with HYPOTHESIS_PROFILE (default "ci").

- "ci": Hypothesis's own CI profile (no deadline: a loaded CI machine is slow, not wrong;
  derandomized, so the suite gives the same answer on every run; no example database
  written into the checkout), with a small number of examples per test: all the fuzz
  tests together take ~10-20 s.
- "long": for hunting locally, `HYPOTHESIS_PROFILE=long pytest tests/fuzz`: random, 50 times
  the examples, no per-test timeout, failures remembered in .hypothesis/ (ignored by git).

Each test takes its settings from `fuzz(n)` (n examples in CI) instead of loading a
profile for the whole session, so other tests' hypothesis settings stay as they are.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.errors import InvalidArgument

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                 HealthCheck.data_too_large, HealthCheck.large_base_example]

try:
    settings.get_profile("ci")  # registered by Hypothesis itself since 6.13x
except InvalidArgument:
    settings.register_profile("ci", deadline=None, derandomize=True, database=None,
                              print_blob=True)
settings.register_profile("long", deadline=None, print_blob=True)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_SCALE = {"ci": 1, "long": 50}


def fuzz(examples: int) -> settings:
    """Settings for one fuzz test: `examples` examples in CI, 50 times more when long."""
    name = PROFILE if PROFILE in _SCALE else "ci"
    return settings(settings.get_profile(name), max_examples=examples * _SCALE[name],
                    suppress_health_check=_SLOW_IS_FINE)


def pytest_collection_modifyitems(items) -> None:
    """The long profile runs for minutes: lift the per-test timeout for the fuzz tests."""
    if PROFILE != "long":
        return
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.timeout(0))
