"""``db check``: is the file sound, and does its data obey hoptac's rules? One line per problem."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hoptac_cli.domain.numbers import show_number
from hoptac_cli.domain.register import year_span
from hoptac_cli.i18n import t
from hoptac_cli.storage import check as store
from hoptac_cli.storage.db import examine, refusal

#: each domain rule: its query and the message of one problem
RULES = (
    (store.progress_out_of_range, "check.progress_range"),
    (store.done_below_full, "check.report_done_below"),
    (store.outside_agreement, "check.report_outside"),
    (store.revisions_missing, "check.revision_missing"),
    (store.revisions_other_chain, "check.revision_other_chain"),
    (store.revisions_orphaned, "check.revision_orphan"),
    (store.without_lead, "check.no_lead"),
)


def problems(path: Path) -> list[str]:
    """Every problem found in the database at ``path``, as lines; none when all is well. The file
    is only read. A file that is not a hoptac database at all is refused (``HoptacError``)."""
    state = examine(path)
    if state.kind == "damaged":
        return [t("check.unreadable", reason=state.reason)]
    refused = refusal(path, state)
    if refused is not None:
        raise refused
    conn = state.conn
    assert conn is not None
    found: list[str] = []
    try:
        found += [t("check.integrity", detail=line) for line in store.integrity(conn)]
        found += [t("check.foreign_key", **row) for row in store.foreign_keys(conn)]
        for query, key in RULES:
            for row in query(conn):
                if "value" in row and isinstance(row["value"], (int, float)):
                    row["value"] = show_number(row["value"])
                if "first" in row and "last" in row:
                    row["years"] = year_span(row["first"], row["last"])
                found.append(t(key, **row))
    except sqlite3.DatabaseError as error:  # damaged beyond what the checks above could read
        found.append(t("check.unreadable", reason=error))
    finally:
        state.close()
    return found
