"""The governance questionnaire: answered in the app or uploaded as TOML/JSON, checked strictly.

Every key is optional; a missing answer leaves its part of governance not measured.
Unknown keys are reported (a typo would otherwise silently leave a question unanswered).
"""

from __future__ import annotations

import difflib
import json
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from dashboard.i18n import MessageError
from dashboard.messages import msg

GOVERNANCE_KEYS = (
    "policy_exists",
    "policy_updated",
    "legal_involved",
    "access_unblocked",
    "training_programme",
    "internal_tool",
    "marketing_coordinates",
)
TOP_KEYS = ("agencies", "governance", "platforms", "followers")
MAX_FOLLOWERS = 10**10  # more than any page has: a bigger number is a typo or an attack
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)  # a policy revision date


class QuestionnaireError(MessageError, ValueError):
    """The questionnaire text is not valid; the message says where and what to do."""


def parse_questionnaire(text: str) -> dict[str, Any]:
    """Parse TOML or JSON text into a checked questionnaire dict."""
    stripped = text.strip()
    try:
        raw = json.loads(stripped) if stripped.startswith("{") else tomllib.loads(stripped)
    except (ValueError, RecursionError) as error:  # JSON and TOML syntax errors are ValueErrors
        raise QuestionnaireError(
            msg("questionnaire.error.syntax", detail=str(error)[:200])
        ) from None
    return check_questionnaire(raw)


def looks_like_questionnaire(text: str) -> bool:
    """True when the text is a TOML/JSON document with at least one questionnaire key."""
    try:
        stripped = text.strip()
        raw = json.loads(stripped) if stripped.startswith("{") else tomllib.loads(stripped)
    except (ValueError, RecursionError):
        return False
    return isinstance(raw, dict) and any(k in raw for k in TOP_KEYS)


def _unknown(key: str, valid: tuple[str, ...], where: str) -> QuestionnaireError:
    near = difflib.get_close_matches(key, valid, n=1)
    hint = msg("questionnaire.error.did_you_mean", key=repr(near[0])) if near else ""
    return QuestionnaireError(
        msg(
            "questionnaire.error.unknown_key",
            key=f"{where}{key!r}",
            hint=hint,
            valid=", ".join(valid),
        )
    )


def check_questionnaire(raw: object) -> dict[str, Any]:
    """Validate shape, keys, types and ranges; return a normalised copy (dates as `date`,
    platforms lower case). Every way a file can be wrong is a QuestionnaireError that
    says where, never another exception."""
    if not isinstance(raw, dict):
        raise QuestionnaireError(msg("questionnaire.error.not_a_table"))
    out: dict[str, Any] = {}
    for key in raw:
        if key not in TOP_KEYS:
            raise _unknown(str(key), TOP_KEYS, "")
    if "agencies" in raw:
        agencies = raw["agencies"]
        if not isinstance(agencies, list) or not all(isinstance(a, str) for a in agencies):
            raise QuestionnaireError(msg("questionnaire.error.agencies"))
        out["agencies"] = [a.strip() for a in agencies if a.strip()]
    governance: dict[str, bool | date | None] = {}
    for key, value in _section(raw, "governance").items():
        if key not in GOVERNANCE_KEYS:
            raise _unknown(key, GOVERNANCE_KEYS, "governance.")
        if key == "policy_updated":
            governance[key] = _as_date(value)
        elif value is None:
            continue
        elif isinstance(value, bool):
            governance[key] = value
        else:
            raise QuestionnaireError(
                msg("questionnaire.error.not_boolean", key=key, value=repr(value))
            )
    out["governance"] = governance
    platforms = _section(raw, "platforms")
    for key in platforms:
        if key != "expected":
            raise _unknown(key, ("expected",), "platforms.")
    if "expected" in platforms:
        expected = platforms["expected"]
        if not isinstance(expected, list) or not all(isinstance(p, str) for p in expected):
            raise QuestionnaireError(msg("questionnaire.error.platforms"))
        out["platforms"] = {"expected": [p.strip().lower() for p in expected]}
    followers = {}
    for platform, count in _section(raw, "followers").items():
        if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_FOLLOWERS:
            raise QuestionnaireError(
                msg("questionnaire.error.followers", platform=platform, max=MAX_FOLLOWERS)
            )
        followers[str(platform).lower()] = count
    out["followers"] = followers
    return out


def _section(raw: dict[str, Any], key: str) -> dict[str, Any]:
    """A section of answers ({} when absent), which must be a table of key = value."""
    value = raw.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise QuestionnaireError(
            msg("questionnaire.error.section", key=key, kind=type(value).__name__)
        )
    return value


def _as_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            raise QuestionnaireError(
                msg("questionnaire.error.date", example="2026-03-01", value=repr(value))
            ) from None
    if not EARLIEST <= day <= LATEST:
        raise QuestionnaireError(
            msg(
                "questionnaire.error.date_range",
                earliest=EARLIEST.isoformat(),
                latest=LATEST.isoformat(),
                value=day.isoformat(),
            )
        )
    return day


def merged_answers(*sources: Iterable[Mapping[str, Any]] | Mapping[str, Any]) -> dict[str, Any]:
    """Answers from several questionnaires, later ones overriding earlier ones key by key
    (a governance answer, a platform's followers; the agencies and platforms lists whole).
    Each source is a questionnaire, or an iterable of them."""
    merged: dict[str, Any] = {"governance": {}, "followers": {}}
    for source in sources:
        for answers in [source] if isinstance(source, Mapping) else source:
            merged["governance"].update(answers.get("governance", {}))
            merged["followers"].update(answers.get("followers", {}))
            for key in ("agencies", "platforms"):
                if key in answers:
                    merged[key] = answers[key]
    return merged


def to_toml(questionnaire: Mapping[str, Any]) -> str:
    """The questionnaire as TOML text, to download or save with an audit."""
    import tomli_w

    clean = {k: v for k, v in questionnaire.items() if v not in (None, {}, [])}
    if "governance" in clean:
        clean["governance"] = {k: v for k, v in clean["governance"].items() if v is not None}
    return tomli_w.dumps(clean)
