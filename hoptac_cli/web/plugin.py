"""Datasette hooks of the web view, registered by ``server.build``.

- ``prepare_connection``: the functions the SQL views call for every figure (``web.functions``:
  hoptac's own rules, run in Python), and ``hoptac_match``, ``hoptac_phrase`` and
  ``hoptac_snippet``, the search functions of ``domain.search`` (one folding rule for the
  command line and the web);
- ``render_cell``: the search snippet's ``**marked**`` words as ``<mark>``;
- ``asgi_wrapper``: any request but GET/HEAD is answered 405: the web view writes nothing (the
  file is opened read-only as well; Datasette 0.65 would answer some POSTs with an error 500);
- ``actor_from_request``: while SQL is off (``allow_sql`` names only the dashboard's actor), the
  dashboard page and its charts' own queries, exactly as configured, still run; any other SQL is
  refused as Datasette refuses it.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

from datasette import hookimpl

from hoptac_cli.domain import search
from hoptac_cli.web import functions
from hoptac_cli.web.metadata import DASHBOARD_ACTOR, DATABASE


@hookimpl
def prepare_connection(conn: Any) -> None:
    functions.install(conn)
    conn.create_function("hoptac_match", 1, lambda query: search.match_expression(query or ""), deterministic=True)
    conn.create_function("hoptac_phrase", 1, lambda query: search.phrase_expression(query or ""), deterministic=True)
    conn.create_function("hoptac_snippet", 2, lambda text, query: search.snippet(text or "", query or ""), deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, database: str) -> Any:
    if database != DATABASE or column != "Trích đoạn" or not isinstance(value, str) or search.MARK not in value:
        return None
    from markupsafe import Markup

    parts = value.split(search.MARK)
    return Markup(
        "".join(f"<mark>{html.escape(part)}</mark>" if index % 2 else html.escape(part) for index, part in enumerate(parts))
    )


def dashboard_queries(datasette: Any) -> set[str]:
    """Every SQL text the dashboard's charts may send: each chart's query with each combination
    of its optional ``[[ … ]]`` filter blocks kept or dropped, as datasette-dashboards fills them."""
    from datasette_dashboards import replace_opts_in_query

    found: set[str] = set()
    for dashboard in (datasette.plugin_config("datasette-dashboards") or {}).values():
        keys = list(dashboard.get("filters", {}))
        for chart in dashboard.get("charts", {}).values():
            if "query" not in chart:
                continue
            for size in range(len(keys) + 1):
                for chosen in itertools.combinations(keys, size):
                    found.add(replace_opts_in_query(chart["query"], {key: "x" for key in chosen}))
    return found


@hookimpl
def actor_from_request(datasette: Any, request: Any) -> Any:
    path = request.path
    # "display" is what Datasette prints at the top right of the dashboard page.
    if path.startswith("/-/dashboards"):
        return {"id": DASHBOARD_ACTOR, "display": "chỉ xem"}
    if path == f"/{DATABASE}.json" and request.args.get("sql") in dashboard_queries(datasette):
        return {"id": DASHBOARD_ACTOR, "display": "chỉ xem"}
    return None


#: what a refused write says (the web view is Vietnamese)
_READ_ONLY = "Trang web này chỉ để xem: không ghi được dữ liệu (405).".encode()


@hookimpl
def asgi_wrapper() -> Any:
    def wrap(app: Any) -> Any:
        async def read_only(scope: dict, receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD"):
                await send(
                    {
                        "type": "http.response.start",
                        "status": 405,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD")],
                    }
                )
                await send({"type": "http.response.body", "body": _READ_ONLY})
                return
            await app(scope, receive, send)

        return read_only

    return wrap
