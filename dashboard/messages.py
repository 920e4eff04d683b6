"""What the engine says, as codes with parameters: the views render them in the reader's language.

A `Msg` is a stable code from the catalogs (`dashboard/locales/<lang>.toml`) and the
values its sentence needs. Parameters may be plain values (numbers are formatted by
the reader's locale), other messages (a reason made of two reasons), or a `Ref` to a
canonical table or column, which each language names its own way. Nothing here knows
a language: `dashboard.i18n.render` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Ref:
    """A canonical table, or one of its columns, named in a message ("roster.followers")."""

    table: str
    column: str | None = None

    def __str__(self) -> str:
        return self.table if self.column is None else f"{self.table}.{self.column}"


@dataclass(frozen=True)
class Msg:
    """A catalog code and the values its text is filled with."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # params may hold lists: equal messages share their code
        return hash(self.code)


def msg(code: str, **params: Any) -> Msg:
    """`Msg(code, {params})`, written the short way."""
    return Msg(code, params)


def ref(name: str) -> Ref:
    """A table or column from its dotted name: "roster", "company_posts.author"."""
    table, _, column = name.partition(".")
    return Ref(table, column or None)


def all_of(*parts: Msg | Ref | None) -> Msg | Ref | None:
    """Several missing inputs as one reason ("A and B"); None when nothing is missing."""
    present = [p for p in parts if p is not None]
    if not present:
        return None
    joined = present[0]
    for part in present[1:]:
        joined = msg("join.and", first=joined, second=part)
    return joined


def either(first: Msg | Ref, second: Msg | Ref) -> Msg:
    """Two inputs, either of which would do: "A or B"."""
    return msg("join.or", first=first, second=second)


def or_else(first: Msg | Ref, second: Msg | Ref) -> Msg:
    """An input, or failing it another: "A (or B)"."""
    return msg("join.alternative", first=first, second=second)


def to_json(value: Msg | Ref) -> dict[str, Any]:
    """A message as plain JSON: {"code", "params"} (messages and refs nested), a ref as
    {"ref": "table.column"}: the stable form the JSON document and saved audits keep."""
    if isinstance(value, Ref):
        return {"ref": str(value)}
    return {"code": value.code, "params": {k: _json(v) for k, v in value.params.items()}}


def from_json(data: Mapping[str, Any]) -> Msg | Ref:
    """A message (or ref) read back from `to_json`."""
    if "ref" in data:
        return ref(data["ref"])
    return Msg(data["code"], {k: _value(v) for k, v in (data.get("params") or {}).items()})


def _json(value: Any) -> Any:
    if isinstance(value, Msg | Ref):
        return to_json(value)
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def _value(value: Any) -> Any:
    if isinstance(value, Mapping) and ("code" in value or "ref" in value):
        return from_json(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value
