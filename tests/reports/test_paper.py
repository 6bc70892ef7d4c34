"""The default paper size: Letter in CLDR's Letter countries, from the locale's territory."""

from __future__ import annotations

import pytest

from desktop.reports import paper


@pytest.mark.parametrize("name, territory", [
    ("en_CA.UTF-8", "CA"), ("fr_CA", "CA"), ("es-MX", "MX"), ("fil_PH.UTF-8", "PH"),
    ("en_US@euro", "US"), ("de_DE.UTF-8", "DE"), ("es_419", "419"), ("C", None),
    ("C.UTF-8", None), ("POSIX", None), ("", None), (None, None), ("en", None),
])
def test_territory_of_a_locale_name(name, territory):
    assert paper.territory_of(name) == territory


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "en_CA.UTF-8"}, "letter"),  # metric, but Letter paper
    ({"LANG": "en_US.UTF-8"}, "letter"),
    ({"LANG": "es_MX.UTF-8"}, "letter"),
    ({"LANG": "en_PH.UTF-8"}, "letter"),
    ({"LANG": "es_CL.UTF-8"}, "letter"),
    ({"LANG": "en_GB.UTF-8"}, "a4"),
    ({"LANG": "de_DE.UTF-8"}, "a4"),
    ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, "a4"),
    ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_GB.UTF-8", "LC_ALL": "en_US.UTF-8"}, "letter"),
    ({"LC_ALL": "C"}, "a4"),
    ({}, "a4"),
])
def test_default_page_size_from_the_environment(env, expected):
    assert paper.default_page_size(environ=env) == expected


def test_the_qt_locale_name_is_used_when_the_environment_names_no_country():
    assert paper.default_page_size("en_US", environ={}) == "letter"
    assert paper.default_page_size("fr_FR", environ={}) == "a4"
    assert paper.default_page_size("fr_FR", environ={"LANG": "en_CA.UTF-8"}) == "letter"


def test_parse_page_size():
    assert paper.parse_page_size("Letter") == "letter"
    assert paper.parse_page_size(" A4 ") == "a4"
    assert paper.parse_page_size(None, "a4") == "a4"
    with pytest.raises(ValueError):
        paper.parse_page_size("legal")


def test_sizes_are_exact_points():
    assert paper.SIZES_PT["letter"] == (612.0, 792.0)
    width, height = paper.SIZES_PT["a4"]
    assert round(width, 3) == 595.276 and round(height, 3) == 841.890
