"""Settings files: defaults from the registry, strict overrides, round trip."""

from __future__ import annotations

import pytest

from dashboard.criteria import registry
from dashboard.settings import Settings, SettingsError, dump_settings, parse_settings


def test_defaults_are_the_registry_numbers() -> None:
    settings = Settings()
    for metric in registry.metrics().values():
        assert settings.target(metric.id) == metric.target
        assert settings.floor(metric.id) == metric.floor
        assert settings.weight(metric.id) == metric.weight
    assert settings.criterion_weight("involvement") == registry.criterion("involvement").weight


def test_a_user_file_overrides_target_floor_and_weight() -> None:
    settings = parse_settings(
        """
        [audit]
        weakest_link = true
        expected_platforms = ["LinkedIn", "x"]
        [criteria.voice]
        weight = 2
        [metrics."involvement.participation_rate"]
        target = 0.4
        floor = 0.1
        """
    )
    assert settings.target("involvement.participation_rate") == 0.4
    assert settings.floor("involvement.participation_rate") == 0.1
    assert (
        settings.weight("involvement.participation_rate")
        == registry.metrics()["involvement.participation_rate"].weight
    )
    assert settings.criterion_weight("voice") == 2.0
    assert settings.weakest_link is True
    assert settings.expected_platforms == ("linkedin", "x")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[metrics."involvement.participaton_rate"]\ntarget = 0.4',
            "did you mean 'involvement.participation_rate'",
        ),
        ("[criteria.volce]\nweight = 1", "did you mean 'voice'"),
        ('[metrics."voice.commentary_share"]\ntargte = 0.4', "unknown field 'targte'"),
        ('[metrics."voice.commentary_share"]\ntarget = "high"', "must be a number"),
        ("[audit]\nweakest = true", "did you mean 'weakest_link'"),
        ("[audti]\nweakest_link = true", "did you mean 'audit'"),
        ("[metrics\n", "not valid TOML"),
        ("[criteria.voice]\nweight = -1", "only weight = a number ≥ 0"),
    ],
)
def test_bad_settings_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_settings(text)


def test_dump_and_parse_round_trip() -> None:
    changed = (
        Settings()
        .with_metric("voice.commentary_share", target=0.6)
        .with_criterion_weight("presence", 0.5)
    )
    again = parse_settings(dump_settings(changed))
    for metric in registry.metrics():
        assert again.target(metric) == changed.target(metric)
        assert again.weight(metric) == changed.weight(metric)
    assert again.criterion_weight("presence") == 0.5


def test_dump_keeps_full_precision() -> None:
    precise = Settings().with_metric("voice.commentary_share", target=0.123456789)
    assert parse_settings(dump_settings(precise)).target("voice.commentary_share") == 0.123456789
