"""Audit settings: targets, floors and weights per metric, criterion weights, and options.

The defaults are the registry's own numbers; a user's TOML file overrides any of
them by id and is checked strictly, so a typo is an error that names the nearest
valid id instead of a setting silently ignored.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from typing import Any

from dashboard.criteria import registry
from dashboard.i18n import MessageError
from dashboard.messages import msg

DEFAULT_PLATFORMS = ("linkedin", "facebook", "instagram", "x", "youtube")
_METRIC_FIELDS = ("floor", "target", "weight")
_AUDIT_FIELDS = ("weakest_link", "expected_platforms")
# Finite and within reach of every real figure (days, hours, rates, ratios): NaN would
# score 100 and make the JSON invalid, 1e308 overflows every weighted mean.
MAX_VALUE = 1e6
MAX_WEIGHT = 1000.0


class SettingsError(MessageError, ValueError):
    """A settings file that cannot be applied; the message says what and where."""


@dataclass(frozen=True)
class Settings:
    """Everything tunable about scoring; empty means the registry defaults."""

    metrics: dict[str, dict[str, float]] = field(default_factory=dict)
    criteria: dict[str, float] = field(default_factory=dict)  # criterion id → weight
    weakest_link: bool = False
    expected_platforms: tuple[str, ...] | None = None  # None: questionnaire, else default

    def key(self) -> tuple[Hashable, ...]:
        """The settings as a hashable value: equal settings, equal keys (memos key on it)."""
        metrics = tuple(sorted((m, tuple(sorted(v.items()))) for m, v in self.metrics.items()))
        criteria = tuple(sorted(self.criteria.items()))
        return metrics, criteria, self.weakest_link, self.expected_platforms

    def floor(self, metric_id: str) -> float:
        return self.metrics.get(metric_id, {}).get("floor", registry.metrics()[metric_id].floor)

    def target(self, metric_id: str) -> float:
        return self.metrics.get(metric_id, {}).get("target", registry.metrics()[metric_id].target)

    def weight(self, metric_id: str) -> float:
        return self.metrics.get(metric_id, {}).get("weight", registry.metrics()[metric_id].weight)

    def criterion_weight(self, criterion_id: str) -> float:
        return self.criteria.get(criterion_id, registry.criterion(criterion_id).weight)

    def with_metric(self, metric_id: str, **values: float) -> Settings:
        """A copy with one metric's floor/target/weight changed (checked like a file)."""
        _check_metric(metric_id, values)
        merged = {**self.metrics, metric_id: {**self.metrics.get(metric_id, {}), **values}}
        return replace(self, metrics=merged)

    def with_criterion_weight(self, criterion_id: str, weight: float) -> Settings:
        _check_id(criterion_id, [c.id for c in registry.criteria()], "criterion")
        _check_number(f"criteria.{criterion_id}.weight", weight, weight=True)
        return replace(self, criteria={**self.criteria, criterion_id: float(weight)})


def _check_id(name: str, valid: list[str], kind: str) -> None:
    """`kind`: metric, criterion, section or audit_option (a `settings.kind.*` text)."""
    if name not in valid:
        near = difflib.get_close_matches(name, valid, n=1, cutoff=0.0)
        hint = msg("settings.error.did_you_mean", name=repr(near[0])) if near else ""
        raise SettingsError(
            msg(
                "settings.error.unknown_id",
                kind=msg(f"settings.kind.{kind}"),
                name=repr(name),
                hint=hint,
            )
        )


def _check_metric(metric_id: str, values: dict[str, Any]) -> None:
    _check_id(metric_id, list(registry.metrics()), "metric")
    for key, value in values.items():
        if key not in _METRIC_FIELDS:
            raise SettingsError(
                msg("settings.error.unknown_field", metric=metric_id, field=repr(key))
            )
        _check_number(f"metrics.{metric_id}.{key}", value, weight=key == "weight")


def _check_number(where: str, value: Any, weight: bool = False) -> None:
    """A finite number in range: weights from 0 to MAX_WEIGHT, floors and targets within
    ±MAX_VALUE."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SettingsError(msg("settings.error.not_a_number", where=where, value=repr(value)))
    if not math.isfinite(value):
        raise SettingsError(msg("settings.error.not_finite", where=where, value=repr(value)))
    if weight and not 0 <= value <= MAX_WEIGHT:
        raise SettingsError(
            msg(
                "settings.error.weight_range", where=where, max=f"{MAX_WEIGHT:g}", value=repr(value)
            )
        )
    if not weight and abs(value) > MAX_VALUE:
        raise SettingsError(
            msg(
                "settings.error.value_range",
                where=where,
                low=f"{-MAX_VALUE:g}",
                high=f"{MAX_VALUE:g}",
            )
        )


def parse_settings(text: str) -> Settings:
    """A settings TOML file → Settings, checked against the registry."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(msg("settings.error.not_toml", detail=str(error))) from None
    for key in raw:
        _check_id(key, ["audit", "criteria", "metrics"], "section")
    audit = _table(raw, "audit")
    for key in audit:
        _check_id(key, list(_AUDIT_FIELDS), "audit_option")
    metrics: dict[str, dict[str, float]] = {}
    for metric_id, values in _table(raw, "metrics").items():
        if not isinstance(values, dict):
            raise SettingsError(msg("settings.error.metric_table", metric=metric_id))
        _check_metric(metric_id, values)
        metrics[metric_id] = {k: float(v) for k, v in values.items()}
    criteria: dict[str, float] = {}
    for criterion_id, values in _table(raw, "criteria").items():
        _check_id(criterion_id, [c.id for c in registry.criteria()], "criterion")
        if not isinstance(values, dict):
            raise SettingsError(msg("settings.error.criterion_table", criterion=criterion_id))
        for key, value in values.items():
            if (
                key != "weight"
                or isinstance(value, bool)
                or not isinstance(value, int | float)
                or value < 0
            ):
                raise SettingsError(msg("settings.error.criterion_weight", criterion=criterion_id))
            _check_number(f"criteria.{criterion_id}.weight", value, weight=True)
            criteria[criterion_id] = float(value)
    platforms = audit.get("expected_platforms")
    if platforms is not None and not (
        isinstance(platforms, list) and all(isinstance(p, str) for p in platforms)
    ):
        raise SettingsError(msg("settings.error.platforms"))
    weakest = audit.get("weakest_link", False)
    if not isinstance(weakest, bool):
        raise SettingsError(msg("settings.error.weakest_link"))
    return Settings(
        metrics=metrics,
        criteria=criteria,
        weakest_link=weakest,
        expected_platforms=tuple(p.lower() for p in platforms) if platforms is not None else None,
    )


def _table(raw: dict[str, Any], key: str) -> dict[str, Any]:
    """A section of the file ({} when absent), which must be a table."""
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise SettingsError(msg("settings.error.section", key=key, kind=type(value).__name__))
    return value


def dump_settings(settings: Settings) -> str:
    """Every setting written out in full (defaults included), ready to edit and upload."""
    lines = [
        "# Presenza audit settings. Edit any number and upload this file in Settings,",
        "# or pass it to `python -m dashboard audit --settings FILE`.",
        "",
        "[audit]",
        f"weakest_link = {'true' if settings.weakest_link else 'false'}",
    ]
    if settings.expected_platforms is not None:
        lines.append(
            "expected_platforms = ["
            + ", ".join(f'"{p}"' for p in settings.expected_platforms)
            + "]"
        )
    for c in registry.criteria():
        lines += ["", f"[criteria.{c.id}]", f"weight = {settings.criterion_weight(c.id)!r}"]
    for m in registry.metrics().values():
        lines += [
            "",
            f'[metrics."{m.id}"]  # {m.title["en"]} ({m.unit})',
            f"floor = {settings.floor(m.id)!r}",
            f"target = {settings.target(m.id)!r}",
            f"weight = {settings.weight(m.id)!r}",
        ]
    return "\n".join(lines) + "\n"
