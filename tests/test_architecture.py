"""The shape of the code: modules import each other in one direction only.

The module graph is built from the source with `ast`: every `import` anywhere in a
module counts (inside functions and under `TYPE_CHECKING` too), because an import
deferred to dodge a cycle is still a cycle in the design.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import packages_distributions, requires
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "dashboard"


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of the package that `name` imports, wherever in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.add(full if full in known else base)
    resolved = set()
    for target in targets:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            resolved.add(target)
    return resolved


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> Iterator[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> Iterator[list[str]]:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                yield from visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                yield sorted(component)

    for node in sorted(edges):
        if node not in index:
            yield from visit(node)


def test_the_graph_sees_every_kind_of_import() -> None:
    edges = graph()
    assert "dashboard.messages" in edges["dashboard.i18n"]  # from … import …
    assert "dashboard.scoring" in edges["dashboard.gaps"]  # under TYPE_CHECKING
    assert "dashboard.ingest.problems" in edges["dashboard.ingest.convert"]
    assert list(cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})) == [["a", "b", "c"]]


def test_no_import_cycle_anywhere_in_the_package() -> None:
    assert list(cycles(graph())) == []


def test_the_engine_never_imports_the_views() -> None:
    views = ("dashboard.ui", "dashboard.app_pages")
    for name, targets in graph().items():
        if name.startswith(views):
            continue
        assert not {t for t in targets if t.startswith(views)}, name


def source_files() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def test_session_state_is_touched_only_by_the_state_module() -> None:
    """Every key a session keeps is declared, typed, in `ui/state.py`."""
    users = [p.relative_to(ROOT) for p in source_files() if "session_state" in p.read_text("utf-8")]
    assert [str(p) for p in users] == ["dashboard/ui/state.py"]


def test_streamlit_only_in_the_views() -> None:
    views = ("dashboard.ui", "dashboard.app_pages")
    for name, path in modules().items():
        if name.startswith(views):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] == "streamlit" for n in names), name


def test_no_module_over_500_lines() -> None:
    """Small modules with one job (catalogs and data files are not Python)."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in source_files()
        if (n := len(p.read_text("utf-8").splitlines())) > 500
    }
    assert long == {}


def test_the_runtime_depends_on_what_it_imports_and_nothing_else() -> None:
    """`pip install .` pulls what the package imports, no test or benchmark tool; the
    PostgreSQL driver is the `postgres` extra, the object store's client the `s3` extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = {requirement_name(r) for r in project["dependencies"]}
    extras = project["optional-dependencies"]
    assert {requirement_name(r) for r in extras["postgres"]} == {"psycopg"}
    assert {requirement_name(r) for r in extras["s3"]} == {"boto3"}
    optional = {"psycopg", "boto3"}  # imported only where that extra's feature is used
    optional |= {requirement_name(r) for r in requires("boto3") or () if "extra ==" not in r}
    distributions = packages_distributions()
    imported: set[str] = set()
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top == "dashboard":
                    continue
                imported.update(requirement_name(d) for d in distributions[top])
    assert imported - optional == declared
    assert {"psycopg", "boto3"} <= imported
    for tool in ("pytest", "hypothesis", "ruff", "duckdb", "openpyxl", "playwright"):
        assert tool not in declared


def requirement_name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_benchmarks_import_what_the_package_has() -> None:
    """The benchmarks run their measurements in child processes from code held in strings,
    which no import checks: a name moved by a reshaping broke `make bench` unnoticed."""
    imports = re.compile(r"^\s*from (dashboard[\w.]*) import ([\w, ]+)$", re.MULTILINE)
    found = [
        (path.name, module, name.strip())
        for path in sorted((ROOT / "benchmarks").glob("*.py"))
        for module, names in imports.findall(path.read_text(encoding="utf-8"))
        for name in names.split(",")
    ]
    assert len(found) >= 10
    missing = [
        f"{script}: from {module} import {name}"
        for script, module, name in found
        if not hasattr(importlib.import_module(module), name)
    ]
    assert not missing, missing


STRICT_FLAGS = (
    "disallow_untyped_defs",
    "disallow_incomplete_defs",
    "check_untyped_defs",
    "disallow_any_generics",
    "warn_return_any",
    "no_implicit_optional",
)
# Checked in mypy's default mode: the app's and the terminal's views, the deliverables and
# the sample generator. Everything else (the engine, ingest, store) is typed strictly.
VIEWS = (
    "dashboard.ui",
    "dashboard.app_pages",
    "dashboard.charts",
    "dashboard.report",
    "dashboard.sample",
    "dashboard.cli",
    "dashboard.cli_plan",
    "dashboard.report_command",
    "dashboard.terminal",
)


def _relaxed(name: str, patterns: list[str]) -> bool:
    """Whether a mypy override's module patterns (`pkg.*` covers `pkg` too) name `name`."""
    return any(
        name == p.removesuffix(".*") or (p.endswith(".*") and name.startswith(p[:-1]))
        for p in patterns
    )


def test_make_test_type_checks_the_engine_ingest_and_store_strictly() -> None:
    """`make test` runs mypy after ruff and before pytest, and only the views named above
    are relaxed: a new module, or any of the engine, ingest and store, is typed strictly."""
    recipe = (ROOT / "Makefile").read_text("utf-8").split("\ntest:", 1)[1].split("\n\n", 1)[0]
    steps = [line.split("-m ", 1)[1].split()[0] for line in recipe.splitlines() if "-m " in line]
    assert steps == ["ruff", "ruff", "mypy", "pytest"]
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"]
    assert mypy["files"] == ["dashboard"]
    assert all(mypy[flag] is True for flag in STRICT_FLAGS)
    relaxed = [
        o["module"] for o in mypy["overrides"] if any(o.get(flag) is False for flag in STRICT_FLAGS)
    ]
    patterns = [p for modules in relaxed for p in modules]
    strict = {name for name in modules() if not _relaxed(name, patterns)}
    assert {name for name in modules() if not name.startswith(VIEWS)} == strict
    assert {"dashboard.scoring", "dashboard.ingest.convert", "dashboard.store.audits"} <= strict
