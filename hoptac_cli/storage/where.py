"""A WHERE clause built from optional filters, with named parameters, for the listing queries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Where:
    """Collects ``AND``-ed conditions; filters given as ``None`` add nothing."""

    def __init__(self, **params: Any):
        self.clauses: list[str] = []
        self.params: dict[str, Any] = dict(params)

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def equal(self, column: str, name: str, value: Any) -> None:
        if value is not None:
            self.add(f"{column} = :{name}", **{name: value})

    def marks(self, name: str, values: Sequence[Any]) -> str:
        """Placeholders for ``IN (...)`` over ``values`` (``NULL`` when empty, matching nothing)."""
        self.params.update({f"{name}{i}": value for i, value in enumerate(values)})
        return ", ".join(f":{name}{i}" for i in range(len(values))) or "NULL"

    def within(self, column: str, name: str, values: Sequence[Any] | None) -> None:
        if values is not None:
            self.add(f"{column} IN ({self.marks(name, values)})")

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""
