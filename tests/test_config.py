"""deload.toml: validated key by key, unknown keys suggest the closest known one."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_settings
from generator.errors import DeloadError

from .conftest import ROOT


def errors_for(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "deload.toml").write_text(text)
    with pytest.raises(DeloadError) as caught:
        load_settings(tmp_path)
    return [d.format().replace(str(tmp_path) + "/", "") for d in caught.value.diagnostics]


def test_the_projects_own_config_is_valid() -> None:
    settings = load_settings(ROOT)
    assert settings.base_url.endswith("/")
    assert settings.periodization["deload"]["every"] == 4
    assert settings.race_weekdays == (5, 6)


def test_missing_config_means_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings.title and settings.default_units == "km"


def test_unknown_keys_suggest_the_closest(tmp_path: Path) -> None:
    text = '[site]\ntitle = "X"\nbase_ulr = "https://example.org/"\n\n[sitee]\nx = 1\n\n[periodization]\ndeload = { evry = 3 }\n'
    assert errors_for(tmp_path, text) == [
        "deload.toml:3:1: error: unknown key 'site.base_ulr' — did you mean 'base_url'?",
        "deload.toml:5:1: error: unknown key 'sitee' — did you mean 'site'?",
        "deload.toml:9:1: error: unknown key 'periodization.deload.evry' — did you mean 'every'?",
    ]


def test_wrong_values_are_reported_at_their_line(tmp_path: Path) -> None:
    text = '[site]\ntitle = "X"\nbase_url = "example.org"\nlanguage = "english!"\n[ical]\nrace_weekdays = ["saturday", "caturday"]\n'
    assert errors_for(tmp_path, text) == [
        "deload.toml:3:1: error: base_url 'example.org' must be an absolute http(s) address such as 'https://example.org/plans/'",
        "deload.toml:4:1: error: language 'english!' must be a language tag such as 'en' or 'en-GB'",
        "deload.toml:6:1: error: 'ical.race_weekdays[2]' is 'caturday' — did you mean 'saturday'?; expected 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday' or 'sunday'",
    ]


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    [message] = errors_for(tmp_path, '[site]\ntitle = "unclosed\n')
    assert message == """deload.toml:2:9: error: the quote (") opened here is never closed: add " at the end of the value"""
    [message] = errors_for(tmp_path, '[site]\ntitle = "closed" "twice"\n')
    assert message.startswith("deload.toml:2:") and "invalid TOML" in message


def test_base_url_gets_a_trailing_slash(tmp_path: Path) -> None:
    (tmp_path / "deload.toml").write_text('[site]\nbase_url = "https://example.org/blog/plans"\n')
    assert load_settings(tmp_path).base_url == "https://example.org/blog/plans/"
