"""The registry is complete, matches the framework's metric ids, and is documented in the README."""

from __future__ import annotations

import re

from conftest import ROOT

from dashboard.criteria import registry
from dashboard.criteria.families import FAMILIES

FRAMEWORK_IDS = {
    "in_house": ["staff_post_share", "staff_reply_share"],
    "involvement": [
        "participation_rate",
        "regular_rate",
        "department_breadth",
        "top10_concentration",
    ],
    "managers": [
        "participation_rate",
        "participation_ratio",
        "original_post_share",
        "team_interaction_share",
    ],
    "collaboration": ["cross_department_share", "department_pair_coverage", "reciprocity"],
    "voice": ["commentary_share", "original_share"],
    "amplification": ["reach_multiplier", "audience_multiplier"],
    "consistency": ["active_week_share", "longest_silence_days", "weekly_cv"],
    "conversation": ["reply_rate", "median_response_hours", "conversation_rate"],
    "integration": ["department_coverage", "function_coverage"],
    "governance": ["checklist", "trained_share", "opted_in_share"],
    "ecosystem": ["event_share", "partner_share"],
    "presence": ["platform_coverage"],
}


def test_registry_has_exactly_the_framework_criteria_and_metric_ids() -> None:
    declared = {c.id: [m.id.split(".", 1)[1] for m in c.metrics] for c in registry.criteria()}
    assert declared == FRAMEWORK_IDS


def test_every_criterion_has_a_computing_family() -> None:
    assert set(FAMILIES) == set(FRAMEWORK_IDS)


def test_every_text_exists_in_both_languages() -> None:
    for c in registry.criteria():
        assert c.title["it"] and c.title["en"] and c.argument["it"] and c.argument["en"] and c.seed
        for m in c.metrics:
            for field in (m.title, m.description, m.recommendation):
                assert field["it"] and field["en"], m.id
            assert m.formula, m.id
            assert m.unit in ("rate", "ratio", "days", "hours", "number")


def test_every_registry_entry_is_in_the_readme_criteria_table() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme[
        readme.index("<!-- criteria-table -->") : readme.index("<!-- /criteria-table -->")
    ]
    documented = set(re.findall(r"`([a-z_0-9]+\.[a-z_0-9]+)`", table))
    assert documented == set(registry.metrics())
    assert registry.criteria_table_markdown() in table, (
        "README criteria table is stale: regenerate it"
    )
